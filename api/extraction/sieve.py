"""Which cue attributes a direct quotation: an ordered sieve of rules, the most precise first.

Each rule takes the quotation's Site and returns a Cue, a Record whose speaker the quotation
continues, or None to leave it to the next rule; the first answer wins.

Rules (SIEVE, in this order; rule 7 is in labels.py, 9 in stance.py, 11 in headlines.py, 10 and
12-15 in around.py):
1. claim: a quotation inside a claim that the sentence disputes or ascribes ("denied claims
   by the union that “…”", "made “false claims” that “…”", "Lee's claim that “…”"; also
   notions, ideas, reports, charges, criticism, "scoffed at", "pushed back on", "brushed
   off") is the claim's maker's, or nobody's (a null speaker), never the denier's or
   reporter's.
2. beside: a cue right after the closing mark ("…,” he said / "…,” said Liu / "…,” a
   smiling Ana Lund said / "…,” former FBI agent Ana Lund said / "…,” Lee's aide Ana Lund said /
   "…,” former Lee campaign strategist Ana Lund wrote": up to six words ending in a role noun
   or title), also at the start of the next sentence after a closing "?" or "!" ("“Why?” Lee
   asked."); a person noun beside the quotation ("…,” the woman said", bystanders.py). A
   reporting verb right after the closing mark whose subject, a description, cannot be read
   ("…,” the 45-year-old striker said") gives a null speaker: the sentence names its own
   speaker, so no later rule may hand the quotation to the previous one.
3. signature: a name signed with a dash after the closing mark, ending the paragraph
   (“…” ― Ana Ruiz), or alone on the line after a paragraph that is only the quotation.
4. before: the nearest cue before the quotation in its sentence ("X said: “…”").
5. later: a comma-introduced cue later in the sentence (“…” between X and Y, the official
   said / The plan “…” in May, said X).
6. viewpoint: a sentence opening "For X, …" gives X the voice of a cue-less quotation.
7. label: a name, a colon and the quotation, as in a transcript ("Ada Lund: “…”", also after
   a lead-in and a dash or an inverted verb: "Continued Lund: “…”", "Said Lund, “…”"); not a
   place or a headline.
8. colon: the subject of a clause ending in a colon ("Tom Hale was blunt: “…”"); an
   organisation only with a copula ("The ministry was clear: “…”"), not "Police found a
   note: …".
9. stance: the subject opening the sentence, before a stance verb (words/stance_verbs.txt:
   referred to … as, likened, credited …), voices a partial quotation later in its clause
   ("Lee referred to the levy as “…”"); not through someone else's words or a claim.
10. next attribution: a quotation that is its own sentence takes the person named by the next
   sentence when it is an attribution: "That was the verdict of X", "The words came from X",
   "Those were the words of X", "So said X".
11. headline: a headline "X: ‘…’" makes X the speaker of its quotation, also when the
   article's first line ends with a period; so does a name with a capitalised reporting verb
   opening the headline or ending it ("X Says Levy Is ‘A Tax’", "Levy Is ‘A Tax,’ X Says.").
12. continuation: a later quotation of the same paragraph continues the paragraph's speaker
   (a quotation running over paragraphs, in the one it ends in too); a paragraph opening
   with a quotation continues the previous paragraph when that one ends with "X said:" (or
   "Stated X:") or held an attributed quotation, or (the paragraph naming nobody outside its
   quotations)
   when the paragraph just before ends with a sentence whose reporting verb has its own
   speaker ("Lee said the plan had failed." / "“We start again on Monday.”").
13. next subject: a quotation that is its own sentence takes the subject of a reporting verb
   opening the next sentence of its paragraph ("“We have nothing left.” Amina Yusuf, 38,
   said her house …").
14. previous sentence: a quotation that is its own sentence, with no speaker yet, takes the
   speaker of a reporting verb in the previous sentence of its paragraph ("Lee said the plan
   had failed. “We start again on Monday.”"); not a news outlet's "reported".
15. next paragraph: a paragraph that is only a quotation, with no speaker before it, takes
   the named person whose attribution opens the next paragraph ("Mayor Ana Lopez said …").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Union

from .bystanders import described_person, unread_beside
from .headlines import headline
from .labels import label
from .lexicon import ROLE_NOUNS, TITLE_WORDS
from .stance import stance
from .around import (continuation, next_attribution, next_paragraph, next_subject,
                     previous_sentence)
from .attribution import Cue, Record, cues_of, verb_index
from .cue_subjects import opening_subject
from .document import Document
from .marks import QuoteSpan
from .mentions import parse_after

_GAP_RE = re.compile(r"[\s,—–\-]*")
# "…,” a smiling Ana Lund said": a determiner and adjectives before the name; then an
# acronym or a possessive with a role ("former FBI agent Ana Lund", "Lee's campaign chief Ana Lund").
_GAP_ADJ_RE = re.compile(
    r"[\s,—–\-]*(?:(?:a|an|the)\s+)?(?:(?!(?:when|as|while|after|before|because|if|and|but|or|"
    r"then|so|who|which|that|where|until|since|though|although|once|with|without|for|to|of|in|"
    r"on|at|by|from)\s)[a-z][\w\-]*\s+){0,2}"
    r"(?:(?:[A-Z]{2,5}|[A-Z][\w.\-]*['’]s)\s+(?:[a-z][\w\-]*\s+){1,2})?")
_ROLE_GAP_WORDS = 6
_WORDS_RE = re.compile(r"[^\W_][\w'’\-]*")
_CLAUSE_WORDS = 8  # a quotation this far into the claim's clause is still part of it
# A claim noun opening its content clause: "claims (by the union) that", "“baseless rumours” that".
_CLAIM_RE = re.compile(
    r"\b(?P<noun>(?:claim|rumou?r|allegation|accusation|suggestion|assertion|insinuation|"
    r"smear|speculation|notion|idea|report|charge|criticism|complaint|contention)s?)"
    r"[”\"’]?\s+(?:(?P<by>by|from)\s+[^“”\"\n;:]{2,60}?\s+)?"
    r"(?P<that>that)\b[^;:\n]*$")
# Whose claim: "his claims", "the union's (latest) claims".
_OWNER_RE = re.compile(r"(?:\b(?P<pronoun>his|her|their|my|our)|(?P<owner>(?:[A-Z][\w.\-]*\s+)"
                       r"{0,3}[A-Z][\w.\-]*)['’]s)\s+(?:[\w\-]+\s+)?[“\"‘]?$")
# A claim the sentence disputes: denied, dismissed … or called false before the noun.
_DISPUTED_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|refut(?:es|ed|ing)|"
    r"disput(?:es|ed|ing)|rebut(?:s|ted|ting)?|debunk(?:s|ed|ing)?|challeng(?:es|ed|ing)|"
    r"scoff(?:s|ed|ing)?\s+at|push(?:es|ed|ing)?\s+back\s+(?:on|against)|brush(?:es|ed|ing)?\s+off|"
    r"false|baseless|unfounded|misleading|bogus|unsubstantiated|groundless|spurious)\b"
    r"(?:\W+\w+){0,4}?\W*$")
_SIGNATURE_RE = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*(?=[A-Z])")
_SIGNATURE_LINE_RE = re.compile(r"[ \t\u00a0]*[―—–\-][ \t\u00a0]*(?=[A-Z][^\n]{0,60}$)")
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

    def colon_before(self, reach: int) -> int | None:
        """Return where the colon that introduces the quotation stands, if it is within reach
        characters of the sentence's start and this is no headline; else None."""
        if self.title:
            return None
        masked, open_pos = self.doc.masked, self.q.open_pos
        mark = masked.rfind(":", self.lo, open_pos)
        if mark < 0 or masked[mark + 1:open_pos].strip() or mark - self.lo > reach:
            return None
        return mark


