"""Quote extraction engine: pure Python, no Flask, no SQLite.

extract_quotes(text, published) finds direct quotations and clearly attributed
reported speech, resolves their speakers across the article and dates them.

Pipeline (each module documents its own rules):
- marks.py: pair quotation marks into top-level spans (apostrophes, nesting,
  multi-paragraph quotations, unbalanced marks);
- document.py: mask quotation contents, split sentences and lines once;
- attribution.py / cue_subjects.py / mentions.py / phrases.py / names.py: reporting-verb
  cues and their speaker phrases (names with titles and appositives, pronouns,
  descriptions);
- quotes.py: direct quotations — speech or not, full or partial; sieve.py (with
  around.py): which cue attributes each, an ordered tuple of named rules;
- reported.py: indirect speech without marks, clear cases only, as an ordered
  tuple of rules (framing.py: the passages before or around their cue; openings.py:
  those whose speaker opens the clause); clauses.py:
  where a reported clause starts and ends;
- entities.py: an entity of the article and what its roles tell (offices, gender,
  age); cast.py: the persons and organisations the article names, with their
  roles, indexed once; subjects.py: the person opening each sentence;
- speakers.py: the article's discourse model, resolving mentions to entities by
  ordered rules; organisations.py: which organisation "it"/"the company" means;
  salience.py: which person a pronoun or a bare surname may mean;
- resolution.py: the speaker stage, records to entities (with forward rules for
  descriptions nobody precedes) to Speakers; persons.py: evidence that a one-word
  name is a person; words/: the word lists (data), given_names.txt among them;
- dates.py: the statement date from the cue's clause, else publication;
- languages.py: language codes and detection; other_languages.py: the quotations of an
  article in another language than English (every paired quotation, few speakers).

Speakers are resolved in reading order so that "he" and "the official" see the
speakers before them; a description nobody precedes ("The US ambassador …") takes
the person named at the next attribution, a few paragraphs at most.
"""
from __future__ import annotations

import re
from datetime import date

from .attribution import Record
from .dates import find_date, parse_published
from .document import Document
from .languages import language_code
from .model import ExtractedQuote, Speaker
from .other_languages import quotes_in_other_language
from .quotes import DirectFinder
from .reported import find_indirect
from .resolution import order, resolve_speakers, speaker_of
from .speakers import Discourse

__all__ = ["extract_quotes", "ExtractedQuote", "Speaker", "TooManyQuotationMarks",
           "MAX_QUOTATION_MARKS"]

# The most quotation marks one text may have. Each quotation costs the engine ~60 µs, so
# 500,000 tiny ones ('"a" ' * 500_000) would hold a worker for half a minute; 50,000 marks stay
# under ~2 s. Real texts have far fewer: a long novel ~7 per 1,000 characters (13,500 in the
# first 2M characters of War and Peace), the densest news article of the gold sets 14 per 1,000
# (28,000 at the 2M-character maximum of a source).
MAX_QUOTATION_MARKS = 50_000
# Double marks, and single marks other than apostrophes (a single mark between two letters or
# digits), counted before any pairing.
QUOTATION_MARK_RE = re.compile(r"[“”„\"«»「」『』]|[‘’'‹›‚](?:(?<![^\W_].)|(?![^\W_]))")
QUOTATION_MARK_CHARS = "“”„\"«»「」『』‘’'‹›‚"


class TooManyQuotationMarks(ValueError):
    """A text with more quotation marks than MAX_QUOTATION_MARKS: refused before extraction."""

    def __init__(self, count: int) -> None:
        super().__init__(f"the text has {count:,} quotation marks; at most "
                         f"{MAX_QUOTATION_MARKS:,} are read in one text: send it in parts")
        self.count = count


def refuse_too_many_quotation_marks(text: str) -> None:
    """Raise TooManyQuotationMarks when text has more than MAX_QUOTATION_MARKS."""
    if sum(map(text.count, QUOTATION_MARK_CHARS)) <= MAX_QUOTATION_MARKS:
        return  # even with every apostrophe counted (str.count, 9 ms for 2 MB): the usual case
    marks = len(QUOTATION_MARK_RE.findall(text))
    if marks > MAX_QUOTATION_MARKS:
        raise TooManyQuotationMarks(marks)


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


def extract_quotes(text: str, published: str | None = None,
                   language: str | None = None) -> list[ExtractedQuote]:
    """Extract the quotations and attributed reported speech of an article.

    language is its ISO 639-1 code or BCP 47 tag; an article in another language than English
    (None or an unknown tag: read as English) gets every paired quotation, with few speakers.
    A text with more than MAX_QUOTATION_MARKS quotation marks raises TooManyQuotationMarks.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    refuse_too_many_quotation_marks(text)
    code = language_code(language) if isinstance(language, str) else None
    if code not in (None, "en"):
        return quotes_in_other_language(text, code, published)
    pub = parse_published(published)
    doc = Document(text)
    records = DirectFinder(doc).run() + find_indirect(doc)
    records.sort(key=order)
    resolve_speakers(records, Discourse(doc), text)
    out: list[ExtractedQuote] = []
    for rec, (day, basis, precision) in zip(records, _dates(records, doc, pub)):
        cue = rec.cue
        out.append(ExtractedQuote(
            start=rec.start, end=rec.end, text=text[rec.start:rec.end], kind=rec.kind,
            speaker=speaker_of(rec), cue=text[cue.start:cue.end] if cue else None,
            cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
            date=day, date_basis=basis, date_precision=precision))
    out.sort(key=lambda q: (q.start, q.end))
    return out
