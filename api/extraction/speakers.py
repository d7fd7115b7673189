"""Discourse model: who is who in the article, and whom a mention refers to.

Rules:
- Full person names (two or more capitalised tokens, initials allowed) are
  collected from the whole article with any role written before them
  ("ambassador Qin Gang") or in an appositive after them ("Rahul Gupta, director
  of ..., said").
- A surname or given name resolves to the fullest name sharing its first or last
  token, preferring names seen earlier, else later in the article.
- he/she resolves to a person named earlier in the same sentence, else to the
  last person or anonymous speaker, else to the last person named.
- "the ambassador" resolves to the latest entity whose role holds that noun; an
  anonymous "a U.S. official" is later matched by "the (American) official".
- Places and organisations ("Washington", "the ministry") are organisations.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import ALIASES, MULTIWORD_PLACES, ORG_WORDS, ROLE_NOUNS, STOP_CAPS, TITLE_WORDS
from .document import Document
from .mentions import Mention, is_org_name, parse_after, parse_before

_TOK = r"[A-Z][a-zà-ÿ]+(?:['’][A-Z][a-zà-ÿ]+)?(?:-[A-Za-zà-ÿ]+)?"
_INITIAL = r"[A-Z]\."
_PART = r"(?:de|van|von|bin|al|da|di|le|la|du|der|den|ter|ibn|el|dos|das|del)"
_TOK_REST = r"[a-zà-ÿ]+(?:['’][A-Z][a-zà-ÿ]+)?(?:-[A-Za-zà-ÿ]+)?"
# (initials) token (particle) (initials) token ...; written to start with a capital letter
# class (the "not after a word or dot" check follows it) so the regex engine skips ahead.
_NAME_RE = re.compile(
    rf"[A-Z](?<![\w.][A-Z])(?:\.\s?(?:{_INITIAL}\s?)*[A-Z])?{_TOK_REST}"
    rf"(?:\s+(?:{_PART}\s+)?(?:{_INITIAL}\s+)*{_TOK})+")
_CAP_WORD_RE = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’\-]*")  # \b first would defeat the skip-ahead
_APPOS_RE = re.compile(r",\s+((?:the|a|an)\s+)?([^,.;:“”\"()]{2,140}?),")
_WORD_RE = re.compile(r"[\w\-]+")
_ANONYMITY_RE = re.compile(r"anonymity|not (?:want|wish|authori[sz]ed) to be (?:named|identified)|"
                           r"declined to be (?:named|identified)|asked not to be (?:named|identified)")
_RECENT = 300
_LEAD_RE = re.compile(r"[\s•·*\-–—]*(?:(?:But|And|So|Then|Still|Yet|However|Meanwhile),?\s+)?")


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

    def add_role(self, role: str | None) -> None:
        """Remember a role; the first one written becomes the display role."""
        if role and role not in self.roles:
            self.roles.append(role)
            self.role_words.update(_WORD_RE.findall(role.lower()))
            if self.role is None:
                self.role = role

    def has_head(self, head: str) -> bool:
        """Tell whether a description head ("official") fits this entity."""
        return self.head == head or head in self.role_words


@lru_cache(maxsize=65536)
def _clean_name(raw: str) -> tuple[str, ...]:
    """Return the person-name tokens of a capitalised run, or [] when it is none."""
    toks = raw.split()
    cut = 0
    for k, t in enumerate(toks):
        low = t.lower()
        if low in STOP_CAPS or low in TITLE_WORDS or low.rstrip("s") in TITLE_WORDS:
            cut = k + 1
    toks = toks[cut:]
    name = " ".join(toks)
    if len(toks) < 2 or is_org_name(name) or name.lower() in MULTIWORD_PLACES:
        return ()
    return tuple(toks)


def _prev_word(text: str, lo: int, hi: int) -> str:
    """Return the last run of non-space characters in text[lo:hi] ("" if none)."""
    j = hi
    while j > lo and text[j - 1].isspace():
        j -= 1
    i = j
    while i > lo and not text[i - 1].isspace():
        i -= 1
    return text[i:j]


class Discourse:
    """Persons and speakers of one article, with recency for anaphora."""

    def __init__(self, doc: Document) -> None:
        masked = doc.masked
        self.doc = doc
        self.text = masked
        self.names: list[tuple[int, str]] = []
        self.by_token: dict[str, dict[str, int]] = {}
        self.entities: dict[tuple[str, str], Entity] = {}
        self.last_speaker: Entity | None = None
        self.org_tokens: set[str] = set()
        self.spoken: list[Entity] = []  # speakers in reading order, repeats allowed
        self.role_index: dict[str, list[str]] = {}  # role word -> persons given that role
        self._collect(masked)
        self._positions = [p for p, _ in self.names]

    def _collect(self, text: str) -> None:
        for m in _NAME_RE.finditer(text):
            toks = _clean_name(m.group())
            if not toks:
                if is_org_name(m.group()):  # "Lumora Inc": a later bare "Lumora" is a company
                    self.org_tokens.update(t for t in m.group().split()[:-1]
                                           if t.lower() not in ORG_WORDS)
                continue
            name = " ".join(toks)
            pos = m.end() - len(toks[-1])
            self.names.append((pos, name))
            for tok in {toks[0], toks[-1]}:
                seen = self.by_token.setdefault(tok, {})
                if name not in seen:
                    seen[name] = pos  # first occurrence: distinct names stay few
            self._collect_roles(text, m, name)

    def _collect_roles(self, text: str, m: re.Match, name: str) -> None:
        prev = _prev_word(text, max(0, m.start() - 40), m.start())
        first = m.group().split()[0].lower()
        if prev.lower() in ROLE_NOUNS or first in TITLE_WORDS:
            lo = max(0, m.start() - 80, text.rfind("\n", 0, m.start()) + 1)
            mention = parse_before(text, lo, m.end())
            if mention and mention.role:
                self._add_role(name, mention.role)
        if m.end() < len(text) and text[m.end()] == ",":
            a = _APPOS_RE.match(text, m.end())
            if a and any(w.lower() in ROLE_NOUNS for w in a.group(2).split()[:6]):
                self._add_role(name, (a.group(1) or "") + a.group(2))

    def _add_role(self, name: str, role: str) -> None:
        self._entity("person", name).add_role(role)
        for word in _WORD_RE.findall(role.lower()):
            names = self.role_index.setdefault(word, [])
            if not names or names[-1] != name:
                names.append(name)

    def _entity(self, kind: str, name: str) -> Entity:
        key = (kind, name)
        if key not in self.entities:
            self.entities[key] = Entity(name, kind)
        return self.entities[key]

    def canonical(self, name: str, pos: int) -> str:
        """Return the fullest person name in the article that this name abbreviates."""
        toks = name.split()
        pool = dict(self.by_token.get(toks[0], {}))
        if len(toks) > 1:
            pool.update(self.by_token.get(toks[-1], {}))
        cands = [(p, n) for n, p in pool.items() if set(toks) <= set(n.split())]
        if not cands:
            return name
        before = [c for c in cands if c[0] <= pos]
        pool = before or cands
        best = max(pool, key=lambda c: (len(c[1].split()), c[0] if before else -c[0]))
        return best[1] if len(best[1]) >= len(name) else name

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
            return self._entity("organization", ALIASES.get(m.name, m.name))
        name = self.canonical(m.name, pos)
        if name == m.name and name in self.org_tokens:
            return self._entity("organization", name)
        ent = self._entity("person", name)
        ent.add_role(m.role)
        return ent

    def _resolve_pronoun(self, m: Mention, pos: int, sent_start: int) -> Entity | None:
        if m.name == "they":
            return self.last_speaker
        last = self.last_speaker if self.last_speaker and self.last_speaker.kind != "organization" \
            else None
        k = bisect_left(self._positions, pos) - 1
        recent = (lambda: self._entity("person", self.names[k][1])) if k >= 0 else (lambda: None)
        for find in (lambda: self._person_in_span(sent_start, m.start),
                     lambda: self._previous_subject(sent_start), lambda: last, recent):
            cand = find()  # in order of salience, computed only as far as needed
            if cand is not None and cand.gender in (None, m.name):
                cand.gender = m.name
                return cand
        return None

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
        lead = _LEAD_RE.match(self.text, lo, hi).end()
        m = parse_after(self.text, lead, min(hi, lead + 60))
        if m is None or m.kind != "name" or m.org or m.start != lead \
                or m.text.endswith(("’s", "'s")) or m.name.split()[0] not in self.by_token \
                and m.name.split()[-1] not in self.by_token:
            return None  # a possessive opens a longer phrase: "Brightpath’s officer"
        return self._entity("person", self.canonical(m.name, lo))

    def _person_in_span(self, lo: int, hi: int) -> Entity | None:
        """Return the last known person named in text[lo:hi], if any."""
        found = None
        for w in _CAP_WORD_RE.finditer(self.text, max(lo, hi - 300), hi):
            word = w.group()
            if word in self.by_token and self.text[w.end():w.end() + 2] not in ("’s", "'s"):
                found = self.canonical(word, w.start())
        return self._entity("person", found) if found else None

    def _find_head(self, head: str, pos: int, anonymous_only: bool = False) -> Entity | None:
        """Return the latest speaker (else any known person) whose role fits head.

        Only the last few hundred speakers are searched, so long documents stay linear."""
        for ent in reversed(self.spoken[-_RECENT:]):
            if ent.kind != "organization" and ent.has_head(head) and ent.last <= pos:
                if not anonymous_only or ent.kind == "anonymous":
                    return ent
        if anonymous_only:
            return None
        for name in reversed(self.role_index.get(head, [])[-_RECENT:]):
            ent = self.entities[("person", name)]
            if ent.has_head(head):
                return ent
        return None

    def _resolve_description(self, m: Mention, pos: int) -> Entity | None:
        lo, hi = self.doc.sentence_bounds(m.start)
        if not m.org and _ANONYMITY_RE.search(self.text, lo, hi):
            # "…,” the diplomat said, speaking on condition of anonymity
            return self._find_head(m.head, pos, anonymous_only=True) or self.unknown(m)
        if m.org:
            for ent in reversed(self.spoken[-_RECENT:]):
                if ent.kind == "organization" and m.head in ent.name.lower():
                    return ent
            return self._entity("organization", m.name)
        if self.last_speaker and self.last_speaker.has_head(m.head):
            return self.last_speaker
        found = self._find_head(m.head, pos)
        if found is None:
            # "Lindqvist … was less diplomatic. “…,” the Swedish forward said."
            para = self.doc.line_bounds(self.doc.line_index(m.start))[0]
            found = self._person_in_span(para, m.start)
        return found

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
