"""Cues: a reporting verb with its speaker mention, found outside quotations.

Rules:
- A cue is a reporting verb (said, told, added, warned, dismissed … as, hit back…)
  with the speaker noun phrase before it ("Nicholas Burns said", "Wang on
  Thursday said") or right after it ("said Liu", "stated U.S. Attorney …").
  The subject before the verb is read by cue_subjects.py; a speaker after the verb must
  end its clause or go on with a preposition, a bracket or a qualifier ("…,” wrote X for
  Y", "said a source familiar with the talks", not "said
  Clinton" of "said Clinton’s aide …"), and may follow "the" + a title ("said the Rev. X");
  after a participle or a transitive verb (words/no_inversion_verbs.txt: described,
  thanked, called …) the noun phrase is the object, never the speaker.
- A speech noun after a possessive or a determiner is no cue ("Trump’s comments", "Lee's
  claim", "the warning was …", "his remarks"); "calls"
  is a cue verb only right after a name or pronoun ("Lee calls it", not "phone calls").
- "told" takes its object into the cue ("Qin Gang told Newsweek").
- "X quoted Kim as saying …": the participle's speaker is Kim (a name or a description), never X.
- A participle or a coordinated verb without its own subject ("…, saying",
  "… and accused", "… and later said", "…, but now said") continues the previous cue of the sentence; with no cue before
  it, a coordinated verb or a participle takes the subject that opens the sentence ("X
  welcomed the deal but warned that …", "X attacked the plan, calling it …", "X is telling
  voters that …"), also after a leading adverbial ("At a rally, X …"), unless that subject
  is compound ("X and Y").
- "according to X" is a cue whose speaker follows (a time or an affiliation may follow it:
  "according to Jo Roe of the Harbour Institute,"); so is X of "according to a
  note/statement from X".
- A document noun before a past participle is no speaker ("a statement posted on …").
- Headline "X: ‘…’", colon introductions and next-sentence attributions are
  rules of sieve.py, which picks the cue of each quotation.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .cue_subjects import opening_subject, subject_before
from .lexicon import (DOC_NOUNS, INDIRECT_VERBS, MONTHS, NO_INVERSION_VERBS, PARTICIPLES,
                      SPEECH_VERBS, WEEKDAYS, words)
from .mentions import QUALIFIERS, Mention, parse_after, tokenize


def trie_pattern(words: set[str] | frozenset[str]) -> str:
    """Build a regex that branches letter by letter: a flat alternation of hundreds
    of words is tried word by word at every position and dominates run time."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if ends else body
    return emit(trie)


def word_pattern(words: set[str] | frozenset[str]) -> re.Pattern:
    """Compile a whole-word matcher for a lexicon. A leading class of first letters lets the
    regex engine skip to candidate positions instead of trying the trie everywhere."""
    first = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(rf"(?=[{first}])\b(?<!-)(?:{trie_pattern(words)})(?![\w\-])")


# Verbs that open reported speech (reported.py) without being cue verbs here.
SAYING = frozenset({"saying", "adding", "insisting", "arguing", "claiming", "noting", "stressing"})
_ANY_VERB_RE = word_pattern(SPEECH_VERBS | INDIRECT_VERBS | SAYING)


# "calls" is a verb right after a name or a pronoun ("Lee calls it", "Tufts, calls"), not
# after a determiner, a noun or a relative ("phone calls", "Anyone who calls").
_CALLS_SUBJECT_RE = re.compile(r"(?:\b[A-Z][\w.’'\-]*(?<!\bThe)(?<!\bA)|\b(?:he|she|they|He|She|They)),?"
                               r"\s+$")


def _quoted_as(masked: str, lo: int, vs: int, ve: int, verb: str) -> Cue | None:
    """Return the cue of "X quoted Kim as saying …": the words are Kim's, not X's."""
    if verb != "saying":
        return None
    m = _QUOTED_AS_RE.search(masked, max(lo, vs - 90), vs)
    if m is None:
        return None
    mention = parse_after(masked, m.start("np"), m.end("np"))
    if mention is None or mention.kind not in ("name", "definite") or mention.end != m.end("np"):
        return None
    return Cue(mention.start, mention.end, vs, ve, mention, verb)


