"""Indirect (reported) speech without quotation marks, kept to clear cases.

The stage is RULES, an ordered tuple of rule functions rule(sentence, found) ->
Record | None, tried in this order on each sentence; found holds the records the
earlier rules made there.

Rules:
- interposed_cue: "A, X said, B.": A and B are two passages under one cue (not when
  B is a relative clause: ", she explained, which …"; A is no passage when it is a
  sentence adverb: "Still, he said, …").
- closing_cue: "CLAUSE, said X." / "CLAUSE, X said." (optionally time and channel
  phrases and ", citing …" after): the span is the sentence up to the comma before the
  cue; not "…, he told a joke".
- as_cue: "As X said (on Monday), CLAUSE.": the main clause.
- subordinate_cue (openings.py, as the four after it and coordinated_verb): "While X
  said (that) A, MAIN.": A, up to the comma before the main clause (while, although,
  when, after, because …).
- opening_cue: "X said (that) CLAUSE." where X opens the sentence or clause (after
  an introductory phrase with a comma, a semicolon, a dash, a parenthesis, a bullet,
  a sentence adverb such as "Even" or "Later", or a conjunction such as "and", "but",
  "after", "when"; or only a possessor or a role: "The mayor's spokeswoman Ada Ferreira
  said") or is a person named before ", who said", and is a name,
  he/she, or a role description; "told", "promised" and "assured" need "… that";
  verbs that as readily take a noun object ("announced", "suggested", "recalled":
  lexicon.THAT_ONLY_VERBS) need "that" right after them (time and channel phrases
  aside), a subject pronoun and its verb ("confirmed she would …") or a short noun
  phrase and an auxiliary ("suggested the board should …"; not after "recalled",
  "alleged", "charged", "estimated", "worried", as readily adjectives or followed by
  a relative). The span is the clause to the end of the sentence, final period and a
  trailing ", according to …" excluded.
- appositive_cue: "NAME, APPOSITIVE, said CLAUSE." with the name opening the
  sentence ("Mira Santos, a fellow at the institute, said …"), also after a passage
  of the appositive's own ("Ruiz, who says A, said B") or a quotation in it ("Ruiz,
  who calls it “a gamble,” said …").
- saying: "X …, saying (that) CLAUSE." (or "— saying") with an identified sentence
  subject X (after a scene-setting phrase at most: "In May, X …"), also
  after a passage of X's ("X said A, adding that B"); "…, warning that" / "after
  warning that" (a few participles, with "that" only).
- telling: "X …, telling AUDIENCE (that) CLAUSE." with the same sentence subject; the
  audience and the clause as after "told" ("telling reporters that …", "telling the
  Courier she …"; not "telling a joke").
- second_that: "X said that A, and that B." / "… but that B": B is its own passage
  (A may hold a quotation).
- coordinated_cue: "X said A and added (that) B." / "X did A and said B.": a
  reporting verb coordinated with a sentence-opening speaker's predicate gives a
  further passage under a cue of its own.
- according_cue: "According to PERSON, CLAUSE." / "CLAUSE, according to PERSON(, a
  role)." with a named person or a singular role; never an organisation, a document
  or a survey, nor "According to X, a role, …" (the boundary is unclear).
- later_cue: opening_cue again after the passages found ("Okafor said A, though she
  noted B").
- appeal_cue (appeals.py): "X called for NP …": what X demanded.
- coordinated_verb (openings.py): "X did A, then says B." / "X did A but has said B.": a
  reporting verb no cue holds, after a conjunction (and an auxiliary), with the
  sentence's opening subject, a name or he/she (not a possessor: "Vantoria's port
  authority runs …"; not a capitalised opener: "Beyond the depot, …").
- after_quote: '“…,” X said (on Monday night), adding (that) CLAUSE.': the clause is
  X's passage, under the participle as its cue; the only rule (QUOTED_RULES) for a
  sentence that opens inside a quotation.
All rules (clauses.py): a reported clause ends before a second predicate of the
speaker (", but dismissed …", "and accused …", ", he added …", ", said …", ", adding
…"); it needs three words ("warned that it came late", "Sales were strong, he
said"); so bounded, it never holds a quotation (the quotation is the record). No
passage for vague plural groups ("experts say", "several people said"; "officials
said" and "Republicans said" report); a question
reports nothing. A stated belief ("believes", "thinks": words/indirect_verbs.txt) reports
like speech; a denial never does (what X denies is not X's words).
"""
from __future__ import annotations

