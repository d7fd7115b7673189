"""Sieve rules that read beyond the quotation's sentence (rules 10 and 12 to 15 of sieve.py):
the next sentence's attribution, continuation of a paragraph's speaker, the subject opening
the next sentence, the reporting verb of the previous sentence, the next paragraph's speaker;
and the date window of a record's cue.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .attribution import Cue, Record, cues_of, verb_index
from .document import Document
from .labels import inverted
from .mentions import parse_after

if TYPE_CHECKING:
    from .sieve import Answer, Site

_SPACE_RE = re.compile(r"\s*")
_NAMING_RE = re.compile(r"\b(?:[A-Z]|(?:he|she|they|we|I|it)\b)")
_SUBJECT_LEAD_RE = re.compile(r"[\s•·*\-–—]*")
_NEXT_ATTRIBUTION_RE = re.compile(
    r"[\s•·*\-–—]*(?:(?:That|This|Such|Those|These|It)\s+(?:was|were|is|are)\s+the\s+"
    r"(?:[a-z\-]+\s+){0,2}?(?:verdict|view|words?|message|assessment|warning|opinion|reaction|"
    r"response|conclusion|advice|judge?ment|plea|promise|prediction|claim|argument|take|"
    r"thoughts?|comments?|remarks?|message|summary|retort|reply|answer)\s+of"
    r"|(?:The|Those|These|That|This|Such)\s+(?:[a-z\-]+\s+){0,2}?(?:words?|comments?|remarks?|"
    r"message|warning|verdict|assessment|plea|retort)\s+(?:came|come|were|was|is|are)\s+"
    r"(?:from|those\s+of|that\s+of)"
    r"|(?:Or\s+)?[Ss]o\s+(?:said|says))\s+")


def _next_sentence(site: Site, same_paragraph: bool) -> tuple[int, int] | None:
    """Return the bounds of the sentence after a quotation that ends its own sentence."""
    doc, close_end, hi = site.doc, site.close_end, site.hi
    if doc.masked[close_end:hi].strip(" \t.!?"):
        return None  # the quotation does not end its sentence
    k = doc.sentence_index(max(hi - 1, close_end - 1)) + 1
    if k >= len(doc.sentence_starts):
        return None
    if same_paragraph and doc.masked.find("\n", close_end, doc.sentence_starts[k]) >= 0:
        return None
    if doc.line_index(doc.sentence_starts[k]) - doc.line_index(close_end - 1) > 1:
        return None
    return doc.sentence_bounds(doc.sentence_starts[k])


def next_attribution(site: Site) -> Answer:
    """Rule 10: "“…” That was the verdict of X." (the date window then spans that sentence)."""
    if site.title or not site.opening:
        return None
    bounds = _next_sentence(site, False)
    if bounds is None:
        return None
    lo2, hi2 = bounds
    masked = site.doc.masked
    m = _NEXT_ATTRIBUTION_RE.match(masked, lo2, hi2)
    if m is None:
        return None
    mention = parse_after(masked, m.end(), hi2)
    if mention is None or mention.kind not in ("name", "definite") or mention.org \
            or mention.start != m.end():
        return None
    site.hi = hi2
    return Cue(m.start(), mention.end, m.start(), m.end(), mention, "said")

def continuation(site: Site) -> Answer:
    """Rule 12: the record of the paragraph, or of the previous one, that this one continues."""
    if site.line in site.by_line:
        return site.by_line[site.line]
    doc = site.doc
    start, _ = doc.line_bounds(site.line)
    if _SPACE_RE.match(doc.text, start, site.q.open_pos).end() != site.q.open_pos \
            or site.kind != "full":
        return None
    prev_line = site.line - 1
    while prev_line >= 0 and not doc.text[slice(*doc.line_bounds(prev_line))].strip():
        prev_line -= 1
    if prev_line < 0 or site.line - prev_line > 3:
        return None
    return site.by_line.get(prev_line) or _colon_record(doc, prev_line) \
        or (_reported_record(doc, prev_line) if site.line - prev_line <= 2
            and _only_quotation(doc, site.line) else None)


def _only_quotation(doc: Document, line: int) -> bool:
    """Tell whether a paragraph names nobody outside its quotations (no capitalised word, no
    personal pronoun): no cue of its own, even one the cue finder cannot read."""
    return not _NAMING_RE.search(doc.masked, *doc.line_bounds(line))


def _colon_record(doc: Document, line: int) -> Record | None:
    """Return a cue-only record when a paragraph ends with 'X said:'."""
    s, e = doc.line_bounds(line)
    if not doc.text[s:e].rstrip().endswith(":"):
        return None
    lo = doc.sentence_bounds(max(s, e - 2))[0]
    cues = [c for c in cues_of(doc, lo, e) if c.mention is not None]
    if not cues:
        cues = [c for c in (inverted(doc.masked, lo, e),) if c is not None]  # "Stated Lund:"
    if not cues:
        return None
    rec = Record(cues[-1].start, cues[-1].end, "full", cues[-1], sentence_start=lo, line=line)
    date_window(doc, rec, lo, e, e)
    return rec


def _reported_record(doc: Document, line: int) -> Record | None:
    """Return a cue-only record when the paragraph just before ends with a sentence whose
    reporting verb has its own speaker ("Lee said the plan had failed." then a paragraph
    that is only a quotation: Lee goes on)."""
    s, e = doc.line_bounds(line)
    lo = doc.sentence_bounds(max(s, e - 2))[0]
    cues = [c for c in cues_of(doc, lo, e) if c.mention is not None and not c.carried
            and not c.inherited and c.verb not in ("claims", "reported", "according to")
            and c.mention.kind in ("name", "pronoun", "definite")
            and not (c.mention.kind == "pronoun" and c.mention.name in ("they", "it"))]
    if not cues or doc.has_quote(lo, e):
        return None
    rec = Record(cues[-1].start, cues[-1].end, "full", cues[-1], sentence_start=lo, line=line)
    date_window(doc, rec, lo, e, e)
    return rec


def next_subject(site: Site) -> Answer:
    """Rule 13: the subject of a reporting verb opening the next sentence of the paragraph."""
    if site.title or not site.opening:
        return None
    bounds = _next_sentence(site, True)
    if bounds is None:
        return None
    lo2, hi2 = bounds
    lead = _SUBJECT_LEAD_RE.match(site.doc.masked, lo2, hi2).end()
    for c in cues_of(site.doc, lo2, hi2):
        m = c.mention
        if m is not None and not c.inherited and not c.carried and m.start == lead \
                and c.start < c.verb_start and m.kind in ("name", "pronoun", "definite") \
                and not (m.kind == "pronoun" and m.name == "they"):
            return c
    return None


def previous_sentence(site: Site) -> Answer:
    """Rule 14: the speaker of a reporting verb in the previous sentence of the paragraph,
    unless the quotation's own sentence has a reporting verb whose speaker went unread."""
    if site.title or not site.opening:
        return None
    doc = site.doc
    starts, _ = verb_index(doc)
    if bisect_left(starts, site.close_end) < bisect_left(starts, site.hi):
        return None
    k = doc.sentence_index(site.lo) - 1
    if k < 0:
        return None
    lo2, hi2 = doc.sentence_bounds(doc.sentence_starts[k])
    found = [c for c in cues_of(doc, lo2, hi2) if c.mention is not None and not c.carried
             and c.verb not in ("claims", "reported", "according to")]
    if not found or doc.line_index(found[-1].verb_start) != site.line:
        return None  # a paragraph opening with a quotation is continuation's business
    return found[-1]


