"""Passages written before or around their cue: "A, X said, B.", "CLAUSE, X said.",
"According to X, CLAUSE.", "As X said, CLAUSE." (four of reported.RULES; reported.py
lists them all).

Rules:
- interposed_cue: "A, X said, B.": two passages under one cue; A is none when it is a
  sentence adverb ("Still, he said, …"); none when B is a relative clause, an "and"
  clause or an appositive ("…, Ruiz said, a rule that …").
- closing_cue: "CLAUSE, said X." / "CLAUSE, X said." (optionally time and channel
  phrases, "in an interview on Friday", and ", citing …" after; also inside a
  parenthesis; a role before the name is the cue's: "…, her chief aide, Tom Reyes,
  said."), not "…, he told a joke".
- as_cue: "As X said (on Monday), CLAUSE.": the main clause.
- according_cue: "According to PERSON, CLAUSE." / "CLAUSE, according to PERSON(, a
  role)." with a named person or a singular role, never an organisation, nor when a
  clause follows ("…, because, according to X, the council would …").
"""
from __future__ import annotations

import re

from .attribution import Record
from .clauses import (DATELINE_RE, DAYS, INTRO_RE, MIN_WORDS, NEEDS_THAT, THAT_RE, TOLD_THING_RE,
                      WORD_RE, Sentence, clause_record, good_subject, quote_free)
from .lexicon import INDIRECT_VERBS, THAT_ONLY_VERBS

_TAIL_OK_RE = re.compile(r"(?:\s+(?:on\s+|last\s+)?" + DAYS + r"|\s+(?:yesterday|today|earlier))?"
                         r"\s*(?:,\s+[a-z][^.!?]*)?[.!?]?\)?\s*")
# "A, X said Tuesday, B": a time adverbial at most between the verb and the comma.
_INTERPOSED_TAIL_RE = re.compile(r"(?:\s+(?:on\s+|last\s+)?" + DAYS
                                 + r"|\s+(?:yesterday|today|earlier))?\s*,\s+"
                                 r"(?=[a-z])(?!(?:which|who|whom|whose|where|and|but|a|an)\b)")
# "Still, he said, …", "In the end, she said, …": the writer's framing, not the statement.
_ADVERBIAL_RE = re.compile(
    r"[\s•·*\-–—]*(?:[A-Z][a-z]+ly|Still|However|Instead|Now|Then|Yet|Indeed|Moreover|"
    r"Nevertheless|Nonetheless|Meanwhile|Besides|Otherwise|Also|Again|Thus|Hence|Therefore|"
    r"Today|Yesterday|Often|Sometimes|Already|In particular|Above all|Of course|In addition|"
    r"By contrast|Even so|As a result|In the end|In any case|At the same time|For now|So far|"
    r"In fact|After all|At least|In short|Still more|Even then)")
# "…, his chief aide, Tom Reyes, said.": a role before the speaker's name.
_ROLE_BEFORE_RE = re.compile(r",\s+(?:his|her|their|its|the|a|an)\s+(?:[\w\-’']+\s+){0,4}?"
                             r"(?:aide|adviser|advisor|spokesman|spokeswoman|spokesperson|"
                             r"manager|strategist|director|chairman|chairwoman|chief|"
                             r"lawyer|attorney|secretary|counsel|deputy|pollster),$")
_AS_RE = re.compile(r"[\s•·*\-–—]*(?:(?:But|And|So)\s+)?(?:[Aa]s|[Jj]ust\s+as)\s+")
_ACCORDING_COMMA_RE = re.compile(r"\s*,\s+")
# "According to Ana Ruiz, the campaign's director, …": a role, then the clause.
_ROLE_APPOSITIVE_RE = re.compile(r"(?:(?:a|an|the)\s+)?(?:[\w'’\-]+\s+){0,6}?[\w'’\-]+,")
# "…, according to X(, a role)." ends the sentence; "…, according to X, are 16 …" and
# "…, according to X, the council would …" do not.
_FINITE = r"\b(?:would|will|is|was|are|were|could|can|has|have|had|must|should|may|might|did)\b"
_ACCORDING_TAIL_RE = re.compile(r"\s*(?:,\s+[A-Za-z]+\b(?:(?!" + _FINITE + r")[^.!?])*)?[.!?]?\s*")


