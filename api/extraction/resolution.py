"""The speaker stage: each record's cue mention resolved to an entity, then a Speaker.

Records are resolved in reading order so that "he" and "the official" see the
speakers before them (speakers.py's RULES). A record continuing another takes its
speaker. A person description nobody precedes ("The US ambassador …") is pending,
then settled by FORWARD_RULES, each rule(records, k, disc) returning the entity or
None to pass:

Rules:
- recent anaphor: a bare description of two words at most ("the striker") is the
  last person who spoke, within 1,200 characters, unless that person holds another
  office; a description opening with a possessive determiner ("his wife") never is;
- next subject: else the person opening one of the next two sentences ("…," the
  former governor said. Jane Doe, who …);
- next named speaker: else the person named at an attribution in the next six
  lines;
- neither of those two for a group ("the members") or a mere person ("the person",
  "the source": someone the article does not name);
- unknown: else an anonymous speaker of that description.
A one-word name ("Neymar said") counts as a person when persons.py finds it speaks
as one. A group's reported speech ("officials said …") does not make it the last
speaker: a later "she" is not the group.
"""
from __future__ import annotations

from typing import Callable, Union

from .attribution import Record
from .clauses import is_group
from .entities import Entity
from .lexicon import OFFICE_WORDS
from .model import Speaker
from .persons import speaks_as_person
from .speakers import Discourse

__all__ = ["resolve_speakers", "speaker_of", "order", "FORWARD_RULES"]

_FORWARD_LINES = 6
_ANAPHOR_CHARS = 1200


def order(rec: Record) -> int:
    """Return where a record starts in reading order: its cue or its span, the earlier."""
    return min(rec.start, rec.cue.start) if rec.cue is not None else rec.start


def resolve_speakers(records: list[Record], disc: Discourse, text: str) -> None:
    """Give every record (sorted in reading order) its entity, or None."""
    for rec in records:  # "“I feel young,” Neymar said": a one-word speaker who is a person
        m = rec.cue.mention if rec.cue is not None else None
        if m is not None and m.kind == "name" and not m.org and " " not in m.name \
                and speaks_as_person(text, rec.start, rec.end, rec.kind == "indirect"):
            disc.person_tokens.add(m.name)
    for rec in records:
        _resolve(rec, disc)
    for k, rec in enumerate(records):
        if rec.pending:
            rec.entity = next(filter(None, (rule(records, k, disc) for rule in FORWARD_RULES)))
            rec.pending = False
    for rec in records:
        if rec.source is not None and rec.source.entity is not None:
            rec.entity = rec.source.entity


def _resolve(rec: Record, disc: Discourse) -> None:
    if rec.entity is not None or rec.pending:
        return
    if rec.source is not None:
        _resolve(rec.source, disc)
        rec.entity, rec.cue = rec.source.entity, rec.source.cue
        return
    if rec.cue is None or rec.cue.mention is None:
        return
    m = rec.cue.mention
    ent = disc.resolve(m, m.start, rec.sentence_start)
    if ent is None and m.kind == "definite" and not m.org:
        rec.pending = True
        rec.fallback = _anaphor_target(m, disc)
        return
    rec.entity = ent
    if not (rec.kind == "indirect" and is_group(m)):
        disc.note(ent, order(rec))  # "officials said …" is no antecedent of a later "she"


def _anaphor_target(m, disc: Discourse) -> Entity | None:
    """Return the last speaker when a bare description ("the striker") points back to them."""
    last = disc.last_speaker
    if last is None or last.kind != "person" or len(m.text.split()) > 2 \
            or m.text.split()[0].lower() in ("his", "her", "their", "its"):
        return None  # "his wife" is not the last speaker whom "his" means
    if m.head in OFFICE_WORDS and (last.role_words or last.past_words) \
            and not last.has_head(m.head):
        return None  # the last speaker holds another office: "the minister" is not them
    return last


ForwardRule = Callable[[list[Record], int, Discourse], Union[Entity, None]]


def recent_anaphor(records: list[Record], k: int, disc: Discourse) -> Entity | None:
    rec = records[k]
    if rec.fallback is not None and order(rec) - rec.fallback.last <= _ANAPHOR_CHARS:
        return rec.fallback
    return None


def next_subject(records: list[Record], k: int, disc: Discourse) -> Entity | None:
    m = records[k].cue.mention
    if not _named_ahead(m):
        return None
    ent = disc.subject_after(m)  # "… the former governor said. Jane Doe, who …"
    if ent is not None:
        ent.add_role(m.text)
    return ent


_GENERIC_HEADS = frozenset("person man woman people source".split())


def _named_ahead(m) -> bool:
    """Tell whether a description may be the person named next: not a group ("the
    members") nor a mere person ("the person", who is someone unnamed)."""
    head = (m.head or m.text.rsplit(" ", 1)[-1]).lower()
    return not (head.endswith("s") and not head.endswith("ss")) and head not in _GENERIC_HEADS


def next_named_speaker(records: list[Record], k: int, disc: Discourse) -> Entity | None:
    rec = records[k]
    if not _named_ahead(rec.cue.mention):
        return None
    for nxt in records[k + 1:]:
        if nxt.line - rec.line > _FORWARD_LINES:
            break
        nm = nxt.cue.mention if nxt.cue is not None else None
        if nm is not None and nm.kind == "name" and isinstance(nxt.entity, Entity) \
                and nxt.entity.kind == "person":
            nxt.entity.add_role(rec.cue.mention.text)
            return nxt.entity
    return None


def unknown(records: list[Record], k: int, disc: Discourse) -> Entity | None:
    return disc.unknown(records[k].cue.mention)


FORWARD_RULES: tuple[ForwardRule, ...] = (recent_anaphor, next_subject, next_named_speaker,
                                          unknown)


def speaker_of(rec: Record) -> Speaker | None:
    """Return the Speaker of a resolved record (its mention and role as written)."""
    ent = rec.entity
    if not isinstance(ent, Entity):
        return None
    m = rec.cue.mention if rec.cue is not None else None
    mention = None
    if m is not None:
        mention = m.name if m.kind == "name" else m.text
    role = (m.role if m is not None and m.kind == "name" else None) or ent.role
    if ent.kind != "person" and not (m is not None and m.role):
        role = None
    return Speaker(name=ent.name, kind=ent.kind, role=role, mention=mention)
