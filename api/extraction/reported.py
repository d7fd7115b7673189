"""Indirect (reported) speech without quotation marks, kept to clear cases.

The stage is RULES, an ordered tuple of rule functions rule(sentence, found) ->
Record | None, tried in this order on each sentence; found holds the records the
earlier rules made there.

Rules:
- closing_cue: "CLAUSE, said X." / "CLAUSE, X said." (optionally ", citing …"
  after): the span is the sentence up to the comma before the cue.
- opening_cue: "X said (that) CLAUSE." where X opens the sentence or clause (after
  an introductory phrase with a comma, a bullet, or a conjunction such as "and",
  "but", "after", "when") or is a person named before ", who said", and is a name,
  he/she, or a role description; "told", "promised" and "assured" need "… that";
  verbs that as readily take a noun object ("announced", "suggested", "recalled":
  lexicon.THAT_ONLY_VERBS) need "that" right after them (time and channel phrases
  aside).
  The span is the clause to the end of the sentence, final period and a trailing
  ", according to …" excluded.
- saying: "X …, saying (that) CLAUSE." with an identified sentence subject X.
- second_that: "X said that A, and that B." / "… but that B": B is its own passage
  (A may hold a quotation).
- The reported clause ends before a second predicate of the speaker (", but
  dismissed …", "and accused …", ", he added …", ", said …").
- A clause needs four words, three after an explicit "that" ("warned that it came late").
- Never when the reported clause holds a quotation (the quotation is the record),
  nor for vague plural groups ("experts say") or "according to X".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .attribution import SAYING, Cue, Record, cues_of, trie_pattern, verb_index
from .document import Document
from .lexicon import INDIRECT_VERBS, SPEECH_VERBS, THAT_ONLY_VERBS
from .mentions import parse_after

_LEAD_RE = re.compile(r"[\s•·*\-–—]*")
# An optional dateline ("WASHINGTON - ", "BEIJING (AFP): ") and a sentence adverb.
_INTRO_RE = re.compile(
    r"[\s•·*\-–—]*(?:[A-Z][A-Z .,'’\-]{2,40}(?:\([^)]{1,30}\))?\s*[-–—:]\s+)?"
    r"(?:(?:But|And|So|Yet|Still|Meanwhile|However|Now|Also)\b,?\s*)?$")
_DATELINE_RE = re.compile(r"[\s•·*\-–—]*"
                          r"(?:[A-Z][A-Z .,'’\-]{2,40}(?:\([^)]{1,30}\))?\s*[-–—:]\s+)?")
_WHO_RE = re.compile(r",\s+who\s+(?:[a-z]+ly\s+|later\s+|also\s+|then\s+)?")  # "Lopez, who said"
_CONJ_END_RE = re.compile(
    r"(?:,|\b(?:and|but|after|when|as|because|while|since|although|though|before|"
    r"until|once|where|if))\s*$")
_DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Time and channel adverbials between the verb and its clause: "said on Wednesday (that)".
_THAT_RE = re.compile(
    r"(?:\s+(?:on\s+|last\s+)?" + _DAYS + r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:yesterday|today|earlier|later|last\s+week|this\s+week|on\s+\w+\s+\d{1,2})"
    r"|\s+(?:in|on|at|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:statement|interview|briefing|conference|call|post|speech|letter|email|message|"
    r"appearance|meeting|hearing|website|blog|account|page|channel|podcast|programme|program|"
    r"show|broadcast|filing|release|report|note|memo|tweet|video)"
    r"(?:\s+(?:(?:read|issued|released|published|posted|sent|given|shared|filed)\s+)?"
    r"(?:on|with|to|by|at|for)\s+(?:(?:a|an|the|his|her|their|its)\s+)?[\w.]+)?)*"
    r"\s*(?:,\s*)?(?:that\s+)?")
_NEEDS_THAT = {"told", "tells", "promised", "promises", "assured", "assures", "warned",
               "cautioned", "cautions", "observed"}
_OBJ_THAT_RE = re.compile(r"\s+(?:[\w.’'\-]+,?\s+){0,14}?that\s+")
# "told the court his client had …": an audience, then a clause without "that".
_AUDIENCE_RE = re.compile(
    r"\s+(?:(?:the|a)\s+)?(?:court|jury|inquest|tribunal|hearing|committee|inquiry|commons|"
    r"house|senate|parliament|conference|meeting|audience|crowd|panel|board|council|press|"
    r"reporters|journalists|mps|lawmakers|senators|analysts|investors|staff|employees|"
    r"supporters|fans|delegates|residents|members|viewers|listeners|magistrates|judges)"
    r"(?:\s+(?:on|last)\s+\w+)?\s+(?=(?:he|she|they|it|we|i|his|her|their|its|the|a|an|"
    r"there|this|these|those)\b)", re.I)
_CLAUSE_START_RE = re.compile(r"(?!(?:to|on|in|at|for|with|by|of|as|about|it\s+was|so|"
                              r"yes|no|nothing|a\s+statement)\b)[\w‘“\"'(]", re.I)
_ACCORDING_TAIL_RE = re.compile(r",\s+according to\b[^,]*$")
_PARTICIPLE_RE = re.compile(r"[a-z]+ing\b")
_TAIL_OK_RE = re.compile(r"(?:\s+(?:on\s+|last\s+)?" + _DAYS + r"|\s+(?:yesterday|today|earlier))?"
                         r"\s*(?:,\s+[a-z][^.!?]*)?[.!?]?\s*")
# "A, X said Tuesday, B": a time adverbial at most between the verb and the comma.
_INTERPOSED_TAIL_RE = re.compile(r"(?:\s+(?:on\s+|last\s+)?" + _DAYS
                                 + r"|\s+(?:yesterday|today|earlier))?\s*,\s+"
                                 r"(?=[a-z])(?!(?:which|who|whom|whose|where|and|but)\b)")
_SAYING_RE = re.compile(r",\s+(?P<verb>saying|adding|insisting|arguing|claiming|noting|stressing)"
                        r"\s+(?:that\s+)?")
_WORD_RE = re.compile(r"\w+")
# A second predicate of the speaker ends the reported clause: ", but dismissed …", "and
# said …" (a reporting verb needs no comma), or a new speaker: ", he added that …".
_FINITE_TRIE = trie_pattern({v for v in SPEECH_VERBS | INDIRECT_VERBS
                             if v.endswith(("ed", "es", "ts", "ys", "ns", "ks", "ms"))
                             or v in ("said", "told")})
_COORD_RE = re.compile(
    r",\s+(?:but|and)\s+(?:also\s+|then\s+)?(?:[a-z]+ed|said|told|says)\b"
    r"|\s+(?:and|but)\s+(?:(?:he|she|they|it)\s+)?(?:also\s+|then\s+|later\s+)?(?:"
    + _FINITE_TRIE + r")\b"
    r"|,\s+(?:(?:he|she|they|it)\s+)?(?:also\s+|later\s+)?(?:" + _FINITE_TRIE + r")\b")
_MIN_WORDS = 4
_FINITE_RE = re.compile(r"\b(?:is|was|are|were|will|would|could|should|can|may|might|must|"
                        r"has|had|have|did|does|do|won't|wasn't|isn't|weren't|aren't)\b")
_AND_THAT_RE = re.compile(r"[,\s](?:(?<=,)\s+|\s*)(?:and|but)\s+that\s+")  # ",? and/but that"
_VISIT = INDIRECT_VERBS | SAYING  # a sentence holding one of these is examined


def _good_subject(cue: Cue) -> bool:
    m = cue.mention
    if m is None or cue.inherited:
        return False
    if m.kind == "pronoun":
        return m.name in ("he", "she", "it")
    if m.kind == "anonymous":
        return not m.name.endswith("s")
    if m.kind == "definite":
        return not m.head.endswith("s")
    return True


def _quote_free(doc: Document, lo: int, hi: int) -> bool:
    return doc.quote_at(lo) is None and not doc.has_quote(lo, hi)


def _span_end(text: str, lo: int, hi: int) -> int:
    coord = _COORD_RE.search(text, lo, hi)
    hi = coord.start() if coord else hi
    if text.find("that", lo, hi) >= 0:
        second = _AND_THAT_RE.search(text, lo, hi)
        hi = second.start() if second else hi  # "…, and that B": B is its own passage
    seg = _ACCORDING_TAIL_RE.sub("", _strip_trail(text[lo:hi]))
    return lo + len(_strip_trail(seg))


def _strip_trail(seg: str) -> str:
    """Drop trailing spaces and final punctuation (what [\\s.!?…]+$ matches)."""
    while True:
        out = seg.rstrip().rstrip(".!?…")
        if out == seg:
            return seg
        seg = out


def _clause(doc: Document, pos: int, hi: int, cue: Cue, lo: int) -> Record | None:
    """Return the record of the reported clause starting at pos, if it is one."""
    if not _CLAUSE_START_RE.match(doc.masked, pos, hi) or not _quote_free(doc, pos, hi):
        return None
    if doc.masked.endswith(", ", 0, pos) and _PARTICIPLE_RE.match(doc.masked, pos):
        return None  # "said on Wednesday, urging parents to …": an aside, not the content
    end = _span_end(doc.text, pos, hi)
    least = _MIN_WORDS - 1 if doc.masked.endswith("that ", 0, pos) else _MIN_WORDS
    if ":" in doc.text[pos:end] or len(_WORD_RE.findall(doc.text[pos:end])) < least:
        return None  # "explained what had gone wrong:" introduces, it does not report
    return Record(pos, end, "indirect", cue, lo, pos, sentence_start=lo)


def _is_clause(masked: str, m: re.Match, verb: str, hi: int) -> bool:
    """Tell whether the words after a verb form a reported clause, not an object:
    "claimed the title" and "added a feature" do not report speech."""
    if verb in ("said", "says", "say") or m.group().rstrip().endswith("that"):
        return True
    return _FINITE_RE.search(masked, m.end(), min(hi, m.end() + 120)) is not None


def _conj_end(masked: str, lo: int, hi: int) -> bool:
    """Tell whether text[lo:hi] ends with a comma or a conjunction (only its tail is read)."""
    j = hi
    while j > lo and masked[j - 1].isspace():
        j -= 1
    return _CONJ_END_RE.search(masked, max(lo, j - 9), hi) is not None


@dataclass
class Sentence:
    """One sentence being read: its bounds and its cues with a speaker mention."""

    doc: Document
    lo: int
    hi: int
    cues: list[Cue]


def interposed_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'A, X said, B.': A and B are two passages of one statement (same cue)."""
    if found:
        return None
    doc, lo, hi = s.doc, s.lo, s.hi
    for cue in s.cues:
        if cue.verb not in INDIRECT_VERBS or not _good_subject(cue) \
                or cue.start >= cue.verb_start or cue.verb in _NEEDS_THAT:
            continue
        comma = doc.masked.rfind(",", lo, cue.start)
        if comma < 0 or doc.masked[comma + 1:cue.start].strip():
            continue
        after = _INTERPOSED_TAIL_RE.match(doc.masked, cue.end, hi)
        if after is None:
            continue
        start = _DATELINE_RE.match(doc.text, lo, comma).end()
        if not _quote_free(doc, start, comma) or start >= comma:
            continue
        second = _clause(doc, after.end(), hi, cue, lo)
        if second is None:
            continue
        found.append(Record(start, comma, "indirect", cue, cue.start, hi, sentence_start=lo))
        return second
    return None


