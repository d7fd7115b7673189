"""Direct quotations: speech or not, full or partial, and which cue attributes them.

Rules:
- A quotation opening its sentence (or after "X said:") is full; one embedded in
  the writer's sentence is partial; a quotation in a headline is partial.
- Cue order of preference: a cue right after the closing mark ("…,” he said), the
  nearest cue before it in the sentence, then for a sentence-opening quotation a
  comma-introduced cue later in the sentence (“…” between X and Y, the official said).
- A quotation that is its own sentence takes the person named by the next sentence
  when that sentence is an attribution: "That was the verdict of X", "The words came
  from X", "Those were the words of X", "So said X"; with no speaker otherwise, it
  takes the subject of a reporting verb opening the next sentence of its paragraph
  ("“We have nothing left.” Amina Yusuf, 38, said her house …"); a paragraph that is
  only a quotation, with no speaker before it, takes the named person whose attribution
  opens the next paragraph ("Mayor Ana Lopez said the city …").
- Without a cue: a later quotation of the same paragraph continues the paragraph's
  speaker; a paragraph opening with a quotation continues the previous paragraph
  when that one ends with "X said:" or held an attributed quotation.
- A quotation in single marks in a Title Case headline opening the article is speech
  (Board Calls Cuts ‘A Gamble’): capitals cannot tell a title there.
- Not speech: a paragraph that is only a short Title Case quotation or a quotation in
  single marks (a subheading: “Nothing Left to Lose.”, 'A hard winter.'); titles of works (short Title Case fragments after a name or
  determiner; after a possessive or on/of/in/with even with a comma or period printed
  inside the marks: on CBS’s “Morning Hour,”), terms after so-called/dubbed/titled/known
  as (but "called" with a person for subject reports words: which he called “a
  disgrace”), short attributive fragments (a “working-level” call), and short
  fragments with no cue at all; a
  short fragment after an active reporting verb of its sentence is speech even with
  no speaker found ("Critics argued that the toll is an “unfair” tax"; also verbs that
  judge words without being cues: mocking, chanting, calling it, X calls it, unless the
  fragment is a Title Case name: a program the city is calling “Safe Streets,”), not after a
  passive one ("The toll was criticised as an “unfair” tax"); so is one after "as"
  (summed her up as “tireless,”), unless "such as" or a Title Case name (an
  exclamation is no name: chanting “Go Blue!”); so is one opening its sentence with a
  reporting verb close after it, its speaker unparsed ("“Not again,” the weary
  shopkeepers said").
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .attribution import (Cue, Record, colon_cue, cues_of, headline_cue, verb_index,
                          viewpoint_cue, word_pattern)
from .mentions import parse_after
from .document import Document
from .lexicon import CHARACTERIZING_VERBS, NAMING_WORDS, SPEECH_VERBS, WORK_NOUNS
from .marks import QuoteSpan

_WORDS_RE = re.compile(r"[^\W_][\w'’\-]*")
_LEAD_RE = re.compile(r"[\s•·*\-–—]*$")
_SMALL = frozenset("a an the of to in on for and or at by with as from but vs".split())
_CHARACTERIZING_RE = word_pattern(CHARACTERIZING_VERBS)
# "calls" is a verb after its subject ("Sam Ode calls it", "she calls them"), not "phone calls"
_CALLS_RE = re.compile(r"(?:\b(?:he|she|they|it|who|which|that)|\b(?!(?:The|These|Those|Such|Many|"
                       r"Some|Their|His|Her|Its|Our|Your|My)\b)[A-Z][\w.'’\-]*)(?=\s+calls\b)")
_CLAUSE_END_RE = re.compile(r"[.;:!?“”\"]")
_NOT_AS = frozenset("such known referred".split())  # "such as", "known as": no judgement
_WORK_PREPS = frozenset("on of in with".split())
_BE = frozenset("be been being is are was were".split())
_DETERMINERS = frozenset("a an the its their his her this that our your my".split())
_NEXT_WORD_RE = re.compile(r"\s+([a-z][\w\-]*)")
_GAP_RE = re.compile(r"[\s,—–\-]*")
_MAX_WINDOW = 400
_SPACE_RE = re.compile(r"\s*")
_SUBJECT_LEAD_RE = re.compile(r"[\s•·*\-–—]*")
# A sentence after a quotation that names its speaker: "That was the verdict of X", "The
# words came from X", "Those were the words of X", "So said X".
_NEXT_ATTRIBUTION_RE = re.compile(
    r"[\s•·*\-–—]*(?:(?:That|This|Such|Those|These|It)\s+(?:was|were|is|are)\s+the\s+"
    r"(?:[a-z\-]+\s+){0,2}?(?:verdict|view|words?|message|assessment|warning|opinion|reaction|"
    r"response|conclusion|advice|judge?ment|plea|promise|prediction|claim|argument|take|"
    r"thoughts?|comments?|remarks?|message|summary|retort|reply|answer)\s+of"
    r"|(?:The|Those|These|That|This|Such)\s+(?:[a-z\-]+\s+){0,2}?(?:words?|comments?|remarks?|"
    r"message|warning|verdict|assessment|plea|retort)\s+(?:came|come|were|was|is|are)\s+"
    r"(?:from|those\s+of|that\s+of)"
    r"|(?:Or\s+)?[Ss]o\s+(?:said|says))\s+")



def _prev_words(masked: str, lo: int, pos: int) -> tuple[str, str]:
    """Return the last word before pos and the one before it, lower-cased."""
    words = _WORDS_RE.findall(masked, max(lo, pos - 60), pos)
    if not words:
        return "", ""
    return words[-1].lower(), (words[-2].lower() if len(words) > 1 else "")


def _title_case(words: list[str]) -> bool:
    caps = [w for w in words if w.lower() not in _SMALL]
    return bool(caps) and all(w[:1].isupper() or w[:1].isdigit() for w in caps)


def _speech_before(doc: Document, lo: int, pos: int, judged: bool = True) -> bool:
    """Tell whether an active reporting verb stands in the masked text[lo:pos]: "Rivals
    accused her of a “fire sale”", not "It was criticised as a “fire sale”"; with judged,
    verbs that judge words count too ("mocking its “sleepy” schedule")."""
    starts, items = verb_index(doc)
    found = items[bisect_left(starts, lo):bisect_left(starts, pos)]
    if judged:
        found += [(m.start(), 0, m.group()) for m in _CHARACTERIZING_RE.finditer(doc.masked, lo, pos)]
        found += [(m.end(), 0, "calls") for m in _CALLS_RE.finditer(doc.masked, lo, pos)]
    for vs, _, verb in found:
        before = _WORDS_RE.findall(doc.masked, max(lo, vs - 8), vs)
        if not before or before[-1].lower() not in _BE or verb.endswith("ing"):
            return True
    return False


def _term(doc: Document, q: QuoteSpan, lo: int) -> bool:
    """Tell whether a quotation with no cue is a short term rather than words reported: not
    after a reporting verb of its sentence, nor, unless a Title Case name, after "as"
    ("summed her up as “tireless,”")."""
    words = _WORDS_RE.findall(doc.text, q.start, q.end)
    # a name (a product sold as “Scribe Mode”), not an exclamation (chanting “Go Blue!”)
    named = _title_case(words) and doc.text[q.start:q.end].rstrip()[-1:] not in "!?"
    if len(words) >= 4 or _speech_before(doc, lo, q.open_pos, judged=not named):
        return False
    if named:
        return True
    last, before_last = _prev_words(doc.masked, lo, q.open_pos)
    if last in ("a", "an", "the"):
        last, before_last = before_last, ""
    return last != "as" or before_last in _NOT_AS


def _verb_after(doc: Document, close_end: int, hi: int) -> bool:
    """Tell whether a reporting verb follows a quotation closely in its clause, its speaker
    unparsed: "“We need change,” the veteran lawmaker said"."""
    starts, items = verb_index(doc)
    k = bisect_left(starts, close_end)
    return k < len(starts) and starts[k] < min(hi, close_end + 60) \
        and not _CLAUSE_END_RE.search(doc.masked, close_end + 1, starts[k])


def _cased_headline(doc: Document, q: QuoteSpan) -> bool:
    """Tell whether a quotation in single marks stands in a Title Case headline opening the
    article, where capitals cannot tell a title from quoted words: Mayor Calls Plan ‘A Gamble’."""
    if not q.single or "\n" in doc.text[:q.open_pos].lstrip():
        return False
    start, end = doc.line_bounds(doc.line_index(q.open_pos))
    words = _WORDS_RE.findall(doc.masked, start, end)
    return len(words) > 2 and _title_case(words)


def _alone(doc: Document, q: QuoteSpan) -> bool:
    """Tell whether a quotation is all its paragraph holds: in Title Case, a subheading."""
    start, end = doc.line_bounds(doc.line_index(q.open_pos))
    return not _WORDS_RE.search(doc.masked, start, end)


def _called_by(doc: Document, cues: list[Cue], pos: int) -> bool:
    """Tell whether the naming verb before pos has a person for subject: "which he called
    “a disgrace”", not "a film called “Paper Moon”"."""
    return any(c.mention is not None and c.mention.kind in ("name", "pronoun")
               and not c.mention.org and not c.inherited and c.mention.start < c.verb_start
               and not doc.masked[c.verb_end:pos].strip() for c in cues)


