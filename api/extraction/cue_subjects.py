"""The speaker phrase of a cue: the subject before a reporting verb, read by mentions.py and
completed here where news syntax hides it.

Rules:
- The subject is looked for in the verb's clause (quotation marks, dashes, brackets and
  semicolons delimit it), within 130 characters.
- "He’s claiming", "she's said": the pronoun of a contraction.
- An appositive between commas that the mention parser cannot read gives the name on either
  side: "Mr. Okonkwo, a retired astronaut, said" (a name of two words or more) or, after a
  description, "The harbour master, Piet Claes, said".
- The subject opening a sentence (for coordinated verbs, participles and colons) may follow a
  leading connective or adverbial ("But", "At a rally in Leeds,", "Instead,"); it must be
  followed by a verb-like predicate word, and not be a name cut short ("The Florida" of "The
  Florida senator") or an opener ("Holding", "Shortly").
"""
from __future__ import annotations

import re

from .mentions import Mention, parse_after, parse_before

# Clause delimiters; not ‘’' which double as apostrophes (quoted text is masked anyway).
_LAST_DELIM_RE = re.compile(r"(?s).*[;:()“”\"—–\[\]\n_]")  # up to the last delimiter
_CONTRACTED_RE = re.compile(r"(?<![\w’'])([Hh]e|[Ss]he|[Ii]t|[Ww]e|[Tt]hey)[’'](?:s|ve|re) $")
# "HEAD, INNER, (in an interview) said": a subject with one appositive between commas.
_APPOSED_RE = re.compile(r"\s*(?P<head>[^,;:“”\"_()]{2,60}?),\s+(?P<inner>[^,;:“”\"_()]{2,70}?),"
                         r"(?:\s+(?:[a-z]+\s+){0,3}[a-z]+)?\s*")
_DESCRIPTION_RE = re.compile(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[\w.]+[’']s)\s")
def clause_start(masked: str, lo: int, hi: int) -> int:
    """Return where the clause ending at hi begins (quotes and dashes delimit): after the
    last delimiter of the 130 characters before hi, read from that window only."""
    floor = max(lo, hi - 130)
    m = _LAST_DELIM_RE.match(masked, floor, hi)  # the greedy prefix backtracks from hi
    return m.end() if m is not None else floor


def subject_before(masked: str, lo: int, vs: int, appositive_ok: bool) -> Mention | None:
    """Parse the speaker before a verb; with an appositive between commas that the mention
    parser cannot read, the name on either side of it ("Mr. Hale, a retired pilot, said",
    "The harbour master, Piet Claes, said")."""
    contracted = _CONTRACTED_RE.search(masked, max(lo, vs - 8), vs)
    if contracted is not None:  # "He’s claiming", "She's said": a pronoun and its auxiliary
        word = contracted.group(1)
        return Mention("pronoun", word, contracted.start(), contracted.end(1), word.lower())
    start = clause_start(masked, lo, vs)
    mention = parse_before(masked, start, vs)
    if mention is not None or not appositive_ok:
        return mention
    apposed = _APPOSED_RE.fullmatch(masked, start, vs)
    if apposed is None:
        return None
    head = parse_before(masked, start, apposed.end("head"))
    if head is not None and head.kind == "name" and not masked[start:head.start].strip() \
            and " " in head.text:
        return head
    inner = parse_after(masked, apposed.start("inner"), apposed.end("inner"))
    if inner is not None and inner.kind == "name" and inner.end == apposed.end("inner") \
            and _DESCRIPTION_RE.match(masked, apposed.start("head"), apposed.end("head")):
        return inner
    return None


_OPENING_RE = re.compile(r"[\s•·*\-–—]*(?:(?:But|And|Yet|Still|Meanwhile|However),?\s+)?"
                         r"(?:(?:In|At|On|During|After|Before|Earlier|Later|Last|Speaking|Outside|"
                         r"Inside|Across|Amid|Despite|Since|Throughout|Following|Under|"
                         r"Asked|Appearing|Writing)\b[^,;:“”\"_]{0,60},\s+)?"
                         r"(?:(?:Instead|Separately|Afterwards?|Nevertheless|Nonetheless|Then|"
                         r"Now|Again|Indeed|Finally|Likewise|[A-Z][a-z]+ly),\s+)?")
# After the subject: an appositive between commas, then a lower-case predicate word.
_PREDICATE_RE = re.compile(r"(?:,[^,;:“”\"_]{1,80},|,)?\s+"
                           r"(?!(?:and|or|&|nor|who|which)\b)(?P<word>[a-z][\w\-’']*)")
# The predicate opens with a verb: a regular past or present form, an adverb, an auxiliary
# or a common irregular verb; "The Florida senator" is no subject "The Florida" + "senator".
_PREDICATE_WORDS = frozenset("""
is was are were has had have will would can could did does do may might must shall should
also then later now again still just once even never only first last this on in at after
before during while since when yesterday today tonight earlier recently previously
took made went gave sent spoke held met began came got brought left ran sat stood wrote
told said put hit set kept drew struck sought won lost took wore faced became read led
fought thought felt saw heard knew found paid rose fell took shot threw broke built
shook beat swore of himself herself themselves itself despite with without amid
""".split())
_ROLE_BEFORE_RE = re.compile(r"[^,;:“”\"_]{2,60},\s+")  # "The charity's chair, Helen Ward"


def opening_subject(masked: str, lo: int, vs: int) -> Mention | None:
    """Return the subject opening the sentence when the words up to a coordinated verb
    are its predicate: "Omar Said, of Digital Rights Watch, welcomed the move but"."""
    start = _OPENING_RE.match(masked, lo, vs).end()
    mention = parse_after(masked, start, min(vs, start + 100))
    if mention is not None and mention.start != start and mention.kind == "name" \
            and _ROLE_BEFORE_RE.fullmatch(masked, start, mention.start):
        start = mention.start
    if mention is None or mention.start != start \
            or (mention.kind == "pronoun" and mention.name == "they") \
            or mention.text.endswith(("'s", "’s")):
        return None
    pred = _PREDICATE_RE.match(masked, mention.end, vs)
    if pred is None or not _verb_like(pred.group("word")):
        return None
    if mention.kind == "name" and not mention.org and (mention.text.split()[0] in ("The", "A", "An")
                                                       or mention.text.endswith(("ing", "ly"))):
        return None  # a name cut short ("The Florida"), an opener ("Holding", "Shortly")
    return mention


def _verb_like(word: str) -> bool:
    return word in _PREDICATE_WORDS or word.endswith(("ed", "s", "ly", "n’t", "n't"))
