"""Score the extraction engine on PolNeAR's train or dev split (real annotated US political news).

    POLNEAR_DIR=/path/to/PolNeAR python bench/eval_attribution.py [dev|train ...] [--verbose] [--limit N]

PolNeAR (Newell, Margolin & Ruths, LREC 2018) is a brat standoff corpus: per article a
``.txt`` and one ``.ann`` per annotator, with ``Source``, ``Cue`` and ``Content`` spans (a span
may be discontinuous: ``315 448;463 553``) linked by ``E`` lines.  It has no license, so nothing
of it is committed: this module reads a local checkout named by ``POLNEAR_DIR`` (the folder
holding ``data/``) and prints a skip line when none is given.  **The test split is reserved for
independent measurement and is refused here** (``data/test`` is never opened).

What is scored (``evaluate(root, split)`` returns the figures as a dict):

* **Direct quotes.** Gold direct quotes are the top-level quotation-mark pairs that lie inside an
  annotated Content (a scare quote or a title outside every attribution is not gold); the span is
  the text between the marks, as in Verbatim's own gold.  Fragments of a Content separated only by
  spaces or punctuation are joined first (annotators split Contents at sentence breaks, also
  inside a quotation), and a double mark right outside a fragment's edge is taken in.  Span P/R/F1 compare them with the
  engine's ``full`` and ``partial`` quotes, exact start and end.
* **Speakers of direct quotes**, among exact span matches.  The gold speaker is the attribution's
  Source.  A pronoun Source (``he``, ``she`` …) is mapped to a name; with none it is unscored,
  as are quotes with no Source.  **New measure** (the figure reported as accuracy): the nearest
  earlier named Source whose gender does not clash with the pronoun's (a name's gender from an
  honorific, a gendered role noun or a given name in its words, for a bare surname from how the
  article writes that surname elsewhere; a name ending in an organisation word or an acronym is
  "it", never "he"/"she"); when a person of the pronoun's gender named by honorific or given name
  opens a sentence between that Source and the pronoun, that person is accepted too (the
  annotation does not say which of the two is meant); a relative ``who`` takes the name written
  right before it ("Ada Ruiz, who said"), unless that name is the object of a preposition.
  **Old measure** (printed beside it): the nearest earlier named Source, whatever its gender.
  A possessive Source ("Ada Ruiz’s …" cut to "Ada Ruiz’s") is the name; a Source span marked on
  the speech verb itself ("said", an annotation slip) is unscored.
  Both measure the same engine output: only the gold's reading of pronouns differs.  A prediction is right
  when its words (lower-cased, possessives and articles dropped) are all among the Source's words
  and include the Source's head (the last word, or for "a spokesman for X" the word before
  ``for``/``of``, for "a person close to X" / "an aide who backs X" the word before the
  qualifier), or when the Source is a bare name all of whose words the prediction holds
  ("Trump" for "Donald Trump").  Reported: accuracy (right / scored; null counts as wrong),
  precision (right / named) and coverage (named / scored).
* **Content F1 over all attributions.**  A gold attribution is one ``E`` line's Content (its
  fragments); a predicted attribution is the engine's quotes grouped by cue.  Spans are compared
  after trimming white space, quotation marks, ``.,;:`` and a leading "that" at each fragment's
  edges.  ``exact``: the same fragments; ``lenient``: one-to-one, the overlap at least half of the
  longer.  **Reported-speech recall**: the same matching, over gold Contents holding no double
  quotation mark.

Articles annotated by several annotators are scored once, on the first annotator's file in name
order.  It is a report: the exit code is 0 unless the split is refused.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench.eval_extraction import greedy_pairs, prf  # noqa: E402

ENV = "POLNEAR_DIR"
SPLITS = ("dev", "train")
RESERVED = "test"

_PRONOUNS = frozenset("he she they i we it him her them you his its their our my who which".split())
_ARTICLES = frozenset("a an the".split())
_WORD_RE = re.compile(r"[^\W_][\w.\-]*")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_HEAD_SPLIT_RE = re.compile(r"\s(?:for|of|at|with|from|in)\s")
# An unnamed source's qualifier or relative clause: "a person close to X", "one official
# familiar with X", "a member who supports X": the head noun is before it.
_QUALIFIER_RE = re.compile(r"\s(?:who|close|familiar|involved|knowledgeable|briefed|privy)\b")
_TRIPLE_CLOSE_RE = re.compile(r"'''(?![^\W_])")
_GAP_BLOCK_RE = re.compile(r"[^\W_]")  # a gap holding a letter or digit keeps fragments apart
_EDGE = " \t\r\n\u00a0\"'“”‘’.,;:"


# --- brat standoff -------------------------------------------------------------------------------

@dataclass
class Attribution:
    """One ``E`` line: its Source, Cue and Content as lists of (start, end) fragments."""

    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)


def parse_ann(ann: str) -> list[Attribution]:
    """Parse a brat ``.ann`` text into attributions (E lines), fragments sorted."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            frags = []
            for frag in offsets.split(";"):
                a, b = frag.split()
                frags.append((int(a), int(b)))
            spans[parts[0]] = (label, sorted(frags))
        elif parts[0].startswith("E"):
            events.append([tuple(arg.split(":", 1)) for arg in parts[1].split()])
    out = []
    for args in events:
        att = Attribution()
        for role, ref in args:
            if ref in spans and role in ("Source", "Cue", "Content"):
                getattr(att, role.lower()).extend(spans[ref][1])
        for frags in (att.source, att.cue, att.content):
            frags.sort()
        if att.content:
            out.append(att)
    return out