Answer = Union[Cue, Record, None]


def claim(site: Site) -> Answer:
    """Rule 1: a quotation inside a claim that the sentence disputes or ascribes to someone is
    the claim's maker's ("claims by the union that “…”", "Lee's claim that “…”"), or nobody's
    ("Kim denied claims that “…”", "made “false claims” that “…”"); never the denier's. "his
    claim that", "repeated claims that" are the subject's own: left to the next rules."""
    text, open_pos = site.doc.text, site.q.open_pos
    found = _CLAIM_RE.search(text, max(site.lo, open_pos - 300), open_pos)
    if found is None or len(_WORDS_RE.findall(
            text, text.rfind(" that ", found.start(), open_pos) + 5, open_pos)) > _CLAUSE_WORDS:
        return None
    starts, _ = verb_index(site.doc)
    if bisect_left(starts, found.end("that")) < bisect_left(starts, open_pos):
        return None  # a speech verb of its own after the claim ("…, and said “…”")
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
    """Rule 2: the cue right after the closing mark; after a quotation ending with "?" or "!"
    the sentence splitter ends the sentence at the mark, so the next one is looked at too
    ("“Why not?” Lee asked.")."""
    found = _beside_in(site, site.cues) or described_person(site)
    text = site.doc.text
    end = site.close_end
    if found is None and site.hi <= end and text[end - 2:end - 1] in ("?", "!") \
            and text[end:end + 1] in (" ", "\t", "\u00a0"):
        lo, hi = site.doc.sentence_bounds(end + 1)
        if lo == end + 1:
            found = _beside_in(site, cues_of(site.doc, lo, hi))
    return found or unread_beside(site)


