"""Discourse model: whom a speaker mention refers to, in reading order.

Discourse.resolve tries RULES in order; each rule has the signature
rule(disc, mention, pos, sentence_start) and returns the entity, NOBODY when it decides
the mention has no referent it can name, or None to pass to the next rule.

Rules:
- place: a US state or city ("said Idaho …") or a function word is no speaker.
- headline: a name of two or more words in capitals, or of three or more holding a
  headline verb ("SAVE A QUARTER Let", "Podesta Said Obamas") is no speaker.
- name: a name resolves to the fullest person name of the article that it
  abbreviates (cast.py), never one of the other gender than its honorific ("Mr.");
  a surname several persons share is the one who spoke last, else the one named in
  full most often; an organisation name to itself or its alias; a one-word
  speaker is an organisation unless person-like (organisations.py).
- pronoun: "they" is the last speaker; "it" the organisation of organisations.py;
  he/she the person the ordered steps of pronouns.py find, never one whose known gender
  differs; the first pronoun meaning a person of unknown gender fixes it.
- anonymous: "a U.S. official" is a new anonymous speaker, later matched by "the
  (American) official".
- unnamed: a description in a sentence telling of anonymity ("speaking on condition
  of anonymity") is an anonymous speaker.
- issuer: "a statement saying" is the person the sentence opens with ("Jo Roe
  released a statement saying …"), else the subject of "released/issued/sent … a
  statement" resolved by these rules ("In May, President Roe released", "The town
  issued a report", "she released"); no one when two or more open it.
- statement: "the statement said" is the organisation that spoke last, else the one
  named last; "the report/memo/email said" is the organisation that spoke last, else the
  document itself (an anonymous "report"), never an organisation merely named.
- organisation: "the company/bank/club", "a police statement" is the organisation of
  a fitting type named before it (organisations.py).
- role (this rule and the four after it are in descriptions.py): "his wife", "their spokesman"
  is only a person given that role, never the possessor by default; "the ambassador" is the
  last speaker whose role holds that noun if it spoke in this sentence or the one before, else
  the person opening the previous sentence if theirs does, else the last speaker or latest
  entity whose role holds that noun or an office that answers to it and may be them
  (entities.may_be: not another office, age or party); a role introduced later in the body
  only serves a headline; "the 62-year-old" is the person of that age.
- office: "the Chancellor", "The Governor", an office (a title word) written with a capital
  that no one the article describes holds is nobody named (the description stands), never a
  guess; not a nationality or a party ("the Israeli", "the Republican").
- previous subject: else the person opening the previous sentence, if they may hold
  that role (subjects.py).
- paragraph person: else the first person named in its own sentence who is no
  preposition's object, else the last person named earlier in the paragraph.
- opening person: before anyone has spoken, the person opening the previous
  sentence, else the person named (possessive allowed) just before the paragraph.
- A description still unresolved is settled by the forward rules of resolution.py.
"""
from __future__ import annotations

import re
from typing import Callable, Union

from .document import Document
from .descriptions import (by_office, by_opening_person, by_paragraph_person,
                           by_previous_subject, by_role)
from .entities import NOBODY, Entity, may_be
from .lexicon import ALIASES, HEADLINE_VERBS, HONORIFIC_GENDER, ORG_WORDS, STOP_CAPS, US_PLACES
from .mentions import Mention, parse_after
from .organisations import RECENT
from .pronouns import resolve_he_she
from .salience import Persons

_ANONYMITY_RE = re.compile(r"anonymity|not (?:want|wish|authori[sz]ed) to be (?:named|identified)|"
                           r"declined to be (?:named|identified)|asked not to be (?:named|identified)")

_ISSUED_RE = re.compile(r"(?:^|[,;]\s+)([^,;]{1,100}?)\s+(?:\w+ly\s+)?(?:released|issued|sent|put "
                        r"out|posted|published|circulated|distributed)\s+$")
_COMPOUND_RE = re.compile(r"[^,.;:]{0,60}?\s(?:and|&)\s+[A-Z]")