def closing_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'CLAUSE, said X.' or 'CLAUSE, X said.' ending the sentence."""
    if found:
        return None
    doc, lo, hi = s.doc, s.lo, s.hi
    for cue in reversed(s.cues):
        if cue.verb not in INDIRECT_VERBS or not _good_subject(cue):
            continue
        comma = doc.masked.rfind(",", lo, cue.start)
        if comma < 0 or doc.masked[comma + 1:cue.start].strip():
            continue
        if not _TAIL_OK_RE.fullmatch(doc.masked, cue.end, hi):
            continue
        start = _DATELINE_RE.match(doc.text, lo, comma).end()
        if not _quote_free(doc, start, comma):
            continue
        if len(_WORD_RE.findall(doc.text[start:comma])) < _MIN_WORDS:
            continue
        return Record(start, comma, "indirect", cue, cue.start, hi, sentence_start=lo)
    return None


def opening_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'X said (that) CLAUSE.' with X opening its clause."""
    if found:
        return None
    doc, lo, hi = s.doc, s.lo, s.hi
    for cue in s.cues:
        if cue.verb not in INDIRECT_VERBS or not _good_subject(cue) \
                or (cue.start >= cue.verb_start and not cue.carried):
            continue
        if not (_INTRO_RE.fullmatch(doc.masked, lo, cue.start)
                or _conj_end(doc.masked, lo, cue.start) or (cue.mention.kind == "name"
                    and _WHO_RE.fullmatch(doc.masked, cue.mention.end, cue.verb_start))):
            continue
        pos = _clause_pos(doc.masked, cue, hi)
        rec = _clause(doc, pos, hi, cue, lo) if pos is not None else None
        if rec is not None:
            return rec
    return None


