"""The article's cast: the persons and organisations it names, indexed once.

Rules:
- Full person names (two to four capitalised tokens, initials and particles
  allowed, never a headline verb such as "Says") are collected from the whole article with any role written before them
  ("ambassador Qin Gang") or in an appositive after them ("Rahul Gupta, director
  of ..., said").
- Roles are read from titles before a name ("Councilwoman Maria Ortiz"), from
  appositives after it, from "the prime minister, Gareth Lowe," and from
  post-nominal letters ("Priya Shah KC"); "Former Secretary of State Jane Doe" holds
  that (former) office.
- A one-word name introduced by a role or relation ("his wife, Layla,", "her son
  Omar", "the coach, Pep,") is a person holding that role.
- An age between commas ("Jane Doe, 62,") answers to "the 62-year-old".
- A person's gender is known from a common given name (lexicon.GIVEN_NAME_GENDER),
  an honorific (Mr/Ms X) or a gendered role; a surname written after an honorific
  marks a person.
- A surname or given name resolves to the fullest name sharing its first or last
  token, preferring names seen earlier, else later in the article.
- A run naming a place, a building or an event or work ("New York City", "Tern Islands",
  "Hale Tower", "Harbour Speech") is no person; a hyphenated adjective ("Dover-area",
  "Ohio-based") ends a name run.
- Places and organisations ("Washington", "the ministry") are organisations; an
  organisation's type comes from a name word such as Inc/Bank/FC/United/Authority or
  a noun next to it.
"""
from __future__ import annotations

import re

from .document import Document
from .entities import Entity, given_gender, role_heads
from .lexicon import (ALIASES, GIVEN_NAME_GENDER, HEADLINE_VERBS, HONORIFIC_GENDER,
                      MULTIWORD_PLACES, NAME_PARTICLES, NAME_PREFIX_TITLES, ORG_NAME_TYPES,
                      ORG_NOUNS, ORG_TYPE_NOUNS, ORG_WORDS, PLACES, ROLE_NOUNS, STOP_CAPS,
                      TITLE_WORDS, US_PLACES)
from .mentions import is_org_name, parse_before
from .names import person_name_tokens

# Letters of names beyond ASCII (Özil, Łukasz, Nguyễn), by case.
_EXTRA = [chr(c) for c in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isalpha()]
_UP = "A-Z" + "".join(c for c in _EXTRA if c.isupper())
_LOW = "a-z" + "".join(c for c in _EXTRA if c.islower())
# "Lakeside-area", "Ohio-based", "Dublin-born": an adjective, the run's name ends before it
_ADJ_SUFFIX = (r"(?:area|based|born|bred|raised|style|era|led|backed|owned|made|run|focused|"
               r"leaning|aligned|allied)")
# a name token: "Hale", "McDonald", "O'Neill", "D’Angelo", "Al-Sayed", "Jae-myung"
_TOK_REST = (rf"(?:[{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:['’][{_UP}][{_LOW}]+)?"
             rf"|['’][{_UP}][{_LOW}]+)(?:-(?!{_ADJ_SUFFIX}\b)[{_UP}{_LOW}]+)?")
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
_WORD_IN_RUN_RE = re.compile(r"\S+")
CAP_WORD_RE = _CAP_WORD_RE = re.compile(rf"[{_UP}](?<!\w[{_UP}])[\w'’\-]*")
# "Former Secretary of State Jane Doe": an office "of"/"for" something before a name.
_OFFICE_OF_RE = re.compile(r"(?<![\w’'])(?:(?:[Ff]ormer|[Ee]x-|[Ss]hadow|[Aa]cting)\s*)?"
                           r"(?:[A-Z][\w.\-]*\s+){1,3}(?:of|for)\s+$")
