"""An entity of the article (a person, an organisation or an anonymous speaker) and
what its roles tell about it.

Rules:
- A role's words answer to the description heads of its offices
  (lexicon.ROLE_SYNONYMS: the minister = Home Secretary, the boss = chief executive,
  the judge = Mr Justice X, the senator = Sen. X); a former or shadow office only fits
  a description that says so.
- A gendered role ("the actress", "spokeswoman", "his wife") or a common given name
  (lexicon.GIVEN_NAME_GENDER) tells a person's gender.
- A description may not refer to a person holding another titled office ("the
  minister" is not the mayor), of another stated age ("the 45-year-old") or whose
  role names the other party ("the Democratic nominee" is not a Republican nominee)
  or another place ("the Florida senator" is not a Vermont senator), nor one whose
  every office of that name is ranked below it ("the president" is not the vice
  president).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import (GENDERED_ROLES, GIVEN_NAME_GENDER, PLACES, ROLE_SYNONYMS, TITLE_WORDS,
                      US_PLACES)

WORD_RE = re.compile(r"[\w\-]+")
_PARTIES = {"democratic": "D", "democrat": "D", "democrats": "D", "republican": "R",
            "republicans": "R", "gop": "R"}
_RANKS = frozenset({"vice", "deputy", "lieutenant", "assistant", "lt", "lt."})
_NOT_IN_OFFICE = frozenset({"shadow", "former", "ex", "retired", "late", "outgoing"})


@dataclass
class Entity:
    """One speaker of the article."""

    name: str
    kind: str  # person | organization | anonymous
    role: str | None = None
    roles: list[str] = field(default_factory=list)
    head: str | None = None
    last: int = -1
    gender: str | None = None  # "he"/"she" once a pronoun has referred to this entity
    role_words: set[str] = field(default_factory=set)
    past_words: set[str] = field(default_factory=set)  # of roles held no more: "former mayor"
    past_marks: set[str] = field(default_factory=set)  # "former", "shadow"

    def add_role(self, role: str | None) -> None:
        """Remember a role; the first one written becomes the display role."""
        if role and role not in self.roles:
            self.roles.append(role)
            words = role_heads(role)
            marks = words & _NOT_IN_OFFICE
            if marks:
                self.past_words.update(words)
                self.past_marks.update(marks)
            else:
                self.role_words.update(words)
            if self.role is None:
                self.role = role
            if self.gender is None:
                self.gender = role_gender(role)

    def has_head(self, head: str, words: frozenset[str] = frozenset()) -> bool:
        """Tell whether a description head ("official") fits this entity; a former or
        shadow office fits only a description that says so ("the shadow home secretary")."""
        return self.head == head or head in self.role_words or (
            head in self.past_words and bool(self.past_marks & words))


@lru_cache(maxsize=16384)
def role_heads(role: str) -> frozenset[str]:
    """Return the words of a role with the description heads its offices answer to:
    "Home Secretary" -> home, secretary, minister; "CEO" -> ceo, chief, executive, boss."""
    words = set(WORD_RE.findall(role.lower()))
    if words & _NOT_IN_OFFICE:
        return frozenset(words)  # a shadow or former secretary is not "the minister"
    for w in list(words):
        words.update(ROLE_SYNONYMS.get(w, ()))
    return frozenset(words)


def may_be(ent: Entity, head: str | None, words: frozenset[str]) -> bool:
    """Tell whether a description (head, words) may refer to ent: not when ent holds
    another titled office ("the minister" is not the mayor) or has another stated age."""
    other = head in TITLE_WORDS and (ent.role_words or ent.past_words) \
        and not ent.has_head(head, words)
    return not other and not _other_age(ent, head) and not _other_party(ent, words) \
        and not _other_place(ent, words) and not _lower_rank(ent, head, words)


def _other_place(ent: Entity, words: frozenset[str]) -> bool:
    """Tell whether "the Florida senator" cannot be ent, whose role names another place
    ("Vermont Sen.")."""
    said = {w for w in words if w in PLACES or w in US_PLACES}
    held = {w for w in ent.role_words | ent.past_words if w in PLACES or w in US_PLACES}
    return bool(said) and bool(held) and not said & held


def _lower_rank(ent: Entity, head: str | None, words: frozenset[str]) -> bool:
    """Tell whether "the president" cannot be ent, a vice president (or "the governor"
    a lieutenant governor): ent's role ranks below the office the description names."""
    return head in TITLE_WORDS and not words & _RANKS and _only_ranked(ent, head)


def _only_ranked(ent: Entity, head: str) -> bool:
    """Tell whether every role of ent naming head is a ranked one ("Vice President")."""
    naming = [r for r in ent.roles if head in role_heads(r)]
    return bool(naming) and all(role_heads(r) & _RANKS for r in naming)


def _other_party(ent: Entity, words: frozenset[str]) -> bool:
    """Tell whether "the Democratic nominee" cannot be ent, whose role names the other
    party ("Republican nominee")."""
    said = {_PARTIES[w] for w in words if w in _PARTIES}
    held = {_PARTIES[w] for w in ent.role_words | ent.past_words if w in _PARTIES}
    return len(said) == 1 and bool(held) and not said & held


def _other_age(ent: Entity, head: str | None) -> bool:
    """Tell whether "the 45-year-old" cannot be ent, whose stated age differs."""
    return bool(head and head.endswith("-year-old") and any(
        w.endswith("-year-old") and w != head for w in ent.role_words))


def role_gender(role: str) -> str | None:
    """Return "he"/"she" when a role says it ("actress", "spokeswoman", "his wife")."""
    words = set(WORD_RE.findall(role.lower()))
    she, he = words & GENDERED_ROLES["she"], words & GENDERED_ROLES["he"]
    if she and not he:
        return "she"
    return "he" if he and not she else None


def given_gender(name: str) -> str | None:
    """Return "he"/"she" for a name whose first token is a gendered given name."""
    first = name.split(" ", 1)[0].lower()
    return GIVEN_NAME_GENDER.get(first)


NOBODY = Entity("", "nobody")  # a resolution rule's decision: the mention names no one it can find
