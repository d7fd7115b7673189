"""Speaker noun phrases next to a reporting verb: names, titles, pronouns, descriptions.

A mention is parsed from a short chunk of text that ends at the verb
(`Chinese foreign ministry spokesman Wang Wenbin | said`) or starts after it
(`said | Liu, citing statistics`). Names are split from the titles and roles
written before them; appositives between commas become the role. An age or a US
party label between commas ("Riley, 34, said", "Sen. Jane Roe, R-Texas, said") is
skipped; "X's cousin, Name," names Name with the role "X's cousin". An aside
between commas ("Tom Hale, speaking to reporters, said", "Hale, however, said") is
skipped; a possessive determiner opens a role before a name ("Her son Omar said"); the
noun phrase itself (name, pronoun or description) is parsed by phrases.py. After a verb, lower-case modifiers and a role noun lead on to the name they introduce
("said Oregon garden-supply executive Jo Roe"), also past a number ("said 9/11
widow Jo Roe"), or a title in capitals before a name of two words ("said former Gov.
Jo Roe", "said retired Army Gen. Jo Roe", "said former Secretary of State Jo Roe");
"said the 62-year-old" is that age's description; "said the Vermont senator" is
a description, not the place; a compound description keeps its last noun ("one
former agency official"), and a role noun followed by a name gives the name ("added
his campaign manager Jo Roe").
"""
from __future__ import annotations

import re

from .lexicon import (DEFINITE, DOC_NOUNS, INDEFINITE, NAME_PARTICLES, ORG_NOUNS, PRONOUNS,
                      ROLE_NOUNS, SUBJECT_PRONOUNS, TITLE_WORDS, words)
from .names import (_CLAUSE_STOP, _POSSESSIVE_DETS, FUNCTION_CAPS, Mention, Tok, _is_role,
                    _name_run, is_cap, is_org_name, tokenize)
from .phrases import _role_like, _strip_adverbials, parse_core

__all__ = ["Mention", "Tok", "tokenize", "is_cap", "is_org_name", "parse_before", "parse_after",
           "parse_core"]

# What may stand between commas after a name without being its role: an age ("34") or a
# US party label with a state or district ("R-Texas", "D-Calif.", "D-District 4").
_NAME_APPOSITIVE_RE = re.compile(r"\d{1,3}|(?:[DRI]|Dem|Rep|Ind)\s?[-–]\s?[A-Z][\w.’' \-]{0,30}")


def _appositive(text: str, toks: list[Tok]) -> tuple[list[Tok], str] | None:
    """Split 'Name, the role of X,' into the name tokens and the role text."""
    for j in range(len(toks) - 2, max(-1, len(toks) - 40), -1):
        if toks[j][0] == ",":
            inner = toks[j + 1:-1]
            if not inner:
                return None
            first = inner[0][0]
            has_role = any(_role_like(t[0]) for t in inner[:8])
            if (first in DEFINITE or first in INDEFINITE or first.islower()) and has_role:
                return toks[:j], text[inner[0][1]:inner[-1][2]]
            return None
        if toks[j][0] in ";:()“”\"":
            return None
    return None


def _pronoun_before(text: str, lo: int, hi: int) -> Mention | None:
    """Return "he"/"she"/"they" standing right before hi as a whole token of text[lo:hi],
    when no relative pronoun in the chunk could make it part of a longer subject: the
    commonest cue ("…,” she said) without tokenizing the chunk."""
    j = hi
    while j > lo and text[j - 1].isspace():
        j -= 1
    k = j
    while k > lo and j - k < 5 and text[k - 1].isalpha():
        k -= 1
    word = text[k:j]
    if word not in SUBJECT_PRONOUNS or (k > lo and not text[k - 1].isspace()) \
            or "who" in text[lo:hi]:
        return None
    return Mention("pronoun", word, k, j, word.lower())


