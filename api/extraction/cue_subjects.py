"""The speaker phrase of a cue: the subject before a reporting verb, read by mentions.py and
completed here where news syntax hides it.

Rules:
- The subject is looked for in the verb's clause (quotation marks, dashes, brackets and
  semicolons delimit it), within 130 characters.
- "He’s claiming", "she's said": the pronoun of a contraction.
- A description ending in a coordinator ("her son to leave and | repeatedly says") is no
  subject: the sentence's opening subject speaks.
- An adverb before the verb is passed ("Carter however said"). Appositives between commas
  that the mention parser cannot read give the name on either side: "Mr. Okonkwo, a retired
  astronaut, said", "Ann Roe, 67, a nurse in Leeds, said" (a name of two words or more, or one word before
  an appositive of circumstance: "Roe, during a visit to Dover, Del., said") or,
  after a description, "The harbour master, Piet Claes, said"; so does an appositive between
  dashes ("Jo Sims — a teacher — says"); a full name opening its clause before appositives
  longer than the window, up to 320 characters ("Jo Roe, the treasurer of X, a club that
  has trained rowers since …, said"); after a sentence opener and a comma, the subject
  right before the verb ("Speaking on Friday, union organiser Mia Dahl said", "Of those
  who left, Mia Dahl said").
- The subject opening a sentence (for coordinated verbs, participles and colons) may follow a
  dateline ("DOVER, May 2 (Wire) —"), a leading connective or adverbial ("But", "And then",
  "At a rally in Leeds,", "Back in 2004,", "Early on,", "Instead,", "But two days later,",
  "Here in Dover,", "Just last week,", a subordinate clause: "When asked about it,"; a second
  phrase may follow the first: "On Friday, after weeks of silence,"; also before a name with
  appositives: "But Jo Roe, the head of X, a group that …, said"; a place with its state or
  country: "Speaking in Dover, Delaware,"); it must be followed by a verb-like predicate
  word ("The Lee campaign also attacked …", "Lee's campaign said" are read whole: a name, then
  an organisation noun; a description takes a short phrase placing it: "One aide inside the
  campaign tried …", "A spokeswoman for the committee emailed …"), and not be a name cut short
  ("The Florida" of "The Florida senator") or an opener ("Holding", "Shortly").
"""
from __future__ import annotations

import re

from .mentions import Mention, parse_after, parse_before
from .lexicon import ORG_NOUNS, words

