"""Discourse model: who is who in the article, and whom a mention refers to.

Rules:
- Full person names (two or more capitalised tokens, initials allowed) are
  collected from the whole article with any role written before them
  ("ambassador Qin Gang") or in an appositive after them ("Rahul Gupta, director
  of ..., said").
- A surname or given name resolves to the fullest name sharing its first or last
  token, preferring names seen earlier, else later in the article.
- A person's gender is known from a common given name (lexicon.GIVEN_NAME_GENDER),
  an honorific (Mr/Ms X) or a gendered role ("the actress", "spokeswoman"), else from
  the first pronoun that refers to them.
- he/she resolves to a person named earlier in the same sentence, else to the
  subject of the previous sentence, the last person or anonymous speaker, the last
  person named, the last person named of that gender, or the last person who spoke
  whose gender is not known to differ, skipping anyone whose known gender differs.
- "the ambassador" resolves to the latest entity whose role holds that noun or an
  office that answers to it (lexicon.ROLE_SYNONYMS: the minister = Home Secretary,
  the boss = chief executive, the judge = Mr Justice X, the senator = Sen. X);
  roles are read from titles before a name ("Councilwoman Maria Ortiz"), from
  appositives after it and from "the prime minister, Gareth Lowe,"; a former or
  shadow office only fits a description that says so; a role introduced later in
  the body only serves a headline.
- An age between commas ("Jane Doe, 62,") answers to "the 62-year-old", and a
  different stated age rules a person out; "Former Secretary of State Jane Doe" holds
  that (former) office.
- Before anyone has spoken, a description with no fitting role is the person
  opening the previous sentence (after an introductory phrase or a role: "His
  deputy, Peter Lang, disagreed"); one still unresolved is the person opening either
  of the next two sentences ("Jane Doe, who …") unless that person holds another
  office, else the person named next at an attribution.
- An anonymous "a U.S. official" is later matched by "the (American) official".
- Places and organisations ("Washington", "the ministry") are organisations;
  "the company/firm/bank/club/regulator" is the organisation of a fitting type named
  before it (type from a name word such as Inc/Bank/FC/United/Authority or a noun
  next to it), preferring the one the text keeps naming over a rival.
- "the statement said" is the organisation that spoke last, else the one named last;
  "a company/police statement" the organisation of that type.
- A one-word speaker ("Apple said") is an organisation unless it is person-like: a
  token of a person named in full, a common given name, a surname written after
  an honorific, or a word persons.py finds a person's evidence for.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import (ALIASES, GENDERED_ROLES, GIVEN_NAME_GENDER, HONORIFIC_GENDER, MULTIWORD_PLACES,
                      NAME_PARTICLES, NAME_PREFIX_TITLES, ORG_HEAD_TYPES, ORG_NAME_TYPES,
                      ORG_TYPE_NOUNS, ORG_WORDS, PLACES, POSTNOMINALS, ROLE_NOUNS, ROLE_SYNONYMS,
                      STOP_CAPS, TITLE_WORDS)
from .document import Document
from .mentions import Mention, is_org_name, parse_after, parse_before
from .persons import PERSON_TITLES, titled_or_aged

# Letters of names beyond ASCII (Özil, Łukasz, Nguyễn), by case.
_EXTRA = [chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isalpha()]
_UP = "A-Z" + "".join(c for c in _EXTRA if c.isupper())
_LOW = "a-z" + "".join(c for c in _EXTRA if c.islower())
# a name token: "Hale", "McDonald", "O'Neill", "D’Angelo", "Al-Sayed", "Jae-myung"
_TOK_REST = (rf"(?:[{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:['’][{_UP}][{_LOW}]+)?"
             rf"|['’][{_UP}][{_LOW}]+)(?:-[{_UP}{_LOW}]+)?")
_TOK = rf"[{_UP}]{_TOK_REST}"
_INITIAL = r"[A-Z]\."
_PART = r"(?:de|van|von|bin|al|da|di|le|la|du|der|den|ter|ibn|el|dos|das|del)"
# (initials) token (particle) (initials) token ...; written to start with a capital letter
# class (the "not after a word or dot" check follows it) so the regex engine skips ahead.
_SP = r"[^\S\n]"  # a name never runs across a line break (headline, paragraph)
_NAME_RE = re.compile(
    rf"[{_UP}](?<![\w.][{_UP}])(?:\.{_SP}?(?:{_INITIAL}{_SP}?)*[A-Z])?{_TOK_REST}"
    rf"(?:{_SP}+(?:{_PART}{_SP}+){{0,2}}(?:{_INITIAL}{_SP}+)*{_TOK})+")
# \b first would defeat the skip-ahead
_CAP_WORD_RE = re.compile(rf"[{_UP}](?<!\w[{_UP}])[\w'’\-]*")
# "Former Secretary of State Jane Doe": an office "of"/"for" something before a name.
_OFFICE_OF_RE = re.compile(r"(?<![\w’'])(?:(?:[Ff]ormer|[Ee]x-|[Ss]hadow|[Aa]cting)\s*)?"
                           r"(?:[A-Z][\w.\-]*\s+){1,3}(?:of|for)\s+$")
_SPACES_RE = re.compile(r"\s*")
_PREDICATE_RE = re.compile(r",?\s+(?!(?:and|or|nor|who|which)\b)[a-z]")
_AGE_RE = re.compile(r",\s(\d{1,3}),")
_APPOS_RE = re.compile(r",\s+((?:the|a|an)\s+)?([^,.;:“”\"()]{2,140}?),")
_WORD_RE = re.compile(r"[\w\-]+")
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
_NOT_IN_OFFICE = frozenset({"shadow", "former", "ex", "retired", "late", "outgoing"})
# "The prime minister, Gareth Lowe, ...": a role written before a name between commas.
_PRE_APPOS_RE = re.compile(r"(?<![\w’'])((?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w\-]*['’]s)"
                           r"\s+(?:[\w’'\-]+\s+){0,4}?[\w\-]+),\s+$")
_POSTNOMINAL_RE = re.compile(r"\s+(KC|QC|MP|MSP|MLA)\b")
_SUFFIX_RE = re.compile(r",?\s(Jr|Sr|II|III|IV)(?![\w’'\-])")
# Starts with a letter class so the engine skips ahead; the honorific is checked after.
_HONORIFIC_NAME_RE = re.compile(r"([MDPSLRGJ](?:rs?|s|iss|r|ame|rof|ir|en|ord|ady|ep|ov|udge|"
                                r"ustice))\.?\s+([A-Z][\w’'\-]+)")
_HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady Sen Rep Gov Judge Justice".split())
_HONORIFIC_WORDS = frozenset("mr mrs ms miss dr prof sir dame lord lady m mme mm herr frau".split())
_ORG_APPOS_RE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(" + "|".join(
    sorted(ORG_TYPE_NOUNS, key=len, reverse=True)) + r")\b")
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
    words = set(_WORD_RE.findall(role.lower()))
    if words & _NOT_IN_OFFICE:
        return frozenset(words)  # a shadow or former secretary is not "the minister"
    for w in list(words):
        words.update(ROLE_SYNONYMS.get(w, ()))
    return frozenset(words)


def _may_be(ent: Entity, head: str | None, words: frozenset[str]) -> bool:
    """Tell whether a description (head, words) may refer to ent: not when ent holds
    another titled office ("the minister" is not the mayor) or has another stated age."""
    other = head in TITLE_WORDS and (ent.role_words or ent.past_words) \
        and not ent.has_head(head, words)
    return not other and not _other_age(ent, head)


def _other_age(ent: Entity, head: str | None) -> bool:
    """Tell whether "the 45-year-old" cannot be ent, whose stated age differs."""
    return bool(head and head.endswith("-year-old") and any(
        w.endswith("-year-old") and w != head for w in ent.role_words))


def role_gender(role: str) -> str | None:
    """Return "he"/"she" when a role says it ("actress", "spokeswoman", "his wife")."""
    words = set(_WORD_RE.findall(role.lower()))
    she, he = words & GENDERED_ROLES["she"], words & GENDERED_ROLES["he"]
    if she and not he:
        return "she"
    return "he" if he and not she else None


def given_gender(name: str) -> str | None:
    """Return "he"/"she" for a name whose first token is a gendered given name."""
    first = name.split(" ", 1)[0].lower()
    return GIVEN_NAME_GENDER.get(first)


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
    while len(toks) > 2 and (toks[0].lower() in NAME_PREFIX_TITLES or toks[0].lower() in ROLE_NOUNS):
        toks = toks[1:]  # "Councilwoman Maria Ortiz", "Critic Sam Ellis"
    if len(toks) == 2 and toks[0].lower() in PERSON_TITLES and toks[0].lower() != "dean" \
            and toks[0].lower() not in GIVEN_NAME_GENDER:
        return ()  # "Striker Haaland", "President Lula": one name, told by persons.py
    while len(toks) > 2 and toks[-1].lower().rstrip(".") in POSTNOMINALS:
        toks = toks[:-1]  # "Priya Shah KC"
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
        self.orgs: list[tuple[int, str, str | None]] = []  # organisations named, with a type
        self.person_tokens: set[str] = set()  # surnames seen after an honorific
        self.honorific_gender: dict[str, str] = {}
        self._titled: dict[str, bool] = {}  # one-word names: persons.titled_or_aged, once
        self._subjects: dict[int, Entity | None] = {}  # sentence start -> its subject
        self._collect(masked)
        self._positions = [p for p, _ in self.names]
        self._org_positions = [p for p, _, _ in self.orgs]

    def _collect(self, text: str) -> None:
        for h in _HONORIFIC_NAME_RE.finditer(text):  # "Dr. Nwosu", "Ms Sorokina": persons
            if h.group(1) not in _HONORIFICS or (h.start() and text[h.start() - 1].isalnum()):
                continue
            self.person_tokens.add(h.group(2))
            gender = HONORIFIC_GENDER.get(h.group(1).lower())
            if gender:
                self.honorific_gender.setdefault(h.group(2), gender)
        for m in _NAME_RE.finditer(text):
            toks = _clean_name(m.group())
            if not toks:
                if is_org_name(m.group()):  # "Lumora Inc": a later bare "Lumora" is a company
                    self.org_tokens.update(t for t in m.group().split()[:-1]
                                           if t.lower() not in ORG_WORDS)
                    self._note_org(text, m.start(), m.end(), m.group())
                continue
            suffix = _SUFFIX_RE.match(text, m.end())
            if suffix:  # "John Smith III", "Martin Jones Jr."
                toks = toks + (suffix.group(1),)
            name = " ".join(toks)
            pos = m.end() - len(toks[-1]) if not suffix else m.end() - len(toks[-2])
            self.names.append((pos, name))
            keys = {toks[0], toks[-1]} if not suffix else {toks[0], toks[-2]}
            for tok in keys:
                seen = self.by_token.setdefault(tok, {})
                if name not in seen:
                    seen[name] = pos  # first occurrence: distinct names stay few
            self._collect_roles(text, m, name)

    def _note_org(self, text: str, start: int, end: int, name: str) -> None:
        """Index an organisation named at start with its type, when one is told."""
        words = name.lower().split()
        if name.lower() in PLACES or name.lower() in MULTIWORD_PLACES:
            return
        kind = next((ORG_NAME_TYPES[w] for w in reversed(words) if w in ORG_NAME_TYPES), None)
        if kind is None:
            before = _prev_word(text, max(0, start - 30), start).lower()
            kind = ORG_TYPE_NOUNS.get(before)
        if kind is None:
            a = _ORG_APPOS_RE.match(text, end)
            if a:
                kind = ORG_TYPE_NOUNS.get(a.group(1).lower())
        name = ALIASES.get(name, name)
        if name.startswith(("The ", "the ")):
            name = name[4:]
        self.orgs.append((start, name, kind))

    def _collect_roles(self, text: str, m: re.Match, name: str) -> None:
        raw = m.group().split()
        lead = first_lead = raw[:max(0, len(raw) - len(name.split()))]
        while lead and lead[0].lower() in STOP_CAPS and lead[0].lower() not in TITLE_WORDS:
            lead = lead[1:]  # "But Home Secretary Priya Kaur": the role is "Home Secretary"
        if lead and not (len(lead) == 1 and lead[0].lower().rstrip(".") in _HONORIFIC_WORDS) \
                and any(w.lower() in TITLE_WORDS or w.lower() in NAME_PREFIX_TITLES
                        or w.lower() in ROLE_NOUNS for w in lead):
            self._add_role(m.start(), name, " ".join(lead))
        if text[m.start() - 2:m.start()] == ", ":
            pre = _PRE_APPOS_RE.search(text, max(0, m.start() - 70), m.start())
            if pre and any(w.lower() in ROLE_NOUNS for w in pre.group(1).split()[1:]):
                role = pre.group(1)
                self._add_role(m.start(), name, role[4:] if role[:4] in ("the ", "The ") else role)
        post = _POSTNOMINAL_RE.match(text, m.end())
        if post:  # "Priya Shah KC": the letters tell the office
            self._add_role(m.start(), name, post.group(1))
        prev = _prev_word(text, max(0, m.start() - 40), m.start())
        first = m.group().split()[0].lower()
        office = _OFFICE_OF_RE.search(text, max(0, m.start() - 60), m.start()) \
            if first_lead and prev in ("of", "for") else None
        if office and any(w.lower() in TITLE_WORDS for w in office.group().split()):
            self._add_role(m.start(), name, office.group() + " ".join(first_lead))
        if prev.lower() in ROLE_NOUNS or prev.lower() in TITLE_WORDS or first in TITLE_WORDS:
            lo = max(0, m.start() - 80, text.rfind("\n", 0, m.start()) + 1)
            mention = parse_before(text, lo, m.end())
            if mention and mention.role:
                self._add_role(m.start(), name, mention.role)
        if m.end() < len(text) and text[m.end()] == ",":
            age = _AGE_RE.match(text, m.end())
            if age:  # "Jane Doe, 62," is "the 62-year-old"
                self._entity("person", name).role_words.add(f"{age.group(1)}-year-old")
                self.role_index.setdefault(f"{age.group(1)}-year-old", []).append((m.start(), name))
            a = _APPOS_RE.match(text, m.end())
            if a and any(w.lower() in ROLE_NOUNS for w in a.group(2).split()[:6]):
                self._add_role(m.start(), name, (a.group(1) or "") + a.group(2))

    def _add_role(self, pos: int, name: str, role: str) -> None:
        self._entity("person", name).add_role(role)
        for word in role_heads(role):
            names = self.role_index.setdefault(word, [])
            if not names or names[-1][1] != name:
                names.append((pos, name))

    def _entity(self, kind: str, name: str) -> Entity:
        key = (kind, name)
        if key not in self.entities:
            ent = self.entities[key] = Entity(name, kind)
            if kind == "person":  # a gendered given name or "Mr/Ms X" fixes he/she
                ent.gender = given_gender(name) or self.honorific_gender.get(name.split()[-1])
        return self.entities[key]

    def canonical(self, name: str, pos: int) -> str:
        """Return the fullest person name in the article that this name abbreviates."""
        toks = name.split()
        pool = dict(self.by_token.get(toks[0], {}))
        if len(toks) > 1:
            pool.update(self.by_token.get(toks[-1], {}))
        if any(t[:1].islower() or t.lower() in NAME_PARTICLES for t in toks):
            low = {t.lower() for t in toks}  # "Van der Vaart" is "Rafael van der Vaart"
            cands = [(p, n) for n, p in pool.items() if low <= {t.lower() for t in n.split()}]
        else:
            have = set(toks)
            cands = [(p, n) for n, p in pool.items() if have <= set(n.split())]
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
                w in ROLE_NOUNS or w in TITLE_WORDS for w in _WORD_RE.findall(m.role.lower()))):
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
        if m is None or m.start != lead:  # "His deputy, Peter Lang, disagreed", "After …, X"
            comma = self.text.find(",", lead, min(hi, lead + 60))
            if comma < 0:
                return None
            lead = _SPACES_RE.match(self.text, comma + 1).end()
            m = parse_after(self.text, lead, min(hi, lead + 60))
            if m is None or not _PREDICATE_RE.match(self.text, m.end, hi):
                return None
        if m.kind != "name" or m.org or m.start != lead \
                or m.text.endswith(("’s", "'s")) or m.name.split()[0] not in self.by_token \
                and m.name.split()[-1] not in self.by_token:
            return self._titled_subject(lo, hi)  # "Consumer advocate Bill McGee was …"
        return self._entity("person", self.canonical(m.name, lo))

    def _titled_subject(self, lo: int, hi: int) -> Entity | None:
        """Return the person named in full after a few words of title that open the
        sentence ("Consumer advocate Bill McGee was less impressed")."""
        k = bisect_left(self._positions, lo)
        if k >= len(self.names) or self._positions[k] >= min(hi, lo + 60):
            return None
        pos, name = self.names[k]
        end = pos + len(name.split()[-1])
        start = end - len(name)
        if start < lo or self.text[start:end] != name or "," in self.text[lo:start] \
                or len(self.text[lo:start].split()) > 3 \
                or not _PREDICATE_RE.match(self.text, end, hi):
            return None
        return self._entity("person", name)

    def subject_after(self, m: Mention) -> Entity | None:
        """Return the person opening one of the two sentences after the one holding the
        description m ("“…,” the former governor said. Jane Doe, who …"), unless that
        person is known to hold another office."""
        doc = self.doc
        k, line = doc.sentence_index(m.start), doc.line_index(m.start)
        words = frozenset(_WORD_RE.findall(m.text.lower()))
        for j in range(k + 1, min(k + 3, len(doc.sentence_starts))):
            lo, hi = doc.sentence_bounds(doc.sentence_starts[j])
            if doc.line_index(lo) - line > 2:
                return None
            ent = self._subject_of(lo, hi) if hi > lo else None
            if ent is not None:
                return ent if _may_be(ent, m.head, words) else None
        return None

    def _person_in_span(self, lo: int, hi: int, gender: str | None = None,
                        possessive: bool = False) -> Entity | None:
        """Return the last known person named in text[lo:hi] whose gender, when known,
        fits the pronoun ("she" skips a Tom for a Sarah named before him)."""
        found = fit = None
        for w in _CAP_WORD_RE.finditer(self.text, max(lo, hi - 300), hi):
            word = w.group()
            if word.endswith(("’s", "'s")) and possessive:
                word = word[:-2]
            if word in self.by_token and self.text[w.end():w.end() + 2] not in ("’s", "'s"):
                found = self._entity("person", self.canonical(word, w.start()))
                if gender is not None and found.gender in (None, gender):
                    fit = found
        return fit or found

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
        words = frozenset(_WORD_RE.findall(m.text.lower()))
        if self.last_speaker and self.last_speaker.has_head(m.head, words):
            return self.last_speaker
        found = self._find_head(m.head, pos, words=words)
        para = self.doc.line_bounds(self.doc.line_index(m.start))[0]
        if found is None:
            # "Netanyahu met Biden on Monday. “…,” the Israeli said": the subject before
            subject = self._previous_subject(lo)
            found = subject if subject is not None and _may_be(subject, m.head, words) \
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
        return found if found is None or _may_be(found, m.head, words) else None

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
            if _prev_word(self.text, max(0, at - 20), at).lower() in _RIVAL_WORDS:
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