def parse_before(text: str, lo: int, hi: int) -> Mention | None:
    """Parse the speaker that ends right before a verb at hi (chunk starts at lo)."""
    near = text.find(" ", hi - 70, hi) + 1 if hi - lo > 80 else lo
    pronoun = _pronoun_before(text, near or lo, hi)
    if pronoun is not None:
        return pronoun
    toks = _strip_adverbials(tokenize(text, near or lo, hi))
    if toks and near > lo and toks[-1][0] == ",":
        toks = _strip_adverbials(tokenize(text, lo, hi))  # an appositive may reach further
    if not toks:
        return None
    if toks[-1][0] == ",":
        return _with_appositive(text, toks)
    rel = None
    if "who" in text[toks[max(0, len(toks) - 14)][1]:hi]:  # most chunks hold no relative
        rel = next((k for k in range(len(toks) - 1, max(0, len(toks) - 14), -1)
                    if toks[k][0] in ("who", "whose")), None)
    qualified = _qualified_source(text, toks)
    if qualified is not None:  # "A person familiar with the talks said"
        return qualified
    if rel is not None:  # "A neighbour who did not want to be named said"
        head = toks[:rel - 1] if rel > 0 and toks[rel - 1][0] == "," else toks[:rel]
        core = parse_core(text, head)  # "…, Maria Lopez, who said"
        if core is None and len(head) < rel:  # "went to Maria Lopez, who said"
            core = parse_core(text, head[_name_run(text, head):])
        return core if core is not None and core.kind != "pronoun" else None
    return parse_core(text, toks)


QUALIFIERS = words("mentions_qualifiers")
_QUALIFIER_PREPOSITIONS = frozenset({"to", "with", "in", "on", "about"})


def _qualified_source(text: str, toks: list[Tok]) -> Mention | None:
    """Parse 'a person close to the talks' / 'an official familiar with the plan' before a
    verb: the description before the qualifier; None (the caller reads on) otherwise."""
    for k in range(len(toks) - 2, max(0, len(toks) - 14), -1):
        if toks[k][0] in QUALIFIERS and toks[k + 1][0] in _QUALIFIER_PREPOSITIONS:
            core = parse_core(text, toks[:k])
            if core is not None and core.end == toks[k - 1][2] and (core.kind == "anonymous" or (
                    core.kind == "definite" and toks[0][0].lower() in DEFINITE)):
                return core
            return None
    return None


def _with_appositive(text: str, toks: list[Tok]) -> Mention | None:
    """Parse 'Name, role,' / 'role, Name,' / 'a source, who …,' before a verb."""
    j = _last_comma(toks)
    if j is None:
        return None
    inner = toks[j + 1:-1]
    if inner and inner[0][0] in ("who", "which", "whose"):
        head = _strip_adverbials(toks[:j])
        if inner[0][0] == "which" and _last_comma(head + [toks[j]]) is not None:
            # "Jo Roe, president of the Teachers Union, which represents …, said": the
            # organisation the clause tells of is Jo Roe's
            named = _with_appositive(text, head + [toks[j]])
            if named is not None:
                return named
        return parse_core(text, head)  # relative clause: skip it
    if inner and _parenthetical(inner[0][0]):
        # "Tom Hale, speaking to reporters, said", "Hale, however, said", "Kim, of X, said"
        core = parse_core(text, _strip_adverbials(toks[:j]))
        return core if core is not None and core.kind != "pronoun" else None
    if inner and _NAME_APPOSITIVE_RE.fullmatch(text, inner[0][1], inner[-1][2]):
        # an age or a party label: "Riley, 34, said", "Sen. Jane Roe, R-Texas, said"
        core = parse_core(text, toks[:j])
        return core if core is not None and core.kind == "name" else None
    split = _appositive(text, toks)
    if split:
        core = parse_core(text, _strip_adverbials(split[0]))
        if core and core.kind == "name":
            core.role = split[1]
        return core
    if inner and all(is_cap(t[0]) for t in inner):
        name = parse_core(text, inner)
        desc = parse_core(text, toks[:j])
        if name and name.kind == "name" and desc is None and _possessive_np(toks[:j]):
            return name  # "Lumenstack's closest rival, Parlance,"
        if name and name.kind == "name" and desc and desc.kind in ("definite", "anonymous"):
            name.role = name.role or text[toks[_role_start(toks, j)][1]:toks[j - 1][2]]
            return name  # "Brightpath's chief privacy officer, Elena Sorokina,"
    return None


_PARENTHETICALS = words("mentions_parentheticals")


def _parenthetical(word: str) -> bool:
    """Tell whether a word opens an aside between commas rather than a role."""
    return word in _PARENTHETICALS or (word.islower() and word.endswith("ing") and len(word) > 5)


def _possessive_np(toks: list[Tok]) -> bool:
    """Tell whether tokens end with "X's (adjective) noun" / "its noun", all lower-case after."""
    for k in range(len(toks) - 1, max(-1, len(toks) - 4), -1):
        tok = toks[k][0]
        if tok.endswith(("'s", "’s")) or tok.lower() in _POSSESSIVE_DETS:
            return k < len(toks) - 1
        if not (tok.isalpha() and tok.islower()):
            return False
    return False


