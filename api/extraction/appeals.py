"""Demands reported without quotation marks (one of reported.RULES).

Rules:
- appeal_cue: "X called for NP …": the passage is what X demanded, after "for", with X
  opening its clause and a person's name, he/she or an organisation; not "the plan
  called for …" (a thing is no speaker). Not "X called on Y to …" nor "X urged Y to …":
  the team's gold keeps an appeal to someone out of reported speech. The passage is a
  reported clause as clauses.py bounds it.
"""
from __future__ import annotations

import re

from .attribution import Record
from .clauses import INTRO_RE, Sentence, clause_record, good_subject

APPEAL_VERBS = frozenset({"called", "calls"})
_FOR_RE = re.compile(r"\s+for\s+")
_OPENS_RE = re.compile(r"(?:[,;:(—–]|\b(?:and|but|when|after|as|while))\s*$")


def _speaker_ok(cue) -> bool:
    m = cue.mention
    return good_subject(cue) and (m.kind == "name" or m.org
                                  or (m.kind == "pronoun" and m.name in ("he", "she")))


def appeal_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'X called for NP …' with X opening its clause."""
    doc, lo, hi = s.doc, s.lo, s.hi
    after = max((f.end for f in found), default=lo)
    for cue in s.cues:
        if cue.verb not in APPEAL_VERBS or cue.start < after or cue.start >= cue.verb_start \
                or cue.inherited or not _speaker_ok(cue):
            continue
        if not (INTRO_RE.fullmatch(doc.masked, lo, cue.start)
                or _OPENS_RE.search(doc.masked, max(lo, cue.start - 8), cue.start)):
            continue
        m = _FOR_RE.match(doc.masked, cue.verb_end, hi)
        if m is not None:
            return clause_record(doc, m.end(), hi, cue, lo)
    return None