import re
from typing import Callable

from .appeals import APPEAL_VERBS, appeal_cue
from .attribution import SAYING, Cue, Record, cues_of, verb_index
from .clauses import (AND_THAT_RE, PREDICATE_RE, Sentence, clause_after, clause_record,
                      good_subject)
from .document import Document
from .framing import according_cue, as_cue, closing_cue, interposed_cue
from .lexicon import INDIRECT_VERBS
from .mentions import parse_after
from .openings import (appositive_cue, coordinated_cue, coordinated_verb, later_cue,
                       opening_cue, subordinate_cue)

# "…, warning that", "after warning that": participles that report with "that" only.
_THAT_PARTICIPLES = frozenset({"warning", "predicting", "acknowledging", "conceding",
                               "explaining", "suggesting", "complaining", "declaring",
                               "announcing", "asserting", "maintaining", "contending"})
_LEAD_RE = re.compile(r"[\s•·*\-–—]*")
_ACCORDING_RE = re.compile(r"\b[Aa]ccording to\b")
_SAYING_RE = re.compile(
    r"(?:,|\s[—–]|\s--)\s+(?P<verb>saying|adding|insisting|arguing|claiming|noting|stressing)"
    r"\s+(?:that\s+)?"
    r"|(?:,\s+|\s+(?:after|while|before)\s+)(?P<verb2>" + "|".join(sorted(_THAT_PARTICIPLES))
    + r")\s+that\s+")
_TELLING_RE = re.compile(r"(?:,|\s[—–]|\s--)\s+(telling)\s")
_SCENE_RE = re.compile(r"(?:(?:In|On|At|During|After|Before|Since|Last|Earlier|Later|For|"
                       r"This)\s+[^,;:“”\"_\n]{2,50}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                       r"Yesterday|Today),\s+")
_TAIL_RE = re.compile(r"(?:\s+(?:on\s+)?\w+day(?:\s+(?:morning|afternoon|evening|night))?"
                      r"|\s+(?:yesterday|today|later|(?:last|on)\s+\w+\s+night))?\s*")
# A sentence holding one of these is examined.
_VISIT = INDIRECT_VERBS | SAYING | _THAT_PARTICIPLES | APPEAL_VERBS | {"telling"}


def _sentence_subject(doc: Document, lo: int, at: int):
    """The speaker opening the sentence before a participle at `at` (after a scene-setting
    phrase at most: "In May, a judge ruled …"), else None."""
    start = _LEAD_RE.match(doc.masked, lo, at).end()
    scene = _SCENE_RE.match(doc.masked, start, at)
    start = scene.end() if scene else start
    subject = parse_after(doc.masked, start, min(at, start + 120))
    if subject is None or subject.start != start \
            or doc.masked.startswith(("'s", "’s"), subject.end):
        return None  # "That's the view of the board, …, saying …": no speaker
    return subject