def verb_index(doc) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Return the reporting verbs of the masked document, found in one pass and cached:
    (start offsets, (start, end, word) items). Regions then take theirs by bisection."""
    if doc.verbs is None:
        items = [(m.start(), m.end(), m.group()) for m in _ANY_VERB_RE.finditer(doc.masked)
                 if m.group() != "calls"
                 or _CALLS_SUBJECT_RE.search(doc.masked, max(0, m.start() - 60), m.start())]
        doc.verbs = ([v[0] for v in items], items)
    return doc.verbs
_ACCORDING_RE = re.compile(r"(?<!\w)[Aa]ccording to\s+")
# "according to a note from Barclays": the document's author is the speaker.
_DOC_FROM_RE = re.compile(r"(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?(?:note|statement|report|letter|"
                          r"memo|filing|release|email|e-mail|post|presentation|document|message)"
                          r"\s+(?:(?:issued|released|sent|published)\s+)?(?:from|by)\s+")
_FORWARD_STOP_RE = re.compile(r"[;:!?“”\"(_]|\.(?=\s*$)")
_NP_END_RE = re.compile(r"\s*(?:[,.;:!?—–()]|$|(?:on|in|at|last|this|yesterday|today|when|as|"
                        r"after|before|during|while|who|whose|of|for|to|from|with|about|"
                        + "|".join(sorted(QUALIFIERS)) + r")\b)")  # "said a source familiar with"
# A possessive before a speech noun; "he’s claiming" / "it’s" are contractions, not possessives.
_POSSESSIVE_RE = re.compile(r"(?<![\w’'])(?!(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Tt]here|[Ww]ho|[Ww]hat)[’']s )"
                            r"\w+[’']s $")
# A determiner makes the verb's form a noun: "the warning was …", "his claims", "a statement".
_DETERMINER_RE = re.compile(r"(?<![\w’'])(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|"
                            r"[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Nn]o|[Ee]very|[Ee]ach|[Aa]ny) $")
_THE_TITLE_RE = re.compile(r"\s+the\s+(?=(?:Rev|Very|Right|Most|Hon|Honou?rable|Venerable)\b)")
_AFFILIATION_TAIL_RE = re.compile(r"(?:of|at|from)\s+(?:the\s+)?[A-Z][^,;]{0,50}(?:,|$)")  # "X of Y,"
_TIME_TAIL_RE = re.compile(r"(?:on|last|this|earlier|late|yesterday|today|tonight)\b")
_PASSIVE_AFTER_DOC = words("attribution_passive_after_doc")
_TELL = {"told", "tells", "tell", "telling"}
_QUOTED_AS_RE = re.compile(r"\bquot(?:ed|es|ing)\s+(?P<np>[^,;:“”\"\n]{2,60}?)\s+as\s+$")
# Adverbs between a coordinator and its verb: "… and later said", "but then added".
_ADVERBS_BEFORE_RE = re.compile(r"(?:\s+(?:later|then|also|again|quickly|soon|finally|now|still|even|"
                                 r"afterwards?|[a-z]+ly))*\s*$")
# Verbs whose next noun phrase is their object, never an inverted subject ("…, described
# the board as …", "…, thanked the mayor", "…, telling reporters"): participles and these.
_NO_INVERSION = NO_INVERSION_VERBS | PARTICIPLES
_OBJ_STOP = frozenset("""
that on in at last this during after before when while with from for by of about as
yesterday today earlier
""".split()) | frozenset(WEEKDAYS) | frozenset(MONTHS)


@dataclass
class Cue:
    """An attribution as written, with its parsed speaker mention."""

    start: int
    end: int
    verb_start: int
    verb_end: int
    mention: Mention | None
    verb: str
    inherited: bool = False
    anchor: int = -1  # where this cue's own verb stands, even when inherited
    carried: bool = False  # the subject opens the sentence, before another predicate

    def __post_init__(self) -> None:
        if self.anchor < 0:
            self.anchor = self.verb_start


def _object_end(text: str, verb_end: int, hi: int) -> int:
    """Return where the object of 'told' ends ('told a virtual audience')."""
    toks = tokenize(text, verb_end, min(hi, verb_end + 60))
    end = verb_end
    for tok, _, e in toks[:5]:
        if not tok[:1].isalpha() or tok.lower() in _OBJ_STOP:
            break
        end = e
    return end


def _verb_first_prev(masked: str, lo: int, vs: int) -> str | None:
    """Return what precedes a verb that may take its subject after it ("…,” said Liu"):
    "" at the start, "," after a comma, "q" after a closing mark; None otherwise."""
    j = vs
    while j > lo and masked[j - 1].isspace():
        j -= 1
    if j <= lo:
        return ""
    prev = masked[j - 1]
    if prev == ",":
        return ","
    return "q" if prev in "”\"’'—–" else None


def _make_cue(masked: str, vs: int, ve: int, verb: str, lo: int, hi: int) -> Cue:
    mention = subject_before(masked, lo, vs, verb not in PARTICIPLES)
    end = _object_end(masked, ve, hi) if verb in _TELL else ve
    if mention is not None:
        return Cue(mention.start, end, vs, ve, mention, verb)
    prev = _verb_first_prev(masked, lo, vs) if verb not in _NO_INVERSION else None
    if prev is not None:
        stop = _FORWARD_STOP_RE.search(masked, ve, min(hi, ve + 160))
        limit = stop.start() if stop else min(hi, ve + 160)
        mention = parse_after(masked, ve, limit)
        titled = _THE_TITLE_RE.match(masked, ve, limit) if mention is None else None
        if titled is not None:  # "said the Rev. Ann Obi": a title after "the"
            mention = parse_after(masked, titled.end(), limit)
            mention = mention if mention is not None and mention.kind == "name" else None
        # after a comma the phrase must end the clause: "…, said the company." but
        # not "…, said the company complied"
        if mention is not None and _NP_END_RE.match(masked, mention.end, hi):
            return Cue(vs, mention.end, vs, ve, mention, verb)
    return Cue(vs, end, vs, ve, None, verb)


def _according(masked: str, lo: int, hi: int) -> list[Cue]:
    cues: list[Cue] = []
    if masked.find("ccording to", lo, hi) < 0:
        return cues
    for m in _ACCORDING_RE.finditer(masked, lo, hi):
        stop = _FORWARD_STOP_RE.search(masked, m.end(), min(hi, m.end() + 120))
        limit = stop.start() if stop else min(hi, m.end() + 120)
        doc = _DOC_FROM_RE.match(masked, m.end(), limit)
        at = doc.end() if doc else m.end()
        comma = masked.find(",", at, limit)
        mention = parse_after(masked, at, comma if comma >= 0 else limit)
        if mention is None:
            continue
        tail = masked[mention.end:limit].strip()
        if tail and not tail.startswith(",") and not _TIME_TAIL_RE.match(tail) \
                and not (mention.kind == "name" and _AFFILIATION_TAIL_RE.match(tail)) \
                and not (mention.org and mention.kind == "definite"
                         and mention.text.endswith(tuple(DOC_NOUNS))):
            continue  # "according to US news reports": a source, not a speaker
        cues.append(Cue(m.start(), mention.end, m.start(), m.end(), mention, "according to"))
    return cues


def cues_of(doc, lo: int, hi: int, within: tuple[int, int] | None = None) -> list[Cue]:
    """Return the cues of a document region (computed once), optionally only those
    whose verb lies within a narrower window, found by bisection."""
    key = (lo, hi)
    found = doc.cue_cache.get(key)
    if found is None:
        cues = find_cues(doc, lo, hi)
        found = doc.cue_cache[key] = (cues, [c.anchor for c in cues])
    cues, anchors = found
    if within is None:
        return cues
    return cues[bisect_left(anchors, within[0]):bisect_left(anchors, within[1])]


def find_cues(doc, lo: int, hi: int) -> list[Cue]:
    """Return the cues of a document region in order, subjects inherited where implied."""
    masked = doc.masked
    cues: list[Cue] = []
    starts, items = verb_index(doc)
    for k in range(bisect_left(starts, lo), bisect_left(starts, hi)):
        vs, ve, verb = items[k]
        if ve > hi or verb not in SPEECH_VERBS or _POSSESSIVE_RE.search(masked, max(lo, vs - 12), vs) \
                or _DETERMINER_RE.search(masked, max(lo, vs - 7), vs):
            continue  # "Trump’s comments", "Lee's claim", "the warning": a noun, not a verb
        cue = _make_cue(masked, vs, ve, verb, lo, hi)
        m = cue.mention
        if m is not None and m.kind == "definite" and m.head == "statement" \
                and verb in _PASSIVE_AFTER_DOC and cue.start < vs:
            continue  # "a statement posted on its website": the document, not a speaker
        quoted = _quoted_as(masked, lo, vs, ve, verb)
        if quoted is not None:
            cues.append(quoted)
            continue
        if cue.mention is None:
            before = _ADVERBS_BEFORE_RE.sub("", masked[max(lo, cue.verb_start - 30):cue.verb_start])
            continues = cue.verb in PARTICIPLES or before.endswith(("and", "but", ","))
            prev = next((c for c in reversed(cues) if c.mention is not None), None)
            if not continues:
                continue
            coordinated = cue.verb not in PARTICIPLES and before.endswith(("and", "but"))
            if prev is None or (coordinated and prev.mention.start < prev.verb_start
                                and not prev.inherited):
                subject = prev.mention if prev is not None else \
                    opening_subject(masked, lo, vs) if coordinated or verb in PARTICIPLES else None
                if subject is None:
                    continue
                cue = Cue(vs, cue.end, vs, cue.verb_end, subject, verb, carried=True)
            else:
                cue = Cue(prev.start, prev.end, prev.verb_start, prev.verb_end, prev.mention,
                          prev.verb, inherited=True, anchor=cue.verb_start)
        cues.append(cue)
    cues.extend(_according(masked, lo, hi))
    cues.sort(key=lambda c: c.anchor)
    return cues


@dataclass
class Record:
    """A quotation or reported-speech span waiting for speaker resolution and a date."""

    start: int
    end: int
    kind: str
    cue: Cue | None
    date_lo: int = 0
    date_hi: int = 0
    source: "Record | None" = None  # the record whose speaker this one continues
    sentence_start: int = 0
    line: int = 0
    entity: object = None
    pending: bool = False
    fallback: object = None