def _not_speech(doc: Document, q: QuoteSpan, lo: int, opening: bool, cues: list[Cue]) -> bool:
    """Tell whether a quotation names a thing (title, term, nickname) instead of speech."""
    content = doc.text[q.start:q.end]
    words = []  # the first nine words decide; the rest is read only for a work's title
    for w in _WORDS_RE.finditer(doc.text, q.start, q.end):
        words.append(w.group())
        if len(words) > 8:
            break
    last, before_last = _prev_words(doc.masked, lo, q.open_pos)
    if last in NAMING_WORDS or (last == "as" and before_last in ("known", "referred")):
        return not _called_by(doc, cues, q.open_pos)
    if opening:
        return (q.single or 1 < len(words) <= 8 and _title_case(words)) and _alone(doc, q)
    if doc.masked[lo:q.open_pos].rstrip().endswith(":"):
        return False
    ends_sentence = content.rstrip()[-1:] in ".!?,"
    if len(words) <= 8 and _title_case(words) and last != "as" and last not in SPEECH_VERBS:
        if not ends_sentence or (len(words) > 1 and content.rstrip()[-1:] in ".,"
                                 and (last in _WORK_PREPS or last.endswith(("'s", "’s")))):
            return True  # KLX’s “Harbour Hour,”: the comma is printed inside the marks
    if len(words) <= 3 and not ends_sentence and last in _DETERMINERS \
            and not _speech_before(doc, lo, q.open_pos):
        after = q.close_pos + 1 if q.close_pos is not None else q.end
        nxt = _NEXT_WORD_RE.match(doc.masked, after)
        if nxt and nxt.group(1) not in SPEECH_VERBS and nxt.group(1) not in ("he", "she"):
            return True
    return last in WORK_NOUNS and _title_case(_WORDS_RE.findall(content))