def saying(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'X …, saying (that) CLAUSE.' with X the subject of the sentence (also after
    a passage of X's own: "X said A, adding that B")."""
    doc, lo, hi = s.doc, s.lo, s.hi
    m = _SAYING_RE.search(doc.masked, lo, hi)
    subject = _sentence_subject(doc, lo, m.start()) if m is not None else None
    if subject is None:
        return None
    verb = "verb" if m.group("verb") else "verb2"
    cue = Cue(subject.start, subject.end, m.start(verb), m.end(verb), subject, "said")
    if not good_subject(cue) or any(f.end > m.start() for f in found):
        return None
    if m.group("verb") == "claiming" and not m.group().rstrip().endswith("that") \
            and not PREDICATE_RE.search(doc.masked, m.end(), min(hi, m.end() + 60)):
        return None  # "…, claiming a second title" claims a thing, not a statement
    return clause_record(doc, m.end(), hi, cue, lo)


def telling(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'X …, telling AUDIENCE (that) CLAUSE.' with X the subject of the sentence;
    the audience and the clause as after "told" ("telling reporters that …", "telling
    the Courier she …"; not "telling a joke")."""
    doc, lo, hi = s.doc, s.lo, s.hi
    if doc.masked.find("telling", lo, hi) < 0:
        return None
    m = _TELLING_RE.search(doc.masked, lo, hi)
    subject = _sentence_subject(doc, lo, m.start()) if m is not None else None
    if subject is None:
        return None
    cue = Cue(subject.start, subject.end, m.start(1), m.end(1), subject, "told")
    if not good_subject(cue) or any(f.end > m.start() for f in found):
        return None
    return clause_after(doc, cue, hi, lo)


def second_that(s: Sentence, found: list[Record]) -> Record | None:
    """Match the coordinated clause of 'X said that A, and that B.' as its own passage
    (after a record whose clause follows its verb, or alone when A holds a quotation)."""
    doc, lo, hi = s.doc, s.lo, s.hi
    if found and found[-1].start < found[-1].cue.verb_end:
        return None
    if doc.masked.find("that", lo, hi) < 0:
        return None
    m = AND_THAT_RE.search(doc.masked, lo, hi)
    if m is None:
        return None
    for cue in reversed(s.cues):
        if cue.verb_end < m.start() and cue.verb in INDIRECT_VERBS and good_subject(cue) \
                and cue.start < cue.verb_start:
            rec = clause_record(doc, m.end(), hi, cue, lo)
            if rec is not None and found and rec.start < found[-1].end:
                return None
            return rec
    return None


def after_quote(s: Sentence, found: list[Record]) -> Record | None:
    """Match '“…,” X said, adding (that) CLAUSE.': the participle's clause is X's, under
    a cue of its own (the quotation keeps "X said")."""
    doc, lo, hi = s.doc, s.lo, s.hi
    m = _SAYING_RE.search(doc.masked, lo, hi)
    if m is None or doc.has_quote(m.start(), hi) or not doc.has_quote(lo, m.start()) \
            or any(f.end > m.start() for f in found):
        return None
    verb = "verb" if m.group("verb") else "verb2"
    for cue in reversed(s.cues):
        if cue.verb_end <= m.start() and cue.verb in INDIRECT_VERBS and good_subject(cue) \
                and _TAIL_RE.fullmatch(doc.masked, cue.end, m.start()):
            own = Cue(m.start(verb), m.end(verb), m.start(verb), m.end(verb), cue.mention, "said")
            return clause_record(doc, m.end(), hi, own, lo)
    return None


Rule = Callable[[Sentence, list[Record]], "Record | None"]
RULES: tuple[Rule, ...] = (interposed_cue, closing_cue, as_cue, subordinate_cue, opening_cue,
                            appositive_cue, saying, telling, second_that, coordinated_cue,
                            according_cue, later_cue, appeal_cue, coordinated_verb,
                            after_quote)
# A sentence that opens inside a quotation: only what follows the quotation's cue.
QUOTED_RULES: tuple[Rule, ...] = (after_quote,)


def find_indirect(doc: Document) -> list[Record]:
    """Return indirect-speech records of the sentences, outside quotations."""
    out: list[Record] = []
    done = -1
    anchors = [vs for vs, _, verb in verb_index(doc)[1] if verb in _VISIT]
    if doc.masked.find("ccording to") >= 0:  # "according to" is a cue without a verb
        anchors = sorted(anchors + [m.start() for m in _ACCORDING_RE.finditer(doc.masked)])
    for vs in anchors:
        k = doc.sentence_index(vs)
        if k <= done:
            continue  # one verb is enough to visit its sentence once
        done = k
        lo, hi = doc.sentence_bounds(vs)
        if hi - lo < 20 or hi - lo > 1200 or doc.masked[lo:hi].rstrip().endswith("?"):
            continue  # a question reports nothing
        for rec in sentence_records(doc, lo, hi):
            rec.line = doc.line_index(lo)
            out.append(rec)
    return out


def sentence_records(doc: Document, lo: int, hi: int) -> list[Record]:
    """Apply RULES in order to one sentence and return the records they make."""
    cues = [c for c in cues_of(doc, lo, hi) if c.mention is not None]
    sentence = Sentence(doc, lo, hi, cues)
    found: list[Record] = []
    for rule in RULES if doc.quote_at(lo) is None else QUOTED_RULES:
        rec = rule(sentence, found)
        if rec is not None:
            found.append(rec)
    return found