def _beside_in(site: Site, cues: list[Cue]) -> Cue | None:
    masked = site.doc.masked
    for c in cues:
        if not c.inherited and c.start >= site.close_end and c.mention is not None \
                and (_GAP_RE.fullmatch(masked, site.close_end, c.start)
                     or c.start < c.verb_start and c.mention.kind == "name"
                     and (_GAP_ADJ_RE.fullmatch(masked, site.close_end, c.start)
                          or _role_gap(masked, site.close_end, c.start))):
            return c
    return None


def _role_gap(masked: str, close_end: int, start: int) -> bool:
    """Tell whether the words between the closing mark and a name are its role, ending in a
    role noun or title ("…,” former Lee campaign strategist Ivo Brandt wrote")."""
    gap = _GAP_RE.match(masked, close_end, start).end()
    words = masked[gap:start].split()
    return 0 < len(words) <= _ROLE_GAP_WORDS and not any(c in masked[gap:start] for c in ",;:") \
        and (words[-1] in ROLE_NOUNS or words[-1].lower() in TITLE_WORDS)


def signature(site: Site) -> Answer:
    """Rule 3: a name signed after the closing mark with a dash, ending the paragraph
    (“…” ― Ana Ruiz / “…” — Ana Ruiz, 34, a nurse), or alone on the next line after a
    paragraph that is only the quotation ("“…”" / "- Ana Ruiz.")."""
    masked = site.doc.masked
    dash = _SIGNATURE_RE.match(masked, site.close_end) or _signature_line(site)
    if dash is None:
        return None
    line_end = site.doc.line_bounds(site.doc.line_index(dash.end()))[1]
    comma = masked.find(",", dash.end(), line_end)
    mention = parse_after(masked, dash.end(), comma if comma >= 0 else line_end)
    if mention is None or mention.kind != "name" or mention.start != dash.end() \
            or masked[mention.end:line_end].strip().strip(".") and comma != mention.end:
        return None
    return Cue(dash.start(), mention.end, dash.start(), dash.end(), mention, "—")


def _signature_line(site: Site) -> re.Match | None:
    """Return the dash opening the line after a paragraph that is only the quotation, when
    that line is a signature ("- Ana Ruiz.")."""
    doc, masked = site.doc, site.doc.masked
    line_start, line_end = doc.line_bounds(site.line)
    if masked[line_start:site.q.open_pos].strip() or masked[site.close_end:line_end].strip():
        return None
    k = site.line + 1
    while k < len(doc.line_starts) and not masked[slice(*doc.line_bounds(k))].strip():
        k += 1
    if k >= len(doc.line_starts):
        return None
    lo, hi = doc.line_bounds(k)
    return _SIGNATURE_LINE_RE.match(masked, lo, hi)


def before(site: Site) -> Answer:
    """Rule 4: the nearest cue before the quotation in its sentence."""
    found = [c for c in site.cues if c.anchor < site.q.open_pos and c.mention is not None]
    return found[-1] if found else None


def later(site: Site) -> Answer:
    """Rule 5: a comma-introduced cue later in the sentence (“…” in May, X said)."""
    masked = site.doc.masked
    for c in site.cues:
        if c.start >= site.close_end and c.mention is not None and not c.inherited \
                and masked[site.close_end:c.start].rstrip().endswith(","):
            return c
    return None


def viewpoint(site: Site) -> Answer:
    """Rule 6: X of a sentence opening "For X, …"."""
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
    """Rule 8: the person (or, with a copula, organisation) opening a clause ending in a colon."""
    mark = site.colon_before(120)
    if mark is None:
        return None
    masked = site.doc.masked
    mention = opening_subject(masked, site.lo, mark)
    if mention is not None and mention.org and mention.kind in ("name", "definite") \
            and _ORG_STANCE_RE.fullmatch(masked, mention.end, mark):
        return Cue(mention.start, mention.end, mark, mark + 1, mention, ":")
    if mention is None or mention.org or mention.kind not in ("name", "pronoun") \
            or mention.name == "it":
        return None  # "Police found a note: …" is no statement of theirs
    return Cue(mention.start, mention.end, mark, mark + 1, mention, ":")


SIEVE: tuple[Callable[[Site], Answer], ...] = (
    claim, beside, signature, before, later, viewpoint, label, colon, stance, next_attribution,
    headline, continuation, next_subject, previous_sentence, next_paragraph,
)


def attribute(site: Site) -> Answer:
    """Return the first answer of the sieve's rules, in order."""
    for rule in SIEVE:
        found = rule(site)
        if found is not None:
            return found
    return None
