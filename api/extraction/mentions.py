"""Speaker noun phrases next to a reporting verb: names, titles, pronouns, descriptions.

A mention is parsed from a short chunk of text that ends at the verb
(`Chinese foreign ministry spokesman Wang Wenbin | said`) or starts after it
(`said | Liu, citing statistics`: after_verb.py). Names are split from the titles and roles
written before them; appositives between commas become the role. An age or a US
party label between commas ("Riley, 34, said", "Sen. Jane Roe, R-Texas, said") is
skipped. An aside between commas ("Tom Hale, speaking to reporters, said", "Hale, however,
said") is skipped; a possessive determiner opens a role before a name ("Her son Omar said");
the noun phrase itself (name, pronoun or description) is parsed by phrases.py. A place
ending the phrase after a person's home town is no speaker: "Jo Roe of Dover, Delaware
says", "Jo Roe, 34, of Dover, Del., who …, said" are Jo Roe ("Russia said" stays Russia).
"""
from __future__ import annotations

import re

from .after_verb import _NAME_APPOSITIVE_RE, parse_after
from .lexicon import DEFINITE, INDEFINITE, SUBJECT_PRONOUNS, words
from .names import (_POSSESSIVE_DETS, FUNCTION_CAPS, Mention, Tok, _name_run, is_cap,
                    is_org_name, tokenize)
from .phrases import _role_like, _strip_adverbials, parse_core

__all__ = ["Mention", "Tok", "tokenize", "is_cap", "is_org_name", "parse_before", "parse_after",
           "parse_core"]


# "… Jo Roe(, 34,) of Dover, | Delaware": a person's home town before the state that ends it.
_RESIDENT_RE = re.compile(r"(?:,\s*\d{1,3}\s*,)?\s+of\s+[A-Z][\w.’'\-]*"
                          r"(?:\s+[A-Z][\w.’'\-]*){0,2},\s*$")
_PLACE_RE = re.compile(r"[A-Z][\w.’' \-]{1,30}")
_PLACES = words("us_places") | words("places")


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
    m = _parse_before(text, lo, hi)
    if m is not None and m.kind == "name" and _PLACE_RE.fullmatch(m.name) \
            and m.name.lower() in _PLACES:
        return _resident(text, lo, m) or m  # "Jo Roe of Dover, Delaware says": Roe
    return m


def _resident(text: str, lo: int, place: Mention) -> Mention | None:
    """Return the person of "Jo Roe(, 34,) of Dover, Delaware" ending at a place, else None."""
    found = _RESIDENT_RE.search(text, max(lo, place.start - 120), place.start)
    if found is None:
        return None
    person = _parse_before(text, lo, found.start())
    if person is None or person.kind != "name" or person.org:
        return None
    return person


def _parse_before(text: str, lo: int, hi: int) -> Mention | None:
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
    described = _described_name(text, toks, j)
    if described is not None:
        return described
    split = _appositive(text, toks)
    if split:
        core = parse_core(text, _strip_adverbials(split[0]))
        if core and core.kind == "name":
            core.role = split[1]
        return core
    if inner and all(is_cap(t[0]) for t in inner):
        name = parse_core(text, inner)
        if name is None or name.kind != "name":
            return None
        if parse_core(text, toks[:j]) is None and _possessive_np(toks[:j]):
            return name  # "Lumenstack's closest rival, Parlance,"
        return _after_description(text, toks, j, name)  # "Brightpath's chief …, Elena Sorokina,"
    return None


_NOT_A_ROLE_RE = re.compile(r"\b(?:a|an|the|of|and|or|for|at|in|with)\b")


def _described_name(text: str, toks: list[Tok], j: int) -> Mention | None:
    """Return the name of "Her husband, retired judge Paul Marsh," (a description, then a role
    and a name between commas); the description becomes its role."""
    inner = toks[j + 1:-1]
    if not inner or is_cap(inner[0][0]):
        return None  # a capitalised appositive is read by the rule for names below
    name = parse_core(text, inner)
    if name is None or name.kind != "name" or name.org or name.end != inner[-1][2] \
            or _NOT_A_ROLE_RE.search(text, inner[0][1], name.start):
        return None  # "Officials at X, a unit of Y Enforcement,": no role before a name
    return _after_description(text, toks, j, name)


def _after_description(text: str, toks: list[Tok], j: int, name: Mention) -> Mention | None:
    """Return the name in apposition after a description (toks before the comma at j), the
    description becoming its role unless it has one; None when no description stands there."""
    desc = parse_core(text, toks[:j])
    if desc is None or desc.kind not in ("definite", "anonymous"):
        return None
    name.role = name.role or text[toks[_role_start(toks, j)][1]:toks[j - 1][2]]
    return name


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
