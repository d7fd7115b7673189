"""Main clauses: the person opening a main clause of a sentence, for he/she (pronouns.py).

Rules:
- A main clause's subject is a known person (a token of a name the article gives in
  full) at the sentence start, after a comma or after a conjunction ("It was late, but
  Poe stayed"; "In May, Poe, who …, said"), before a lower-case word that is no
  preposition or "and" ("Roe and Poe met" has none), never a possessive ("Poe's");
  the first of them in the sentence counts; a "sentence" of more than 600 characters
  (a text without punctuation) has none.
- A name right after a subordinator ("When Roe spoke, Poe left": Poe), a preposition
  or any other word is no main clause's subject, nor one after a comma past a joined
  clause ("The talks stalled, and by March, Poe was gone" tells of Poe); the walk back
  over a name stops at a capitalised function word ("When", "After").
- A sentence opens with a subordinate clause when its first word (after "But", "And",
  a short opening phrase with its comma, "even") is a subordinator ("While Roe praised
  Poe, she said", "Later, when reporters reached Poe, he said").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .cast import CAP_WORD_RE
from .entities import Entity
from .lexicon import STOP_CAPS, words

if TYPE_CHECKING:  # speakers.py imports pronouns.py, which imports this module
    from .speakers import Discourse

SUBORDINATORS = words("subordinators")
_NOT_VERBS = words("salience_prepositions") | {"and", "or", "nor"}
_CONJUNCTIONS = frozenset("but and yet so then still meanwhile however".split())
_NOT_IN_NAMES = STOP_CAPS | SUBORDINATORS | _NOT_VERBS | _CONJUNCTIONS
# After a subject's name: a suffix, a relative clause or appositive, then a lower-case word
_PREDICATE_RE = re.compile(r"(?:\s+(?:Jr|Sr|II|III)\.?)?"
                           r"(?:,\s+(?:who|whose|the|a|an)\b[^,;:.“”\"]{0,100},)?"
                           r"\s+([a-z][a-z’']*)")
_NAME_TOKEN_RE = re.compile(r"(?:^|\s)([A-Z][\w’'.\-]*)[^\S\n]+$")
_LONGEST = 600  # characters of a sentence read for its main clauses
_JOINED_RE = re.compile(r",\s+(?:and|but|or|yet|so)\s")
_OPENING_RE = re.compile(r"[\s•·*\-–—]*(?:(?:But|And|So|Yet),?\s+)?(?:[A-Z][\w ]{0,20},\s+)?"
                         r"(?:[Ee]ven\s+)?(\w+)\s")


def main_subject(d: Discourse, lo: int, hi: int) -> Entity | None:
    """Return the first person opening a main clause of text[lo:hi], if any."""
    if hi - lo > _LONGEST:
        return None  # no sentence of news is that long: a text without punctuation
    text = d.text
    for w in CAP_WORD_RE.finditer(text, lo, hi):
        word = w.group()
        if word not in d.by_token or text.startswith(("’s", "'s"), w.end()):
            continue
        after = _PREDICATE_RE.match(text, w.end(), hi)
        if after is None or after.group(1) in _NOT_VERBS or not _opens_clause(text, lo, w.start()):
            continue
        k = bisect_left(d._positions, w.start())
        full = d.names[k][1] if k < len(d.names) and d._positions[k] == w.start() else word
        ent = d._entity("person", d.full_name(full, w.start()))
        if d.person_like(ent):
            return ent
    return None


def _opens_clause(text: str, lo: int, start: int) -> bool:
    """Tell whether the name whose last word starts at start opens a main clause: only
    its other words and titles stand between it and the sentence start, a comma or a
    conjunction."""
    while (t := _NAME_TOKEN_RE.search(text[max(lo, start - 40):start])) is not None \
            and t.group(1).lower() not in _NOT_IN_NAMES:
        start = max(lo, start - 40) + t.start(1)
    before = text[lo:start].split()
    if not before:
        return True
    last = before[-1].lower()
    if last.rstrip(",") in SUBORDINATORS:
        return False
    if last.strip("—–-") in _CONJUNCTIONS:
        return True  # "It was late, but Poe stayed"
    # "In May, Poe …", not "The talks stalled, and by March, Poe …" (a clause of its own)
    return last.endswith(",") and not _JOINED_RE.search(text, lo, start)



def opens_subordinate(text: str, lo: int, hi: int) -> bool:
    """Tell whether text[lo:hi] opens with a subordinate clause ("While Roe praised Poe,")."""
    opening = _OPENING_RE.match(text, lo, hi)
    return opening is not None and opening.group(1).lower() in SUBORDINATORS
