"""Direct quotations: speech or not, full or partial; sieve.py picks their cue.

Rules:
- A quotation opening its sentence (or after "X said:") is full; one embedded in
  the writer's sentence is partial; a quotation in a headline is partial.
- Which cue attributes a quotation (or which earlier quotation it continues) is decided
  by sieve.py's ordered rules.
- A quotation in single marks in a Title Case headline opening the article is speech
  (Board Calls Cuts ‘A Gamble’): capitals cannot tell a title there.
- Not speech: a paragraph that is only a short Title Case quotation or a quotation in
  single marks (a subheading: “Nothing Left to Lose.”, 'A hard winter.'); titles of
  works (short Title Case fragments after a name or determiner; after a possessive or
  on/of/in/with/and/or even with a comma or period printed inside the marks: on CBS’s
  “Morning Hour,”, starred in “Blue Hours,” and “Red Sky,”); terms after so-called/dubbed/titled/known as (but "called" with a
  person for subject reports words: which he called “a disgrace”); short attributive
  fragments (a “working-level” call); short fragments with no cue at all.
- Yet a short fragment is speech, speaker found or not, after an active reporting verb
  of its sentence ("Critics argued that the toll is an “unfair” tax", not "The toll
  was criticised as an “unfair” tax"), a verb that judges words without being a cue
  (mocking, likened, calling it, X calls it) or a noun of speech (her claim that rents
  were “fair enough”), unless it is a Title Case name (a program the city is calling
  “Safe Streets,”); after "the phrase/term/slogan" (used the phrase “fair share”);
  after "as" (summed her up as “tireless,”) unless "such as" or a Title Case name (an
  exclamation is no name: chanting “Go Blue!”); when it opens its sentence with a
  reporting verb close after it, its speaker unparsed ("“Not again,” the weary
  shopkeepers said").
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .around import date_window
from .attribution import Cue, Record, cues_of, verb_index, word_pattern
from .document import Document
from .lexicon import CHARACTERIZING_VERBS, NAMING_WORDS, SPEECH_NOUNS, SPEECH_VERBS, WORK_NOUNS
from .marks import QuoteSpan
from .sieve import Site, attribute

_WORDS_RE = re.compile(r"[^\W_][\w'’\-]*")
_LEAD_RE = re.compile(r"[\s•·*\-–—]*$")
_SMALL = frozenset("a an the of to in on for and or at by with as from but vs".split())
# verbs that judge words, nouns of speech and call/calls, found in one pass (_judging_index)
_JUDGING_RE = word_pattern(CHARACTERIZING_VERBS | SPEECH_NOUNS | {"call", "calls"})
# "call(s)" is a verb after its subject ("Sam Ode calls it", "they call them"), not "phone calls"
_CALL_SUBJECTS = frozenset("he she they it we who which that and".split())  # "and calls": coordinated
_CAPITAL_DETERMINERS = frozenset("The These Those Such Many Some Their His Her Its Our Your My A An"
                                 .split())
_WORDING = frozenset("phrase phrases term terms word words slogan line message cry chant mantra "
                     "refrain catchphrase".split())
_CLAUSE_END_RE = re.compile(r"[.;:!?“”\"]")
_NOT_AS = frozenset("such known referred".split())  # "such as", "known as": no judgement
_HEADLINE_CHARS = 300
_EDGE_CHARS = 12
_WORK_PREPS = frozenset("on of in with and or".split())
_BE = frozenset("be been being is are was were".split())
_DETERMINERS = frozenset("a an the its their his her this that our your my".split())
_NEXT_WORD_RE = re.compile(r"\s+([a-z][\w\-]*)")
_MAX_WINDOW = 400


def _prev_words(masked: str, lo: int, pos: int) -> tuple[str, str]:
    """Return the last word before pos and the one before it, lower-cased."""
    words = _WORDS_RE.findall(masked, max(lo, pos - 60), pos)
    if not words:
        return "", ""
    return words[-1].lower(), (words[-2].lower() if len(words) > 1 else "")


def _title_case(words: list[str]) -> bool:
    caps = [w for w in words if w.lower() not in _SMALL]
    return bool(caps) and all(w[:1].isupper() or w[:1].isdigit() for w in caps)


def _judging_index(doc: Document) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Return the verbs that judge words (and call/calls) of the masked document, found in
    one pass and cached like attribution.verb_index."""
    if doc.judging is None:
        items = [(m.start(), m.end(), m.group()) for m in _JUDGING_RE.finditer(doc.masked)]
        doc.judging = ([v[0] for v in items], items)
    return doc.judging


