"""Indirect (reported) speech without quotation marks, kept to clear cases.

Rules (a sentence with no quotation in it):
- "X said (that) CLAUSE." where X opens the sentence (or follows an introductory
  phrase ending in a comma) and is a name, he/she, or a role description; "told"
  needs "told Y that". The span is the clause without the final period.
- "CLAUSE, said X." / "CLAUSE, X said." (optionally ", citing …" after): the span is
  the sentence up to the comma before the cue.
- "according to X, CLAUSE." / "CLAUSE, according to X." only when X is a person.
- Plural common nouns ("experts say") and auxiliaries ("has claimed") are skipped.
"""
from __future__ import annotations

import re

from .attribution import Cue, Record, find_cues
from .document import Document
from .lexicon import INDIRECT_VERBS

_INTRO_RE = re.compile(r"(?:(?:But|And|So|Yet|Still|Meanwhile|However|Now|Also)\b,?\s*)?$")
_THAT_RE = re.compile(r"\s*(?:,\s*)?(?:that\s+)?")
_CLAUSE_START_RE = re.compile(r"(?!(?:to|on|in|at|for|with|by|of|as|about|it\s+was|so|"
                              r"yes|no|nothing|this|a\s+statement)\b)[\w‘“\"'(]", re.I)
_TRAIL_RE = re.compile(r"[\s.!?…]+$")
_ACCORDING_TAIL_RE = re.compile(r",\s+according to\b[^,]*$")
_TAIL_OK_RE = re.compile(r"\s*(?:,\s+[a-z][^,]*)?[.!?]?\s*$")
_WORD_RE = re.compile(r"\w+")
_MIN_WORDS = 4


def _good_subject(cue: Cue) -> bool:
    m = cue.mention
    if m is None or cue.inherited:
        return False
    if m.kind == "pronoun":
        return m.name in ("he", "she")
    if m.kind == "anonymous":
        return not m.name.endswith("s")
    return True


def _opening_cue(doc: Document, lo: int, hi: int, cues: list[Cue]) -> Record | None:
    """Match 'X said (that) CLAUSE.' with X at the start of the sentence."""
    for cue in cues[:3]:
        if cue.verb in INDIRECT_VERBS and _good_subject(cue) and cue.start < cue.verb_start:
            return _opening_clause(doc, lo, hi, cue)
    return None


def _opening_clause(doc: Document, lo: int, hi: int, cue: Cue) -> Record | None:
    before = doc.masked[lo:cue.start]
    if not (_INTRO_RE.fullmatch(before) or before.rstrip().endswith(",")):
        return None
    if "," in before and not before.rstrip().endswith(","):
        return None
    pos = cue.end
    if cue.verb in ("told", "tells"):
        m = re.compile(r"\s+(?:[\w.’']+\s+){0,4}?that\s+").match(doc.masked, cue.end, hi)
        if not m:
            return None
        pos = m.end()
    else:
        pos = _THAT_RE.match(doc.masked, pos, hi).end()
    if not _CLAUSE_START_RE.match(doc.masked, pos, hi):
        return None
    end = _span_end(doc.text, pos, hi)
    if len(_WORD_RE.findall(doc.text[pos:end])) < _MIN_WORDS:
        return None
    return Record(pos, end, "indirect", cue, lo, pos, sentence_start=lo)


def _span_end(text: str, lo: int, hi: int) -> int:
    seg = text[lo:hi]
    seg = _ACCORDING_TAIL_RE.sub("", _TRAIL_RE.sub("", seg))
    return lo + len(_TRAIL_RE.sub("", seg))


def _closing_cue(doc: Document, lo: int, hi: int, cues: list[Cue]) -> Record | None:
    """Match 'CLAUSE, said X.' or 'CLAUSE, X said.' ending the sentence."""
    for cue in reversed(cues):
        ok_verb = cue.verb in INDIRECT_VERBS or cue.verb == "according to"
        if not ok_verb or not _good_subject(cue):
            continue
        if cue.verb == "according to" and (cue.mention.kind != "name" or cue.mention.org):
            continue
        comma = doc.masked.rfind(",", lo, cue.start)
        if comma < 0 or doc.masked[comma + 1:cue.start].strip():
            continue
        if not _TAIL_OK_RE.fullmatch(doc.masked, cue.end, hi):
            continue
        start = lo
        while start < comma and not doc.text[start].isalnum():
            start += 1
        if len(_WORD_RE.findall(doc.text[start:comma])) < _MIN_WORDS:
            continue
        return Record(start, comma, "indirect", cue, cue.start, hi, sentence_start=lo)
    return None


def _according_opening(doc: Document, lo: int, hi: int, cues: list[Cue]) -> Record | None:
    for cue in cues:
        m = cue.mention
        if cue.verb != "according to" or m is None or m.kind != "name" or m.org:
            continue
        comma = doc.masked.find(",", cue.end, hi)
        if comma < 0 or doc.masked[cue.end:comma].strip():
            continue
        before = doc.masked[lo:cue.start].strip()
        if before and not before.endswith((",", "and")):
            continue
        start = comma + 1
        while start < hi and doc.text[start].isspace():
            start += 1
        end = _span_end(doc.text, start, hi)
        if len(_WORD_RE.findall(doc.text[start:end])) >= _MIN_WORDS:
            return Record(start, end, "indirect", cue, lo, start, sentence_start=lo)
    return None


def find_indirect(doc: Document) -> list[Record]:
    """Return indirect-speech records of the sentences that hold no quotation."""
    out: list[Record] = []
    starts = doc.sentence_starts
    for k, lo in enumerate(starts):
        hi = starts[k + 1] if k + 1 < len(starts) else len(doc.text)
        lo, hi = doc.sentence_bounds(lo)
        if hi - lo < 20 or hi - lo > 1200 or doc.quote_at(lo) is not None:
            continue
        if doc.has_quote(lo, hi):
            continue  # handled as direct speech
        cues = [c for c in find_cues(doc.text, doc.masked, lo, hi) if c.mention is not None]
        if not cues:
            continue
        rec = (_closing_cue(doc, lo, hi, cues) or _opening_cue(doc, lo, hi, cues)
               or _according_opening(doc, lo, hi, cues))
        if rec is not None:
            rec.line = doc.line_index(lo)
            out.append(rec)
    return out
