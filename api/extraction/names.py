"""Proper names in a speaker phrase: tokens, capitalised runs, titles split from names.

Rules:
- A name is a run of capitalised tokens (initials and particles like "van" allowed);
  "and"/"of" may join the run only when the result is an organisation name, told after the
  last title ("House Speaker Jo Roe of Ohio" is Jo Roe); a title and "of" with no name after
  ("CEO of the Harbour Association") is no name.
- Title and role words inside or before the run ("U.S. Attorney", "Chinese foreign
  ministry spokesman", "Secretary of State") become the role, not the name; after a title
  and "of"/"for", the department is role too ("Secretary of State Ann Roe": Ann Roe).
  An office ending in "Whip" or "Staff" before a name is role too ("Senate Majority
  Whip Ann Roe", "Chief of Staff Ann Roe": Ann Roe), but not as a name's last word
  ("Nora Whip").
- Leading function words and adjectives ("The", "But", "Chinese") are not names, nor
  is a sentence opener that is never a given name ("Although", "Following", "Absent",
  "Top", "Six": "Although Ana Roe said" is Ana Roe, "Top Roe aides" no person);
  honorifics (Mr, Dr) are dropped rather than kept as a role; office titles
  ("Councilwoman", "Prosecutor") are a role; post-nominal letters (KC, QC) are the
  role when no other is written, never part of the name; a title-like word ending the
  run after an honorific or a given name is a surname ("Mr. King", "Ray King", also past
  a middle initial: "Ray T. King"); a generational suffix keeps its period ("Jo Roe Jr.").
- A capitalised run is an organisation when it holds an organisation word
  (Ministry, Times, Commission) or an ampersand ("Harrow & Finch"), is a known place,
  or is an acronym; a number may end an organisation name ("Union Local 418").
- A person's name found anywhere in the article (person_name_tokens) has two to four
  name tokens: titles, roles, function words, sentence openers ("Although", "Top"),
  headline verbs ("… Says …") and a leading -ing word are cut; a run naming a place, an
  event or a work ("New York City", "Tern Islands", "Harbour Speech") is none, nor is one
  ending in a demonym's or party's plural after no given name ("Ohio Democrats").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (DEFINITE, GIVEN_NAME_GENDER, HEADLINE_VERBS, INDEFINITE, MONTHS,
                      MULTIWORD_PLACES, NAME_PARTICLES, NAME_PREFIX_TITLES, NAME_SUFFIXES,
                      NON_PERSON_FINALS, ORG_WORDS, PLACES, POSTNOMINALS, ROLE_NOUNS,
                      SPEECH_VERBS, STOP_CAPS, TITLE_WORDS,
                      US_PLACES, WEEKDAYS, words)
from .persons import PERSON_TITLES

_TOKEN_RE = re.compile(r"[^\W\d_][\w\-.'’]*|\d\w*|[^\w\s]")
_GLUED_RE = re.compile(r"[.'’](?<=[\w\-.'’][.'’])")  # a mark that may end a word token
_PREPOSITIONS = words("names_prepositions")
_TIME_WORDS = frozenset(WEEKDAYS + MONTHS + ("week", "month", "year", "night", "morning"))
_CLAUSE_STOP = words("names_clause_stop")
FUNCTION_CAPS = words("names_function_caps")
_OPENERS = words("names_openers")  # "Although", "Following", "Top": never a given name
_PARTY_PLURALS = frozenset({"republicans", "democrats", "conservatives", "liberals",
                            "progressives", "independents", "socialists", "libertarians"})
_OFFICE_ENDS = words("names_office_words")  # "Majority Whip", "Chief of Staff"
HONORIFICS = words("names_honorifics")
_ABBREVIATED_TITLES = words("names_abbreviated_titles")
_VERBISH = words("names_verbish")
_POSSESSIVE_DETS = frozenset({"its", "his", "her", "their", "our", "my", "your"})
_RUN_JOINERS = frozenset({"and", "of", "&", "for"})
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_INITIAL_RE = re.compile(r"[A-Z]\.")


Tok = tuple[str, int, int]


@dataclass
class Mention:
    """A speaker as written at a cue."""

    kind: str  # name | pronoun | definite | anonymous
    text: str
    start: int
    end: int
    name: str
    role: str | None = None
    head: str | None = None  # role noun of a description: "official"
    org: bool = False


def tokenize(text: str, lo: int, hi: int) -> list[Tok]:
    """Split text[lo:hi] into word and punctuation tokens with absolute offsets."""
    if _GLUED_RE.search(text, lo, hi) is None:  # the common case: no word ends in . ' ’
        return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, lo, hi)]
    toks: list[Tok] = []
    for m in _TOKEN_RE.finditer(text, lo, hi):
        tok, s, e = m.group(), m.start(), m.end()
        last = tok[-1]
        if last in "'’" and len(tok) > 1:
            toks.append((tok[:-1], s, e - 1))  # a closing mark glued to a word
            toks.append((last, e - 1, e))
        elif last == "." and len(tok) > 2 and "." not in tok[:-1] \
                and tok.lower() not in TITLE_WORDS and tok.lower() not in NAME_SUFFIXES:
            toks.append((tok[:-1], s, e - 1))  # a full stop, not an initial
            toks.append((".", e - 1, e))
        else:
            toks.append((tok, s, e))
    return toks


def is_cap(tok: str) -> bool:
    """Tell whether a token looks like part of a proper name."""
    return tok[:1].isupper() and tok[:1].isalpha()


def _is_role(tok: str) -> bool:
    low = tok.lower()
    return low in ROLE_NOUNS or low in TITLE_WORDS or low in NAME_PREFIX_TITLES


@lru_cache(maxsize=65536)
def is_org_name(name: str) -> bool:
    """Tell whether a capitalised name denotes an organisation or a place."""
    low = name.lower()
    if low in PLACES or low in MULTIWORD_PLACES:
        return True
    words = low.split()
    if any(w in ORG_WORDS for w in words) or "&" in words:
        return True  # "Harrow & Finch": persons are never joined by an ampersand
    bare = name.replace(".", "")
    return len(words) == 1 and len(bare) >= 2 and bare.isupper()


def _span_text(text: str, toks: list[Tok]) -> tuple[str, int, int]:
    s, e = toks[0][1], toks[-1][2]
    return text[s:e], s, e


def _extend_role(toks: list[Tok], end: int) -> int:
    """Return the index where a pre-name role phrase ending at toks[end-1] starts."""
    i = end
    while i > 0 and end - i < 7:
        tok = toks[i - 1][0]
        low = tok.lower()
        if not tok[:1].isalpha() or low in _CLAUSE_STOP or low in _TIME_WORDS:
            break
        if low in _POSSESSIVE_DETS:
            return i - 1  # "Her son Omar": the determiner opens the role
        if (is_cap(tok) and low in FUNCTION_CAPS) or low in _VERBISH:
            break
        i -= 1
        if low in DEFINITE or low in INDEFINITE:
            break
    return i


def _cap_run(toks: list[Tok], end: int) -> int:
    i = end
    while i > 0:
        tok = toks[i - 1][0]
        if (tok[:1].isupper() and tok[:1].isalpha()) or (tok in NAME_PARTICLES and i < end):
            i -= 1
        else:
            break
    return i


def _name_run(text: str, toks: list[Tok]) -> int:
    """Return the index where the trailing run of capitalised tokens starts.

    Organisation names may hold "and"/"of" between capitalised words
    ("Economic and Security Review Commission"); person names may not.
    """
    last = len(toks)
    if last >= 2 and toks[-1][0][:1].isdigit() and is_cap(toks[-2][0]) \
            and is_org_name(text[toks[_cap_run(toks, last - 1)][1]:toks[-1][2]]):
        last -= 1  # "Union Local 418": a number may end an organisation name
    i = _cap_run(toks, last)
    while i >= 2 and toks[i - 1][0] in _RUN_JOINERS and is_cap(toks[i - 2][0]):
        j = _cap_run(toks, i - 1)
        k = next((n + 1 for n in range(i - 2, j - 1, -1) if _is_role(toks[n][0])), j)
        if not is_org_name(text[toks[min(k, i - 2)][1]:toks[-1][2]]):
            break  # "House Speaker Jo Roe of Ohio": "House" names no organisation here
        i = j
    return i


def surname_after(names: list[Tok], k: int) -> bool:
    """Tell whether the title-like word names[k] ends a name as its surname: after an
    honorific ("Mr. King", "Sen. Bishop") or a given name ("Ray King"), past a middle
    initial or name ("Jo T. King", "Carl Anton King") and before a suffix ("Jr.")."""
    last = len(names) - 1
    if last > 1 and names[last][0].lower() in NAME_SUFFIXES:
        last -= 1  # "Carl King Jr."
    if k == 0 or k != last:
        return False
    while k > 1 and _INITIAL_RE.fullmatch(names[k - 1][0]):
        k -= 1  # "Jo T. King": a middle initial between the given name and the surname
    low = names[k - 1][0].lower()
    return low in HONORIFICS or low in _ABBREVIATED_TITLES or _given(low) \
        or k > 1 and _given(names[k - 2][0].lower())  # "Carl Anton King": a middle name


def _given(low: str) -> bool:
    return low in GIVEN_NAME_GENDER and low not in TITLE_WORDS and low not in ROLE_NOUNS


def _past_department(names: list[Tok], k: int) -> int:
    """Return where the person's name starts in names[k:] after a title: past "of"/"for"
    and the department it names ("Secretary of State Ann Roe", "Minister for Energy Ann
    Roe"): at the first given name, else two words from the end; k when what is left is
    no person ("President of Harbour Pilots Association": no name written)."""
    if len(names) - k < 4 or names[k][0] not in ("of", "for"):
        return k
    start = next((n for n in range(k + 2, len(names) - 1)
                  if names[n][0].lower() in GIVEN_NAME_GENDER), len(names) - 2)
    return k if is_org_name(" ".join(t[0] for t in names[start:])) else start


def _split_title(toks: list[Tok], run: int) -> tuple[int | None, list[Tok], int]:
    """Return (role start, name tokens, title index) for the run starting at toks[run]."""
    names = toks[run:]
    title_at = -1
    for k in range(len(names) - 1, -1, -1):  # the last title word of the run
        low = names[k][0].lower()
        if (low in ROLE_NOUNS or low in TITLE_WORDS or low in NAME_PREFIX_TITLES
                or (low in _OFFICE_ENDS and k < len(names) - 1)) and not surname_after(names, k):
            title_at = k
            break
    if title_at >= 0:
        return run, names[_past_department(names, title_at + 1):], title_at
    if run >= 2 and toks[run - 1][0] in ("of", "for") and len(names) >= 3 \
            and toks[run - 2][0].lower() in TITLE_WORDS \
            and not is_org_name(" ".join(t[0] for t in names)):
        return run - 2, names[1:], title_at  # "Secretary of State Antony Blinken"
    if run >= 1 and toks[run - 1][0].lower() in ROLE_NOUNS:
        return run - 1, names, title_at
    return None, names, title_at


def _named(text: str, toks: list[Tok], run: int) -> Mention | None:
    role_start, names, title_at = _split_title(toks, run)
    lead = None
    while names and (names[0][0].lower() in FUNCTION_CAPS or names[0][0].lower() in _OPENERS):
        lead, names = names[0], names[1:]
    if names and not is_org_name(text[names[0][1]:names[-1][2]]):
        while names and names[0][0].lower() in STOP_CAPS:
            names = names[1:]
    names = [t for t in names if t[0] not in ("'", "’")]
    post = None
    while len(names) > 2 and names[-1][0].lower().rstrip(".") in POSTNOMINALS:
        post, names = names[-1][0], names[:-1]  # "Priya Shah KC": the letters are no name
    if not names or names[0][0] in ("of", "for"):
        return None  # "CEO of Harbour Pilots Association": no name written
    role, start = None, names[0][1]
    if role_start is not None and run >= 2 and toks[run - 1][0] == "the" \
            and toks[run - 2][0] in _PREPOSITIONS and is_org_name(text[names[0][1]:names[-1][2]]):
        return None  # "Ana Lund of the Armenian Church": an organisation after "of the"
    if role_start is not None:
        role_start = _extend_role(toks, role_start)
        role = text[toks[role_start][1]:names[0][1]].strip()
        role = None if role.lower() in HONORIFICS else role
        start = toks[min(role_start, run if title_at >= 0 else role_start)][1]
    elif run >= 1 and toks[run - 1][0].lower() in _PREPOSITIONS:
        return None  # object of a preposition, not a subject
    elif run >= 2 and toks[run - 1][0] == "the" and toks[run - 2][0] in _PREPOSITIONS:
        return None  # "a spokeswoman for the Department for …", "Kim from the Red Cross"
    name = text[names[0][1]:names[-1][2]]
    name = _POSSESSIVE_RE.sub("", name) if name.endswith(("'s", "’s")) else name
    end = toks[-1][2]
    after_the = (run >= 1 and toks[run - 1][0] in ("the", "The")) \
        or (lead is not None and lead[0] in ("the", "The"))
    org = is_org_name(name) or (role_start is None and after_the)  # "the Red Cross": no person
    if org and role_start is None and run >= 1 and toks[run - 1][0] in ("the", "The"):
        start = toks[run - 1][1]  # "the White House", "the US"
    elif org and role_start is None and lead is not None and lead[0] in ("the", "The"):
        start = lead[1]
    return Mention("name", text[start:end], start, end, name, role=role or post, org=org)


@lru_cache(maxsize=65536)
def person_name_tokens(raw: str) -> tuple[str, ...]:
    """Return the person-name tokens of a capitalised run, or [] when it is none."""
    toks = raw.split()
    cut = 0
    for k, t in enumerate(toks):
        low = t.lower()
        if low in STOP_CAPS or low in TITLE_WORDS or low.rstrip("s") in TITLE_WORDS \
                or (low in _OFFICE_ENDS and k < len(toks) - 2) \
                or low + "." in TITLE_WORDS \
                or (low in HEADLINE_VERBS and (k < len(toks) - 1 or len(toks) > 2)) \
                or (k == 0 and low.endswith("ed") and low in SPEECH_VERBS):
            cut = k + 1  # "Podesta Says Obama …", "Stated Roe" (but "Omar Said" is a name)
    toks = toks[cut:]
    while toks and toks[0].lower() in _OPENERS:
        toks = toks[1:]  # "Although Ana Roe said", "Top Roe aides": the opener is no name
    if len([t for t in toks if t.lower() not in NAME_PARTICLES]) > 4:
        return ()  # "Ana Roe Auctions Off Boat Used …": a headline, not a name
    while len(toks) > 2 and (toks[0].lower() in NAME_PREFIX_TITLES or toks[0].lower() in ROLE_NOUNS
                             or (toks[0].endswith("ing")
                                 and toks[0].lower() not in GIVEN_NAME_GENDER)):
        toks = toks[1:]  # "Councilwoman Maria Ortiz", "Critic Sam Ellis", "Celebrating Jo Roe"
    if len(toks) == 2 and toks[0].lower() in PERSON_TITLES and toks[0].lower() != "dean" \
            and toks[0].lower() not in GIVEN_NAME_GENDER:
        return ()  # "Striker Haaland", "President Lula": one name, told by persons.py
    while len(toks) > 2 and toks[-1].lower().rstrip(".") in POSTNOMINALS:
        toks = toks[:-1]  # "Priya Shah KC"
    if _plural_group(toks):
        return ()  # "Nevada Republicans", "Hispanic Journalists": a group, no person
    name = " ".join(toks)
    if len(toks) < 2 or is_org_name(name) or name.lower() in MULTIWORD_PLACES \
            or name.lower() in US_PLACES or toks[-1].lower() in NON_PERSON_FINALS:
        return ()  # "New York City", "Tern Islands", "Harbour Speech": no person
    return tuple(toks)


def _plural_group(toks: list[str]) -> bool:
    """Tell whether a run ends in the plural of a demonym or a party's members ("Ohio
    Democrats", "Arab Americans") after a word that is no given name."""
    low = toks[-1].lower() if len(toks) >= 2 else ""
    return low.endswith("s") and not _given(toks[-2].lower()) \
        and (low[:-1] in STOP_CAPS or low in _PARTY_PLURALS)
