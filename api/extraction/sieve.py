"""Which cue attributes a direct quotation: an ordered sieve of rules, the most precise first.

Each rule takes the quotation's Site and returns a Cue, a Record whose speaker the quotation
continues, or None to leave it to the next rule; the first answer wins.

Rules:
1. claim: a quotation inside a claim that the sentence disputes or ascribes ("denied claims
   by the union that “…”", "made “false claims” that “…”", "Lee's claim that “…”") is the
   claim's maker's, or nobody's (a null speaker), never the denier's or reporter's.
2. beside: a cue right after the closing mark ("…,” he said / "…,” said Liu).
3. before: the nearest cue before the quotation in its sentence ("X said: “…”").
4. later: a comma-introduced cue later in the sentence (“…” between X and Y, the official
   said / The plan “…” in May, said X).
5. viewpoint: a sentence opening "For X, …" gives X the voice of a cue-less quotation.
6. colon: the subject of a clause ending in a colon ("Tom Hale was blunt: “…”"); an
   organisation only with a copula ("The ministry was clear: “…”"), not "Police found a
   note: …".
7. next attribution: a quotation that is its own sentence takes the person named by the next
   sentence when it is an attribution: "That was the verdict of X", "The words came from X",
   "Those were the words of X", "So said X".
8. headline: a headline "X: ‘…’" makes X the speaker of its quotation, also when the
   article's first line ends with a period.
9. continuation: a later quotation of the same paragraph continues the paragraph's speaker;
   a paragraph opening with a quotation continues the previous paragraph when that one ends
   with "X said:" or held an attributed quotation.
10. next subject: a quotation that is its own sentence takes the subject of a reporting verb
   opening the next sentence of its paragraph ("“We have nothing left.” Amina Yusuf, 38,
   said her house …").
11. previous sentence: a quotation that is its own sentence, with no speaker yet, takes the
   speaker of a reporting verb in the previous sentence of its paragraph ("Lee said the plan
   had failed. “We start again on Monday.”"); not a news outlet's "reported".
12. next paragraph: a paragraph that is only a quotation, with no speaker before it, takes
   the named person whose attribution opens the next paragraph ("Mayor Ana Lopez said …").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Union

from .attribution import Cue, Record, cues_of, opening_subject
from .document import Document
from .marks import QuoteSpan
from .mentions import parse_after, parse_before

_GAP_RE = re.compile(r"[\s,—–\-]*")
_WORDS_RE = re.compile(r"[^\W_][\w'’\-]*")
_CLAUSE_WORDS = 8  # a quotation this far into the claim's clause is still part of it
_SPACE_RE = re.compile(r"\s*")
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
# A claim noun opening its content clause: "claims (by the union) that", "“baseless rumours” that".
_CLAIM_RE = re.compile(
    r"\b(?P<noun>(?:claim|rumou?r|allegation|accusation|suggestion|assertion|insinuation|"
    r"smear|speculation)s?)[”\"’]?\s+(?:(?P<by>by|from)\s+[^“”\"\n;:]{2,60}?\s+)?"
    r"(?P<that>that)\b[^;:\n]*$")
# Whose claim: "his claims", "the union's (latest) claims".
_OWNER_RE = re.compile(r"(?:\b(?P<pronoun>his|her|their|my|our)|(?P<owner>(?:[A-Z][\w.\-]*\s+)"
                       r"{0,3}[A-Z][\w.\-]*)['’]s)\s+(?:[\w\-]+\s+)?[“\"‘]?$")
# A claim the sentence disputes: denied, dismissed … or called false before the noun.
_DISPUTED_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:es|ed|ing)|"
    r"disput(?:es|ed|ing)|rebut(?:s|ted|ting)?|debunk(?:s|ed|ing)?|challeng(?:es|ed|ing)|"
    r"false|baseless|unfounded|misleading|bogus|unsubstantiated|groundless|spurious)\b"
    r"(?:\W+\w+){0,4}?\W*$")
_VIEWPOINT_RE = re.compile(r"[\s•·*\-–—]*For\s+")
# An organisation states a position with a copula: "The ministry was clear: “…”".
_ORG_STANCE_RE = re.compile(r"\s+(?:was|were|is|are|has\s+been|had\s+been|remained|remains)"
                            r"(?:\s+[a-z]+){1,3}\s*")


@dataclass
class Site:
    """A quotation being attributed: its sentence window, cues and what its finder knows."""

    doc: Document
    q: QuoteSpan
    lo: int
    hi: int
    close_end: int
    cues: list[Cue]
    opening: bool
    title: bool
    line: int
    kind: str
    by_line: dict[int, Record]


Answer = Union[Cue, Record, None]


def claim(site: Site) -> Answer:
    """Rule 1: a quotation inside a claim that the sentence disputes or ascribes to someone is
    the claim's maker's ("claims by the union that “…”", "Lee's claim that “…”"), or nobody's
    ("Kim denied claims that “…”", "made “false claims” that “…”"); never the denier's. "his
    claim that", "repeated claims that" are the subject's own: left to the next rules."""
    text, open_pos = site.doc.text, site.q.open_pos
    found = _CLAIM_RE.search(text, max(site.lo, open_pos - 300), open_pos)
    if found is None or len(_WORDS_RE.findall(
            text, text.rfind(" that ", found.start(), open_pos) + 5, open_pos)) > _CLAUSE_WORDS \
            or any(c.mention is not None and found.end("that") <= c.anchor < open_pos
                   for c in site.cues):
        return None  # no claim, or a speech verb of its own after it ("…, and said “…”")
    owner = _OWNER_RE.search(text, max(site.lo, found.start() - 60), found.start())
    if owner is not None and owner.group("pronoun"):
        return None
    mention = None
    if owner is not None:
        mention = parse_after(site.doc.masked, owner.start("owner"), owner.end("owner"))
    elif found.group("by"):
        mention = parse_after(site.doc.masked, found.end("by"), found.start("that"))
    elif not _DISPUTED_RE.search(text, max(site.lo, found.start() - 60), found.start()):
        return None
    if mention is not None and mention.kind == "pronoun":
        mention = None
    return Cue(found.start(), found.end("that"), found.start(), found.end("noun"), mention,
               "claims")


