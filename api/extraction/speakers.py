"""Discourse model: whom a speaker mention refers to, in reading order.

Rules:
- A name resolves to the fullest person name of the article that it abbreviates
  (cast.py); an organisation name to itself or its alias.
- he/she resolves to a person named earlier in the same sentence, else to the
  subject of the previous sentence, the last person or anonymous speaker, the last
  person named, the last person named of that gender, or the last person who spoke
  whose gender is not known to differ, skipping anyone whose known gender differs;
  the first pronoun that refers to a person of unknown gender fixes it.
- "the ambassador" resolves to the latest entity whose role holds that noun or an
  office that answers to it (entities.py); a role introduced later in the body only
  serves a headline; "the 62-year-old" is the person of that stated age.
- Before anyone has spoken, a description with no fitting role is the person
  opening the previous sentence (subjects.py); one still unresolved is the person
  opening either of the next two sentences, else the person named next at an
  attribution.
- An anonymous "a U.S. official" is later matched by "the (American) official".
- "the company/firm/bank/club/regulator" is the organisation of a fitting type named
  before it, preferring the one the text keeps naming over a rival.
- "the statement said" is the organisation that spoke last, else the one named last;
  "a company/police statement" the organisation of that type.
- A one-word speaker ("Apple said") is an organisation unless it is person-like: a
  token of a person named in full, a common given name, a surname written after
  an honorific, or a word persons.py finds a person's evidence for.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .cast import prev_word
from .document import Document
from .entities import WORD_RE, Entity, may_be
from .lexicon import (ALIASES, GIVEN_NAME_GENDER, ORG_HEAD_TYPES, ORG_WORDS, PLACES, ROLE_NOUNS,
                      STOP_CAPS, TITLE_WORDS)
from .mentions import Mention
from .persons import titled_or_aged
from .subjects import Subjects

_ANONYMITY_RE = re.compile(r"anonymity|not (?:want|wish|authori[sz]ed) to be (?:named|identified)|"
                           r"declined to be (?:named|identified)|asked not to be (?:named|identified)")
_RECENT = 300
_LONE_CAP_RE = re.compile(r"(?<![\w.’'\-])[A-Z][a-z]+[A-Za-z]*(?![\w’'\-])")
_COMMON_CAPS = frozenset("""
it its i we you he she they this that these those there here when while after before
what who how why where if as at in on by for from of with to into under over but and
or so yet also then now still just even only some many most more few all both each
no not new mr mrs ms dr
""".split())
_RIVAL_WORDS = frozenset({"rival", "rivals", "competitor", "competitors"})


class Discourse(Subjects):
    """Persons and speakers of one article, with recency for anaphora."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.last_speaker: Entity | None = None
        self.spoken: list[Entity] = []  # speakers in reading order, repeats allowed
        self._titled: dict[str, bool] = {}  # one-word names: persons.titled_or_aged, once

    def resolve(self, m: Mention, pos: int, sent_start: int) -> Entity | None:
        """Return the entity a mention refers to; None when it cannot be resolved."""
        if m.kind == "name":
            return self._resolve_name(m, pos)
        if m.kind == "pronoun":
            return self._resolve_pronoun(m, pos, sent_start)
        if m.kind == "anonymous":
            ent = self._find_head(m.head, pos, anonymous_only=True) if m.head else None
            if ent is None or ent.name != m.name:
                ent = self._entity("anonymous", m.name)
                ent.head = m.head
            return ent
        return self._resolve_description(m, pos)

    def _resolve_name(self, m: Mention, pos: int) -> Entity:
        if m.org:
            if " " not in m.name and m.name.lower() in ORG_WORDS:
                full = self._org_ending(m.name, pos)  # "Police" after "Northvale Police"
                if full is not None:
                    return self._entity("organization", full)
            return self._entity("organization", ALIASES.get(m.name, m.name))
        name = self.canonical(m.name, pos)
        if name == m.name and (name in self.org_tokens or self._lone_org(m)):
            return self._entity("organization", name)
        ent = self._entity("person", name)
        ent.add_role(m.role)
        return ent

    def _org_ending(self, word: str, pos: int) -> str | None:
        """Return the latest organisation named before pos whose name ends with word."""
        k = bisect_left(self._org_positions, pos)
        for j in range(k - 1, max(-1, k - 40), -1):
            name = self.orgs[j][1]
            if name != word and name.endswith(" " + word):
                return name
        return None

    def _lone_org(self, m: Mention) -> bool:
        """Tell whether a one-word speaker ("Apple said", "Nasa said in a statement") is an
        organisation: it is a person only when it is person-like, i.e. the given name or
        surname of a person of the article, a common given name, or written after Mr/Dr."""
        word = m.name
        if " " in word or not word[:1].isupper() or word in self.by_token \
                or word in self.person_tokens or word.lower() in GIVEN_NAME_GENDER:
            return False
        if not word.isalpha() or (m.role and any(
                w in ROLE_NOUNS or w in TITLE_WORDS for w in WORD_RE.findall(m.role.lower()))):
            return False
        if word not in self._titled:
            self._titled[word] = titled_or_aged(self.text, word)
        return not self._titled[word]

    def _resolve_pronoun(self, m: Mention, pos: int, sent_start: int) -> Entity | None:
        if m.name == "they":
            return self.last_speaker
        if m.name == "it":
            return self._recent_org(pos)
        last = self.last_speaker if self.last_speaker and self.last_speaker.kind != "organization" \
            else None
        k = bisect_left(self._positions, pos) - 1
        recent = (lambda: self._entity("person", self.names[k][1])) if k >= 0 else (lambda: None)
        for find in (lambda: self._person_in_span(sent_start, m.start, m.name),
                     lambda: self._previous_subject(sent_start), lambda: last, recent,
                     lambda: self._recent_of_gender(k, m.name),
                     lambda: self._recent_speaker_fitting(m.name)):
            cand = find()  # in order of salience, computed only as far as needed
            if cand is not None and cand.gender in (None, m.name):
                cand.gender = m.name
                return cand
        return None

    def _recent_org(self, pos: int) -> Entity | None:
        """Return the organisation "it" speaks for: the later of the last organisation
        that spoke and the last one named before pos (places excluded)."""
        spoke = next((e for e in reversed(self.spoken[-_RECENT:])
                      if e.kind == "organization" and e.last <= pos), None)
        k = bisect_left(self._org_positions, pos) - 1
        named = self.orgs[k] if k >= 0 else None
        if named is not None and (spoke is None or named[0] > spoke.last):
            return self._entity("organization", named[1])
        return spoke or self._salient_org(pos)

    def _salient_org(self, pos: int) -> Entity | None:
        """Return the one-word company an article keeps naming ("Lumenstack") when no
        organisation was otherwise found: the capitalised word, not a person's, a place
        or a common capital, written most often (twice at least) in the 3,000 characters
        before pos."""
        counts: dict[str, int] = {}
        for w in _LONE_CAP_RE.findall(self.text, max(0, pos - 3000), pos):
            counts[w] = counts.get(w, 0) + 1
        best, n = None, 1
        for w, c in counts.items():
            low = w.lower()
            if c > n and low not in STOP_CAPS and low not in PLACES and low not in ORG_WORDS \
                    and low not in GIVEN_NAME_GENDER and low not in ROLE_NOUNS \
                    and low not in TITLE_WORDS and w not in self.by_token \
                    and w not in self.person_tokens and low not in _COMMON_CAPS:
                best, n = w, c
        return self._entity("organization", best) if best else None

    def _recent_speaker_fitting(self, gender: str) -> Entity | None:
        """Return the latest person who spoke and whose gender is unknown or fits: "she"
        after a man spoke goes back to the woman of unknown given name who spoke before."""
        for ent in reversed(self.spoken[-_RECENT:]):
            if ent.kind == "person" and ent.gender in (None, gender):
                return ent
        return None

    def _recent_of_gender(self, k: int, gender: str) -> Entity | None:
        """Return the latest person named before name index k whose given name or
        honorific says gender: "she" when only men were salient before."""
        for j in range(k, max(-1, k - 60), -1):
            ent = self._entity("person", self.names[j][1])
            if ent.gender == gender:
                return ent
        return None

    def _find_head(self, head: str, pos: int, anonymous_only: bool = False,
                   words: frozenset[str] = frozenset()) -> Entity | None:
        """Return the latest speaker (else the latest person given the role before pos)
        whose role fits head.

        Only the last few hundred speakers are searched, so long documents stay linear."""
        for ent in reversed(self.spoken[-_RECENT:]):
            if ent.kind != "organization" and ent.has_head(head, words) and ent.last <= pos:
                if not anonymous_only or ent.kind == "anonymous":
                    return ent
        if anonymous_only:
            return None
        ahead = self.doc.is_title_line(pos)  # a headline's "Minister:" is named below it
        for at, name in reversed(self.role_index.get(head, [])[-_RECENT:]):
            ent = self.entities[("person", name)]
            if (at <= pos or ahead) and ent.has_head(head, words):
                return ent
        return None

    def _resolve_description(self, m: Mention, pos: int) -> Entity | None:
        lo, hi = self.doc.sentence_bounds(m.start)
        if not m.org and _ANONYMITY_RE.search(self.text, lo, hi):
            # "…,” the diplomat said, speaking on condition of anonymity
            return self._find_head(m.head, pos, anonymous_only=True) or self.unknown(m)
        if m.org and m.head == "statement":
            for ent in reversed(self.spoken[-_RECENT:]):  # "the statement said": its issuer
                if ent.kind == "organization" and ent.last <= pos:
                    return ent
            return self._recent_org(pos)
        if m.org:
            for ent in reversed(self.spoken[-_RECENT:]):
                if ent.kind == "organization" and m.head in ent.name.lower():
                    return ent
            typed = self._typed_org(m.head, pos)
            return typed or self._entity("organization", m.name)
        words = frozenset(WORD_RE.findall(m.text.lower()))
        if self.last_speaker and self.last_speaker.has_head(m.head, words):
            return self.last_speaker
        found = self._find_head(m.head, pos, words=words)
        para = self.doc.line_bounds(self.doc.line_index(m.start))[0]
        if found is None:
            # "Netanyahu met Biden on Monday. “…,” the Israeli said": the subject before
            subject = self._previous_subject(lo)
            found = subject if subject is not None and may_be(subject, m.head, words) \
                else None
        if found is None:
            # "Lindqvist … was less diplomatic. “…,” the Swedish forward said."
            found = self._person_in_span(para, m.start)
        if found is None and self.last_speaker is None:
            # nobody has spoken yet: "Iga Swiatek beat Aryna Sabalenka … “…,” the world
            # number one said" means the subject of the sentence before, else the person
            # the article opened with ("Lena Hartmann's new film …"), named just before
            found = self._previous_subject(lo) or self._person_in_span(
                max(0, para - 600), para, possessive=True)
        return found if found is None or may_be(found, m.head, words) else None

    def _typed_org(self, head: str, pos: int) -> Entity | None:
        """Return the organisation a description like "the bank" or "the club" means: of
        the recent organisations named before pos whose type fits (a firm of unknown type
        for "the company"), the one the text keeps naming, the latest on a tie; a "rival"
        or "competitor" named in passing is not it."""
        kinds = ORG_HEAD_TYPES.get(head)
        if not kinds:
            return None
        k = bisect_left(self._org_positions, pos)
        typed: list[tuple[int, str]] = []
        untyped: list[tuple[int, str]] = []
        for j in range(k - 1, max(-1, k - 40), -1):
            at, name, kind = self.orgs[j]
            if prev_word(self.text, max(0, at - 20), at).lower() in _RIVAL_WORDS:
                continue
            if kind in kinds:
                typed.append((at, name))
            elif kind is None:
                untyped.append((at, name))
        cands = typed or (untyped if "company" in kinds else [])
        if not cands:
            return self._salient_org(pos) if "company" in kinds else None
        window = self.text[max(0, pos - 3000):pos]
        best = max(cands, key=lambda c: (window.count(c[1].split()[0]), c[0]))
        return self._entity("organization", best[1])

    def note(self, ent: Entity | None, pos: int) -> None:
        """Record that ent spoke at pos: it becomes the most salient speaker."""
        if ent is None:
            return
        ent.last = max(ent.last, pos)
        if not self.spoken or self.spoken[-1] is not ent:
            self.spoken.append(ent)
        if ent.kind != "organization":
            self.last_speaker = ent

    def unknown(self, m: Mention) -> Entity:
        """Return an anonymous entity for a description nobody can be found for."""
        ent = self._entity("anonymous", m.name)
        ent.head = m.head
        return ent