class DirectFinder:
    """Attribute every top-level quotation of a document in reading order."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.records: list[Record] = []
        self._by_line: dict[int, Record] = {}

    def run(self) -> list[Record]:
        """Return the records of the quotations that are speech."""
        for idx, q in enumerate(self.doc.spans):
            rec = self._one(idx, q)
            if rec is not None:
                self.records.append(rec)
                if rec.cue is not None or rec.source is not None:
                    self._by_line[self.doc.line_index(q.open_pos)] = rec
        return self.records

    def _cues_for(self, lo: int, hi: int) -> list[Cue]:
        return cues_of(self.doc, lo, hi)

    def _window(self, q: QuoteSpan) -> tuple[int, int, int, list[Cue]]:
        close_end = q.close_pos + 1 if q.close_pos is not None else q.end
        lo = self.doc.sentence_bounds(q.open_pos)[0]
        hi = max(self.doc.sentence_bounds(max(close_end - 1, q.open_pos))[1], close_end)
        w_lo, w_hi = max(lo, q.open_pos - _MAX_WINDOW), min(hi, close_end + _MAX_WINDOW)
        return w_lo, w_hi, close_end, cues_of(self.doc, lo, hi, (w_lo, w_hi))

    def _one(self, idx: int, q: QuoteSpan) -> Record | None:
        doc = self.doc
        lo, hi, close_end, cues = self._window(q)
        opening = _LEAD_RE.fullmatch(doc.masked, lo, q.open_pos) is not None
        head = _cased_headline(doc, q)
        if not head and _not_speech(doc, q, lo, opening, cues):
            return None
        title = doc.is_title_line(q.open_pos)
        cue = self._pick(cues, q.open_pos, close_end, opening)
        line = doc.line_index(q.open_pos)
        if cue is None and not title:
            cue = viewpoint_cue(doc.masked, lo, q.open_pos) or colon_cue(doc.masked, lo, q.open_pos)
        if cue is None and not title and opening:
            found = self._next_sentence_cue(close_end, hi)
            if found is not None:
                cue, hi = found
        if cue is None and title:
            cue = headline_cue(doc.masked, doc.line_bounds(line)[0], q.open_pos)
        kind = "partial" if title else self._kind(idx, q, lo, opening)
        rec = Record(q.start, q.end, kind, cue, sentence_start=lo, line=line)
        if cue is None:
            rec.source = self._inherit(q, line, kind)
            if rec.source is None and opening and not title:
                rec.cue = cue = self._next_subject_cue(close_end, hi) \
                    or self._next_paragraph_cue(line, close_end)
            if rec.source is None and rec.cue is None and not head and (title or _term(
                    doc, q, lo) and not (opening and _verb_after(doc, close_end, hi))):
                return None
        self._date_window(rec, lo, hi, close_end)
        return rec

    def _next_sentence_cue(self, close_end: int, hi: int) -> tuple[Cue, int] | None:
        """Return the attribution a quotation ending its sentence gets from the next one:
        "“…” That was the verdict of Detective Inspector Sam Hale." / "The words came from
        …" / "So said …" (with the next sentence's end)."""
        doc = self.doc
        if doc.masked[close_end:hi].strip(" \t.!?"):
            return None  # the quotation does not end its sentence
        k = doc.sentence_index(max(hi - 1, close_end - 1)) + 1
        if k >= len(doc.sentence_starts) or doc.line_index(doc.sentence_starts[k]) \
                - doc.line_index(close_end - 1) > 1:
            return None
        lo2, hi2 = doc.sentence_bounds(doc.sentence_starts[k])
        m = _NEXT_ATTRIBUTION_RE.match(doc.masked, lo2, hi2)
        if m is None:
            return None
        mention = parse_after(doc.masked, m.end(), hi2)
        if mention is None or mention.kind not in ("name", "definite") or mention.org \
                or mention.start != m.end():
            return None
        return Cue(m.start(), mention.end, m.start(), m.end(), mention, "said"), hi2

    def _next_subject_cue(self, close_end: int, hi: int) -> Cue | None:
        """Return the cue opening the next sentence of the paragraph when a quotation
        that is its own sentence has no speaker: "“We have nothing left.” Amina Yusuf,
        38, said her house had been swept away." """
        doc = self.doc
        if doc.masked[close_end:hi].strip(" \t.!?"):
            return None
        k = doc.sentence_index(max(hi - 1, close_end - 1)) + 1
        if k >= len(doc.sentence_starts) or doc.masked.find("\n", close_end,
                                                             doc.sentence_starts[k]) >= 0:
            return None
        lo2, hi2 = doc.sentence_bounds(doc.sentence_starts[k])
        lead = _SUBJECT_LEAD_RE.match(doc.masked, lo2, hi2).end()
        for c in cues_of(doc, lo2, hi2):
            m = c.mention
            if m is not None and not c.inherited and not c.carried and m.start == lead \
                    and c.start < c.verb_start and m.kind in ("name", "pronoun", "definite") \
                    and not (m.kind == "pronoun" and m.name == "they"):
                return c
        return None

    def _nonblank_line(self, line: int, step: int) -> int | None:
        """Return the next non-blank line from line in direction step, two blanks at most."""
        doc = self.doc
        for k in range(line + step, line + 4 * step, step):
            if k < 0 or k >= len(doc.line_starts):
                return None
            if doc.text[slice(*doc.line_bounds(k))].strip():
                return k
        return None

    def _next_paragraph_cue(self, line: int, close_end: int) -> Cue | None:
        """Return the named speaker opening the next paragraph for a paragraph that is only
        a quotation, with no speaker before it to continue: "“…”" then "Mayor Ana Lopez
        said the city …"."""
        doc = self.doc
        if doc.masked[close_end:doc.line_bounds(line)[1]].strip():
            return None
        prev = self._nonblank_line(line, -1)
        if prev is not None and any(c.mention is not None
                                    for c in self._cues_for(*doc.line_bounds(prev))):
            return None
        nxt = self._nonblank_line(line, 1)
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

    def _pick(self, cues: list[Cue], open_pos: int, close_end: int, opening: bool) -> Cue | None:
        masked = self.doc.masked
        for c in cues:
            if not c.inherited and c.start >= close_end and c.mention is not None \
                    and _GAP_RE.fullmatch(masked, close_end, c.start):
                return c
        before = [c for c in cues if c.anchor < open_pos and c.mention is not None]
        if before:
            return before[-1]
        if opening:
            for c in cues:
                if c.start >= close_end and c.mention is not None and not c.inherited \
                        and masked[close_end:c.start].rstrip().endswith(","):
                    return c
        return None

    def _kind(self, idx: int, q: QuoteSpan, lo: int, opening: bool) -> str:
        if opening or self.doc.masked[lo:q.open_pos].rstrip().endswith(":"):
            return "full"
        if idx > 0 and self.records and self.records[-1].kind == "full":
            prev = self.doc.spans[idx - 1]
            prev_end = prev.close_pos + 1 if prev.close_pos is not None else prev.end
            between = self.doc.masked[prev_end:q.open_pos]
            last = self.records[-1]
            if prev_end >= lo and last.start == prev.start and last.cue is not None \
                    and between.rstrip().endswith(",") and len(between) < 200:
                return "full"
        return "partial"

    def _inherit(self, q: QuoteSpan, line: int, kind: str) -> Record | None:
        if line in self._by_line:
            return self._by_line[line]
        doc = self.doc
        start, _ = doc.line_bounds(line)
        if _SPACE_RE.match(doc.text, start, q.open_pos).end() != q.open_pos or kind != "full":
            return None
        prev_line = line - 1
        while prev_line >= 0 and not doc.text[slice(*doc.line_bounds(prev_line))].strip():
            prev_line -= 1
        if prev_line < 0 or line - prev_line > 3:
            return None
        return self._by_line.get(prev_line) or self._colon_record(prev_line)

    def _colon_record(self, line: int) -> Record | None:
        """Return a cue-only record when a paragraph ends with 'X said:'."""
        s, e = self.doc.line_bounds(line)
        if not self.doc.text[s:e].rstrip().endswith(":"):
            return None
        lo = self.doc.sentence_bounds(max(s, e - 2))[0]
        cues = [c for c in self._cues_for(lo, e) if c.mention is not None]
        if not cues:
            return None
        rec = Record(cues[-1].start, cues[-1].end, "full", cues[-1], sentence_start=lo, line=line)
        self._date_window(rec, lo, e, e)
        return rec

    def _date_window(self, rec: Record, lo: int, hi: int, close_end: int) -> None:
        cue = rec.cue
        if cue is None:
            rec.date_lo = rec.date_hi = 0
            return
        before = cue.start < close_end - 1 and cue.anchor < rec.start
        start = lo if before else cue.start
        end = min(hi, cue.end + 80)
        text = self.doc.masked
        # after a quotation the cue's clause runs on past commas ("…,” X said, on Sunday)
        for stop in ((",", " that ", ";") if before else (" that ", ";", "_")):
            k = text.find(stop, cue.end, end)
            if k >= 0:
                end = k
        rec.date_lo, rec.date_hi = start, end
