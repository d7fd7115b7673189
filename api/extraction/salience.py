"""Persons of the discourse: which person a pronoun or a bare surname may mean.

Rules:
- A candidate for he/she shows it is a person: a known gender, a given name, a
  role, an honorific, a voice of its own, or its surname written on its own ("Harbor
  Islands", "Great Depression", a headline's "Trends Are" show none of it).
- he/she within its own sentence is the first person-like person named there whose
  gender fits and who is no preposition's object ("While Roe praised Poe, she said").
- The last person named is the latest person-like name; the last person of a
  gender is the latest name whose given name or honorific says it; the last speaker
  fitting a gender is the latest person who spoke whose gender is not known to differ.
- A surname several persons share is the one who spoke last, else the one named in
  full most often.
"""
from __future__ import annotations

from .cast import CAP_WORD_RE as _CAP_WORD_RE
from .entities import Entity
from .lexicon import GIVEN_NAME_GENDER, words
from .organisations import RECENT, Organisations

_PREPOSITIONS = words("salience_prepositions")


class Persons(Organisations):
    """The article's cast, subjects and organisations, with person salience."""

    spoken: list[Entity]  # speakers in reading order (set by Discourse)

    def __init__(self, doc) -> None:
        super().__init__(doc)
        self._plain: dict[str, bool] = {}  # names whose surname is written alone, once

    def person_like(self, ent: Entity) -> bool:
        """Tell whether a candidate for he/she may be a person: it shows a known gender, a
        given name, a role, an honorific or a voice of its own, or its surname is written
        on its own ("… Quist said"; "Harbor Islands", "Great Depression" and a headline's
        "Trends Are" show none of it)."""
        first, last = ent.name.split(" ", 1)[0], ent.name.rsplit(" ", 1)[-1]
        if ent.kind != "person" or ent.gender is not None or ent.last >= 0 \
                or bool(ent.roles) or first.lower() in GIVEN_NAME_GENDER \
                or last in self.person_tokens:
            return True
        if ent.name not in self._plain:
            self._plain[ent.name] = self.text.count(last) > self.text.count(ent.name)
        return self._plain[ent.name]

    def _person_in_sentence(self, lo: int, hi: int, gender: str | None) -> Entity | None:
        """Return the person he/she means among those named in text[lo:hi]: the first
        person-like one whose gender fits and that is no preposition's object, as the
        subject comes first ("While Roe praised Poe, she said …" is Roe)."""
        for w in _CAP_WORD_RE.finditer(self.text, max(lo, hi - 300), hi):
            word = w.group()
            if word in self.by_token and self.text[w.end():w.end() + 2] not in ("’s", "'s") \
                    and not self._after_preposition(lo, w.start()):
                ent = self._entity("person", self.canonical(word, w.start()))
                if (gender is None or ent.gender in (None, gender)) and self.person_like(ent):
                    return ent
        return None

    def _after_preposition(self, lo: int, at: int) -> bool:
        """Tell whether the name ending with the word at `at` is a preposition's object
        ("the murder of Father Jo Roe", "With a vote for Roe ruled out")."""
        before = self.text[max(lo, at - 120):at].split()
        while before and before[-1][:1].isupper():
            before.pop()  # the rest of the name and its titles
        return bool(before) and before[-1].lower() in _PREPOSITIONS

    def full_name(self, name: str, pos: int) -> str:
        """Return the person a name written at pos means: its fullest form, and of several
        persons sharing a bare surname the one namesake() picks."""
        full = self.canonical(name, pos)
        return self.namesake(name, full) if " " not in name else full

    def namesake(self, surname: str, name: str) -> str:
        """Return which of several persons sharing a surname a bare "Sanders" means: the
        one who spoke last, else the one the article names in full most often, else
        name (the latest named)."""
        same = [n for n in self.by_token.get(surname, {}) if n.rsplit(" ", 1)[-1] == surname]
        if len(same) < 2 or name not in same:
            return name
        for ent in reversed(self.spoken[-RECENT:]):
            if ent.kind == "person" and ent.name in same:
                return ent.name
        counts = {n: self.text.count(n) for n in same}
        best = max(same, key=lambda n: counts[n])
        return best if counts[best] > counts[name] else name

    def _recent_person(self, k: int) -> Entity | None:
        """Return the latest person-like name at or before name index k."""
        for j in range(k, max(-1, k - 30), -1):
            ent = self._entity("person", self.names[j][1])
            if self.person_like(ent):
                return ent
        return None

    def _recent_speaker_fitting(self, gender: str) -> Entity | None:
        """Return the latest person who spoke and whose gender is unknown or fits: "she"
        after a man spoke goes back to the woman of unknown given name who spoke before."""
        for ent in reversed(self.spoken[-RECENT:]):
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
