"""Quotations of articles not in English: every paired quotation, few speakers.

Rules:
- The English engine's cues, speaker phrases and speech tests are English; in another
  language every top-level quotation marks.py pairs is kept, none judged "not speech".
- A quotation holding no letter or digit (« … ») is dropped.
- Kind by shape: a quotation opening its sentence, or after a colon, is full; any other is
  partial.
- A speaker is named only in two plain shapes, for the languages words/
  speech_cues_by_language.txt lists (fr, de, es, it, nl, pt): right after the quotation, a cue then
  a name ending the clause («…», a déclaré Anne Roux. „…“, sagte Jonas Weber.); or a name
  opening the sentence, a cue, then a colon or "que/dass/che" and the quotation (Jonas Weber
  sagte: „…“). A name is two capitalised words, with lower-case particles between (Ursula
  von der Leyen), the first no article or pronoun (Der Kanzler, Le Monde). A pronoun, a
  role, a date after the name or three capitalised words leave the speaker null.
- The date is the publication date: dates.py reads English date phrases only.
"""
from __future__ import annotations

import re

from .dates import parse_published
from .document import Document
from .lexicon import table
from .model import ExtractedQuote, Speaker

_TABLE = table("speech_cues_by_language")
PARTICLES = frozenset(_TABLE["particles"])
ATTRIBUTED = tuple(sorted(key for key in _TABLE if len(key) == 2))  # languages with cue lists
_LEAD_RE = re.compile(r"[\s•·*\-–—]*")
_LETTER_RE = re.compile(r"[^\W_]")
_WORD = r"[^\W\d_]+(?:[-’'][^\W\d_]+)*"
_PARTICLES = "|".join(re.escape(p) for p in sorted(PARTICLES, key=len, reverse=True))
# two words (capitalised: _is_name), lower-case particles between
_NAME = rf"(?P<name>{_WORD}\s+(?:(?:{_PARTICLES})\s+)*{_WORD})"
_NEXT_WORD_RE = re.compile(r"\s+(\w)")
_CLAUSE_END_RE = re.compile(r"\s*(?:[.,;:!?)]|$)")


def _alternatives(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


def _patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """Return the language's (after the quotation, before it) patterns."""
    before = _alternatives(_TABLE[lang])
    after = _alternatives(_TABLE[lang] + _TABLE.get(f"{lang}-after", ()))
    return (re.compile(rf"[ \t\u00a0\u202f]*[,—–]?\s*(?P<cue>(?:{after})\s+{_NAME})"),
            re.compile(rf"(?P<cue>{_NAME}\s+(?:{before}))"
                       r"(?:\s+(?:que|qu’|qu'|dass|che))?\s*:?\s*"))


PATTERNS = {lang: _patterns(lang) for lang in ATTRIBUTED}
STOPS = {lang: frozenset(_TABLE.get(f"{lang}-stops", ())) for lang in ATTRIBUTED}


def _is_name(found: re.Match | None, lang: str) -> bool:
    """Tell whether a pattern's name is capitalised and opens with no article or pronoun."""
    if found is None:
        return False
    words = found.group("name").split()
    return words[0][0].isupper() and words[-1][0].isupper() and words[0] not in STOPS[lang]


def _ends_name(masked: str, pos: int) -> bool:
    """Tell whether a name may end at pos: the clause ends, or a lower-case word follows."""
    nxt = _NEXT_WORD_RE.match(masked, pos)
    return _CLAUSE_END_RE.match(masked, pos) is not None or (nxt is not None and nxt.group(1).islower())


def _speaker(doc: Document, lang: str, lo: int, open_pos: int,
             close_end: int) -> tuple[Speaker, int, int] | None:
    """Return the speaker a plain cue names for a quotation, with the cue's offsets."""
    after_re, before_re = PATTERNS[lang]
    found = after_re.match(doc.masked, close_end)
    if not (_is_name(found, lang) and _ends_name(doc.masked, found.end())):
        found = before_re.fullmatch(doc.masked, lo, open_pos)
        if not _is_name(found, lang):
            return None
    name = " ".join(found.group("name").split())
    start, end = found.span("cue")
    return Speaker(name=name, kind="person", mention=found.group("name")), start, end


def quotes_in_other_language(text: str, lang: str, published: str | None) -> list[ExtractedQuote]:
    """Return every top-level quotation of an article not in English."""
    doc = Document(text, lang)
    pub = parse_published(published)
    day, basis, precision = (pub.isoformat(), "published", "day") if pub else (None, None, None)
    out = []
    for q in doc.spans:
        if _LETTER_RE.search(text, q.start, q.end) is None:
            continue  # « … », a lone mark: nothing said
        lo = doc.sentence_bounds(q.open_pos)[0]
        opening = _LEAD_RE.fullmatch(doc.masked, lo, q.open_pos) is not None
        full = opening or doc.masked[lo:q.open_pos].rstrip().endswith(":")
        close_end = q.close_pos + 1 if q.close_pos is not None else q.end
        found = _speaker(doc, lang, lo, q.open_pos, close_end) if lang in PATTERNS else None
        speaker, cue_start, cue_end = found if found else (None, None, None)
        out.append(ExtractedQuote(
            start=q.start, end=q.end, text=text[q.start:q.end],
            kind="full" if full else "partial", speaker=speaker,
            cue=text[cue_start:cue_end] if found else None, cue_start=cue_start, cue_end=cue_end,
            date=day, date_basis=basis, date_precision=precision))
    return out