def _last_comma(toks: list[Tok]) -> int | None:
    for j in range(len(toks) - 2, max(-1, len(toks) - 40), -1):
        if toks[j][0] == ",":
            return j
        if toks[j][0] in ";:()“”\"":
            return None
    return None


def _role_start(toks: list[Tok], end: int) -> int:
    i = end
    while i > 0 and toks[i - 1][0] not in ",;:()“”\"" and toks[i - 1][0] not in FUNCTION_CAPS:
        i -= 1
    return i


def _forward_tokens(text: str, toks: list[Tok]) -> list[Tok]:
    """Take the noun-phrase prefix of tokens that follow a verb."""
    if not toks:
        return []
    if toks[0][0] in DEFINITE and len(toks) > 1 and is_cap(toks[1][0]):
        k = 1
        while k < len(toks) and k < 8 and is_cap(toks[k][0]):
            k += 1
        role_after = k < len(toks) and toks[k][0].lower() in ROLE_NOUNS
        if not role_after and (is_org_name(" ".join(t[0] for t in toks[1:k])) or not any(
                t[0].lower() in ROLE_NOUNS or t[0].lower() in TITLE_WORDS for t in toks[1:k])):
            return toks[:k]  # "the United States", "the White House", "the Red Cross"
    if toks[0][0] in DEFINITE or toks[0][0] in INDEFINITE or toks[0][0] in _POSSESSIVE_DETS:
        for k, t in enumerate(toks[1:8], 1):
            if t[0].lower() in ROLE_NOUNS or t[0].lower() in ORG_NOUNS \
                    or _AGE_NOUN_RE.fullmatch(t[0]):
                while k + 1 < len(toks) and toks[k + 1][0].islower() \
                        and toks[k + 1][0] in ROLE_NOUNS:
                    k += 1  # "one former campaign staffer", "a party activist"
                n = k + 1
                while n < len(toks) and n - k < 5 and is_cap(toks[n][0]):
                    n += 1
                if n - k > 2 and toks[k][0].islower() and toks[k][0] in ROLE_NOUNS \
                        and not is_org_name(text[toks[k + 1][1]:toks[n - 1][2]]):
                    return toks[:n]  # "added his campaign manager Nils Brandt"
                if k + 1 < len(toks) and toks[k + 1][0].lower() in DOC_NOUNS:
                    return toks[:k + 2]  # "a company statement"
                return toks[:k + 1]
            if t[0].lower() in DOC_NOUNS and k == 1:
                return toks[:2]  # "the statement"
        return []
    out: list[Tok] = []
    for k, (tok, _, _) in enumerate(toks[:10]):
        nxt = toks[k + 1][0] if k + 1 < len(toks) else ""
        if is_cap(tok) or tok.lower() in ROLE_NOUNS or (tok in NAME_PARTICLES and is_cap(nxt)):
            out.append(toks[k])
        elif tok in ("of", "for") and out and _is_role(out[-1][0]) and is_cap(nxt):
            out.append(toks[k])
        elif tok == "&" and out and is_cap(nxt):
            out.append(toks[k])  # "Harrow & Finch"
        elif tok[:1].isdigit() and out and is_cap(out[-1][0]) \
                and is_org_name(text[out[0][1]:toks[k][2]]):
            out.append(toks[k])  # "Union Local 418"
            break
        else:
            j = _role_bridge(toks, k)  # "Oregon garden-supply executive Jo Roe"
            out.extend(toks[k:j])
            if j == k:
                break
    while out and not is_cap(out[-1][0]) and out[-1][0] not in PRONOUNS \
            and not out[-1][0][:1].isdigit():
        out.pop()
    return out


_NUMBER_MODIFIER_RE = re.compile(r"\d{1,4}|/")
_AGE_NOUN_RE = re.compile(r"(?:\d{1,3}-)?year-old")  # "said the 46-year-old" ("46", "-", "year-old")


def _role_bridge(toks: list[Tok], k: int) -> int:
    """Return the index past lower-case modifiers and a role noun that lead from toks[k]
    to the name they introduce ("garden-supply executive Jo Roe"), else k."""
    j = k
    while j < len(toks) and j - k < 3 and toks[j][0].islower() \
            and toks[j][0].replace("-", "").isalpha() and toks[j][0] not in _CLAUSE_STOP \
            and toks[j][0].lower() not in ROLE_NOUNS \
            or j < len(toks) and j - k < 4 and _NUMBER_MODIFIER_RE.fullmatch(toks[j][0]):
        j += 1  # "9/11 widow Jo Roe", "2016 nominee Jo Roe": a number may lead the role
    if j > k and j < len(toks) and is_cap(toks[j][0]):
        return _titled_run(toks, k, j)  # "former Gov. Jo Roe", "retired Army Gen. Jo Roe"
    if j >= len(toks) or toks[j][0].lower() not in ROLE_NOUNS or not toks[j][0].islower():
        return k
    j += 1
    n = j
    while n < len(toks) and is_cap(toks[n][0]):
        n += 1
    return n if n - j >= 2 else k