class Discourse(Persons):
    """Persons and speakers of one article, with recency for anaphora."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.last_speaker: Entity | None = None
        self.spoken: list[Entity] = []  # speakers in reading order, repeats allowed

    def resolve(self, m: Mention, pos: int, sent_start: int) -> Entity | None:
        """Return the entity a mention refers to; None when it cannot be resolved."""
        for rule in RULES:
            ent = rule(self, m, pos, sent_start)
            if ent is not None:
                return None if ent is NOBODY else ent
        return None

    def _find_head(self, head: str, pos: int, anonymous_only: bool = False,
                   words: frozenset[str] = frozenset()) -> Entity | None:
        """Return the latest speaker (else the latest person given the role before pos)
        whose role fits head.

        Only the last few hundred speakers are searched, so long documents stay linear."""
        for ent in reversed(self.spoken[-RECENT:]):
            if ent.kind != "organization" and ent.has_head(head, words) and ent.last <= pos \
                    and may_be(ent, head, words):
                if not anonymous_only or ent.kind == "anonymous":
                    return ent
        if anonymous_only:
            return None
        ahead = self.doc.is_title_line(pos)  # a headline's "Minister:" is named below it
        for at, name in reversed(self.role_index.get(head, [])[-RECENT:]):
            ent = self.entities[("person", name)]
            if (at <= pos or ahead) and ent.has_head(head, words) and may_be(ent, head, words):
                return ent
        return None

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


Rule = Callable[[Discourse, Mention, int, int], Union[Entity, None]]


def by_place(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind == "name" and (m.name.lower() in US_PLACES
                             or (m.name.lower() in STOP_CAPS and not m.org)):
        return NOBODY  # "said Idaho …", "Of …": a state, a city or a function word
    return None


def by_headline(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "name":
        return None
    words = m.name.split()
    shouted = sum(1 for w in words if len(w) > 1 and w.isalpha() and w.isupper())
    if shouted >= 2 or (len(words) > 2 and any(w.lower() in HEADLINE_VERBS for w in words[1:])):
        return NOBODY  # "SAVE A QUARTER Let", "Podesta Said Obamas": a headline
    return None


def by_name(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "name":
        return None
    if m.org:
        if " " not in m.name and m.name.lower() in ORG_WORDS:
            full = d._org_ending(m.name, pos)  # "Police" after "Northvale Police"
            if full is not None:
                return d._entity("organization", full)
        return d._entity("organization", ALIASES.get(m.name, m.name))
    name = d.canonical(m.name, pos)
    if " " not in m.name:
        name = d.namesake(m.name, name)
    said = HONORIFIC_GENDER.get(m.text.split(" ", 1)[0].lower()) if " " in m.text else None
    if said and name != m.name and d._entity("person", name).gender not in (None, said):
        name = m.name  # "Mr. Obama" is not the Michelle Obama the article names in full
    if name == m.name and (name in d.org_tokens or d._lone_org(m)):
        return d._entity("organization", name)
    ent = d._entity("person", name)
    ent.add_role(m.role)
    return ent


def by_pronoun(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "pronoun":
        return None
    if m.name == "they":
        return d.last_speaker or NOBODY
    if m.name == "it":
        return d._recent_org(pos) or NOBODY
    return resolve_he_she(d, m, sent_start) or NOBODY


def by_anonymous(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "anonymous":
        return None
    ent = d._find_head(m.head, pos, anonymous_only=True) if m.head else None
    if ent is None or ent.name != m.name:
        ent = d.unknown(m)
    return ent


def by_unnamed(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "definite" or m.org:
        return None
    lo, hi = d.doc.sentence_bounds(m.start)
    if not _ANONYMITY_RE.search(d.text, lo, hi):
        return None
    # "…,” the diplomat said, speaking on condition of anonymity
    return d._find_head(m.head, pos, anonymous_only=True) or d.unknown(m)


def by_issuer(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "definite" or not m.org or m.head != "statement" \
            or not m.text.lower().startswith(("a ", "an ")):
        return None
    # "Jo Roe released a statement saying …": the person the sentence opens with
    lo, hi = d.doc.sentence_bounds(m.start)
    if _COMPOUND_RE.match(d.text, lo, m.start):
        return NOBODY  # "Roe and Poe issued a statement": no one of them alone
    subject = d._subject_of(lo, hi)
    at = max(lo, m.start - 200)
    issued = _ISSUED_RE.search(d.text[at:m.start]) if subject is None else None
    if issued is None:
        return subject
    # "In Paris, President Roe released a statement", "The town issued a report": its subject
    sub = parse_after(d.text, at + issued.start(1), at + issued.end(1))
    return d.resolve(sub, sub.start, lo) if sub is not None and sub.start == at + issued.start(1) \
        else None


def by_statement(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "definite" or not m.org or m.head != "statement":
        return None
    for ent in reversed(d.spoken[-RECENT:]):  # "the statement said": its issuer
        if ent.kind == "organization" and ent.last <= pos:
            return ent
    if m.name.rsplit(" ", 1)[-1].lower() != "statement":
        return d.unknown(m)  # "the report stated": the document, not the last organisation named
    return d._recent_org(pos) or NOBODY


def by_organisation(d: Discourse, m: Mention, pos: int, sent_start: int) -> Entity | None:
    if m.kind != "definite" or not m.org:
        return None
    for ent in reversed(d.spoken[-RECENT:]):
        if ent.kind == "organization" and m.head in ent.name.lower():
            return ent
    return d._typed_org(m.head, pos) or d._entity("organization", m.name)


RULES: tuple[Rule, ...] = (by_place, by_headline, by_name, by_pronoun, by_anonymous, by_unnamed,
                           by_issuer, by_statement, by_organisation, by_role, by_office,
                           by_previous_subject,
                           by_paragraph_person, by_opening_person)
