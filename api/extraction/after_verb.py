"""The speaker phrase that follows a reporting verb ("said | Liu, citing statistics").

Rules:
- A pronoun right after the verb is the speaker ("said he").
- After a verb, lower-case modifiers and a role noun lead on to the name they introduce
  ("said Oregon garden-supply executive Jo Roe", "said former secretary of state Jo Roe"),
  also past a number ("said 9/11 widow Jo Roe"), or a title in capitals before a name of
  two words ("said former Gov. Jo Roe", "said retired Army Gen. Jo Roe", "said former
  Secretary of State Jo Roe"; a title-like surname ends the name: "said former governor
  Nora Dean"); "said the 62-year-old" is that age's description; "said the Vermont
  senator" is a description, not the place; a compound description keeps its last noun
  ("one former agency official"), and a role noun followed by a name gives the name
  ("added his campaign manager Jo Roe").
- "the Lee campaign" is the campaign (an organisation noun after the name), not "the Lee".
- "X's cousin, Name," names Name with the role "X's cousin"; "said the mayor, Claire
  Dubois," names Dubois with the role; "said Riley Adams, 34, a nurse" skips the age;
  an appositive with a role after the name is its role.
"""
from __future__ import annotations

import re

from .lexicon import (DEFINITE, DOC_NOUNS, INDEFINITE, NAME_PARTICLES, ORG_NOUNS, PRONOUNS,
                      ROLE_NOUNS, TITLE_WORDS)
from .names import (_CLAUSE_STOP, _POSSESSIVE_DETS, Mention, Tok, _is_role, is_cap, is_org_name,
                    surname_after, tokenize)
from .phrases import _role_like, parse_core

__all__ = ["parse_after"]

# What may stand between commas after a name without being its role: an age ("34") or a
# US party label with a state or district ("R-Texas", "D-Calif.", "D-District 4").
_NAME_APPOSITIVE_RE = re.compile(r"\d{1,3}|(?:[DRI]|Dem|Rep|Ind)\s?[-–]\s?[A-Z][\w.’' \-]{0,30}")


def _forward_tokens(text: str, toks: list[Tok]) -> list[Tok]:
    """Take the noun-phrase prefix of tokens that follow a verb."""
    if not toks:
        return []
    if toks[0][0] in DEFINITE and len(toks) > 1 and is_cap(toks[1][0]):
        k = 1
        while k < len(toks) and k < 8 and is_cap(toks[k][0]):
            k += 1
        if k < len(toks) and toks[k][0] in ORG_NOUNS:
            return toks[:k + 1]  # "the Lee campaign", "the Lund administration"
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
    if j + 2 < len(toks) and toks[j][0] in ("of", "for") and toks[j + 1][0].isalpha() \
            and toks[j + 1][0].islower() and toks[j + 1][0] not in _CLAUSE_STOP:
        j += 2  # "former secretary of state Jo Roe", "director of communications Jo Roe"
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
        if (low in TITLE_WORDS or low in ROLE_NOUNS) \
                and not (n > j and is_cap(toks[n][0]) and "." not in toks[n][0]
                         and surname_after(toks[j:n + 1], n - j)):
            title = n  # but "governor Nora Dean": a title-like surname after a given name
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
