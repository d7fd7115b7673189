"""Definite descriptions ("the senator", "his wife", "the Chancellor"): the rules of
speakers.RULES that resolve a description nobody named, after the name, pronoun, anonymous,
issuer, statement and organisation rules (see the "Rules:" list of speakers.py, from "role").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .entities import NOBODY, WORD_RE, Entity, may_be
from .lexicon import TITLE_WORDS
from .mentions import Mention

if TYPE_CHECKING:  # speakers.py imports this module for its RULES
    from .speakers import Discourse

_POSSESSIVE_DET_RE = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s")


def _words(m: Mention) -> frozenset[str]:
    return frozenset(WORD_RE.findall(m.text.lower()))


def _fitting(d: Discourse, m: Mention, ent: Entity | None) -> Entity | None:
    """Return ent when the description may refer to it, NOBODY when not, None for none."""
    if ent is None:
        return None
    return ent if _may_be(m, ent) else NOBODY


def _may_be(m: Mention, ent: Entity) -> bool:
    """Tell whether a description may mean ent; "his wife", "their spokesman" is someone
    else than the possessor: only a person given that role."""
    if _POSSESSIVE_DET_RE.match(m.text):
        return ent.has_head(m.head, _words(m))
    return may_be(ent, m.head, _words(m))


def by_role(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "definite":
        return None
    words = _words(m)
    last = d.last_speaker if d.last_speaker and d.last_speaker.has_head(m.head, words) else None
    lo = d.doc.sentence_bounds(m.start)[0]
    before = d.doc.sentence_starts[max(0, d.doc.sentence_index(lo) - 1)]
    if last is not None and last.last >= before:
        return last  # it spoke in this sentence or the one before
    subject = d._previous_subject(lo)
    if subject is not None and subject.has_head(m.head, words) and _may_be(m, subject):
        return subject  # "Senator Roe disagreed. “…,” the senator said": not the last senator
    if last is not None:
        return last
    return _fitting(d, m, d._find_head(m.head, pos, words=words))


def by_office(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    """"the Chancellor", "The Prime Minister": an office written with a capital, which no
    one the article describes holds (by_role found none), is no one to guess."""
    if m.kind != "definite" or m.head not in TITLE_WORDS:
        return None  # an office, not a nationality or a party ("the Israeli", "the Republican")
    capitalised = [w for w in m.text.split()[1:] if w[:1].isupper()]
    return NOBODY if capitalised and capitalised[-1].lower() == m.head else None


def by_previous_subject(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "definite":
        return None
    # "Netanyahu met Biden on Monday. “…,” the Israeli said": the subject before
    subject = d._previous_subject(d.doc.sentence_bounds(m.start)[0])
    return subject if subject is not None and _may_be(m, subject) else None


def by_paragraph_person(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "definite":
        return None
    # "Lindqvist … was less diplomatic. “…,” the Swedish forward said."
    para = d.doc.line_bounds(d.doc.line_index(m.start))[0]
    lo = max(para, d.doc.sentence_bounds(m.start)[0])
    # "As Roe weighed the offer from Poe, the senator said …": the subject comes first
    return _fitting(d, m, d._person_in_sentence(lo, m.start, None)
                    or d._person_in_span(para, m.start))


def by_opening_person(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "definite" or d.last_speaker is not None:
        return None
    # nobody has spoken yet: "Iga Swiatek beat Aryna Sabalenka … “…,” the world number one
    # said" means the subject of the sentence before, else the person the article opened
    # with ("Lena Hartmann's new film …"), named just before
    lo = d.doc.sentence_bounds(m.start)[0]
    para = d.doc.line_bounds(d.doc.line_index(m.start))[0]
    return _fitting(d, m, d._previous_subject(lo) or d._person_in_span(
        max(0, para - 600), para, possessive=True))