# Clause delimiters; not ‘’' which double as apostrophes (quoted text is masked anyway).
_LAST_DELIM_RE = re.compile(r"(?s).*[;:()“”\"—–\[\]\n_]")  # up to the last delimiter
_CONTRACTED_RE = re.compile(r"(?<![\w’'])([Hh]e|[Ss]he|[Ii]t|[Ww]e|[Tt]hey)[’'](?:s|ve|re) $")
# "HEAD, INNER, (in an interview) said": a subject with one appositive between commas.
_EDGE = " \t\n\u00a0'’‘"  # a clause may start after a straight or curly quotation mark
# After the last appositive comma: nothing, or a few lower-case words ("in an interview").
_TAIL_RE = re.compile(r"\s*(?:(?:[a-z]+\s+){0,3}[a-z]+\s*)?")
# A sentence opener before a comma: a participle, a preposition or a time.
_OPENER_RE = re.compile(r"(?:[A-Z][a-z]+ing|In|At|On|During|After|Before|Asked|Speaking|Writing|"
                        r"Of|For|With|From|As|Among|Like|Unlike|Through|Without|Within|When|While|"
                        r"Since|Because|If|Although|Though|Once|Until|Over|Under|Instead|"
                        r"Appearing|Following|Despite|Amid|Earlier|Later|Last|This|Yesterday|"
                        r"Today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_TRAILING_ADVERBS_RE = re.compile(r"(?:\s+(?:however|also|then|later|further|again|now|still|"
                                  r"too|once|earlier|previously|recently|repeatedly|[a-z]+ly))+\s*$")
_COORDINATOR_END_RE = re.compile(r"\b(?:and|but|or|then)\s*$")
# An appositive of circumstance after a one-word name: "Roe, during a visit to …, said".
_CIRCUMSTANCE_RE = re.compile(r"\s*(?:during|in|at|on|speaking|appearing|writing|after|while)\s")
_LONG_WINDOW = 320  # a subject's appositives may run this long ("Jo Roe, the head of …, said")
_DESCRIPTION_RE = re.compile(r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[\w.]+[’']s)\s")
def clause_start(masked: str, lo: int, hi: int, window: int = 130) -> int:
    """Return where the clause ending at hi begins (quotes and dashes delimit): after the
    last delimiter of the 130 characters (window) before hi, read from that window only."""
    floor = max(lo, hi - window)
    m = _LAST_DELIM_RE.match(masked, floor, hi)  # the greedy prefix backtracks from hi
    return m.end() if m is not None else floor


def trimmed_end(masked: str, lo: int, hi: int) -> int:
    """Return hi moved back over white space, not before lo (no copy of the text before it)."""
    while hi > lo and masked[hi - 1].isspace():
        hi -= 1
    return hi


def subject_before(masked: str, lo: int, vs: int, appositive_ok: bool) -> Mention | None:
    """Parse the speaker before a verb; past an adverb ("Carter however said") or appositives
    between commas or dashes that the mention parser cannot read, the name on either side of
    them ("Mr. Hale, a retired pilot, said", "The harbour master, Piet Claes, said")."""
    contracted = _CONTRACTED_RE.search(masked, max(lo, vs - 8), vs)
    if contracted is not None:  # "He’s claiming", "She's said": a pronoun and its auxiliary
        word = contracted.group(1)
        return Mention("pronoun", word, contracted.start(), contracted.end(1), word.lower())
    start = clause_start(masked, lo, vs)
    mention = parse_before(masked, start, vs)
    if mention is not None and mention.kind != "name" and _COORDINATOR_END_RE.search(mention.text):
        # "She urges her son to leave and repeatedly says": a coordinated verb, whose
        # subject opens the sentence, not "her son to leave and"
        return opening_subject(masked, lo, vs)
    if mention is not None or not appositive_ok:
        return mention
    adverb = _TRAILING_ADVERBS_RE.search(masked, start, vs)
    if adverb is not None and not _COORDINATOR_END_RE.search(masked, start, adverb.start()):
        # "Carter however said", "Lee later told"; not "… and repeatedly says" (coordinated)
        mention = parse_before(masked, start, adverb.start())
        if mention is not None:
            return mention
    if masked[trimmed_end(masked, 0, vs) - 1:vs][:1] in ("—", "–"):
        return _dashed_subject(masked, lo, vs)
    return _apposed_subject(masked, start, vs) or _long_apposed_subject(masked, lo, start, vs)


def _long_apposed_subject(masked: str, lo: int, start: int, vs: int) -> Mention | None:
    """Return the full name opening a clause whose appositives run past the usual window:
    "Jo Roe, the treasurer of X, a club that has trained rowers since … and still …, said"."""
    if start <= lo or masked[trimmed_end(masked, 0, vs) - 1:vs][:1] != ",":
        return None
    longer = clause_start(masked, lo, vs, _LONG_WINDOW)
    if longer >= start:
        return None
    longer = _OPENING_RE.match(masked, longer, vs).end()  # "But Jo Roe, …", "Last week, Jo Roe, …"
    comma = masked.find(",", longer, vs)
    if comma < 0:
        return None
    head = parse_before(masked, longer, comma)
    if head is None or head.kind != "name" or head.org or " " not in head.name \
            or masked[longer:head.start].strip(_EDGE):
        return None
    return head


def _apposed_subject(masked: str, start: int, vs: int) -> Mention | None:
    """Return the name before or inside appositives between commas: "Ann Roe, 67, a retired
    nurse in Leeds, said" / "Gov. Ann Roe , said" / "The harbour master, Piet Claes, said"."""
    commas = [k for k in range(start, vs) if masked[k] == ","]
    if not commas:
        return None
    if not _TAIL_RE.fullmatch(masked, commas[-1] + 1, vs):
        # an opener before the subject: "Appearing on radio, the party front-runner said"
        tail = parse_before(masked, commas[-1] + 1, vs)
        lead = commas[-1] + 1 + _lead(masked, commas[-1] + 1)
        return tail if tail is not None and tail.start == lead and tail.kind != "pronoun" \
            and _OPENER_RE.match(masked, start + _lead(masked, start)) else None
    first = _OPENING_RE.match(masked, start, vs).end()  # "But Ann Roe, …", "Last week, Ann Roe, …"
    after = next((k for k in commas if k > first), commas[0])
    head = parse_before(masked, first, after) if after > first else None
    if head is not None and head.kind == "name" and not masked[first:head.start].strip(_EDGE) \
            and (" " in head.text or _CIRCUMSTANCE_RE.match(masked, after + 1)):
        return head  # "Ann Roe, 67, …, said"; "Roe, during a visit to Dover, Del., said"
    if len(commas) != 2 or not _DESCRIPTION_RE.match(masked, start + _lead(masked, start)):
        return None
    inner = parse_after(masked, commas[0] + 1, commas[1])
    if inner is not None and inner.kind == "name" and inner.end == commas[1]:
        return inner
    return None


def _lead(masked: str, start: int) -> int:
    return len(masked[start:start + 8]) - len(masked[start:start + 8].lstrip(_EDGE))


def _dashed_subject(masked: str, lo: int, vs: int) -> Mention | None:
    """Return the name before an appositive between dashes: "Jo Sims — a teacher — says"."""
    second = trimmed_end(masked, 0, vs) - 1
    first = max(masked.rfind("—", max(lo, second - 100), second),
                masked.rfind("–", max(lo, second - 100), second))
    if first < 0:
        return None
    start = clause_start(masked, lo, first)
    head = parse_before(masked, start, first)
    if head is not None and head.kind == "name" and not masked[start:head.start].strip(_EDGE):
        return head
    return None


_OPENING_RE = re.compile(r"[\s•·*\-–—]*"  # then a dateline ("DOVER, May 2 (Wire) —")
                         r"(?:[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Z.'\-]+)*[^—―–\n]{0,30}?\s*[—―–]\s*)?"
                         r"(?:(?:But|And|Yet|Still|Meanwhile|However),?\s+(?:then\s+|later\s+|now\s+)?)?"
                         r"(?:(?:[Aa]\s+few|[Ss]everal|[Tt]wo|[Tt]hree|[Mm]any|[Aa]n?)\s+(?:hours?|days?|"
                         r"weeks?|months?|years?)\s+(?:later|earlier|ago|before|after)\b,?\s+)?"
                         r"(?:(?:In|At|On|During|After|Before|Earlier|Early|Later|Last|Speaking|Outside|"
                         r"Inside|Across|Amid|Among|Despite|Since|Throughout|Following|Under|"
                         r"Asked|Appearing|Writing|Back|Hours|Days|Weeks|Months|Years|Minutes|"
                         r"Moments|Here|There|When|While|Once|Although|Though|Just)\b"
                         r"[^,;:“”\"_]{0,100},\s+"
                         r"(?:(?:after|before|while|when|despite|following|amid|during|in|at|on)\b"
                         r"[^,;:“”\"_]{0,100},\s+)?)?"
                         r"(?:(?:Instead|Separately|Afterwards?|Nevertheless|Nonetheless|Then|"
                         r"Now|Again|Indeed|Finally|Likewise|[A-Z][a-z]+ly),\s+)?")
# After the subject: an appositive between commas, then a lower-case predicate word.
_PREDICATE_RE = re.compile(r"(?:,[^,;:“”\"_]{1,80},|,)?\s+"
                           r"(?!(?:and|or|&|nor|who|which)\b)(?P<word>[a-z][\w\-’']*)")
# The predicate opens with a verb: a regular past or present form, an adverb, an auxiliary
# or a common irregular verb; "The Florida senator" is no subject "The Florida" + "senator".
_PREDICATE_WORDS = words("cue_subjects_predicate_words")
_STATE_RE = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?),\s+")
_PLACES = words("us_places") | words("places")
# A short phrase placing a described person: "inside the campaign", "for the House committee".
_AFFILIATION_RE = re.compile(r"\s+(?:inside|at|for|from|with|on)\s+(?:the\s+)?"
                             r"(?:[A-Z][\w.&’'\-]*\s+){0,5}?[\w.&’'\-]+(?=\s+[a-z])")
_NOUN_RE = re.compile(r"\s+([a-z]+)\b")
_ROLE_BEFORE_RE = re.compile(r"[^,;:“”\"_]{2,60},\s+")  # "The charity's chair, Helen Ward"


def opening_subject(masked: str, lo: int, vs: int) -> Mention | None:
    """Return the subject opening the sentence when the words up to a coordinated verb
    are its predicate: "Omar Said, of Digital Rights Watch, welcomed the move but"."""
    start = _OPENING_RE.match(masked, lo, vs).end()
    place = _STATE_RE.match(masked, start, vs)
    if place is not None and masked[lo:start].rstrip().endswith(",") \
            and place.group(1).lower() in _PLACES:
        start = place.end()  # "Speaking in Dover, Delaware, Lee said": the opener's place
    mention = parse_after(masked, start, min(vs, start + 100))
    if mention is not None and mention.start != start and mention.kind == "name" \
            and _ROLE_BEFORE_RE.fullmatch(masked, start, mention.start):
        start = mention.start
    if mention is not None and mention.start == start and mention.kind == "name" \
            and mention.text.endswith(("'s", "’s")):
        noun = _NOUN_RE.match(masked, mention.end, vs)  # "Lee's campaign said"
        if noun is not None and noun.group(1) in ORG_NOUNS:
            mention = _org_of_name(masked, start, noun.end(1))
    if mention is None or mention.start != start \
            or (mention.kind == "pronoun" and mention.name == "they") \
            or mention.text.endswith(("'s", "’s")):
        return None
    pred = _PREDICATE_RE.match(masked, mention.end, vs)
    if pred is not None and mention.kind == "name" and pred.group("word") in ORG_NOUNS \
            and masked[mention.end:pred.start("word")].isspace():
        mention = _org_of_name(masked, start, pred.end("word"))  # "The Lee campaign"
        if mention is None:
            return None
        pred = _PREDICATE_RE.match(masked, mention.end, vs)
    if pred is not None and mention.kind in ("anonymous", "definite") and not mention.org:
        place = _AFFILIATION_RE.match(masked, mention.end, vs)  # "One aide inside the campaign"
        if place is not None and _PREDICATE_RE.match(masked, place.end(), vs) is not None:
            whole = masked[mention.start:place.end()]
            body = whole.split(None, 1)[1] if mention.text != mention.name else whole
            mention = Mention(mention.kind, whole, mention.start, place.end(), body,
                              head=mention.head)
            pred = _PREDICATE_RE.match(masked, place.end(), vs)
    if pred is None or not _verb_like(pred.group("word")) \
            or pred.group("word") == "of" and " " not in mention.text:
        return None  # "Signs of momentum …" is no subject "Signs"
    if mention.kind == "name" and not mention.org and (mention.text.split()[0] in ("The", "A", "An")
                                                       or mention.text.endswith(("ing", "ly"))):
        return None  # a name cut short ("The Florida"), an opener ("Holding", "Shortly")
    return mention


def _org_of_name(masked: str, start: int, end: int) -> Mention | None:
    """Return "The Lee campaign" read whole, the name and the organisation noun after it."""
    mention = parse_before(masked, start, end)
    if mention is None or mention.start != start or mention.end != end:
        return None
    return mention


def _verb_like(word: str) -> bool:
    return word in _PREDICATE_WORDS or word.endswith(("ed", "s", "ly", "n’t", "n't"))
