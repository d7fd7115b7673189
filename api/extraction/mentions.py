"""Speaker noun phrases next to a reporting verb: names, titles, pronouns, descriptions.

A mention is parsed from a short chunk of text that ends at the verb
(`Chinese foreign ministry spokesman Wang Wenbin | said`) or starts after it
(`said | Liu, citing statistics`). Names are split from the titles and roles
written before them; appositives between commas become the role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (ADVERBS, DEFINITE, INDEFINITE, MONTHS, MULTIWORD_PLACES, NAME_PARTICLES,
                      ORG_NOUNS, ORG_WORDS, PLACES, PRONOUNS, ROLE_NOUNS, STOP_CAPS, TITLE_WORDS,
                      WEEKDAYS)

_TOKEN_RE = re.compile(r"[^\W\d_](?:[\w\-]|[.'’](?=\w))*\.?|\d\w*|[^\w\s]")
_PREPOSITIONS = frozenset("to of for at from in with by on about against into over".split())
_TIME_WORDS = frozenset(WEEKDAYS + MONTHS + ("week", "month", "year", "night", "morning"))
_CLAUSE_STOP = frozenset("""
in on at but and or so yet after before while since if as with by that which who when
where because although though during than then last this these those from into
""".split())
FUNCTION_CAPS = frozenset("""
the a an in on at but and or so yet however meanwhile also after before while since if as
for from with by only even both this that these those his her their our its it when then
now still according during under over about against into
""".split())
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. prof. sir dame mm. m. mme.".split())
_VERBISH = frozenset("""
is was are were be been has have had says said say told tells met visited named appointed
with to quoted cited added insisted warned
""".split())
_POSSESSIVE_DETS = frozenset({"its", "his", "her", "their", "our", "my", "your"})
_RUN_JOINERS = frozenset({"and", "of", "&", "for"})
_POSSESSIVE_RE = re.compile(r"['’]s?$")


@dataclass
class Mention:
    """A speaker as written at a cue."""

    kind: str  # name | pronoun | definite | anonymous
    text: str
    start: int
    end: int
    name: str
    role: str | None = None
    head: str | None = None  # role noun of a description: "official"
    org: bool = False


Tok = tuple[str, int, int]


def tokenize(text: str, lo: int, hi: int) -> list[Tok]:
    """Split text[lo:hi] into word and punctuation tokens with absolute offsets."""
    toks: list[Tok] = []
    for m in _TOKEN_RE.finditer(text, lo, hi):
        tok, s, e = m.group(), m.start(), m.end()
        if tok[-1] == "." and len(tok) > 2 and "." not in tok[:-1] \
                and tok.lower() not in TITLE_WORDS:
            toks.append((tok[:-1], s, e - 1))
            toks.append((".", e - 1, e))
        else:
            toks.append((tok, s, e))
    return toks


def is_cap(tok: str) -> bool:
    """Tell whether a token looks like part of a proper name."""
    return tok[:1].isupper() and tok[:1].isalpha()


def _is_role(tok: str) -> bool:
    low = tok.lower()
    return low in ROLE_NOUNS or low in TITLE_WORDS


def is_org_name(name: str) -> bool:
    """Tell whether a capitalised name denotes an organisation or a place."""
    low = name.lower()
    if low in PLACES or low in MULTIWORD_PLACES:
        return True
    words = low.split()
    if any(w in ORG_WORDS for w in words):
        return True
    bare = name.replace(".", "")
    return len(words) == 1 and len(bare) >= 2 and bare.isupper()


def _strip_adverbials(toks: list[Tok]) -> list[Tok]:
    """Drop time phrases and adverbs between a subject and its verb."""
    toks = list(toks)
    for _ in range(8):
        if not toks:
            break
        low = toks[-1][0].lower()
        if low in ADVERBS or low in _TIME_WORDS or low[:1].isdigit() or (
                toks[-1][0].islower() and low.endswith("ly") and low.isalpha() and len(low) > 4):
            toks.pop()
        else:
            break
    return toks


def _span_text(text: str, toks: list[Tok]) -> tuple[str, int, int]:
    s, e = toks[0][1], toks[-1][2]
    return text[s:e], s, e


def _extend_role(toks: list[Tok], end: int) -> int:
    """Return the index where a pre-name role phrase ending at toks[end-1] starts."""
    i = end
    while i > 0 and end - i < 7:
        tok = toks[i - 1][0]
        low = tok.lower()
        if not tok[:1].isalpha() or low in _CLAUSE_STOP or low in _TIME_WORDS:
            break
        if (is_cap(tok) and low in FUNCTION_CAPS) or low in _VERBISH:
            break
        i -= 1
        if low in DEFINITE or low in INDEFINITE:
            break
    return i


def _description(text: str, toks: list[Tok]) -> Mention | None:
    """Parse 'the US ambassador to China', 'a senior official', 'officials'."""
    head_idx = -1
    # a role noun followed by a short prepositional phrase: "a spokesperson for the company"
    for k in range(len(toks) - 2, max(0, len(toks) - 6), -1):
        if toks[k][0].lower() in _PREPOSITIONS and toks[k - 1][0].lower() in ROLE_NOUNS:
            head_idx = k - 1
            break
    if head_idx < 0:
        if toks[-1][0].lower() not in ROLE_NOUNS and toks[-1][0].lower() not in ORG_NOUNS:
            return None
        head_idx = len(toks) - 1
    for d in range(head_idx, max(-1, head_idx - 7), -1):
        tok = toks[d][0]
        if tok in DEFINITE or tok in INDEFINITE or (d < head_idx and (
                tok.endswith(("'s", "’s")) or tok.lower() in _POSSESSIVE_DETS)):
            return _make_description(text, toks, d, head_idx)
        if not tok[:1].isalpha() or (tok.lower() in _CLAUSE_STOP and d != head_idx):
            break
    head = toks[head_idx][0]
    if head.lower().endswith("s") and head.lower() in ROLE_NOUNS and head_idx == len(toks) - 1:
        return _make_description(text, toks, head_idx, head_idx, anonymous=True)
    if is_cap(head) and (head_idx == 0 or not toks[head_idx - 1][0][:1].isalpha()):
        return _make_description(text, toks, head_idx, head_idx)
    return None


def _make_description(text: str, toks: list[Tok], d: int, head_idx: int,
                      anonymous: bool | None = None) -> Mention:
    det = toks[d][0]
    if anonymous is None:
        anonymous = det in INDEFINITE
    body_start = d + 1 if (det in DEFINITE or det in INDEFINITE) else d
    body = toks[body_start:] or toks[d:]
    name = text[body[0][1]:toks[-1][2]]
    whole, s, e = _span_text(text, toks[d:])
    head = toks[head_idx][0].lower()
    kind = "anonymous" if anonymous else "definite"
    return Mention(kind, whole, s, e, name, head=head, org=head in ORG_NOUNS)


def _cap_run(toks: list[Tok], end: int) -> int:
    i = end
    while i > 0:
        tok = toks[i - 1][0]
        if is_cap(tok) or (tok in NAME_PARTICLES and i < end and i > 1):
            i -= 1
        else:
            break
    return i


def _name_run(text: str, toks: list[Tok]) -> int:
    """Return the index where the trailing run of capitalised tokens starts.

    Organisation names may hold "and"/"of" between capitalised words
    ("Economic and Security Review Commission"); person names may not.
    """
    i = _cap_run(toks, len(toks))
    while i >= 2 and toks[i - 1][0] in _RUN_JOINERS and is_cap(toks[i - 2][0]):
        j = _cap_run(toks, i - 1)
        if not is_org_name(text[toks[j][1]:toks[-1][2]]):
            break
        i = j
    return i


def parse_core(text: str, toks: list[Tok]) -> Mention | None:
    """Parse the noun phrase that ends the token list."""
    if not toks:
        return None
    last = toks[-1][0]
    if last in PRONOUNS:
        return Mention("pronoun", last, toks[-1][1], toks[-1][2], last.lower())
    if not is_cap(last) or last.lower() in ROLE_NOUNS:
        return _description(text, toks)
    run = _name_run(text, toks)
    return _named(text, toks, run) or _description(text, toks)


def _named(text: str, toks: list[Tok], run: int) -> Mention | None:
    names = toks[run:]
    title_at = max((k for k, t in enumerate(names) if _is_role(t[0])), default=-1)
    role_start = None
    if title_at >= 0:
        role_start, names = run, names[title_at + 1:]
    elif run >= 2 and toks[run - 1][0] in ("of", "for") and len(names) >= 3 \
            and toks[run - 2][0].lower() in TITLE_WORDS:
        role_start, names = run - 2, names[1:]  # "Secretary of State Antony Blinken"
    elif run >= 1 and toks[run - 1][0].lower() in ROLE_NOUNS:
        role_start = run - 1
    lead = None
    while names and names[0][0].lower() in FUNCTION_CAPS:
        lead, names = names[0], names[1:]
    if names and not is_org_name(text[names[0][1]:names[-1][2]]):
        while names and names[0][0].lower() in STOP_CAPS:
            names = names[1:]
    names = [t for t in names if t[0] not in ("'", "’")]
    if not names:
        return None
    if role_start is not None:
        role_start = _extend_role(toks, role_start)
        first = run if title_at >= 0 else role_start
        role_end = names[0][1]
        role = text[toks[role_start][1]:role_end].strip()
        role = None if role.lower() in HONORIFICS else role
        start = toks[min(role_start, first)][1]
    else:
        role, start = None, names[0][1]
        before = toks[run - 1][0].lower() if run >= 1 else ""
        if before in _PREPOSITIONS:
            return None  # object of a preposition, not a subject
    name = text[names[0][1]:names[-1][2]]
    name = _POSSESSIVE_RE.sub("", name) if name.endswith(("'s", "’s")) else name
    end = toks[-1][2]
    org = is_org_name(name)
    if org and role_start is None and run >= 1 and toks[run - 1][0] in ("the", "The"):
        start = toks[run - 1][1]  # "the White House", "the US"
    elif org and role_start is None and lead is not None and lead[0] in ("the", "The"):
        start = lead[1]
    return Mention("name", text[start:end], start, end, name, role=role or None, org=org)


def _appositive(text: str, toks: list[Tok]) -> tuple[list[Tok], str] | None:
    """Split 'Name, the role of X,' into the name tokens and the role text."""
    for j in range(len(toks) - 2, max(-1, len(toks) - 40), -1):
        if toks[j][0] == ",":
            inner = toks[j + 1:-1]
            if not inner:
                return None
            first = inner[0][0]
            has_role = any(t[0].lower() in ROLE_NOUNS for t in inner[:8])
            if (first in DEFINITE or first in INDEFINITE or first.islower()) and has_role:
                return toks[:j], text[inner[0][1]:inner[-1][2]]
            return None
        if toks[j][0] in ";:()“”\"":
            return None
    return None


def parse_before(text: str, lo: int, hi: int) -> Mention | None:
    """Parse the speaker that ends right before a verb at hi (chunk starts at lo)."""
    near = text.find(" ", hi - 70, hi) + 1 if hi - lo > 80 else lo
    toks = _strip_adverbials(tokenize(text, near or lo, hi))
    if toks and near > lo and toks[-1][0] == ",":
        toks = _strip_adverbials(tokenize(text, lo, hi))  # an appositive may reach further
    if not toks:
        return None
    if toks[-1][0] == ",":
        return _with_appositive(text, toks)
    rel = next((k for k in range(len(toks) - 1, max(0, len(toks) - 14), -1)
                if toks[k][0] in ("who", "whose")), None)
    if rel is not None:  # "A neighbour who did not want to be named said"
        core = parse_core(text, toks[:rel])
        return core if core is not None and core.kind != "pronoun" else None
    return parse_core(text, toks)


def _with_appositive(text: str, toks: list[Tok]) -> Mention | None:
    """Parse 'Name, role,' / 'role, Name,' / 'a source, who …,' before a verb."""
    j = _last_comma(toks)
    if j is None:
        return None
    inner = toks[j + 1:-1]
    if inner and inner[0][0] in ("who", "which", "whose"):
        return parse_core(text, _strip_adverbials(toks[:j]))  # relative clause: skip it
    split = _appositive(text, toks)
    if split:
        core = parse_core(text, _strip_adverbials(split[0]))
        if core and core.kind == "name":
            core.role = split[1]
        return core
    if inner and all(is_cap(t[0]) for t in inner):
        name = parse_core(text, inner)
        desc = parse_core(text, toks[:j])
        if name and name.kind == "name" and desc and desc.kind in ("definite", "anonymous"):
            name.role = name.role or text[toks[_role_start(toks, j)][1]:toks[j - 1][2]]
            return name  # "Brightpath's chief privacy officer, Elena Sorokina,"
    return None


def _last_comma(toks: list[Tok]) -> int | None:
    for j in range(len(toks) - 2, max(-1, len(toks) - 40), -1):
        if toks[j][0] == ",":
            return j
        if toks[j][0] in ";:()“”\"":
            return None
    return None


def _role_start(toks: list[Tok], end: int) -> int:
    i = end
    while i > 0 and toks[i - 1][0] not in ",;:()“”\"" and toks[i - 1][0] not in FUNCTION_CAPS:
        i -= 1
    return i


def _forward_tokens(toks: list[Tok]) -> list[Tok]:
    """Take the noun-phrase prefix of tokens that follow a verb."""
    if not toks:
        return []
    if toks[0][0] in DEFINITE and len(toks) > 1 and is_cap(toks[1][0]):
        k = 1
        while k < len(toks) and k < 8 and is_cap(toks[k][0]):
            k += 1
        if is_org_name(" ".join(t[0] for t in toks[1:k])):
            return toks[:k]  # "the United States", "the White House"
    if toks[0][0] in DEFINITE or toks[0][0] in INDEFINITE:
        for k, t in enumerate(toks[1:8], 1):
            if t[0].lower() in ROLE_NOUNS or t[0].lower() in ORG_NOUNS:
                return toks[:k + 1]
        return []
    out: list[Tok] = []
    for k, (tok, _, _) in enumerate(toks[:10]):
        nxt = toks[k + 1][0] if k + 1 < len(toks) else ""
        if is_cap(tok) or tok.lower() in ROLE_NOUNS or (tok in NAME_PARTICLES and is_cap(nxt)):
            out.append(toks[k])
        elif tok in ("of", "for") and out and _is_role(out[-1][0]) and is_cap(nxt):
            out.append(toks[k])
        else:
            break
    while out and not is_cap(out[-1][0]) and out[-1][0] not in PRONOUNS:
        out.pop()
    return out


def parse_after(text: str, lo: int, hi: int) -> Mention | None:
    """Parse the speaker that follows a verb: 'said Liu, the deputy director'."""
    toks = tokenize(text, lo, hi)
    if toks and toks[0][0] in PRONOUNS:
        t = toks[0]
        return Mention("pronoun", t[0], t[1], t[2], t[0].lower())
    np_toks = _forward_tokens(toks)
    if not np_toks:
        return None
    m = parse_core(text, np_toks)
    rest = toks[len(np_toks):]
    if m and m.kind in ("definite", "anonymous") and len(rest) > 2 and rest[0][0] == ",":
        stop = next((k for k, t in enumerate(rest[1:], 1) if not is_cap(t[0])), len(rest))
        if stop > 1 and (stop == len(rest) or rest[stop][0] in ",.;"):
            name = parse_core(text, rest[1:stop])
            if name and name.kind == "name" and not name.org:
                name.role = name.role or m.text
                return name  # "said the mayor, Claire Dubois,"
    if m and m.kind == "name" and len(rest) > 2 and rest[0][0] == ",":
        first = rest[1][0]
        if first in DEFINITE or first in INDEFINITE or first.lower() in ROLE_NOUNS:
            stop = next((k for k, t in enumerate(rest[1:], 1) if t[0] in ",;:.()"), len(rest))
            inner = rest[1:stop]
            if inner and any(t[0].lower() in ROLE_NOUNS for t in inner[:8]):
                m.role = text[inner[0][1]:inner[-1][2]]
    return m