def beside(site: Site) -> Answer:
    """Rule 2: the cue right after the closing mark."""
    masked = site.doc.masked
    for c in site.cues:
        if not c.inherited and c.start >= site.close_end and c.mention is not None \
                and _GAP_RE.fullmatch(masked, site.close_end, c.start):
            return c
    return None


def before(site: Site) -> Answer:
    """Rule 3: the nearest cue before the quotation in its sentence."""
    found = [c for c in site.cues if c.anchor < site.q.open_pos and c.mention is not None]
    return found[-1] if found else None


def later(site: Site) -> Answer:
    """Rule 4: a comma-introduced cue later in the sentence (“…” in May, X said)."""
    masked = site.doc.masked
    for c in site.cues:
        if c.start >= site.close_end and c.mention is not None and not c.inherited \
                and masked[site.close_end:c.start].rstrip().endswith(","):
            return c
    return None


def viewpoint(site: Site) -> Answer:
    """Rule 5: X of a sentence opening "For X, …"."""
    if site.title:
        return None
    masked, open_pos = site.doc.masked, site.q.open_pos
    m = _VIEWPOINT_RE.match(masked, site.lo, open_pos)
    if m is None:
        return None
    comma = masked.find(",", m.end(), open_pos)
    if comma < 0 or comma - m.end() > 80:
        return None
    mention = parse_after(masked, m.end(), comma)
    if mention is None or mention.kind != "name" or masked[mention.end:comma].strip():
        return None
    start = m.end() - 4
    return Cue(start, mention.end, start, start + 3, mention, "for")


def colon(site: Site) -> Answer:
    """Rule 6: the person (or, with a copula, organisation) opening a clause ending in a colon."""
    if site.title:
        return None
    masked, lo, open_pos = site.doc.masked, site.lo, site.q.open_pos
    mark = masked.rfind(":", lo, open_pos)
    if mark < 0 or masked[mark + 1:open_pos].strip() or mark - lo > 120:
        return None
    mention = opening_subject(masked, lo, mark)
    if mention is not None and mention.org and mention.kind in ("name", "definite") \
            and _ORG_STANCE_RE.fullmatch(masked, mention.end, mark):
        return Cue(mention.start, mention.end, mark, mark + 1, mention, ":")
    if mention is None or mention.org or mention.kind not in ("name", "pronoun") \
            or mention.name == "it":
        return None  # "Police found a note: …" is no statement of theirs
    return Cue(mention.start, mention.end, mark, mark + 1, mention, ":")


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
    """Rule 7: "“…” That was the verdict of X." (the date window then spans that sentence)."""
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


def headline(site: Site) -> Answer:
    """Rule 8: the 'X:' speaker of a headline quotation like "China: ‘…’", also when the
    article's first line ends with a period ("Lindqvist: ‘We Will Win.’")."""
    masked = site.doc.masked
    line_start, line_end = site.doc.line_bounds(site.line)
    if not site.title and (masked[:line_start].strip() or line_end - line_start > 160):
        return None
    mark = masked.find(":", line_start, site.q.open_pos)
    if mark < 0 or mark - line_start > 60:
        return None  # "Minister: plan is ‘lawful’": the headline's speaker precedes a colon
    mention = parse_before(masked, line_start, mark)
    lead = len(masked[line_start:mark]) - len(masked[line_start:mark].lstrip())
    if mention is None or mention.start != line_start + lead:
        return None
    return Cue(mention.start, mention.end, mark, mark, mention, ":")


def continuation(site: Site) -> Answer:
    """Rule 9: the record of the paragraph, or of the previous one, that this one continues."""
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
    return site.by_line.get(prev_line) or _colon_record(doc, prev_line)


def _colon_record(doc: Document, line: int) -> Record | None:
    """Return a cue-only record when a paragraph ends with 'X said:'."""
    s, e = doc.line_bounds(line)
    if not doc.text[s:e].rstrip().endswith(":"):
        return None
    lo = doc.sentence_bounds(max(s, e - 2))[0]
    cues = [c for c in cues_of(doc, lo, e) if c.mention is not None]
    if not cues:
        return None
    rec = Record(cues[-1].start, cues[-1].end, "full", cues[-1], sentence_start=lo, line=line)
    date_window(doc, rec, lo, e, e)
    return rec


def next_subject(site: Site) -> Answer:
    """Rule 10: the subject of a reporting verb opening the next sentence of the paragraph."""
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
    """Rule 11: the speaker of a reporting verb in the previous sentence of the paragraph."""
    if site.title or not site.opening:
        return None
    doc = site.doc
    k = doc.sentence_index(site.lo) - 1
    if k < 0:
        return None
    lo2, hi2 = doc.sentence_bounds(doc.sentence_starts[k])
    found = [c for c in cues_of(doc, lo2, hi2) if c.mention is not None
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
    """Rule 12: the named person opening the next paragraph, for a quotation paragraph."""
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


SIEVE: tuple[Callable[[Site], Answer], ...] = (
    claim, beside, before, later, viewpoint, colon, next_attribution, headline, continuation,
    next_subject, previous_sentence, next_paragraph,
)


def attribute(site: Site) -> Answer:
    """Return the first answer of the sieve's rules, in order."""
    for rule in SIEVE:
        found = rule(site)
        if found is not None:
            return found
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