def _nonblank_line(doc: Document, line: int, step: int) -> int | None:
    """Return the next non-blank line from line in direction step, two blanks at most."""
    for k in range(line + step, line + 4 * step, step):
        if k < 0 or k >= len(doc.line_starts):
            return None
        if doc.text[slice(*doc.line_bounds(k))].strip():
            return k
    return None


def next_paragraph(site: Site) -> Answer:
    """Rule 15: the named person opening the next paragraph, for a quotation paragraph."""
    if site.title or not site.opening:
        return None
    doc, line = site.doc, site.line
    if doc.masked[site.close_end:doc.line_bounds(line)[1]].strip():
        return None
    prev = _nonblank_line(doc, line, -1)
    if prev is not None and any(c.mention is not None
                                for c in cues_of(doc, *doc.line_bounds(prev))):
        return None
    nxt = _nonblank_line(doc, line, 1)
    if nxt is None:
        return None
    lo2, hi2 = doc.sentence_bounds(doc.line_bounds(nxt)[0])
    lead = _SUBJECT_LEAD_RE.match(doc.masked, lo2, hi2).end()
    for c in cues_of(doc, lo2, hi2):
        m = c.mention
        if m is not None and m.kind == "name" and not m.org and not c.inherited \
                and not c.carried and m.start == lead and c.start < c.verb_start:
            return c
    return None

def date_window(doc: Document, rec: Record, lo: int, hi: int, close_end: int) -> None:
    """Set where a record's statement date is looked for: its cue's clause."""
    cue = rec.cue
    if cue is None:
        rec.date_lo = rec.date_hi = 0
        return
    before_quote = cue.start < close_end - 1 and cue.anchor < rec.start
    start = lo if before_quote else cue.start
    end = min(hi, cue.end + 80)
    text = doc.masked
    # after a quotation the cue's clause runs on past commas ("…,” X said, on Sunday)
    for stop in ((",", " that ", ";") if before_quote else (" that ", ";", "_")):
        k = text.find(stop, cue.end, end)
        if k >= 0:
            end = k
    rec.date_lo, rec.date_hi = start, end
