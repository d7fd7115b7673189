"""Passages whose speaker opens the clause: "X said (that) CLAUSE." and its variants
(six of reported.RULES; reported.py lists them all, in order).

Rules:
- subordinate_cue: "While X said (that) A, MAIN.": a subordinate clause opening the
  sentence (while, although, though, even as, whereas, when, after, before, because,
  since, now that, once) with X as its subject: A ends at the comma before the main
  clause's subject; none without such a comma.
- opening_cue: "X said (that) CLAUSE." where X opens the sentence or clause (after
  an introductory phrase with a comma, a semicolon, a dash, a parenthesis, a bullet,
  a sentence adverb ("Even X said", "Later she said"), or a conjunction such as "and",
  "but", "after", "when"), or has only a possessor or a role before it in its noun
  phrase ("The mayor's spokeswoman Ada Ferreira said", "Port chief Lio Brandt said"; not
  "All the senators said"), or is a person named before ", who said".
- appositive_cue: "NAME, APPOSITIVE, said CLAUSE." with the name opening the sentence;
  the appositive may hold a quotation ("Ruiz, who calls it “a gamble,” said …").
- coordinated_cue: "X said A and added (that) B." / "X did A and said B.".
- later_cue: opening_cue again after the passages found ("Okafor said A, though she
  noted B").
- coordinated_verb: "X did A, then says B." / "X did A but has said B.": a reporting
  verb no cue holds, right after a conjunction (and an auxiliary), with the sentence's
  opening subject, a name or he/she followed by its predicate (not "Vantoria's port
  authority runs …", not "Beyond the depot, …"), no relative clause between.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .attribution import Cue, Record, verb_index
from .clauses import INTRO_RE, WORD_RE, Sentence, clause_after, good_subject, quote_free
from .lexicon import INDIRECT_VERBS, ROLE_NOUNS, STOP_CAPS
from .mentions import parse_after

_WHO_RE = re.compile(r",\s+who\s+(?:[a-z]+ly\s+|later\s+|also\s+|then\s+)?")  # "Lopez, who said"
_CONJ_END_RE = re.compile(
    r"(?:[,;:(—–]|\s--|\b(?:and|but|after|when|as|because|while|since|although|though|before|"
    r"until|once|where|if))\s*$")
# Between a name and its verb: a party tag, a suffix, "of Calder University", an
# appositive ending in a comma.
_GAP_RE = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:,?\s+(?:Jr|Sr)\.?)?"
                     r"(?:\s+(?:of|from|at|with)\s+[^,;:()“”\"_\n]{2,60}?,?)?"
                     r"(?:,\s+(?!(?:which|and|but)\b)(?:[^;:!?\[\]“”\"_\n]|“_+”|\"_+\"){3,200}"
                     r"(?:,|(?<=[”\"])))?\s+")  # a quotation's comma is masked: “_____”
_ROLE_COMMA_RE = re.compile(r"(?:(?:Another|One|A|An|The)\s+)?[\w\-’']+(?:\s+[\w\-’']+){0,3},\s+")
_INTRO_END_RE = re.compile(r"[\s•·*\-–—]*(?:(?:But|And|So|Yet|Still|Meanwhile|However|Now|Also)"
                           r"\b,?\s+)?")
_QUOTING_APPOSITIVE_RE = re.compile(r",\s+(?:who|a|an|the)\s")
# "All the members said …", "Two other senators said …": a vague group, not a possessor.
_QUANTIFIERS = frozenset("all every each other others several few numerous various two three four "
                         "five six seven eight nine ten dozens hundreds thousands".split())
# Up to four words before a speaker's mention, no punctuation but a possessive.
_PREFIX_RE = re.compile(r"[\s•·*\-–—]*((?:(?:[A-Z][\w.\-]*|[\w.\-]+[’']s?|"
                        + "|".join(sorted(ROLE_NOUNS)) + r")\s+){1,4})")
# "…, then says", "… but has since said": a second predicate of the opening subject.
_COORD_BEFORE_RE = re.compile(r"(?:,\s+then|,?\s+(?:and|but)(?:\s+then)?)\s+"
                              r"(?:(?:has|have|had)\s+)?(?:also\s+|since\s+|later\s+|repeatedly\s+|often\s+)?$")
# After the opening subject: its verb or an adverb, not a determiner or a conjunction
# ("Beyond the footage, …", "Kestria's oil giant runs …").
_PREDICATE_NEXT_RE = re.compile(r"(?:\s*\([^()]{1,30}\)|,\s+[^,;:]{1,80},)?\s+"
                                r"(?!(?:the|a|an|his|her|its|their|this|that|these|those|and|or|"
                                r"nor|with|of)\b)[a-z]")  # nor a compound subject: "A and B did …"
_RELATIVE_RE = re.compile(r"\b(?:who|whom|whose|which|that|where|when)\b|[;:]")
_AND_BEFORE_RE = re.compile(r"\b(?:and|but)\s+(?:also\s+|then\s+)?$")


def _conj_end(masked: str, lo: int, hi: int) -> bool:
    """Tell whether text[lo:hi] ends with a comma or a conjunction (only its tail is read)."""
    j = hi
    while j > lo and masked[j - 1].isspace():
        j -= 1
    return _CONJ_END_RE.search(masked, max(lo, j - 9), hi) is not None


def _subject_prefix(masked: str, lo: int, cue: Cue) -> bool:
    """Tell whether the words before a cue's speaker belong to its noun phrase: a
    possessor or a role ("Ruiz's spokesman Tom Reyes said", "Vantorian leader Ana Ruiz
    said", "The city's chief planner said"): capitalised words, possessives and role
    nouns, no function word."""
    m = _PREFIX_RE.fullmatch(masked, lo, cue.start)
    if m is None:
        return False
    words = [w.lower() for w in WORD_RE.findall(m.group(1))]
    return bool(words) and not any(w in STOP_CAPS or w in _QUANTIFIERS
                                   for w in words[1:] + words[:1] * (words[0] != "the"))


def opening_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'X said (that) CLAUSE.' with X opening its clause (after the passages
    found, if any)."""
    doc, lo, hi = s.doc, s.lo, s.hi
    after = max((f.end for f in found), default=lo)
    used = {f.cue.verb_start for f in found}
    for cue in s.cues:
        if cue.start < after or cue.verb_start in used or cue.verb not in INDIRECT_VERBS \
                or not good_subject(cue) \
                or (cue.start >= cue.verb_start and not cue.carried):
            continue
        if not (INTRO_RE.fullmatch(doc.masked, lo, cue.start)
                or _conj_end(doc.masked, lo, cue.start) or _subject_prefix(doc.masked, lo, cue)
                or (cue.mention.kind == "name"
                    and _WHO_RE.fullmatch(doc.masked, cue.mention.end, cue.verb_start))):
            continue
        rec = clause_after(doc, cue, hi, lo)
        if rec is not None:
            return rec
    return None


_SUBORDINATOR_RE = re.compile(
    r"[\s•·*\-–—]*(?:(?:But|And|Yet)\s+)?(?:While|Although|Though|Even\s+though|Even\s+as|"
    r"Whereas|When|After|Before|Because|Since|Now\s+that|Once)\s+")
# The main clause after "While X said A, …": a subject, then (within a few words) a verb.
_MAIN_RE = re.compile(r",\s+(?=(?:he|she|they|it|we|I|there|the|his|her|their|its|this|that|"
                      r"[A-Z][\w.’'\-]*)\b)")


def subordinate_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'While X said (that) A, MAIN.': A is X's passage, up to the comma before
    the main clause."""
    doc, lo, hi = s.doc, s.lo, s.hi
    if found:
        return None
    sub = _SUBORDINATOR_RE.match(doc.masked, lo, hi)
    if sub is None:
        return None
    for cue in s.cues:
        if cue.start != sub.end() or cue.verb not in INDIRECT_VERBS or not good_subject(cue) \
                or cue.start >= cue.verb_start:
            continue
        main = _MAIN_RE.search(doc.masked, cue.end, hi)
        return clause_after(doc, cue, main.start(), lo) if main is not None else None
    return None


def appositive_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'NAME, APPOSITIVE, said CLAUSE.': a name opening the sentence, described
    before its verb ("Mira Santos, a fellow at the institute, said …", "Sen. Ana Ruiz
    (D-Ore.) said …", "A second analyst, Lia Brandt of Tarn College, said …"), also
    after a passage in the appositive ("Ruiz, who says A, said B")."""
    doc, lo, hi = s.doc, s.lo, s.hi
    starts, items = verb_index(doc)
    after = max((f.end for f in found), default=lo)
    used = {f.cue.verb_start for f in found}
    for vs, ve, verb in items[bisect_left(starts, after):bisect_left(starts, hi)]:
        if verb not in INDIRECT_VERBS or vs in used:
            continue
        mention = _opening_name(doc.masked, _INTRO_END_RE.match(doc.masked, lo, vs).end(), vs)
        if mention is None or doc.quote_at(mention.end) is not None \
                or doc.has_quote(mention.end, vs) and not _QUOTING_APPOSITIVE_RE.match(
                    doc.masked, mention.end, vs):
            continue  # "Ruiz, who calls the plan “a gamble,” said …": the quotation is its own
        own = Cue(mention.start, ve, vs, ve, mention, verb)
        rec = clause_after(doc, own, hi, lo)
        if rec is not None:
            return rec
    return None


def _opening_name(masked: str, start: int, vs: int):
    """Return the name opening a sentence at start, or the name after a role there
    ("A second analyst, Lia Brandt, …")."""
    for at in (start, None):
        if at is None:
            role = _ROLE_COMMA_RE.match(masked, start, vs)
            if role is None:
                return None
            at = role.end()
        mention = parse_after(masked, at, min(vs, at + 80))
        if mention is not None and mention.start == at and mention.kind == "name" \
                and _GAP_RE.fullmatch(masked, mention.end, vs):
            return mention
    return None


def coordinated_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'X said A and added (that) B.' / 'X did A and said B.': a reporting verb
    coordinated with the predicate of a sentence-opening speaker, under its own cue."""
    doc, lo, hi = s.doc, s.lo, s.hi
    for cue in s.cues:
        if not (cue.inherited or cue.carried) or cue.mention.start >= cue.anchor:
            continue
        verb = WORD_RE.match(doc.masked, cue.anchor)
        if verb is None or verb.group() not in INDIRECT_VERBS \
                or not _AND_BEFORE_RE.search(doc.masked, max(lo, cue.anchor - 12), cue.anchor):
            continue
        own = Cue(cue.anchor, verb.end(), cue.anchor, verb.end(), cue.mention, verb.group())
        if not good_subject(own) or not _opens(doc.masked, lo, cue.mention.start):
            continue
        rec = clause_after(doc, own, hi, lo)
        if rec is not None and all(rec.start >= f.end or rec.end <= f.start for f in found):
            return rec
    return None


def coordinated_verb(s: Sentence, found: list[Record]) -> Record | None:
    """Match 'X did A, then says B.' / 'X did A but has said B.': a reporting verb no cue
    holds, right after a conjunction (and an auxiliary), with the sentence's opening
    subject, a name or he/she."""
    doc, lo, hi = s.doc, s.lo, s.hi
    starts, items = verb_index(doc)
    held = {c.verb_start for c in s.cues} | {c.anchor for c in s.cues}
    after = max((f.end for f in found), default=lo)
    for vs, ve, verb in items[bisect_left(starts, after):bisect_left(starts, hi)]:
        if verb not in INDIRECT_VERBS or vs in held \
                or not _COORD_BEFORE_RE.search(doc.masked, max(lo, vs - 40), vs):
            continue
        start = _INTRO_END_RE.match(doc.masked, lo, vs).end()
        subject = parse_after(doc.masked, start, min(vs, start + 80))
        if subject is None or subject.start != start or not _plain_subject(subject) \
                or not _PREDICATE_NEXT_RE.match(doc.masked, subject.end, vs) \
                or _RELATIVE_RE.search(doc.masked, subject.end, vs) or not quote_free(doc, lo, vs):
            return None
        own = Cue(vs, ve, vs, ve, subject, verb)
        return clause_after(doc, own, hi, lo) if good_subject(own) else None
    return None


def _plain_subject(mention) -> bool:
    """A name or he/she, not a capitalised word opening a phrase ("All …", "Walking …")."""
    if mention.kind == "pronoun":
        return mention.name in ("he", "she")
    if mention.text.endswith(("'s", "’s", "'", "’")):
        return False  # "Kestria's oil giant runs …": the possessor is not the subject
    first = WORD_RE.match(mention.name or "")
    return mention.kind == "name" and first is not None and not first.group().endswith("ing") \
        and first.group().lower() not in STOP_CAPS | _QUANTIFIERS


def _opens(masked: str, lo: int, at: int) -> bool:
    return INTRO_RE.fullmatch(masked, lo, at) is not None or _conj_end(masked, lo, at)


def later_cue(s: Sentence, found: list[Record]) -> Record | None:
    """Match a further 'X said CLAUSE' after the passages found: "Okafor said A, though
    she noted B"."""
    return opening_cue(s, found) if found else None

