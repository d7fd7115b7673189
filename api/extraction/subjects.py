"""Sentence subjects: the known person who opens a sentence, the most salient referent.

Rules:
- A sentence's subject is the person named at its start, after an introductory
  phrase or a role ("His deputy, Peter Lang, disagreed"; "Asked about it, Jo Roe";
  after up to three commas, not past a comma opening another clause: "…, and by May,
  X"), before its verb, a relative clause or an appositive ("In June, Jo Roe, who …,
  said"; "Jo Roe, the port's director, said"), or named in full after a few words of
  title ending in a role or a capital, five when the last is a role ("Consumer advocate
  Bill McGee was less impressed", not "Crowds packed the Granite Hall"), also after an
  opening phrase ("Last May, Ohio pastor Jo Roe was …"); a surname the article writes
  only with an honorific ("Mr. Roe") or that the parser took for an adjective ("Cuban
  said") is a person; a bare surname several persons share is the one salience.py picks
  (full_name); a sentence opening with a quotation has none.
- The previous sentence's subject counts only within two lines; so does the person
  a previous sentence ends by citing ("…, Mr. Roe said in an interview.", "…, said
  Jo Roe, chief economist at …").
- he/she may mean a person of that gender opening a sentence of its paragraph or the
  one before, after the last speaker spoke ("“…,” said Roe. Poe has driven a bus for
  years. … “…,” he said." is Poe).
- he/she after a run of sentences that open with the same pronoun ("Jo Roe ran. He
  won.") is the person opening the sentence before the run, all within two lines.
- A description still unresolved is the person opening either of the next two
  sentences ("Jane Doe, who …") unless that person holds another office.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .cast import Cast
from .document import Document
from .entities import WORD_RE, Entity, may_be
from .lexicon import NON_PERSON_FINALS, ROLE_NOUNS, TITLE_WORDS
from .mentions import Mention, parse_after

_CLOSING_CUE_RE = re.compile(
    r",\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]+){0,3})\s+"
    r"(?:said|says|added|told|wrote|noted|argued|insisted)\b[^.!?“”\"]{0,80}[.!?]?\s*$")
_CLOSING_INVERTED_RE = re.compile(  # "…, said Jo Roe, a former aide to the mayor."
    r",\s+(?:said|says|added|wrote|noted|argued|insisted)\s+(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?"
    r"([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]+){0,3}?)"
    r"(?:,\s+(?:a|an|the|who|[a-z]+)\s[^!?“”\"]{0,120})?[.!?]?\s*$")
_SPACES_RE = re.compile(r"\s*")
_CLAUSE_RE = re.compile(r"(?:and|but|or|so|yet|while|whereas)\b")
# After a name: a relative clause or an appositive ("Jo Roe, the port's director, said").
_RELATIVE_RE = re.compile(r",\s+(?:who|which)\b[^,;:.“”\"]{0,100},"
                          r"|,\s+(?!(?:and|but|or|who|which)\b)(?:an?|the|[A-Z][\w\-]*['’]s|\d+)"
                          r"\s?[^,;:.“”\"()]{0,80},")
_PREDICATE_RE = re.compile(r",?\s+(?!(?:and|or|nor|who|which)\b)[a-z]")
_LEAD_RE = re.compile(r"[\s•·*\-–—]*(?:(?:But|And|So|Then|Still|Yet|However|Meanwhile),?\s+)?")


class Subjects(Cast):
    """The article's cast with the subject of each sentence, found once."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self._subjects: dict[int, Entity | None] = {}  # sentence start -> its subject

    def _previous_subject(self, sent_start: int) -> Entity | None:
        """Return the person opening the previous sentence, the most salient referent."""
        doc = self.doc
        k = doc.sentence_index(sent_start)
        while k > 0:
            k -= 1
            lo, hi = doc.sentence_bounds(doc.sentence_starts[k])
            if hi > lo:
                break
        else:
            return None
        if doc.line_index(sent_start) - doc.line_index(lo) > 2:
            return None
        return self._subject_of(lo, hi)

    def subject_since(self, sent_start: int, since: int, gender: str) -> Entity | None:
        """Return the latest person of that gender opening a sentence of the paragraph or
        the one before, after position since (where the last speaker spoke)."""
        doc = self.doc
        k, line = doc.sentence_index(sent_start), doc.line_index(sent_start)
        for j in range(k - 1, max(-1, k - 8), -1):
            lo, hi = doc.sentence_bounds(doc.sentence_starts[j])
            if lo <= since or line - doc.line_index(lo) > 2:
                return None
            ent = self._subject_of(lo, hi) if hi > lo else None
            if ent is not None and ent.gender == gender:
                return ent
        return None

    def chained_subject(self, sent_start: int, pronoun: str) -> Entity | None:
        """Return the person opening the sentence before a run of sentences that open
        with the same he/she ("Jo Roe ran. She won. “…,” she said." is Roe), the
        run within two lines of the mention's sentence."""
        doc = self.doc
        k, line = doc.sentence_index(sent_start), doc.line_index(sent_start)
        opener = re.compile(r"[\s•·*\-–—]*(?:(?:But|And|Then|Still|Yet),?\s+)?(?i:" + pronoun + r")\b")
        chained = False
        for j in range(k - 1, max(-1, k - 5), -1):
            lo, hi = doc.sentence_bounds(doc.sentence_starts[j])
            if hi <= lo or not self.text[lo:hi].strip():
                continue
            if line - doc.line_index(lo) > 2:
                return None
            if not opener.match(self.text, lo, hi):
                return self._subject_of(lo, hi) if chained else None
            chained, line = True, doc.line_index(lo)
        return None

    def previous_sentence(self, sent_start: int) -> tuple[int, int] | None:
        """Return the bounds of the sentence before, within two lines, if any."""
        doc = self.doc
        k = doc.sentence_index(sent_start)
        while k > 0:
            k -= 1
            lo, hi = doc.sentence_bounds(doc.sentence_starts[k])
            if hi > lo and self.text[lo:hi].strip():
                break
        else:
            return None
        return (lo, hi) if doc.line_index(sent_start) - doc.line_index(lo) <= 2 else None

    def previous_closing_speaker(self, sent_start: int) -> Entity | None:
        """Return the person a previous sentence of the paragraph (or the one before)
        ends by citing ("…, Mr. Roe said in an interview."), the voice of that sentence."""
        bounds = self.previous_sentence(sent_start)
        if bounds is None:
            return None
        lo, hi = bounds
        m = _CLOSING_CUE_RE.search(self.text, max(lo, hi - 160), hi) \
            or _CLOSING_INVERTED_RE.search(self.text, max(lo, hi - 200), hi)
        toks = m.group(1).split() if m is not None else []
        while len(toks) > 1 and (toks[0].lower() in TITLE_WORDS or toks[0].lower() + "." in TITLE_WORDS):
            toks = toks[1:]  # "Professor Lindgren said"
        if not toks or toks[-1] not in self.by_token:
            return None
        return self._entity("person", self.canonical(" ".join(toks), m.start(1)))

    def _subject_of(self, lo: int, hi: int) -> Entity | None:
        """Return the known person who opens the sentence text[lo:hi], if one does
        (computed once per sentence)."""
        if lo not in self._subjects:
            self._subjects[lo] = self._find_subject(lo, hi)
        return self._subjects[lo]

    def _find_subject(self, lo: int, hi: int) -> Entity | None:
        lead = _LEAD_RE.match(self.text, lo, hi).end()
        if self.text.startswith(("_", "“", '"'), lead):
            return None  # a sentence opening with a quotation: its cue names the speaker
        m = parse_after(self.text, lead, min(hi, lead + 60))
        if m is None or m.start != lead or not self._known(m):
            # "His deputy, Peter Lang, disagreed", "After …, X", "Asked about it, X said"
            m = self._subject_after_comma(lead, hi) or (m if m is not None and m.start == lead else None)
            if m is None:
                return None
            lead = m.start
        if m.start != lead or not self._known(m):
            # "Consumer advocate Bill McGee was …", "Last May, Ohio pastor Jo Roe was …"
            return self._titled_subject(lo, hi) or (self._titled_subject(m.start, hi)
                                                    if m.start > lo else None)
        name = m.name if m.kind == "name" else m.text
        return self._entity("person", self.full_name(name, lo))

    def full_name(self, name: str, pos: int) -> str:
        """Return the person a name written at pos means (cast.canonical; salience.py adds
        which of several persons a shared surname means)."""
        return self.canonical(name, pos)

    def _known(self, m: Mention) -> bool:
        """Tell whether a mention names a known person: a name of the cast, not possessive."""
        if m.kind == "definite" and " " not in m.text and m.text in self.by_token:
            return True  # "Cuban said": a surname the parser took for an adjective
        if m.name.rsplit(" ", 1)[-1].lower() in NON_PERSON_FINALS:
            return False  # "Hale Tower was full": a building
        return m.kind == "name" and not m.org and not m.text.endswith(("’s", "'s")) \
            and (m.name.split()[0] in self.by_token or m.name.split()[-1] in self.by_token
                 or self._honorific_person(m))

    def _honorific_person(self, m: Mention) -> bool:
        """Tell whether a one-word name is written with an honorific ("Mr. Obama"): a person
        even when the article never gives the full name."""
        return " " not in m.name and m.name in self.person_tokens and m.text != m.name

    def _subject_after_comma(self, lead: int, hi: int) -> Mention | None:
        """Return the name after one of the first three commas of an opening phrase that
        a predicate follows, past a relative clause ("On Friday, in Dover, Jo Roe, who
        …, said" is Roe)."""
        at = lead
        for k in range(3):
            comma = self.text.find(",", at, min(hi, lead + 120))
            if comma < 0:
                return None
            at = _SPACES_RE.match(self.text, comma + 1).end()
            if _CLAUSE_RE.match(self.text, at):
                return None  # "…, and four years later, Jo was …": another clause
            m = parse_after(self.text, at, min(hi, at + 60))
            if m is None or m.start != at:
                continue
            rel = _RELATIVE_RE.match(self.text, m.end, hi)
            if _PREDICATE_RE.match(self.text, rel.end() if rel else m.end, hi) \
                    and (k == 0 or m.kind == "name"):
                return m
        return None

    def _titled_subject(self, lo: int, hi: int) -> Entity | None:
        """Return the person named in full after a few words of title that open the
        sentence ("Consumer advocate Bill McGee was less impressed")."""
        k = bisect_left(self._positions, lo)
        if k >= len(self.names) or self._positions[k] >= min(hi, lo + 60):
            return None
        pos, name = self.names[k]
        end = pos + len(name.split()[-1])
        start = end - len(name)
        lead = self.text[lo:start].split()
        if start < lo or self.text[start:end] != name or "," in self.text[lo:start] \
                or len(lead) > (5 if lead and lead[-1].lower() in ROLE_NOUNS else 3) \
                or not _PREDICATE_RE.match(self.text, end, hi):
            return None
        if lead and not (lead[-1][:1].isupper() or lead[-1].lower() in ROLE_NOUNS
                         or lead[-1].lower() in TITLE_WORDS):
            return None  # "Crowds packed the Granite Hall …": an object, not a title
        return self._entity("person", name)

    def subject_after(self, m: Mention) -> Entity | None:
        """Return the person opening one of the two sentences after the one holding the
        description m ("“…,” the former governor said. Jane Doe, who …"), unless that
        person is known to hold another office."""
        doc = self.doc
        k, line = doc.sentence_index(m.start), doc.line_index(m.start)
        words = frozenset(WORD_RE.findall(m.text.lower()))
        for j in range(k + 1, min(k + 3, len(doc.sentence_starts))):
            lo, hi = doc.sentence_bounds(doc.sentence_starts[j])
            if doc.line_index(lo) - line > 2:
                return None
            ent = self._subject_of(lo, hi) if hi > lo else None
            if ent is not None:
                return ent if may_be(ent, m.head, words) else None
        return None
