"""Organisations of the discourse: which one "it", "the company" or "the statement" means.

Rules:
- "it" is the later of the last organisation that spoke and the last one named
  (places excluded), else the one-word company the text keeps naming (never a
  place word such as the "Hampshire" of "New Hampshire").
- "the company/firm/bank/club/regulator" is the organisation of a fitting type named
  before it, preferring the one the text keeps naming over a rival.
- "Police" after "Northvale Police" is that organisation.
- A one-word speaker ("Apple said") is an organisation unless it is person-like: a
  token of a person named in full, a common given name, a surname written after
  an honorific, or a word persons.py finds a person's evidence for.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .cast import prev_word
from .entities import WORD_RE, Entity
from .lexicon import (ABBREVIATIONS, GIVEN_NAME_GENDER, MULTIWORD_PLACES, ORG_HEAD_TYPES, ORG_WORDS,
                      PLACES, ROLE_NOUNS, STOP_CAPS, TITLE_WORDS, US_PLACES, words)
from .mentions import Mention
from .persons import titled_or_aged
from .subjects import Subjects

RECENT = 300  # speakers searched back: long documents stay linear
_LONE_CAP_RE = re.compile(r"(?<![\w.’'\-])[A-Z][a-z]+[A-Za-z]*(?![\w’'\-])")
_COMMON_CAPS = words("organisations_common_caps")
# "Hampshire" of "New Hampshire", "Carolina" of "North Carolina": never a company
_PLACE_TAILS = frozenset(p.rsplit(" ", 1)[-1] for p in US_PLACES | MULTIWORD_PLACES if " " in p)
_RIVAL_WORDS = frozenset({"rival", "rivals", "competitor", "competitors"})


class Organisations(Subjects):
    """The article's cast and subjects, with the organisations that speak."""

    spoken: list[Entity]  # speakers in reading order, repeats allowed (set by Discourse)

    def __init__(self, doc) -> None:
        super().__init__(doc)
        self._titled: dict[str, bool] = {}  # one-word names: persons.titled_or_aged, once

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

    def _recent_org(self, pos: int) -> Entity | None:
        """Return the organisation "it" speaks for: the later of the last organisation
        that spoke and the last one named before pos (places excluded)."""
        spoke = next((e for e in reversed(self.spoken[-RECENT:])
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
                    and low not in US_PLACES and low not in _PLACE_TAILS \
                    and low not in ABBREVIATIONS \
                    and low not in GIVEN_NAME_GENDER and low not in ROLE_NOUNS \
                    and low not in TITLE_WORDS and w not in self.by_token \
                    and w not in self.person_tokens and low not in _COMMON_CAPS:
                best, n = w, c
        return self._entity("organization", best) if best else None

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