def load_split(root: str | Path, split: str) -> list[tuple[str, str, list[Attribution]]]:
    """Return (name, text, attributions) for every article of a split, the first annotator each."""
    if split == RESERVED:
        raise ValueError("PolNeAR's test split is reserved for independent measurement; use dev or train")
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    base = Path(root) / "data" / split
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    out = []
    for name, ann in sorted(anns.items()):
        txt = base / "text" / f"{name}.txt"
        if txt.is_file():
            out.append((name, txt.read_bytes().decode("utf-8"),
                        parse_ann(ann.read_bytes().decode("utf-8"))))
    return out


# --- gold direct quotes --------------------------------------------------------------------------

def _opens(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{—–-/:;“") and not nxt.isspace()


def quoted_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Top-level quotations (content between the marks) whose marks both lie in text[lo:hi].

    Curly and straight double quotes, and two apostrophes ('') standing for a straight double quote
    as in the New York Times texts (''' closing is a nested mark, then ''; a Content edge
    falling between the two marks takes both); single quotes only outside double ones, a straight
    one opening before a letter and closing before no letter or digit.  A quotation
    running over paragraphs, each reopened with a mark, is one span.  Unclosed marks give nothing.
    """
    if lo > 0 and text[lo - 1:lo + 1] == "''":  # a Content edge between the two marks of ''
        lo -= 1
    if text[hi - 1:hi + 1] == "''":
        hi += 1
    if "''" in text[lo:hi]:  # '' is one straight double mark: the content starts after both;
        # of ''' closing a quotation the first mark closes a nested one: … 'old-school,'''
        marked = _TRIPLE_CLOSE_RE.sub("'\"\x01", text).replace("''", '"\x01')
        found = quoted_spans(marked, lo, hi)
        return [(a + (text[a - 1:a + 1] == "''"), b) for a, b in found]
    out: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        ch = text[i]
        if ch in "“\"" and (ch == "“" or _opens(text, i)):
            closer = "”" if ch == "“" else "\""
            j = i + 1
            while j < hi:
                c = text[j]
                if c == closer or (ch == "\"" and c == "”") or (ch == "“" and c == "\""
                                                               and not _opens(text, j)):
                    break
                if c == "\n":  # a paragraph break continues only when the next paragraph reopens
                    k = j
                    while k < hi and text[k].isspace():
                        k += 1
                    if k < hi and text[k] in "“\"":
                        j = k + 1
                        continue
                    j = hi
                    break
                j += 1
            if j < hi:
                out.append((i + 1, j))
                i = j + 1
                continue
        elif (ch == "‘" or ch == "'" and text[i + 1:i + 2].isalpha()) and _opens(text, i):
            closer = "’" if ch == "‘" else "'"
            j = i + 1
            while j < hi and text[j] != "\n":
                if text[j] == closer and (j + 1 >= len(text) or not text[j + 1].isalnum()) \
                        and not text[j - 1].isspace():
                    break
                j += 1
            if j < hi and text[j] == closer:
                out.append((i + 1, j))
                i = j + 1
                continue
        i += 1
    return out


# --- speakers ------------------------------------------------------------------------------------

_DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your another other some one two "
    "three several few many most all both each every any such no".split())
_DEFINITE = frozenset("the this that these those his her their its our my your".split())
_TITLES = frozenset(
    "mr mrs ms miss dr sen rep gov lt gen col sgt prof rev president senator governor secretary "
    "speaker mayor judge justice chairman chairwoman gen. former".split())
_PAREN_RE = re.compile(r"\s*\([^)]*\)")
_TRAILING_POSSESSIVE_RE = re.compile(r"['’]s?\s*$")
_PART_SPLIT_RE = re.compile(r",|\s[—–-]+\s|[—–]")


def _words(text: str) -> list[str]:
    return [_POSSESSIVE_RE.sub("", w.lower()).rstrip(".") for w in _WORD_RE.findall(text)]


def _content_words(text: str) -> list[str]:
    return [w for w in _words(text) if w and w not in _ARTICLES]


def is_pronoun(source: str) -> bool:
    return source.strip().lower() in _PRONOUNS


def _capitalised(word: str, first: bool) -> bool:
    return word[0].isupper() and not (first and word.lower() in _DETERMINERS)


def _head_phrase(source: str) -> str:
    """The part of a Source that names the speaker.

    Parentheses dropped ("Sen. Ada Whitcomb (R-Ga.)"); of the parts separated by commas or
    dashes the first that holds a name ("Lionel Grady, a former official …", "Lionel Grady —
    a teacher —"), or the name in apposition after it when it ends in a role ("Ada Ruiz's
    spokesman, Paul Brandt"); "a spokesman for X" is the spokesman;
    a qualifier or relative clause is cut ("a person close to X", "a member who backs X").
    """
    source = _PAREN_RE.sub("", source)
    parts = [p.strip() for p in _PART_SPLIT_RE.split(source) if p.strip()] or [source]
    for j, part in enumerate(parts):
        words = _WORD_RE.findall(part)
        if any(_capitalised(w, k == 0) for k, w in enumerate(words)):
            source = part
            nxt = _WORD_RE.findall(parts[j + 1]) if j + 1 < len(parts) else []
            if words[-1].islower() and nxt and all(w[0].isupper() for w in nxt):
                source = parts[j + 1]  # "Ada Ruiz's spokesman, Paul Brandt": the name
            break
    else:
        source = parts[0]
    q = _QUALIFIER_RE.search(source)
    if q:
        source = source[:q.start()]  # "a person close to the mayor": the person
    m = _HEAD_SPLIT_RE.search(source)
    if m:
        caps = [w for k, w in enumerate(_WORD_RE.findall(source[:m.start()])) if _capitalised(w, k == 0)]
        titles = _TITLES | _lexicon().TITLE_WORDS
        if len(caps) != 1 and not (caps and all(w.lower().rstrip(".") in titles for w in caps)):
            # "a spokesman for X", "Kofi A. Mensah of New Jersey"; not "(Former) Secretary of State X"
            source = source[:m.start()]
    return source


def _classify(source: str) -> tuple[str, str]:
    """("pronoun" | "name" | "definite" | "description", the head phrase); (None, None) for a
    Source marked on a speech verb."""
    if is_pronoun(source):
        return "pronoun", source
    if source.strip().lower() in _lexicon().SPEECH_VERBS:
        return None, None  # a Source span marked on the verb ("said"): unscored
    phrase = _TRAILING_POSSESSIVE_RE.sub("", _head_phrase(source))  # "Ada Ruiz’s" is Ada Ruiz
    words = _WORD_RE.findall(phrase)
    if not words:
        return "description", phrase
    if words[-1][0].isupper():
        return "name", phrase
    if words[0].lower() in _DEFINITE or any(w[0].isupper() for w in words[1:]):
        return "definite", phrase  # "the Republican nominee", "Trump's campaign manager"
    return "description", phrase


def _name_words(phrase: str) -> set[str]:
    words = _WORD_RE.findall(phrase)
    return {_POSSESSIVE_RE.sub("", w.lower()).rstrip(".") for k, w in enumerate(words)
            if _capitalised(w, k == 0)} - _TITLES


def speaker_matches(predicted: str | None, accepted: list[str]) -> bool:
    """Whether a predicted speaker name is one of the gold's accepted phrases (module docstring)."""
    if not predicted:
        return False
    pred = set(_content_words(predicted))
    if not pred:
        return False
    for phrase in accepted:
        gold = set(_content_words(phrase))
        head = _content_words(phrase)[-1:] or [None]
        if pred <= gold and head[0] in pred:
            return True
        names = _name_words(phrase)
        if names and names <= pred and head[0] in pred:
            return True
    return False


_HE = frozenset("he him his himself".split())
_SHE = frozenset("she her hers herself".split())
_POSSESSOR_RE = re.compile(r"\S+['’]s\b")  # "Harwell News’s Ada Ruiz": the possessor is not the name
_OBJECT_BEFORE_RE = re.compile(r"\b(?:of|for|at|in|with|from|to|the)\s+$", re.I)  # "… of X, who": X is not the subject
_RELATIVE = frozenset("who whose which".split())
_NAME_BEFORE_RE = re.compile(r"((?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w’'\-]*)\s*(?:\([^)]*\))?\s*,?\s*$")


def _lexicon():
    from api.extraction import lexicon  # noqa: PLC0415  (word lists only, no engine rule)
    return lexicon


def _phrase_gender(phrase: str) -> str | None:
    """"he"/"she" from an honorific, a gendered role noun or the given name opening a full name
    in a phrase ("Ms. Ada Ruiz", "the spokeswoman", "Ada Ruiz"), else None."""
    lex = _lexicon()
    found = set()
    words = _WORD_RE.findall(_POSSESSOR_RE.sub("", phrase))
    for w in words:
        low = w.lower()
        if low in lex.HONORIFIC_GENDER or low.rstrip(".") in lex.HONORIFIC_GENDER:
            found.add(lex.HONORIFIC_GENDER.get(low) or lex.HONORIFIC_GENDER[low.rstrip(".")])
        found.update(gender for gender, roles in lex.GENDERED_ROLES.items() if low in roles)
    names = [w.lower() for w in words if w[0].isupper()]
    given = [w for w in names[:-1] if w in lex.GIVEN_NAME_GENDER]
    if given:
        found.add(lex.GIVEN_NAME_GENDER[given[0]])
    return found.pop() if len(found) == 1 else None


def name_gender(text: str, phrase: str) -> str | None:
    """A named Source's gender: from its own words (``_phrase_gender``); "it" for an
    organisation's name ("Harwell News", "the AP"); for a bare surname from how the article
    writes it elsewhere ("Mrs. Lindqvist", "Ada Lindqvist"); None when unknown or mixed."""
    lex = _lexicon()
    gender = _phrase_gender(phrase)
    if gender:
        return gender
    words = _WORD_RE.findall(_POSSESSOR_RE.sub("", phrase))
    if words and (words[-1].lower() in lex.ORG_WORDS or len(words[-1]) > 1 and words[-1].isupper()):
        return "it"
    names = [w for w in words if w[0].isupper() and w.lower().rstrip(".") not in _TITLES]
    if len(names) != 1:
        return None
    last = re.escape(names[0])
    found = {_phrase_gender(m.group(0)) for m in re.finditer(r"[A-Z][\w.]*\s+" + last + r"\b", text)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


_PERSON_RE = re.compile(r"(?:^|(?<=\n)|(?<=[.?!] ))([A-Z][a-z]+\.?)\s+((?:[A-Z]\.\s+)?[A-Z][\w’'\-]+)")


_ABBREVIATION_BEFORE_RE = re.compile(r"\b[A-Z][a-z]{0,4}\. $")  # "Govs. Ada Ruiz" opens no sentence


def _person_between(text: str, lo: int, hi: int, want: str) -> str | None:
    """The last person of gender ``want`` that opens a sentence of text[lo:hi], named by an
    honorific or a given name and a capitalised surname ("Ms. Ruiz said", "Ada Ruiz was"), else None."""
    lex = _lexicon()
    last = None
    for m in _PERSON_RE.finditer(text, lo, hi):
        first = m.group(1).lower()
        gender = lex.HONORIFIC_GENDER.get(first) or lex.GIVEN_NAME_GENDER.get(first)
        if gender == want and not _ABBREVIATION_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
            last = m.group(0)
    return last


def _honest_antecedent(text: str, pos: int, source: str, named: list[tuple]) -> list[str]:
    """The names a pronoun Source may mean, by the new measure (module docstring)."""
    low = source.strip().lower()
    if low in _RELATIVE:  # "NAME, who said": the name written right before the relative
        m = _NAME_BEFORE_RE.search(text, max(0, pos - 80), pos)
        if m and not _OBJECT_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            return [_head_phrase(m.group(1))]
    want = "he" if low in _HE else "she" if low in _SHE else None
    for q, end, phrase, gender in reversed(named):
        if q < pos and (gender in (None, want) if want else gender != "it" or low in ("it", "its")):
            between = _person_between(text, end, pos, want) if want else None
            return [phrase] + ([between] if between else [])
    return []


def gold_speakers(text: str, atts: list[Attribution], honest: bool = True) -> list[tuple[str, list[str]] | None]:
    """The accepted speaker phrases of each attribution, None when unscored.

    A name is accepted as written (its head phrase); a definite description ("the Republican
    nominee") also accepts the nearest earlier Source that is a name.  A pronoun accepts, by the
    new measure (``honest``), the nearest earlier named Source whose gender does not clash
    (a relative "who" the name written right before it); by the old one the nearest named Source.
    """
    classified = []
    for att in atts:
        src = " ".join(text[a:b] for a, b in att.source) if att.source else None
        pos, end = (att.source[0][0], att.source[-1][1]) if att.source else (-1, -1)
        classified.append((pos, end, src) + (_classify(src) if src else (None, None)))
    named = sorted((pos, end, phrase, name_gender(text, phrase) if honest else None)
                   for pos, end, _, kind, phrase in classified if kind == "name")
    out: list[tuple[str, list[str]] | None] = []
    for pos, _, src, kind, phrase in classified:
        if kind is None:
            out.append(None)
        elif kind == "pronoun" and honest:
            accepted = _honest_antecedent(text, pos, src, named)
            out.append((kind, accepted) if accepted else None)
        elif kind in ("pronoun", "definite"):
            before = [p for q, _, p, _ in named if q < pos]
            accepted = ([phrase] if kind == "definite" else []) + before[-1:]
            out.append((kind, accepted) if accepted else None)
        else:
            out.append((kind, [phrase]))
    return out


# --- content spans -------------------------------------------------------------------------------

def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a] in _EDGE:
        a += 1
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    if text[a:a + 5].lower() == "that " and b - a > 5:
        a += 5
    return (a, b) if a < b else None


def _frags(text: str, frags: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted(t for t in (_trim(text, a, b) for a, b in frags) if t))


def _size(frags) -> int:
    return sum(b - a for a, b in frags)


def _overlap(f1, f2) -> int:
    return sum(max(0, min(b1, b2) - max(a1, a2)) for a1, b1 in f1 for a2, b2 in f2)


def _match(gold: list, pred: list, lenient: bool) -> list[tuple[int, int]]:
    """One-to-one pairs of fragment tuples: equal, or overlapping by half of the longer."""
    if not lenient:
        index: dict[tuple, list[int]] = {}
        for j, p in enumerate(pred):
            index.setdefault(p, []).append(j)
        return [(i, index[g].pop(0)) for i, g in enumerate(gold) if index.get(g)]
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = _overlap(g, p)
            if ov and ov * 2 >= max(_size(g), _size(p)):
                cands.append((ov / max(_size(g), _size(p)), i, j))
    return greedy_pairs(cands)


# --- evaluation ----------------------------------------------------------------------------------

def joined_fragments(text: str, frags: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content fragments with those separated only by spaces, punctuation or marks joined.

    Annotators often split a Content at its sentence breaks ("… Reagan." | "He checks …"); a
    quotation running over such a split is one quotation, not two unclosed halves.  A double
    mark right outside a fragment's edge is taken in: annotators sometimes left it out.
    """
    out: list[tuple[int, int]] = []
    for a, b in sorted(frags):
        if a > 0 and text[a - 1] in "“\"" and text[a] not in "“\"":
            a -= 1  # the annotator left the opening mark out: “|We won.”
        if b < len(text) and text[b] in "”\"" and text[b - 1] not in "”\"":
            b += 1  # or the closing one
        if out and not _GAP_BLOCK_RE.search(text, out[-1][1], a):
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def article_gold(text: str, atts: list[Attribution]) -> dict:
    """Gold direct quotes (with speakers) and contents of one article."""
    speakers = gold_speakers(text, atts)
    direct: dict[tuple[int, int], dict] = {}
    for att, spk, old in zip(atts, speakers, gold_speakers(text, atts, honest=False)):
        src = " ".join(text[a:b] for a, b in att.source) if att.source else None
        for a, b in joined_fragments(text, att.content):
            for span in quoted_spans(text, a, b):
                direct.setdefault(span, {"start": span[0], "end": span[1], "source": src,
                                         "speaker": spk, "speaker_old": old})
    contents = [{"frags": _frags(text, att.content),
                 "reported": not any(c in text[a:b] for a, b in att.content for c in "“”\"")}
                for att in atts]
    return {"direct": sorted(direct.values(), key=lambda d: d["start"]), "contents": contents}


def _predicted_contents(text: str, quotes: list) -> list[tuple]:
    groups: dict[Any, list[tuple[int, int]]] = {}
    for k, q in enumerate(quotes):
        key = (q.cue_start, q.cue_end) if q.cue_start is not None else ("alone", k)
        groups.setdefault(key, []).append((q.start, q.end))
    return [f for f in (_frags(text, spans) for spans in groups.values()) if f]


def evaluate(root: str | Path, split: str, extract: Callable[..., list] | None = None,
             limit: int | None = None) -> dict:
    """Run the engine on a split and return the figures (see the module docstring)."""
    if extract is None:
        from api.extraction import extract_quotes as extract  # noqa: PLC0415
    articles = load_split(root, split)[:limit]
    c = dict.fromkeys(("gold", "pred", "tp", "scored", "named", "right", "c_gold", "c_pred", "by_name", "by_name_right",
                       "scored_old", "right_old",
                       "c_exact", "c_lenient", "r_gold", "r_exact", "r_lenient"), 0)
    details = []
    for name, text, atts in articles:
        gold = article_gold(text, atts)
        quotes = extract(text)
        pred_direct = {(q.start, q.end): q for q in quotes if q.kind != "indirect"}
        c["gold"] += len(gold["direct"])
        c["pred"] += len(pred_direct)
        det = {"file": name, "misses": [], "false_positives": [], "wrong_speaker": [],
               "null_speaker": []}
        gold_spans = set()
        for g in gold["direct"]:
            span = (g["start"], g["end"])
            gold_spans.add(span)
            q = pred_direct.get(span)
            if q is None:
                det["misses"].append(g)
                continue
            c["tp"] += 1
            pname = q.speaker.name if q.speaker is not None else None
            if g["speaker_old"] is not None:
                c["scored_old"] += 1
                c["right_old"] += speaker_matches(pname, g["speaker_old"][1])
            if g["speaker"] is None:
                continue
            c["scored"] += 1
            c["named"] += pname is not None
            ok = speaker_matches(pname, g["speaker"][1])
            c["right"] += ok
            if g["speaker"][0] == "name":
                c["by_name"] += 1
                c["by_name_right"] += ok
            if pname is None:
                det["null_speaker"].append({**g, "text": text[span[0]:span[1]]})
            elif not ok:
                det["wrong_speaker"].append({**g, "text": text[span[0]:span[1]], "predicted": pname})
        det["false_positives"] = [{"start": s, "end": e, "text": text[s:e]}
                                  for (s, e) in pred_direct if (s, e) not in gold_spans]
        g_frags = [g["frags"] for g in gold["contents"] if g["frags"]]
        reported = [g["frags"] for g in gold["contents"] if g["frags"] and g["reported"]]
        p_frags = _predicted_contents(text, quotes)
        c["c_gold"] += len(g_frags)
        c["c_pred"] += len(p_frags)
        c["c_exact"] += len(_match(g_frags, p_frags, False))
        c["c_lenient"] += len(_match(g_frags, p_frags, True))
        c["r_gold"] += len(reported)
        c["r_exact"] += len(_match(reported, p_frags, False))
        c["r_lenient"] += len(_match(reported, p_frags, True))
        details.append(det)
    scored = c["scored"]
    return {
        "split": split, "articles": len(articles),
        "direct": {"gold": c["gold"], "predicted": c["pred"], "tp": c["tp"],
                   **prf(c["tp"], c["gold"], c["pred"])},
        "speaker": {"scored": scored, "named": c["named"], "right": c["right"],
                    "accuracy": c["right"] / scored if scored else 0.0,
                    "precision": c["right"] / c["named"] if c["named"] else 0.0,
                    "coverage": c["named"] / scored if scored else 0.0,
                    "accuracy_named_source": c["by_name_right"] / c["by_name"] if c["by_name"] else 0.0,
                    "scored_old": c["scored_old"],
                    "accuracy_old": c["right_old"] / c["scored_old"] if c["scored_old"] else 0.0},
        "content": {"gold": c["c_gold"], "predicted": c["c_pred"],
                    "exact": {"tp": c["c_exact"], **prf(c["c_exact"], c["c_gold"], c["c_pred"])},
                    "lenient": {"tp": c["c_lenient"],
                                **prf(c["c_lenient"], c["c_gold"], c["c_pred"])}},
        "reported": {"gold": c["r_gold"],
                     "recall_exact": c["r_exact"] / c["r_gold"] if c["r_gold"] else 0.0,
                     "recall_lenient": c["r_lenient"] / c["r_gold"] if c["r_gold"] else 0.0},
        "details": details,
    }


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(res: dict, verbose: bool = False) -> str:
    d, s, ct, r = res["direct"], res["speaker"], res["content"], res["reported"]
    lines = [
        f"PolNeAR {res['split']}: {res['articles']} articles",
        f"  direct quotes   gold {d['gold']:5}  pred {d['predicted']:5}  tp {d['tp']:5}  "
        f"P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}",
        f"  direct speaker  scored {s['scored']:4}  accuracy {s['accuracy']:.3f}  "
        f"precision {s['precision']:.3f}  coverage {s['coverage']:.3f}  "
        f"(old measure {s['accuracy_old']:.3f} of {s['scored_old']}; "
        f"named Sources only: {s['accuracy_named_source']:.3f})",
        f"  content (all)   gold {ct['gold']:5}  pred {ct['predicted']:5}  "
        f"exact F1 {ct['exact']['f1']:.3f} (P {ct['exact']['precision']:.3f} R {ct['exact']['recall']:.3f})  "
        f"lenient F1 {ct['lenient']['f1']:.3f}",
        f"  reported speech gold {r['gold']:5}  recall exact {r['recall_exact']:.3f}  "
        f"lenient {r['recall_lenient']:.3f}",
    ]
    if verbose:
        for det in res["details"]:
            rows = ([f"  MISS  [{m['start']}:{m['end']}] src={m['source']!r}" for m in det["misses"]]
                    + [f"  FP    [{p['start']}:{p['end']}] {_short(p['text'])!r}" for p in det["false_positives"]]
                    + [f"  SPKR  gold={w['speaker']!r} pred={w['predicted']!r} {_short(w['text'], 50)!r}"
                       for w in det["wrong_speaker"]]
                    + [f"  NULL  gold={w['speaker']!r} {_short(w['text'], 50)!r}" for w in det["null_speaker"]])
            if rows:
                lines += ["", f"== {det['file']}", *rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("splits", nargs="*", default=list(SPLITS))
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--limit", type=int, default=None, help="the first N articles only")
    args = ap.parse_args(argv)
    root = os.environ.get(ENV)
    if RESERVED in args.splits:
        print("PolNeAR's test split is reserved for independent measurement: refused.", file=sys.stderr)
        return 2
    if not root:
        print(f"PolNeAR: skipped ({ENV} is not set; point it at a local PolNeAR checkout)")
        return 0
    for split in args.splits:
        print(format_report(evaluate(root, split, limit=args.limit), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
