"""Quote extraction engine: pure Python, no Flask, no SQLite.

extract_quotes(text, published) finds direct quotations and clearly attributed
reported speech, resolves their speakers across the article and dates them.

Pipeline (each module documents its own rules):
- marks.py: pair quotation marks into top-level spans (apostrophes, nesting,
  multi-paragraph quotations, unbalanced marks);
- document.py: mask quotation contents, split sentences and lines once;
- attribution.py / mentions.py / names.py: reporting-verb cues and their speaker
  phrases (names with titles and appositives, pronouns, descriptions);
- quotes.py: direct quotations — speech or not, full or partial, which cue;
- reported.py: indirect speech without marks, clear cases only, as an ordered
  tuple of rules (framing.py: the passages before or around their cue); clauses.py:
  where a reported clause starts and ends;
- entities.py: an entity of the article and what its roles tell (offices, gender,
  age); cast.py: the persons and organisations the article names, with their
  roles, indexed once; subjects.py: the person opening each sentence;
- speakers.py: the article's discourse model, resolving mentions to entities;
  persons.py: evidence that a one-word name is a person; given_names.txt: given
  names by gender, from many regions (data);
- dates.py: the statement date from the cue's clause, else publication.

Speakers are resolved in reading order so that "he" and "the official" see the
speakers before them; a description nobody precedes ("The US ambassador …") takes
the person named at the next attribution, a few paragraphs at most.
"""
from __future__ import annotations

from datetime import date

from .attribution import Record
from .dates import find_date, parse_published
from .document import Document
from .entities import Entity
from .lexicon import OFFICE_WORDS
from .model import ExtractedQuote, Speaker
from .persons import speaks_as_person
from .quotes import DirectFinder
from .reported import find_indirect
from .speakers import Discourse

__all__ = ["extract_quotes", "ExtractedQuote", "Speaker"]

_FORWARD_LINES = 6
_ANAPHOR_CHARS = 1200


def _order(rec: Record) -> int:
    return min(rec.start, rec.cue.start) if rec.cue is not None else rec.start


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
    disc.note(ent, _order(rec))


def _anaphor_target(m, disc: Discourse) -> Entity | None:
    """Return the last speaker when a bare description ("the striker") points back to them."""
    last = disc.last_speaker
    if last is None or last.kind != "person" or len(m.text.split()) > 2:
        return None
    if m.head in OFFICE_WORDS and (last.role_words or last.past_words) \
            and not last.has_head(m.head):
        return None  # the last speaker holds another office: "the minister" is not them
    return last


def _resolve_forward(records: list[Record], disc: Discourse) -> None:
    """Give "the spokesman said" with no antecedent the person named next."""
    for k, rec in enumerate(records):
        if not rec.pending:
            continue
        m = rec.cue.mention
        if rec.fallback is not None and _order(rec) - rec.fallback.last <= _ANAPHOR_CHARS:
            rec.entity, rec.pending = rec.fallback, False
            continue
        rec.entity = disc.subject_after(m)  # "… the former governor said. Jane Doe, who …"
        if rec.entity is not None:
            rec.entity.add_role(m.text)
        for nxt in records[k + 1:] if rec.entity is None else ():
            if nxt.line - rec.line > _FORWARD_LINES:
                break
            nm = nxt.cue.mention if nxt.cue is not None else None
            if nm is not None and nm.kind == "name" and isinstance(nxt.entity, Entity) \
                    and nxt.entity.kind == "person":
                rec.entity = nxt.entity
                nxt.entity.add_role(m.text)
                break
        if rec.entity is None:
            rec.entity = disc.unknown(m)
        rec.pending = False
    for rec in records:
        if rec.source is not None and rec.source.entity is not None:
            rec.entity = rec.source.entity


def _speaker(rec: Record) -> Speaker | None:
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


def _dates(records: list[Record], doc: Document, pub: date | None) -> list[tuple]:
    out: list[tuple] = []
    for k, rec in enumerate(records):
        src = rec.source if rec.source is not None else rec
        if rec.cue is None:
            found = find_date(doc.masked, 0, 0, pub)
        else:
            found = find_date(doc.masked, src.date_lo, src.date_hi, pub)
        if found[1] == "published" and k > 0:
            prev, pdate = records[k - 1], out[k - 1]
            if prev.entity is rec.entity and rec.entity is not None \
                    and rec.line - prev.line <= 2 and pdate[1] in ("stated", "relative"):
                found = pdate
        out.append(found)
    return out


def extract_quotes(text: str, published: str | None = None) -> list[ExtractedQuote]:
    """Extract the quotations and attributed reported speech of an article."""
    if not isinstance(text, str) or not text.strip():
        return []
    pub = parse_published(published)
    doc = Document(text)
    records = DirectFinder(doc).run() + find_indirect(doc)
    records.sort(key=_order)
    disc = Discourse(doc)
    for rec in records:  # "“I feel young,” Neymar said": a one-word speaker who is a person
        m = rec.cue.mention if rec.cue is not None else None
        if m is not None and m.kind == "name" and not m.org and " " not in m.name \
                and speaks_as_person(text, rec.start, rec.end, rec.kind == "indirect"):
            disc.person_tokens.add(m.name)
    for rec in records:
        _resolve(rec, disc)
    _resolve_forward(records, disc)
    out: list[ExtractedQuote] = []
    for rec, (day, basis) in zip(records, _dates(records, doc, pub)):
        cue = rec.cue
        out.append(ExtractedQuote(
            start=rec.start, end=rec.end, text=text[rec.start:rec.end], kind=rec.kind,
            speaker=_speaker(rec), cue=text[cue.start:cue.end] if cue else None,
            cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
            date=day, date_basis=basis))
    out.sort(key=lambda q: (q.start, q.end))
    return out