def interposed_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'A, X said, B.': A and B are two passages of one statement (same cue)."""
    if found:
        return None
    doc, lo, hi = s.doc, s.lo, s.hi
    for cue in s.cues:
        if cue.verb not in INDIRECT_VERBS or not good_subject(cue) or cue.start >= cue.verb_start \
                or cue.verb in NEEDS_THAT or cue.verb in THAT_ONLY_VERBS:
            continue
        comma = doc.masked.rfind(",", lo, cue.start)
        if comma < 0 or doc.masked[comma + 1:cue.start].strip():
            continue
        after = _INTERPOSED_TAIL_RE.match(doc.masked, cue.end, hi)
        if after is None:
            continue
        start = DATELINE_RE.match(doc.text, lo, comma).end()
        if not quote_free(doc, start, comma) or start >= comma:
            continue
        second = clause_record(doc, after.end(), hi, cue, lo)
        if second is None:
            continue
        if not _ADVERBIAL_RE.fullmatch(doc.masked, start, comma):
            found.append(Record(start, comma, "indirect", cue, cue.start, hi, sentence_start=lo))
        return second
    return None


def _closing_tail(masked: str, pos: int, hi: int) -> bool:
    """Tell whether a closing cue ends its sentence at pos, after its time and channel
    phrases ("…, he said in an interview on Saturday.") and an aside (", citing …")."""
    setting = THAT_RE.match(masked, pos, hi)
    if setting.group().rstrip().endswith("that"):
        return False
    end = setting.start() + len(setting.group().rstrip().rstrip(","))
    return _TAIL_OK_RE.fullmatch(masked, end, hi) is not None


def closing_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'CLAUSE, said X.' or 'CLAUSE, X said.' ending the sentence."""
    if found:
        return None
    doc, lo, hi = s.doc, s.lo, s.hi
    for cue in reversed(s.cues):
        if cue.verb not in INDIRECT_VERBS or not good_subject(cue):
            continue
        comma = doc.masked.rfind(",", lo, cue.start)
        if comma < 0 or doc.masked[comma + 1:cue.start].strip():
            continue
        verb_first = cue.start == cue.verb_start
        if not _closing_tail(doc.masked, cue.end, hi) \
                or (verb_first and doc.masked[cue.verb_end:cue.mention.start].strip()):
            continue  # "…, noted that the club's coach, Ana Ruiz, is …" is no closing cue
        if TOLD_THING_RE.match(doc.masked, cue.verb_end, cue.end):
            continue  # "…, he told a joke."
        role = _ROLE_BEFORE_RE.search(doc.masked, lo, comma + 1)
        if role is not None and cue.mention.kind == "name" and not verb_first:
            comma = role.start()  # "…, his chief aide, Tom Reyes, said.": the role is the cue's
        start = DATELINE_RE.match(doc.text, lo, comma).end()
        if not quote_free(doc, start, comma):
            continue
        if len(WORD_RE.findall(doc.text[start:comma])) < MIN_WORDS:
            continue
        return Record(start, comma, "indirect", cue, cue.start, hi, sentence_start=lo)
    return None


def according_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'According to PERSON, CLAUSE.' and 'CLAUSE, according to PERSON.' where
    the person is named or a singular role ("a spokeswoman"); never a document, a
    survey or an organisation ("according to the company")."""
    if found:
        return None
    doc, lo, hi = s.doc, s.lo, s.hi
    for cue in s.cues:
        m = cue.mention
        if cue.verb != "according to" or m.org or m.kind not in ("name", "anonymous") \
                or not good_subject(cue):
            continue
        if INTRO_RE.fullmatch(doc.masked, lo, cue.start):
            comma = _ACCORDING_COMMA_RE.match(doc.masked, m.end, hi)
            if comma is not None and not _ROLE_APPOSITIVE_RE.match(doc.masked, comma.end(), hi):
                return clause_record(doc, comma.end(), hi, cue, lo)
            continue
        comma = doc.masked.rfind(",", lo, cue.start)
        if comma < 0 or doc.masked[comma + 1:cue.start].strip() \
                or not _ACCORDING_TAIL_RE.fullmatch(doc.masked, cue.end, hi):
            continue
        start = DATELINE_RE.match(doc.text, lo, comma).end()
        words = len(WORD_RE.findall(doc.text[start:comma]))
        if quote_free(doc, start, comma) and words >= MIN_WORDS:
            return Record(start, comma, "indirect", cue, cue.start, hi, sentence_start=lo)
    return None


def as_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'As X said (on Monday), CLAUSE.': the main clause is what X said."""
    if found:
        return None
    doc, lo, hi = s.doc, s.lo, s.hi
    lead = _AS_RE.match(doc.masked, lo, hi)
    if lead is None:
        return None
    for cue in s.cues:
        if cue.start != lead.end() or not good_subject(cue) or cue.verb_start <= cue.start \
                or cue.verb not in INDIRECT_VERBS | {"put it", "puts it"}:
            continue
        m = THAT_RE.match(doc.masked, cue.end, hi)
        if m.group().rstrip().endswith("that") or not m.group().rstrip().endswith(","):
            return None
        return clause_record(doc, m.end(), hi, cue, lo)
    return None