def _department_of(toks: list[Tok], n: int, title: int) -> bool:
    """Tell whether toks[n] is the "of"/"for" right after a title word that opens a
    department ("former Secretary of State Jo Roe")."""
    return title == n - 1 and toks[n][0] in ("of", "for") and n + 1 < len(toks) \
        and is_cap(toks[n + 1][0])


def _titled_run(toks: list[Tok], k: int, j: int) -> int:
    """Return the index past a run from toks[j] of capitalised words and role nouns
    holding a title and ending in a name of two words or more ("Gov. Jo Roe", "GOP
    strategist Jo Roe"), else k."""
    n, title = j, -1
    while n < len(toks) and n - j < 8 and (is_cap(toks[n][0]) or toks[n][0] in ROLE_NOUNS
                                           or _department_of(toks, n, title)):
        low = toks[n][0].lower()
        if low in TITLE_WORDS or low in ROLE_NOUNS:
            title = n
        n += 1
    return n if title >= 0 and n - title > 2 and all(
        is_cap(t[0]) or _department_of(toks, title + 1, title) and t is toks[title + 1]
        for t in toks[title + 1:n]) else k


def _possessive_apposition(text: str, m: Mention, rest: list[Tok]) -> Mention | None:
    """Return Name of "X's cousin, Name," (role: "X's cousin") after a verb or cue."""
    comma = next((k for k, t in enumerate(rest[:6]) if t[0] == ","), None)
    if not comma or not all(t[0].isalpha() and t[0].islower() for t in rest[:comma]):
        return None
    stop = next((k for k in range(comma + 1, len(rest)) if not is_cap(rest[k][0])), len(rest))
    if stop == comma + 1 or (stop < len(rest) and rest[stop][0] not in ",.;"):
        return None
    name = parse_core(text, rest[comma + 1:stop])
    if name is None or name.kind != "name" or name.org:
        return None
    name.role = text[m.start:rest[comma - 1][2]]
    name.text, name.start = text[m.start:name.end], m.start
    return name


def parse_after(text: str, lo: int, hi: int) -> Mention | None:
    """Parse the speaker that follows a verb: 'said Liu, the deputy director'."""
    toks = tokenize(text, lo, hi)
    if toks and toks[0][0] in PRONOUNS:
        t = toks[0]
        return Mention("pronoun", t[0], t[1], t[2], t[0].lower())
    np_toks = _forward_tokens(text, toks)
    if not np_toks:
        return None
    m = parse_core(text, np_toks)
    rest = toks[len(np_toks):]
    if m and m.kind == "name" and m.text.endswith(("'s", "’s")):
        named = _possessive_apposition(text, m, rest)
        if named is not None:
            return named  # "Mr Demir's cousin, Emre Yilmaz,"
    if m and m.kind == "name" and len(rest) > 3 and rest[0][0] == "," and rest[2][0] == "," \
            and _NAME_APPOSITIVE_RE.fullmatch(text, rest[1][1], rest[1][2]):
        rest = rest[2:]  # "said Riley Adams, 34, a nurse"
    if m and m.kind in ("definite", "anonymous") and len(rest) > 2 and rest[0][0] == ",":
        stop = next((k for k, t in enumerate(rest[1:], 1) if not is_cap(t[0])), len(rest))
        if stop > 1 and (stop == len(rest) or rest[stop][0] in ",.;"):
            name = parse_core(text, rest[1:stop])
            if name and name.kind == "name" and not name.org:
                name.role = name.role or m.text
                return name  # "said the mayor, Claire Dubois,"
    if m and m.kind == "name" and len(rest) > 2 and rest[0][0] == ",":
        first = rest[1][0]
        if first in DEFINITE or first in INDEFINITE or first.lower() in ROLE_NOUNS:
            stop = next((k for k, t in enumerate(rest[1:], 1) if t[0] in ",;:.()"), len(rest))
            inner = rest[1:stop]
            if inner and any(_role_like(t[0]) for t in inner[:8]):
                m.role = text[inner[0][1]:inner[-1][2]]
    return m