_AND_BEFORE_RE = re.compile(r"(?<![\w’'])((?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*)\s+and\s+$")
_AGE_RE = re.compile(r",\s(\d{1,3}),")
_APPOS_RE = re.compile(r",\s+((?:the|a|an)\s+)?([^,.;:“”\"()]{2,140}?),")
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
# "his wife, Layla,", "her son Omar", "the coach, Pep": a one-word name after a role
_INTRODUCED_RE = re.compile(r"(?<![\w’'])((?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Oo]ur|[Mm]y)\s+"
                            r"(?:[a-z][\w\-]*\s+){0,3}?([a-z][\w\-]*)),?\s+"
                            rf"([{_UP}][{_LOW}]+)(?![\w’'\-]|\s+[{_UP}])")
_ORG_APPOS_RE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(" + "|".join(
    sorted(ORG_TYPE_NOUNS, key=len, reverse=True)) + r")\b")


def _name_runs(text: str):
    """Yield the capitalised runs of text; a run a headline verb splits ("Francois
    Lindqvist Says Omar Bell …") also yields the part before the verb when it is a
    given name and a surname or two."""
    for m in _NAME_RE.finditer(text):
        verb = next((w for w in _WORD_IN_RUN_RE.finditer(m.group())
                     if w.group().lower() in HEADLINE_VERBS), None)
        if verb is not None and verb.start() > 0:
            head = _NAME_RE.match(text, m.start(), m.start() + verb.start() - 1)
            if head is not None and len(head.group().split()) <= 3 \
                    and head.group().split()[0].lower() in GIVEN_NAME_GENDER:
                yield head
        yield m


def prev_word(text: str, lo: int, hi: int) -> str:
    """Return the last run of non-space characters in text[lo:hi] ("" if none)."""
    j = hi
    while j > lo and text[j - 1].isspace():
        j -= 1
    i = j
    while i > lo and not text[i - 1].isspace():
        i -= 1
    return text[i:j]


class Cast:
    """Persons and organisations named in one article, with their roles."""

    def __init__(self, doc: Document) -> None:
        masked = doc.masked
        self.doc = doc
        self.text = masked
        self.names: list[tuple[int, str]] = []
        self.by_token: dict[str, dict[str, int]] = {}
        self.entities: dict[tuple[str, str], Entity] = {}
        self.org_tokens: set[str] = set()
        self.role_index: dict[str, list[str]] = {}  # role word -> persons given that role
        self.orgs: list[tuple[int, str, str | None]] = []  # organisations named, with a type
        self.person_tokens: set[str] = set()  # surnames seen after an honorific
        self.honorific_gender: dict[str, str] = {}
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
        self._collect_introduced(text)
        for m in _name_runs(text):
            toks = person_name_tokens(m.group())
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

    def _collect_introduced(self, text: str) -> None:
        """Index one-word names a role or relation introduces ("his wife, Layla,", "the
        coach, Pep,") as persons with that role: a later "Pep said" is no organisation."""
        for m in _INTRODUCED_RE.finditer(text):
            word, low = m.group(3), m.group(3).lower()
            if m.group(2) not in ROLE_NOUNS or m.group(2) in ORG_NOUNS or low in STOP_CAPS \
                    or low in ORG_WORDS or low in PLACES or low in TITLE_WORDS or low in ROLE_NOUNS:
                continue
            self.person_tokens.add(word)
            role = m.group(1)
            self._add_role(m.start(3), word, role[4:] if role[:4] in ("the ", "The ") else role)

    def _note_org(self, text: str, start: int, end: int, name: str) -> None:
        """Index an organisation named at start with its type, when one is told."""
        words = name.lower().split()
        if name.lower() in PLACES or name.lower() in MULTIWORD_PLACES or name.lower() in US_PLACES:
            return
        joined = _AND_BEFORE_RE.search(text, max(0, start - 60), start)
        if joined:  # "Securities and Exchange Commission": one organisation
            start, name = joined.start(1), joined.group(1) + " and " + name
        kind = next((ORG_NAME_TYPES[w] for w in reversed(words) if w in ORG_NAME_TYPES), None)
        if kind is None:
            before = prev_word(text, max(0, start - 30), start).lower()
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
        prev = prev_word(text, max(0, m.start() - 40), m.start())
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
