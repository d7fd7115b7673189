"""Persons of the discourse: which person a pronoun or a bare surname may mean.

Rules:
- A candidate for he/she shows it is a person: a known gender, a given name, a
  role, an honorific, a voice of its own, or its surname written on its own ("Harbor
  Islands", "Great Depression", a headline's "Trends Are" show none of it).
- The last person named is the latest person-like name; the last person of a
  gender is the latest name whose given name or honorific says it; the last speaker
  fitting a gender is the latest person who spoke whose gender is not known to differ.
- A surname several persons share is the one who spoke last, else the one named in
  full most often.
"""
from __future__ import annotations

from .entities import Entity
from .lexicon import GIVEN_NAME_GENDER
from .organisations import RECENT, Organisations


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

    def _person_in_sentence(self, lo: int, hi: int, gender: str) -> Entity | None:
        """Return the person named in text[lo:hi] for he/she, if person-like."""
        ent = self._person_in_span(lo, hi, gender)
        return ent if ent is not None and self.person_like(ent) else None

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
