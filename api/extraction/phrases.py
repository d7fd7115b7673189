"""The noun phrase that names a speaker, parsed from the tokens that end at it.

Rules:
- A pronoun is a pronoun, also contracted ("He’s predicting"); a capitalised run is a name (names.py), titles and roles
  before it its role; "Union Local 418": a number may end an organisation name.
- A description is headed by a role or organisation noun ("the US ambassador to
  China", "a spokesperson for the company", "the 19-year-old", "the world number
  one", "a 2010 campaign veteran": a year may modify it); "the ad's narrator" is an
  anonymous voice, never a person of the article; "the statement"/"a company statement" speak for the organisation that issued
  them; a possessive name opens a description ("Tom Hale's lawyer").
- A lone plural ("Scientists warned") is a vague group, not a name; a description whose
  head is joined to something before it by "and" ("Lee and other delegates", "the Ohio
  senator and presidential candidate") is none: a compound subject or two roles the
  resolver cannot tell apart.
- A person followed by their organisation ("Analyst Priya Desai at Investec", "Mira Solberg
  of the Halden Institute for Coastal Studies": joiners inside it) keeps the organisation in
  the role.
- The regular plural of a listed role noun heads a group ("Traders at Halden Securities");
  a role noun's phrase never runs across a comma.
"""
from __future__ import annotations

import re

from .lexicon import (ADVERBS, DEFINITE, DOC_NOUNS, INDEFINITE, ORG_NOUNS, ROLE_NOUNS,
                      SUBJECT_PRONOUNS)
from .names import (_CLAUSE_STOP, _POSSESSIVE_DETS, _PREPOSITIONS, _TIME_WORDS, FUNCTION_CAPS,
                    Mention, Tok, _name_run, _named, _span_text, is_cap,
                    surname_after)

_RANKS = frozenset("one two three four five six seven eight nine ten 1 2 3 4 5 6 7 8 9 10".split())
_AGED_RE = re.compile(r"\d{1,3}-year-old")  # "the 31-year-old said"
# Voices nobody names later: "the ad's narrator" is no person of the article.
_UNNAMED_HEADS = frozenset({"narrator", "announcer"})
_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _role_like(tok: str) -> bool:
    """Tell whether a word names a role: listed, or a profession-like -ist/-ian ending."""
    low = tok.lower()
    return low in ROLE_NOUNS or (tok.islower() and len(low) > 5 and low.endswith(("ist", "ian")))


def _role_noun(low: str) -> bool:
    """Tell whether a lower-case word is a listed role noun or the regular plural of one
    ("traders", "researchers": the plural list is not complete)."""
    return low in ROLE_NOUNS or (low.endswith("s") and low[:-1] in ROLE_NOUNS
                                 and not low.endswith("ss"))


def _strip_adverbials(toks: list[Tok]) -> list[Tok]:
    """Drop time phrases and adverbs between a subject and its verb."""
    n = k = len(toks)
    while k > 0 and n - k < 8:
        tok = toks[k - 1][0]
        low = tok.lower()
        if low[:1].isdigit() and k > 1 and is_cap(toks[k - 2][0]) \
                and toks[k - 2][0].lower() not in _TIME_WORDS:
            break  # "Union Local 418 said": the number ends a name, not a date
        if low in ADVERBS or low in _TIME_WORDS or low[:1].isdigit() or (
                tok.islower() and low.endswith("ly") and low.isalpha() and len(low) > 4):
            k -= 1
        else:
            break
    return toks if k == n else toks[:k]  # token lists are never mutated in place


def _description(text: str, toks: list[Tok]) -> Mention | None:
    """Parse 'the US ambassador to China', 'a senior official', 'officials'."""
    if len(toks) > 3 and toks[-1][0] in ("year-old", "year-olds") and toks[-2][0] == "-" \
            and toks[-3][0].isdigit():  # "the 19-year-old": one head word
        toks = toks[:-3] + [(text[toks[-3][1]:toks[-1][2]], toks[-3][1], toks[-1][2])]
    ranked = len(toks) > 2 and toks[-2][0].lower() == "number" and toks[-1][0].lower() in _RANKS
    if ranked:
        toks = toks[:-1]  # "the world number one": a ranking, headed by "number"
    last = toks[-1][0].lower()
    if last in DOC_NOUNS and len(toks) > 1 and (toks[-2][0] in DEFINITE or toks[-2][0] in INDEFINITE
                                                 or toks[-2][0].lower() in ORG_NOUNS):
        # "the statement said", "a company statement": the organisation that issued it
        mod = toks[-2][0].lower()
        d = len(toks) - 2 if toks[-2][0] in DEFINITE or toks[-2][0] in INDEFINITE else len(toks) - 3
        if d < 0 or not (toks[d][0] in DEFINITE or toks[d][0] in INDEFINITE):
            return None
        head = mod if mod in ORG_NOUNS else "statement"
        whole, s, e = _span_text(text, toks[d:])
        return Mention("definite", whole, s, e, text[toks[d + 1][1]:e], head=head, org=True)
    head_idx = -1
    # a role noun followed by a short prepositional phrase: "a spokesperson for the company"
    for k in range(len(toks) - 2, max(0, len(toks) - 9), -1):
        if toks[k + 1][0] == "," and k + 1 < len(toks) - 1:
            break  # "leaders in Dover on Monday, one voter": no phrase across a comma
        if toks[k][0].lower() in _PREPOSITIONS and _role_noun(toks[k - 1][0].lower()):
            head_idx = k - 1
            break
    if head_idx < 0:
        last = toks[-1][0].lower()
        if last not in ROLE_NOUNS and last not in ORG_NOUNS and not _AGED_RE.fullmatch(last) \
                and not ranked:
            return None
        head_idx = len(toks) - 1
    for d in range(head_idx, max(-1, head_idx - 7), -1):
        tok = toks[d][0]
        if tok in DEFINITE or tok in INDEFINITE or (d < head_idx and (
                tok.endswith(("'s", "’s")) or tok.lower() in _POSSESSIVE_DETS)):
            while tok.endswith(("'s", "’s")) and d > 0 and is_cap(toks[d - 1][0]) \
                    and toks[d - 1][0].lower() not in FUNCTION_CAPS:
                d -= 1  # "Tom Hale's lawyer": the whole possessive name
            return _make_description(text, toks, d, head_idx)
        if tok == "and" and d != head_idx:
            return None  # "Lee and other delegates", "the senator and candidate": not one head
        if (not tok[:1].isalpha() and not _YEAR_RE.fullmatch(tok)
                or tok.lower() in _CLAUSE_STOP) and d != head_idx:
            break  # but "a 2010 campaign veteran", "the 2016 nominee": a year modifies
    head = toks[head_idx][0]
    if head.lower().endswith("s") and _role_noun(head.lower()):
        return _make_description(text, toks, head_idx, head_idx, anonymous=True)
    if is_cap(head) and (head_idx == 0 or not toks[head_idx - 1][0][:1].isalpha()):
        return _make_description(text, toks, head_idx, head_idx)
    return None


