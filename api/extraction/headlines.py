"""The speaker of a quotation in an article's headline (rule 11 of sieve.py).

Rules:
- A headline "X: ‘…’" makes X the speaker of its quotation, also when the article's first
  line ends with a period ("Lindqvist: ‘We Will Win.’").
- A headline opening with a name and a capitalised reporting verb gives that name the
  quotations after the verb ("Ana Lund Says Levy Is ‘A Tax On Work’", "Lund Calls Plan
  ‘Reckless’", "Lund Is Now Calling Kim The ‘Real Winner’"); so does a name and verb ending
  the headline after the quotation ("Levy Is ‘A Tax On Work,’ Ana Lund Says", "… Ana Lund
  Tells Union Delegates."). The verb is a speech verb ("Says", "Calling", "Announced"; not
  "Said" or "Told", which the article's cast may read as a surname: "Omar Said") or one of
  the headline verbs of praise and attack (Blasts, Praises, Rips, Endorses …), never "Wins"
  or "Plans"; a description ("Lund's Aide Says …") or a name cut by a possessive is left
  alone.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .attribution import Cue
from .cue_subjects import trimmed_end
from .lexicon import NAME_SUFFIXES, SPEECH_VERBS, words
from .mentions import Mention, parse_before

if TYPE_CHECKING:
    from .sieve import Answer, Site

_LONGEST_HEADLINE = 160
# Verbs of a headline that voice the subject: speech verbs, and praise and attack.
_VOICING = frozenset(w for w in SPEECH_VERBS if " " not in w) - {"said", "told"} \
    | words("headline_voicing_verbs")
_WORD_RE = re.compile(r"[^\s]+")
_ADVERBS = frozenset({"Just", "Now", "Also", "Again", "Is", "Are"})  # "Lund Is Now Calling"
_MOST_NAME_WORDS = 5


def headline(site: Site) -> Answer:
    """Rule 11: the speaker a headline names for its quotation: "X: ‘…’", "X Says … ‘…’",
    "‘…’, X Says."."""
    doc, masked = site.doc, site.doc.masked
    line_start, line_end = doc.line_bounds(site.line)
    if not site.title and (trimmed_end(masked, 0, line_start) > 0
                           or line_end - line_start > _LONGEST_HEADLINE):
        return None
    return _labelled(site, line_start) or _opening_verb(site, line_start) \
        or _closing_verb(site, line_end)


def _labelled(site: Site, line_start: int) -> Cue | None:
    masked = site.doc.masked
    mark = masked.find(":", line_start, site.q.open_pos)
    if mark < 0 or mark - line_start > 60:
        return None  # "Minister: plan is ‘lawful’": the headline's speaker precedes a colon
    mention = parse_before(masked, line_start, mark)
    lead = len(masked[line_start:mark]) - len(masked[line_start:mark].lstrip())
    if mention is None or mention.start != line_start + lead:
        return None
    return Cue(mention.start, mention.end, mark, mark, mention, ":")


def _opening_verb(site: Site, line_start: int) -> Cue | None:
    """"Ana Lund Calls Plan ‘Reckless’": the name opening the headline, before its verb."""
    toks = _words(site.doc.masked, line_start, site.q.open_pos)
    for k in range(1, min(len(toks), _MOST_NAME_WORDS + 1)):
        if not toks[k - 1][0][:1].isupper():
            return None
        verb = next((j for j in range(k, min(k + 3, len(toks)))
                     if toks[j][0] not in _ADVERBS), None)
        if verb is not None and _voicing(toks[verb][0]):
            return _cue(site.doc.masked, toks[0][1], toks[k - 1][2], toks[verb])
    return None


def _closing_verb(site: Site, line_end: int) -> Cue | None:
    """"Levy Is ‘A Tax On Work,’ Ana Lund Says.": the name and verb ending the headline."""
    masked, close_end = site.doc.masked, site.close_end
    if any(c in masked[close_end:line_end] for c in "“”\"‘’_"):
        return None  # another quotation follows: its own
    comma = masked.rfind(",", close_end, line_end)
    toks = _words(masked, comma + 1 if comma >= 0 else close_end, line_end)
    if not toks or not all(t[0][:1].isupper() for t in toks):
        return None
    verb = next((j for j in range(1, min(len(toks), _MOST_NAME_WORDS + 1)) if _voicing(toks[j][0])),
                None)
    if verb is None or len(toks) - verb > 4:
        return None  # "… Ana Lund Tells Union Delegates.": a short object at most
    return _cue(masked, toks[0][1], toks[verb - 1][2], toks[verb])


def _words(masked: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    out = []
    for m in _WORD_RE.finditer(masked, lo, hi):
        word = m.group().rstrip(".!,") if m.group().lower() not in NAME_SUFFIXES else m.group()
        out.append((word, m.start(), m.start() + len(word)))
    return out


def _voicing(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and word.lower() in _VOICING


def _cue(masked: str, start: int, end: int, verb: tuple[str, int, int]) -> Cue | None:
    mention = _subject(masked, start, end)
    if mention is None:
        return None
    return Cue(mention.start, verb[2], verb[1], verb[2], mention, verb[0].lower())


def _subject(masked: str, start: int, end: int) -> Mention | None:
    """Return the name written whole in masked[start:end], not a possessive's, else None."""
    lead = len(masked[start:end]) - len(masked[start:end].lstrip())
    mention = parse_before(masked, start, end)
    if mention is None or mention.kind not in ("name", "anonymous") \
            or mention.start != start + lead or mention.end != trimmed_end(masked, 0, end) \
            or "'" in mention.text or "’" in mention.text:
        return None
    return mention