def _clause_pos(masked: str, cue: Cue, hi: int) -> int | None:
    """Return where the reported clause after a cue's verb starts, None when there is none."""
    if cue.verb in _NEEDS_THAT:
        m = _OBJ_THAT_RE.match(masked, cue.verb_end, hi)
        if not m and cue.verb in ("told", "tells"):
            m = _AUDIENCE_RE.match(masked, cue.verb_end, hi)
            if m and not _FINITE_RE.search(masked, m.end(), min(hi, m.end() + 60)):
                m = None
        return m.end() if m else None
    m = _THAT_RE.match(masked, cue.end, hi)
    if cue.verb in THAT_ONLY_VERBS and not m.group().rstrip().endswith("that"):
        return None
    return m.end() if _is_clause(masked, m, cue.verb, hi) else None


def saying(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'X …, saying (that) CLAUSE.' with X the subject of the sentence."""
    if found:
        return None
    doc, lo, hi = s.doc, s.lo, s.hi
    m = _SAYING_RE.search(doc.masked, lo, hi)
    if m is None:
        return None
    start = _LEAD_RE.match(doc.masked, lo, m.start()).end()
    subject = parse_after(doc.masked, start, min(m.start(), start + 120))
    if subject is None or subject.start != start:
        return None
    cue = Cue(subject.start, subject.end, m.start("verb"), m.end("verb"), subject, "said")
    if not _good_subject(cue):
        return None
    return _clause(doc, m.end(), hi, cue, lo)


def second_that(s: Sentence, found: list[Record]) -> Record | None:
    """Match the coordinated clause of 'X said that A, and that B.' as its own passage
    (after a record whose clause follows its verb, or alone when A holds a quotation)."""
    doc, lo, hi = s.doc, s.lo, s.hi
    if found and found[-1].start < found[-1].cue.verb_end:
        return None
    if doc.masked.find("that", lo, hi) < 0:
        return None
    m = _AND_THAT_RE.search(doc.masked, lo, hi)
    if m is None:
        return None
    for cue in reversed(s.cues):
        if cue.verb_end < m.start() and cue.verb in INDIRECT_VERBS and _good_subject(cue) \
                and cue.start < cue.verb_start:
            rec = _clause(doc, m.end(), hi, cue, lo)
            if rec is not None and found and rec.start < found[-1].end:
                return None
            return rec
    return None


Rule = Callable[[Sentence, list[Record]], "Record | None"]
RULES: tuple[Rule, ...] = (interposed_cue, closing_cue, opening_cue, saying, second_that)


def find_indirect(doc: Document) -> list[Record]:
    """Return indirect-speech records of the sentences, outside quotations."""
    out: list[Record] = []
    done = -1
    for vs, _, verb in verb_index(doc)[1]:
        if verb not in _VISIT:
            continue
        k = doc.sentence_index(vs)
        if k <= done:
            continue  # one verb is enough to visit its sentence once
        done = k
        lo, hi = doc.sentence_bounds(vs)
        if hi - lo < 20 or hi - lo > 1200 or doc.quote_at(lo) is not None:
            continue
        for rec in sentence_records(doc, lo, hi):
            rec.line = doc.line_index(lo)
            out.append(rec)
    return out


def sentence_records(doc: Document, lo: int, hi: int) -> list[Record]:
    """Apply RULES in order to one sentence and return the records they make."""
    cues = [c for c in cues_of(doc, lo, hi) if c.mention is not None and c.verb != "according to"]
    sentence = Sentence(doc, lo, hi, cues)
    found: list[Record] = []
    for rule in RULES:
        rec = rule(sentence, found)
        if rec is not None:
            found.append(rec)
    return found