def _make_description(text: str, toks: list[Tok], d: int, head_idx: int,
                      anonymous: bool | None = None) -> Mention:
    det = toks[d][0]
    if anonymous is None:
        anonymous = det in INDEFINITE
    body_start = d + 1 if (det in DEFINITE or det in INDEFINITE) else d
    body = toks[body_start:] or toks[d:]
    name = text[body[0][1]:toks[-1][2]]
    whole, s, e = _span_text(text, toks[d:])
    head = toks[head_idx][0].lower()
    kind = "anonymous" if anonymous or head in _UNNAMED_HEADS else "definite"
    return Mention(kind, whole, s, e, name, head=head, org=head in ORG_NOUNS)


def parse_core(text: str, toks: list[Tok]) -> Mention | None:
    """Parse the noun phrase that ends the token list."""
    if not toks:
        return None
    last = toks[-1][0]
    bare = _CONTRACTION_RE.sub("", last)
    if bare in SUBJECT_PRONOUNS:  # "he", "He’s predicting", "she'd said"
        return Mention("pronoun", bare, toks[-1][1], toks[-1][1] + len(bare), bare.lower())
    if last[:1].isdigit() and len(toks) > 1 and is_cap(toks[-2][0]):
        run = _name_run(text, toks)  # "Union Local 418"
        named = _named(text, toks, run) if run < len(toks) - 1 else None
        return named if named is not None and named.org else None
    if not is_cap(last) or (last.lower() in ROLE_NOUNS
                            and not surname_after(toks, len(toks) - 1)):
        return _description(text, toks)  # but "Mr. King", "Ray King": a surname
    low = last.lower()
    if low[-1:] == "s" and low[:-1] in ROLE_NOUNS and (len(toks) == 1 or not is_cap(toks[-2][0])):
        # a lone plural is a vague group ("Scientists warned", "Doctors said"), no name
        return Mention("anonymous", last, toks[-1][1], toks[-1][2], last, head=low)
    run = _name_run(text, toks)
    return _named(text, toks, run) or _description(text, toks) or _affiliated(text, toks)


_CONTRACTION_RE = re.compile(r"['’](?:s|d|ll|ve)$")
_AFFILIATIONS = frozenset({"at", "of", "from", "with"})
_ORG_JOINERS = frozenset({"for", "of", "and", "on", "&"})


def _affiliated(text: str, toks: list[Tok]) -> Mention | None:
    """Parse a person followed by their organisation: "Analyst Priya Desai at Investec",
    "Sara Kim from the Red Cross", "Mira Solberg of the Halden Institute for Coastal Studies"
    (the longest organisation: "for"/"of"/"and" may join its capitalised words); the
    organisation joins the role."""
    for k in range(max(1, len(toks) - 12), len(toks) - 1):
        if toks[k][0] in _AFFILIATIONS and _organisation_tail(toks, k + 1):
            break
    else:
        return None
    person = parse_core(text, toks[:k])
    if person is None or person.kind != "name" or person.org or " " not in person.name:
        return None
    if person.role:
        person.role = f"{person.role} {text[toks[k][1]:toks[-1][2]]}"
    person.text, person.end = text[person.start:toks[-1][2]], toks[-1][2]
    return person


def _organisation_tail(toks: list[Tok], i: int) -> bool:
    """Tell whether toks[i:] is "(the) Cap Cap (for|of|and Cap …)": capitalised words, with
    joiners only between two of them."""
    if i < len(toks) - 1 and toks[i][0] == "the":
        i += 1
    words_ = toks[i:]
    return bool(words_) and is_cap(words_[0][0]) and is_cap(words_[-1][0]) and all(
        is_cap(w[0]) or (w[0] in _ORG_JOINERS and is_cap(words_[n - 1][0])
                         and is_cap(words_[n + 1][0]))
        for n, w in enumerate(words_))
