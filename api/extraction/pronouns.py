"""Which person "he" or "she" at a speech cue means: an ordered tuple of named steps.

resolve_he_she(disc, mention, sent_start) tries STEPS in order; each step has the
signature step(disc, mention, at) (at: the Antecedents of this mention) and returns a
candidate or None to pass. The first candidate whose gender is unknown or fits is the
answer, and fixes an unknown gender; with none, the pronoun names no one.

Rules:
- in sentence: the first person-like person named earlier in its own sentence, no
  preposition's object ("While Roe praised Poe, she said" is Roe);
- closing speaker: the person the previous sentence ends by citing ("…, Mr. Roe said.");
- previous subject: the person opening the previous sentence (within two lines);
- chained subject: the person opening the sentence before a run of sentences that open
  with the same pronoun ("Jo Roe ran. He won. “…,” he said.");
- subject since: a person of that gender opening a sentence of the paragraph or the one
  before, after the last speaker spoke;
- main clause subject: the first known person opening a main clause of the previous
  sentence, after a comma or a conjunction, before a lower-case word ("It was late, but
  Poe, who …, stayed"; not after "when", "that", … nor a preposition);
- named since speaker: when the last speaker spoke before the previous paragraph, the
  last person named after it, in the pronoun's paragraph or the one before ("…,” said
  Roe. ¶ … ¶ Among them was Jo Poe, a nurse. ¶ “…,” she said." is Poe);
- last speaker: the last person or anonymous speaker (an anonymous one only when no
  person was named after it spoke);
- last person: the last person-like name written before the pronoun; once someone has
  spoken, only a name within the last six sentences (further back, a speaker is more
  salient than a person merely named);
- speaker fitting: the last person who spoke whose gender is not known to differ (a
  woman who spoke before a man is "she" rather than a woman merely named);
- last of gender: the last person named whose given name or honorific says the gender.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Union

from .cast import CAP_WORD_RE
from .entities import Entity
from .lexicon import TITLE_WORDS, words

if TYPE_CHECKING:  # speakers.py imports this module
    from .mentions import Mention
    from .speakers import Discourse


_SUBORDINATORS = words("subordinators")
_NOT_VERBS = words("salience_prepositions") | {"and", "or", "nor"}
_CONJUNCTIONS = frozenset("but and yet so then still meanwhile however".split())
# After a subject's name: a suffix, a relative clause or appositive, then a lower-case word
_PREDICATE_RE = re.compile(r"(?:\s+(?:Jr|Sr|II|III)\.?)?"
                           r"(?:,\s+(?:who|whose|the|a|an)\b[^,;:.“”\"]{0,100},)?"
                           r"\s+([a-z][a-z’']*)")
_FAR = 6  # sentences: a name further back than that is no longer salient
_NAME_TOKEN_RE = re.compile(r"(?:^|\s)([A-Z][\w’'.\-]*)$")


@dataclass(frozen=True)
class Antecedents:
    """Where a pronoun stands: its sentence and what was said and named before it."""

    sent_start: int  # the cue's sentence
    lo: int  # the earlier of the cue's and the mention's sentence starts
    last: Entity | None  # the last speaker, unless an organisation
    k: int  # index of the last name written before the mention (-1: none)


def antecedents(d: Discourse, m: Mention, sent_start: int) -> Antecedents:
    """Return the context of a he/she mention at a cue whose sentence starts at sent_start."""
    last = d.last_speaker if d.last_speaker and d.last_speaker.kind != "organization" else None
    lo = min(sent_start, d.doc.sentence_bounds(m.start)[0])
    return Antecedents(sent_start, lo, last, bisect_left(d._positions, m.start) - 1)


Step = Callable[["Discourse", "Mention", Antecedents], Union[Entity, None]]


def main_subject(d: Discourse, lo: int, hi: int) -> Entity | None:
    """Return the first person opening a main clause of text[lo:hi] ("When Roe spoke, Poe
    left", "It was late, but Poe stayed", "In May, Poe, who …, said"): a known name
    after the sentence start, a comma or a conjunction, before a lower-case word."""
    text = d.text
    for w in CAP_WORD_RE.finditer(text, lo, hi):
        word = w.group()
        if word not in d.by_token or text.startswith(("’s", "'s"), w.end()):
            continue
        after = _PREDICATE_RE.match(text, w.end(), hi)
        if after is None or after.group(1) in _NOT_VERBS:
            continue
        toks, start = [word], w.start()
        while (t := _NAME_TOKEN_RE.search(text, lo, start)) is not None:
            toks.insert(0, t.group(1))
            start = t.start(1)
        before = text[lo:start].split()
        if before and not before[-1].endswith(",") \
                and before[-1].lower().strip("—–-") not in _CONJUNCTIONS:
            continue
        if before and before[-1].lower().rstrip(",") in _SUBORDINATORS:
            continue
        while len(toks) > 1 and (toks[0].lower() in TITLE_WORDS
                                 or toks[0].lower() + "." in TITLE_WORDS):
            toks = toks[1:]  # "Sen. Ann Roe"
        ent = d._entity("person", d.full_name(" ".join(toks), start))
        if d.person_like(ent):
            return ent
    return None


def _previous_sentence(d: Discourse, sent_start: int) -> tuple[int, int] | None:
    """Return the bounds of the sentence before, within two lines, if any."""
    doc = d.doc
    k = doc.sentence_index(sent_start)
    while k > 0:
        k -= 1
        lo, hi = doc.sentence_bounds(doc.sentence_starts[k])
        if hi > lo and d.text[lo:hi].strip():
            break
    else:
        return None
    return (lo, hi) if doc.line_index(sent_start) - doc.line_index(lo) <= 2 else None


def in_sentence(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d._person_in_sentence(at.lo, m.start, m.name)


def closing_speaker(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d.previous_closing_speaker(at.sent_start)


def previous_subject(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d._previous_subject(at.sent_start)


def chained_subject(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d.chained_subject(at.sent_start, m.name)


def subject_since(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d.subject_since(at.sent_start, at.last.last, m.name) if at.last else None


def main_clause_subject(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    bounds = _previous_sentence(d, at.sent_start)
    return main_subject(d, *bounds) if bounds else None


def named_since_speaker(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    """Return the last person named in the pronoun's paragraph or the one before, when the
    last speaker spoke further back and that person was named after it."""
    if at.last is None or at.k < 0:
        return None
    doc = d.doc
    line = doc.line_index(m.start)
    if line - doc.line_index(at.last.last) <= 2:
        return None  # the last speaker spoke in this paragraph or the one before
    ent = d._recent_person(at.k)
    if ent is None or ent is at.last:
        return None
    named = max(pos for pos, name in d.names[max(0, at.k - 30):at.k + 1] if name == ent.name)
    return ent if named > at.last.last and line - doc.line_index(named) <= 2 else None


def last_speaker(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    """Return the last speaker, unless it is anonymous ("a staffer wondered") and a
    person-like name was written after it spoke: he/she is then that person."""
    last, k = at.last, at.k
    if last is None or k < 0 or last.kind != "anonymous":
        return last
    for j in range(k, max(-1, k - 30), -1):
        pos, name = d.names[j]
        if pos <= last.last:
            return last
        ent = d._entity("person", name)
        if ent is not last and d.person_like(ent):
            return None  # the person just named, found by the next step
    return last


def last_person(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    """Return the last person-like name written before the pronoun; once someone has
    spoken, only one named within the last few sentences (a speaker is more salient than
    a person named far back)."""
    ent = d._recent_person(at.k) if at.k >= 0 else None
    if ent is None or at.last is None:
        return ent
    named = max(pos for pos, name in d.names[max(0, at.k - 30):at.k + 1] if name == ent.name)
    doc = d.doc
    return ent if doc.sentence_index(at.sent_start) - doc.sentence_index(named) <= _FAR else None


def last_of_gender(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d._recent_of_gender(at.k, m.name) if at.k >= 0 else None


def speaker_fitting(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d._recent_speaker_fitting(m.name)


STEPS: tuple[Step, ...] = (in_sentence, closing_speaker, previous_subject, chained_subject,
                           subject_since, main_clause_subject, named_since_speaker,
                           last_speaker, last_person, speaker_fitting, last_of_gender)


def resolve_he_she(d: Discourse, m: Mention, sent_start: int) -> Entity | None:
    """Return the person he/she means, or None; an unknown gender becomes the pronoun's."""
    at = antecedents(d, m, sent_start)
    for step in STEPS:
        cand = step(d, m, at)  # in order of salience, computed only as far as needed
        if cand is not None and cand.gender in (None, m.name):
            cand.gender = m.name
            return cand
    return None
