"""Which person "he" or "she" at a speech cue means: an ordered tuple of named steps.

resolve_he_she(disc, mention, sent_start) tries STEPS in order; each step has the
signature step(disc, mention, at) (at: the Antecedents of this mention) and returns a
candidate or None to pass. The first candidate whose gender is unknown or fits is the
answer, and fixes an unknown gender; with none, the pronoun names no one.

Rules:
- subordinate subject: in a sentence opening with a subordinate clause, the pronoun
  right after its comma is the first person named in it ("While Roe praised Poe, she
  said" is Roe);
- clause subject: the person opening a main clause of its own sentence before it
  (main_clauses.py: "Roe met Poe, and she said", "When Roe left, Poe said she");
- closing speaker: the person the previous sentence ends by citing ("…, Mr. Roe said.");
- parenthetical speaker: the person a cue between commas inside the previous sentence
  names ("Poe, Roe said, has won." is Roe's voice);
- previous subject: the person opening the previous sentence (within two lines);
- chained subject: the person opening the sentence before a run of sentences that open
  with the same pronoun ("Jo Roe ran. He won. “…,” he said.");
- subject since: a person of that gender opening a sentence of the paragraph or the one
  before, after the last speaker spoke;
- previous clause subject: the person opening a main clause of the previous sentence
  ("It was late, but Poe, who …, stayed"; not after "when", "that", a preposition);
- named since speaker: when the last speaker spoke before the previous paragraph, the
  last person named after it, in the pronoun's paragraph or the one before ("…,” said
  Roe. ¶ … ¶ Among them was Jo Poe, a nurse. ¶ “…,” she said." is Poe), unless that
  name is a possessive ("a relic of Jo Poe's years");
- last speaker: the last person or anonymous speaker (an anonymous one only when no
  person was named after it spoke);
- in sentence: the first person-like person named earlier in its own sentence, no
  preposition's object (an object, "when I emailed Roe, he replied", only when nobody
  has spoken);
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

from .entities import Entity
from .lexicon import TITLE_WORDS
from .main_clauses import main_subject, opens_subordinate

if TYPE_CHECKING:  # speakers.py imports this module
    from .mentions import Mention
    from .speakers import Discourse

_FAR = 6  # sentences: a name further back than that is no longer salient
# "Poe, Roe said, has won": a cue between commas inside a sentence gives its voice
_PARENTHETICAL_CUE_RE = re.compile(
    r",\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]+){0,3})\s+"
    r"(?:said|says|added|argued|noted|insisted|wrote)\s*,")


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


def _last_named_at(d: Discourse, at: Antecedents, name: str) -> int:
    """Return where name was last written before the mention (it is among the last names)."""
    return max(pos for pos, n in d.names[max(0, at.k - 30):at.k + 1] if n == name)


def subordinate_subject(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    if not opens_subordinate(d.text, at.lo, m.start) \
            or not d.text[max(at.lo, m.start - 8):m.start].rstrip().endswith(","):
        return None
    return d._person_in_sentence(at.lo, m.start, m.name)


def clause_subject(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return main_subject(d, at.lo, m.start)


def closing_speaker(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d.previous_closing_speaker(at.sent_start)


def parenthetical_speaker(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    """Return the person a cue between commas inside the previous sentence names ("Poe,
    Roe said, has won." is Roe's sentence, not Poe's)."""
    bounds = d.previous_sentence(at.sent_start)
    found = _PARENTHETICAL_CUE_RE.search(d.text, *bounds) if bounds else None
    if found is None:
        return None
    toks = found.group(1).split()
    while len(toks) > 1 and (toks[0].lower() in TITLE_WORDS
                             or toks[0].lower() + "." in TITLE_WORDS):
        toks = toks[1:]  # "Senator Roe said"
    if toks[-1] not in d.by_token:
        return None
    return d._entity("person", d.full_name(" ".join(toks), found.start(1)))


def previous_subject(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d._previous_subject(at.sent_start)


def chained_subject(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d.chained_subject(at.sent_start, m.name)


def subject_since(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d.subject_since(at.sent_start, at.last.last, m.name) if at.last else None


def previous_clause_subject(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    bounds = d.previous_sentence(at.sent_start)
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
    for j in range(at.k, max(-1, at.k - 30), -1):
        pos, name = d.names[j]
        if pos <= at.last.last or line - doc.line_index(pos) > 2:
            return None
        ent = d._entity("person", name)
        if not d.person_like(ent):
            continue
        if d.text.startswith(("’s", "'s"), pos + len(name.rsplit(" ", 1)[-1])):
            return None  # "Roe's years in office": no subject
        return ent if ent is not at.last else None
    return None


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


def in_sentence(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d._person_in_sentence(at.lo, m.start, m.name)


def last_person(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    ent = d._recent_person(at.k) if at.k >= 0 else None
    if ent is None or at.last is None:
        return ent
    doc = d.doc
    far = doc.sentence_index(at.sent_start) - doc.sentence_index(_last_named_at(d, at, ent.name))
    return ent if far <= _FAR else None


def last_of_gender(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d._recent_of_gender(at.k, m.name) if at.k >= 0 else None


def speaker_fitting(d: Discourse, m: Mention, at: Antecedents) -> Entity | None:
    return d._recent_speaker_fitting(m.name)


STEPS: tuple[Step, ...] = (subordinate_subject, clause_subject, closing_speaker,
                           parenthetical_speaker, previous_subject, chained_subject,
                           subject_since, previous_clause_subject, named_since_speaker,
                           last_speaker, in_sentence, last_person, speaker_fitting,
                           last_of_gender)


def resolve_he_she(d: Discourse, m: Mention, sent_start: int) -> Entity | None:
    """Return the person he/she means, or None; an unknown gender becomes the pronoun's."""
    at = antecedents(d, m, sent_start)
    for step in STEPS:
        cand = step(d, m, at)  # in order of salience, computed only as far as needed
        if cand is not None and cand.gender in (None, m.name):
            cand.gender = m.name
            return cand
    return None
