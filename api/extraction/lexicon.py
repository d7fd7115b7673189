"""The word lists the engine reasons with: reporting verbs, roles, organisations, dates.

The lists themselves are data in words/ (one entry a line, or "key: value, value" for a
table); this module loads them once and derives what is computed from them (verb forms,
offices). Everything there is general English-news vocabulary, not article-specific data.
"""
from __future__ import annotations

import re
from pathlib import Path

_WORDS_DIR = Path(__file__).parent / "words"


def _lines(name: str) -> list[str]:
    text = (_WORDS_DIR / f"{name}.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def words(name: str) -> frozenset[str]:
    """Return the entries of words/NAME.txt (one a line; # comments)."""
    return frozenset(_lines(name))


def table(name: str) -> dict[str, tuple[str, ...]]:
    """Return words/NAME.txt read as "key: value, value" lines."""
    rows = (line.partition(": ") for line in _lines(name))
    return {key: tuple(v.strip() for v in values.split(",")) for key, _, values in rows}


def _forms(base: str) -> set[str]:
    """Return the regular inflections (s, ed, ing) of a verb base."""
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    if (re.search(r"[^aeiou][aeiou][ptg]$", base) and base not in _NO_DOUBLE) \
            or re.fullmatch(r"(?:qu|[^aeiou])*[aeiou][bdgmnprt]", base) or base in _DOUBLE:
        last = base[-1]  # "admit", and one syllable: "quip", "slam" (not "offer", "visit")
        return {base, base + "s", base + last + "ed", base + last + "ing"}
    if base.endswith("o"):
        return {base, base + "es", base + "ed", base + "ing"}  # "echo"
    if base.endswith(("sh", "ch", "ss", "x")):
        return {base, base + "es", base + "ed", base + "ing"}
    return {base, base + "s", base + "ed", base + "ing"}


_NO_DOUBLE = {"visit", "limit", "edit", "credit", "exhibit"}
_DOUBLE = {"concur", "refer", "prefer", "defer"}

# Verbs that introduce speech and can take a quotation or a reported clause.
_REGULAR_SPEECH = words("regular_speech")

_IRREGULAR_SPEECH = {key: frozenset(vals) for key, vals in table("irregular_speech").items()}


def _speech_forms() -> set[str]:
    forms: set[str] = set()
    for base in _REGULAR_SPEECH:
        if base == "tell":
            continue
        forms |= _forms(base)
    for group in _IRREGULAR_SPEECH.values():
        forms |= group
    # Bare infinitives are too ambiguous ("call", "state", "post", "charge"...); "calls" is
    # kept: a cue needs a subject read before it ("Lee calls it …"), "phone calls" has none.
    forms -= set(_REGULAR_SPEECH) - {"say", "add", "insist", "warn", "claim", "argue"}
    forms -= {"say", "tell", "write", "post", "state", "report", "question", "charge"}
    forms -= {"states", "posts", "reports", "questions", "charges",
              "continue", "continues", "continuing", "promise", "promises", "stated"}
    # Bare forms after an auxiliary: "did grudgingly concede that".
    return forms | {"stated", "concede", "admit", "acknowledge", "say"}


SPEECH_VERBS: frozenset[str] = frozenset(_speech_forms())

# Verbs that, with a subject, clearly report speech in an unquoted clause.
INDIRECT_VERBS = words("indirect_verbs")

# Of those, the verbs that take a noun object as readily as a clause: they report speech
# only with an explicit "that" right after them ("announced that", not "announced a plan").
THAT_ONLY_VERBS = words("that_only_verbs")

# Participles that continue the previous speaker's turn ("..., adding that").
PARTICIPLES = frozenset(f for f in SPEECH_VERBS if f.endswith("ing"))

# Verbs after which a quotation names a thing rather than reporting speech.
# Verbs that report or judge someone's words without opening a cue here ("calling it a
# “buffet menu”", "decried the board for “walking away”"): a short quoted fragment after
# one is speech (quotes.py). Not forms that are as often nouns: calls, attacks, label
# ("calls" after its subject is read in quotes.py); "chants of “…”" report words.
CHARACTERIZING_VERBS = words("characterizing_verbs")

# Nouns of speech: a short quoted fragment after one in its sentence is someone's words
# ("his claim that rents were “out of control”", "a pledge to stay “neutral”") (quotes.py).
SPEECH_NOUNS = words("speech_nouns")

NAMING_WORDS = words("naming_words")

ROLE_NOUNS = words("role_nouns")

# Title words that may precede a name: "President Xi Jinping", "U.S. Attorney G. Z. T.".
TITLE_WORDS = words("title_words")

# Capitalised words that make a name an organisation.
ORG_WORDS = words("org_words")

# Lower-case heads of organisation descriptions: "the ministry said".
ORG_NOUNS = words("org_nouns")

# Documents that speak for whoever issued them: "the statement said".
DOC_NOUNS = words("doc_nouns")

# Places and institutions used as metonyms for governments ("Washington said").
PLACES = words("places")

MULTIWORD_PLACES = words("multiword_places")

# Capitalised words that are never part of a person's name.
STOP_CAPS = words("stop_caps")
# Transitive verbs whose following noun phrase is an object, never an inverted speaker.
NO_INVERSION_VERBS = words("no_inversion_verbs")

# Third-person and past verbs of headlines that glue names into one capitalised run:
# "Podesta Said …", "Ferrera Sends Trump …": a person's name never holds them.
HEADLINE_VERBS = frozenset({f for f in SPEECH_VERBS if f.endswith("s")} | words("headline_verbs"))

# US states and cities: where something happens, never a speaker.
US_PLACES = words("us_places")

PRONOUNS = frozenset({"he", "she", "they", "He", "She", "They"})
# Subject pronouns of a cue: "it" speaks for the organisation last named ("It said …").
SUBJECT_PRONOUNS = PRONOUNS | {"it", "It"}

NAME_PARTICLES = frozenset({"de", "van", "von", "bin", "al", "da", "di", "le", "la",
                            "du", "der", "den", "ter", "ibn", "el", "dos", "das", "del"})

# Words skipped between a speaker and the verb: "Wang on Thursday said".
ADVERBS = words("adverbs")

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
              "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = words("abbreviations")

# Anonymous-source heads with an indefinite determiner: "a U.S. official".
INDEFINITE = words("indefinite")
DEFINITE = words("definite")

# Nouns that mark a quotation as the name of a work rather than speech.
WORK_NOUNS = words("work_nouns")

# Abbreviated state names, canonicalised for organisation speakers.
ALIASES = {key: vals[0] for key, vals in table("aliases").items()}

def _given_names() -> dict[str, str]:
    """Read words/given_names.txt ("he: …" / "she: …" lines): given names with a clear
    conventional gender, from many regions; a name listed under both is left out."""
    found: dict[str, set[str]] = {}
    text = (_WORDS_DIR / "given_names.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        gender, sep, names = line.partition(":")
        if sep and gender in ("he", "she") and not line.startswith("#"):
            for name in names.split():
                found.setdefault(name, set()).add(gender)
    return {name: genders.pop() for name, genders in found.items() if len(genders) == 1}


# Given names with a clear conventional gender, so that "she" does not resolve to a man
# named earlier while a woman is available. Ambiguous names stay neutral.
GIVEN_NAME_GENDER: dict[str, str] = _given_names()

# Honorifics that tell a person's gender: "Mr Hale", "Ms. Sorokina".
HONORIFIC_GENDER = {key: vals[0] for key, vals in table("honorific_gender").items()}

# Role words that tell a person's gender ("the actress", "Councilwoman Ortiz").
GENDERED_ROLES: dict[str, frozenset[str]] = {
    key: frozenset(vals) for key, vals in table("gendered_roles").items()}

# Role nouns that refer to the same office, so that "the minister" finds a "Home
# Secretary" and "the boss" a "chief executive": each head noun of a role as written
# also answers to these description heads.
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = table("role_synonyms")

# Capitalised office words written before a name ("Councilwoman Maria Ortiz") that are
# not name tokens; only a leading run of them is dropped from the name.
NAME_PREFIX_TITLES = words("name_prefix_titles")

# Post-nominal letters dropped from a name ("Priya Shah KC"); generational suffixes
# (Jr., III) stay part of it but are not used as a surname.
POSTNOMINALS = words("postnominals")
NAME_SUFFIXES = words("name_suffixes")

# Organisation descriptions and the organisation types they fit: "the bank" is the
# latest bank named, "the club" the latest club. A type is told by a word of the name
# ("Northern Rock Bank", "Harbour United") or a noun written next to it ("the lender").
ORG_HEAD_TYPES: dict[str, frozenset[str]] = {
    key: frozenset(vals) for key, vals in table("org_head_types").items()}

# Words of an organisation's name that give its type.
ORG_NAME_TYPES: dict[str, str] = {key: vals[0] for key, vals in table("org_name_types").items()}

# Nouns that, written right before or after an organisation's name, give its type:
# "the lender Northern Rock", "Orbis, a software company".
ORG_TYPE_NOUNS: dict[str, str] = {key: vals[0] for key, vals in table("org_type_nouns").items()}

# Offices: a description headed by one of these ("the minister", "the judge") names a
# post, which a person known to hold a different one does not fill.
OFFICE_WORDS = frozenset(TITLE_WORDS | set(ROLE_SYNONYMS) | {
    w for syns in ROLE_SYNONYMS.values() for w in syns}) - {"player", "expert", "official",
                                                           "politician", "head", "boss"}

# Last words of a capitalised run that make it a place, an event or a work, not a
# person: "Coral Ocean", "Tern Islands", "Harbour Speech", "Evening Coverage".
NON_PERSON_FINALS = words("non_person_finals")