def _subject_before(doc: Document, lo: int, pos: int) -> bool:
    """Tell whether the word before pos can be the subject of a verb: a pronoun or a name."""
    before = _WORDS_RE.findall(doc.masked, max(lo, pos - 30), pos)
    if not before:
        return False
    word = before[-1]
    return word in _CALL_SUBJECTS or word[0].isupper() and word not in _CAPITAL_DETERMINERS


def _speech_before(doc: Document, lo: int, pos: int, judged: bool = True) -> bool:
    """Tell whether an active reporting verb stands in the masked text[lo:pos]: "Rivals
    accused her of a “fire sale”", not "It was criticised as a “fire sale”"; with judged,
    verbs that judge words count too ("mocking its “sleepy” schedule")."""
    starts, items = verb_index(doc)
    found = items[bisect_left(starts, lo):bisect_left(starts, pos)]
    if judged:
        j_starts, j_items = _judging_index(doc)
        found += [v for v in j_items[bisect_left(j_starts, lo):bisect_left(j_starts, pos)]
                  if v[2] not in ("call", "calls") or _subject_before(doc, lo, v[0])]
    for vs, _, verb in found:
        before = _WORDS_RE.findall(doc.masked, max(lo, vs - 8), vs)
        if not before or before[-1].lower() not in _BE or verb.endswith("ing"):
            return True
    return False


def _term(doc: Document, q: QuoteSpan, lo: int) -> bool:
    """Tell whether a quotation with no cue is a short term rather than words reported: not
    after a reporting verb of its sentence, nor after "the phrase", nor, unless a Title
    Case name, after "as" ("summed her up as “tireless,”")."""
    words = _WORDS_RE.findall(doc.text, q.start, q.end)
    # a name (a product sold as “Scribe Mode”), not an exclamation (chanting “Go Blue!”)
    named = _title_case(words) and doc.text[q.start:q.end].rstrip()[-1:] not in "!?"
    if len(words) >= 4 or _speech_before(doc, lo, q.open_pos, judged=not named):
        return False
    if named:
        return True
    last, before_last = _prev_words(doc.masked, lo, q.open_pos)
    if last in _WORDING:
        return False  # words quoted as words: used the phrase “lone wolf”
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
    line = doc.line_index(q.open_pos)
    if not q.single or line != doc.first_line:
        return False
    start, end = doc.line_bounds(line)
    words = _WORDS_RE.findall(doc.masked, start, end) if end - start < _HEADLINE_CHARS else ()
    return len(words) > 2 and _title_case(words)


def _alone(doc: Document, q: QuoteSpan) -> bool:
    """Tell whether a quotation is all its paragraph holds: in Title Case, a subheading."""
    start, end = doc.line_bounds(doc.line_index(q.open_pos))
    close_end = q.close_pos + 1 if q.close_pos is not None else q.end
    if q.open_pos - start > _EDGE_CHARS or end - close_end > _EDGE_CHARS:
        return False  # a quick no for long paragraphs
    return not _WORDS_RE.search(doc.masked, start, q.open_pos) \
        and not _WORDS_RE.search(doc.masked, close_end, end)


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
                if rec.source is not None or (rec.cue is not None and rec.cue.mention is not None
                                              and rec.cue.verb != "claims"):
                    # a quotation running over paragraphs also speaks for the one it ends in
                    for pos in (q.open_pos, q.end):
                        self._by_line[self.doc.line_index(pos)] = rec
        return self.records

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
        line = doc.line_index(q.open_pos)
        kind = "partial" if title else self._kind(idx, q, lo, opening)
        site = Site(doc, q, lo, hi, close_end, cues, opening, title, line, kind, self._by_line)
        found = attribute(site)
        rec = Record(q.start, q.end, kind, found if isinstance(found, Cue) else None,
                     sentence_start=lo, line=line)
        if isinstance(found, Record):
            rec.source = found
        elif found is None and not head and (title or _term(doc, q, lo) and not (
                opening and _verb_after(doc, close_end, hi))):
            return None
        date_window(doc, rec, lo, site.hi, close_end)
        return rec

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
