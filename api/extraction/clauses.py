"""The reported clause after a reporting verb: where it starts, where it ends, whether
it is one (reported.py's rules call these).

Rules:
- The clause starts after the verb and its time or channel phrases ("said on Monday
  in a statement (that)", "has said for months that", "said at a recording … in Hove,
  East Sussex, that", "said — on the radio, as it happens — that"; not "over
  allegations that"); "told", "warned" and a few others need "… that" after their
  object or an audience ("told the court his client had …", "told the Courier (of
  Hollis) his firm …"; never "told the story of …"); verbs that take a noun object as
  readily (lexicon.THAT_ONLY_VERBS) need "that" right after them, a subject pronoun and its
  verb ("confirmed she would …") or a short noun phrase and an auxiliary ("suggested
  the board should …", not after "recalled" or a participle as readily an adjective:
  "alleged", "charged"). The cue ends before it.
- It is a clause after "said"/"says" or "that", else only with a finite verb soon
  after ("claimed the title" reports nothing); after a pledge ("vowed", "pledged",
  "promised") it may be "to VERB …" ("vowed to repeal the levy").
- It ends before a second predicate of the speaker (", but dismissed …", "and
  accused …", ", he added …", ", although she tweeted …", ", said …", ", adding …"),
  before another speaker's statement (", but union leaders said …"),
  before ", and that B" (B is its own passage), before a trailing ", according to
  …", without final punctuation (nor the writer's closing parenthesis).
- It needs three words; so bounded, it never holds a quotation, nor a colon unless
  "said"/"that" and a finite verb come before it ("said the rule is simple: …"; not
  "explained what went wrong: …", and "9:42" is no colon); without "that" it never starts with a preposition, a
  conjunction, "which", an object pronoun, "compared with", "including",
  "yes"/"no"/"nothing" or "while VERBing".
- The speaker of a reported clause is a name, he/she/it, a singular description, or a
  group that speaks for an institution or a party ("officials", "aides",
  "Republicans"): not a vague plural group ("experts say", "residents of the town
  said").
- Without "that", a clause starting with an auxiliary has its subject elsewhere ("a
  trip officials said could …") and is none.
- A dateline ("DENVER, May 3 (Reuters) — ") and a sentence adverb ("But", "Still",
  "Even", "Later", "Instead" …) may open the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .attribution import Cue, Record, trie_pattern
from .document import Document
from .lexicon import INDIRECT_VERBS, PARTICIPLES, SPEECH_VERBS, THAT_ONLY_VERBS
from .names import Mention

# A dateline: "WASHINGTON - ", "BEIJING (AFP): ", "DENVER, May 3 (Reuters) — ",
# "DRAVIK, Kestria (Reuters) — ",
# "New York (AFP) – ".
_DATELINE = (r"(?:[A-Z][A-Z .,'’\-]{2,40}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
             r"|,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s*[(\-–—]))?\s*"
             r"(?:\([^)]{1,30}\))?|[A-Z][\w .'’\-]{2,30}\s*\([A-Z][^)]{1,20}\))\s*[-–—:]\s+")
# An optional dateline and a sentence adverb.
INTRO_RE = re.compile(
    r"[\s•·*(\-–—]*(?:" + _DATELINE + r")?"
    r"(?:(?:But|And|So|Yet|Still|Meanwhile|However|Now|Also|Even|Instead|Indeed|Later|Earlier|"
    r"Separately|Privately|Publicly|Then|First|Finally|Similarly|Likewise|Previously|Recently|"
    r"Ultimately|Initially)\b,?\s*)?$")
DATELINE_RE = re.compile(r"[\s•·*(\-–—]*(?:" + _DATELINE + r")?")
DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Time and channel adverbials between the verb and its clause: "said on Wednesday (that)".
_CAPS = r"[A-Z][\w.'’\-]*(?:\s+(?:of\s+|the\s+|for\s+)?[A-Z][\w.'’\-]*){0,4}"
THAT_RE = re.compile(
    r"(?:\s+(?:late\s+|early\s+)?(?:on\s+|last\s+)?" + DAYS
    + r"(?![’'])(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s+(?:yesterday|today|earlier|later|recently|previously|privately|publicly|"
    r"(?:earlier\s+)?(?:last|this)\s+(?:week|month|year|night|morning|weekend)|"
    r"on\s+\w+\s+\d{1,2}|for\s+(?:(?:several|many|two|three|a\s+few)\s+)?"
    r"(?:days|weeks|months|years|decades))"
    r"|\s+(?:in|on|at|during)\s+(?:a|an|the|his|her|their|its|this|that)\s+(?:[\w\-]+\s+){0,2}"
    r"(?:statement|interview|briefing|conference|call|post|speech|letter|email|message|"
    r"appearance|meeting|hearing|website|blog|account|page|channel|podcast|programme|program|"
    r"show|broadcast|filing|release|report|note|memo|tweet|video|rally|event|debate|forum|"
    r"town\s+hall|address|remarks|op-ed|column|editorial|article|book|memoir|essay|ruling|"
    r"testimony|session|stop|visit|sermon|dinner|luncheon|breakfast)s?"
    r"(?:\s+(?:(?:read|issued|released|published|posted|sent|given|shared|filed|held)\s+)?"
    r"(?:on|with|to|by|at|for|in)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:" + _CAPS
    + r"|[\w.]+))?"
    r"|\s+(?:in|at)\s+" + _CAPS + r"|\s+[a-z]{3,}ly(?=,?\s+that\b)|,(?=\s+that\b))*"
    r"\s*(?:,\s*)?(?:that\s+)?")
# "said at a recording of a podcast in Hove, East Sussex, that …": a longer setting.
_PP_THAT_RE = re.compile(
    r"(?:,\s+[a-z]+,|\s+(?:during|in|at|on|to|after|before|while|with|outside|through)\s+"
    r"(?!(?:which|who|whom)\b)[^;:“”\"_\n]{3,160}?,?"
    r"|\s+(?:[—–]|--)\s+[^—–;:“”\"_\n]{3,80}?\s+(?:[—–]|--))\s+that\s+"
    r"(?=(?:he|she|it|they|we|I|the|a|an|this|these|those|there|his|her|its|their|[A-Z])\b)")
# "… over allegations that", "on the condition that": "that" completes a noun.
_NOUN_THAT_RE = re.compile(r"\b(?:allegations?|claims?|reports?|condition|fact|idea|notion|news|"
                           r"argument|belief|hopes?|fears?|concerns?|evidence|suggestions?|"
                           r"assertions?|charges?|rumou?rs?|speculation|view|sense|way|time)"
                           r",?\s+that\s+$")
TOLD_THING_RE = re.compile(r"\s+(?:a|an|the|his|her|their)\s+(?:[\w\-]+\s+)?"
                           r"(?:joke|story|tale|lie|truth|secret|anecdote)s?\b")
NEEDS_THAT = {"told", "tells", "promised", "promises", "assured", "assures", "warned",
              "cautioned", "cautions", "observed"}
_OBJ_THAT_RE = re.compile(r"\s+(?:[\w.’'\-]+,?\s+){0,14}?that\s+")
# "told the court his client had …": an audience, then a clause without "that".
_AUDIENCE_RE = re.compile(
    r"\s+(?:(?:the|a)\s+)?(?:court|jury|inquest|tribunal|hearing|committee|inquiry|commons|"
    r"house|senate|parliament|conference|meeting|audience|crowd|panel|board|council|press|"
    r"reporters|journalists|mps|lawmakers|senators|analysts|investors|staff|employees|"
    r"supporters|fans|delegates|residents|members|viewers|listeners|magistrates|judges)"
    r"(?:\s+(?:on|last)\s+\w+)?\s+(?=(?:he|she|they|it|we|i|his|her|their|its|the|a|an|"
    r"there|this|these|those)\b)", re.I)
# "told the Courier his firm …", "told Reuters she had …", "told me it was …".
_NAMED_AUDIENCE_RE = re.compile(
    r"\s+(?:[Tt]he\s+)?(?:[A-Z][\w.!'’\-]*(?:\s+[A-Z][\w.!'’\-]*){0,3}"
    r"(?:\s+of\s+[A-Z][\w.'’\-]*)?|me|us|him|her|them)"
    r"(?:\s+(?:on|last|this)\s+\w+)?\s+(?=(?:he|she|they|it|we|I|his|her|their|its|the|a|an|"
    r"there|this|these|those)\b)")
_CLAUSE_START_RE = re.compile(r"(?!(?:to|on|in|at(?!\s+(?:least|most)\b)|for|with|by|of|as|"
                              r"about|so|which|whose|and|but|or|(?-i:them|him|me|us)|compared|"
                              r"including|according|despite|"
                              r"(?:while|when|after|before|since)\s+[a-z]+ing|"
                              r"yes|no|nothing|a\s+statement)\b)[\w‘“\"'(]", re.I)
_ACCORDING_TAIL_RE = re.compile(r",\s+according to\b[^,]*$")
_PARTICIPLE_RE = re.compile(r"[a-z]+ing\b")
_GAP_RE = re.compile(r"(?:could|would|will|can|may|might|must|should|is|was|are|were|has|had|"
                     r"have)\b")
WORD_RE = re.compile(r"\w+")
# A second predicate of the speaker ends the reported clause: ", but dismissed …", "and
# said …" (a reporting verb needs no comma), or a new speaker: ", he added that …".
_FINITE_TRIE = trie_pattern({v for v in SPEECH_VERBS | INDIRECT_VERBS
                             if v.endswith(("ed", "es", "ts", "ys", "ns", "ks", "ms"))
                             or v in ("said", "told")})
_COORD_RE = re.compile(
    r",\s+(?:but|and)\s+(?:also\s+|then\s+)?(?:[a-z]+ed|said|told|says)\b"
    r"|\s+(?:and|but)\s+(?:(?:he|she|they|it)\s+)?(?:also\s+|then\s+|later\s+)?(?:"
    + _FINITE_TRIE + r")\b"
    r"|,\s+(?:(?:he|she|they|it)\s+)?(?:also\s+|later\s+)?(?:" + _FINITE_TRIE + r")\b"
    r"|,\s+(?:(?:although|though|while|before|after|as|when)\s+)?(?:he|she|they|it)\s+"
    r"(?:also\s+|later\s+)?(?:" + _FINITE_TRIE + r")\b"
    r"|,\s+(?:" + trie_pattern(PARTICIPLES) + r")\b"
    r"|,\s+(?:but|and|while|although|though)\s+(?=(?:[\w.’'\-]+\s+){1,5}?(?:have\s+|has\s+)?"
    r"(?:said|says|say|argued|argue|noted|countered|insisted)\b)")
MIN_WORDS = 3
# "vowed to repeal the levy": a pledge reports what the speaker will do.
PLEDGES = frozenset({"vowed", "vows", "pledged", "pledges", "promised", "promises"})
_PLEDGE_RE = re.compile(r"\s+(?:(?:again|also|repeatedly|publicly)\s+)?(?=to\s+(?!(?:the|a|an|his|"
                        r"her|their|its|this|that|these|those|my|our|your|him|them|me|us)\b)"
                        r"[a-z]{2,}\b)")
_COLON_RE = re.compile(r":(?!\d)")  # "9:42 p.m." holds no colon that introduces
# "announced she was leaving": a subject pronoun and its finite verb open a clause.
_PRONOUN_CLAUSE_RE = re.compile(
    r"(?:he|she|it|they|we|I)(?:[’'](?:s|d|ll|re|ve|m)\b|\s+(?:(?:also|still|never|already|"
    r"had|has|have|would|will|could|should|was|were|is|are|did|does|do|might|may|must|can)"
    r"(?:n[’']t)?\b|[a-z]+(?:ed|s)\b))")
# "suggested the board should act": a short noun phrase and an auxiliary open a clause.
_NP_AUX_CLAUSE_RE = re.compile(
    r"(?:(?!(?:of|in|on|at|for|to|with|by|from|about|and|or|but|that|which|who|whom|as|after|"
    r"before|during|when|while|if|he|she|it|they|we|I|you|him|her|them|us|me)\b)"
    r"[\w.’'\-]+\s+){1,5}?"
    r"(?:is|was|are|were|will|would|could|should|can|may|might|must|has|had|have|did|does|do)"
    r"(?:n[’']t)?\b")
# Participles as readily adjectives ("the alleged scheme was …", "a charged debate"), and
# "recalled the day NAME was …": no clause after them without "that".
_ADJECTIVAL = frozenset({"alleged", "charged", "estimated", "worried", "recalled",
                         "recalls"})
_FINITE_RE = re.compile(r"\b(?:is|was|are|were|will|would|could|should|can|may|might|must|"
                        r"has|had|have|did|does|do|won't|wasn't|isn't|weren't|aren't|"
                        r"(?:he|she|it|they|we|I)[’'](?:s|d|ll|re|ve|m))\b")
_CUE_TAIL_RE = re.compile(r"(?:\s+that)?\s*$")
PREDICATE_RE = re.compile(_FINITE_RE.pattern + r"|\b[a-z]{3,}ed\b")
AND_THAT_RE = re.compile(r"[,\s](?:(?<=,)\s+|\s*)(?:and|but)\s+that\s+")  # ",? and/but that"


# Groups that speak for an institution or a party ("officials said", "Republicans said");
# other plurals are vague ("experts say", "doctors said") and report nothing.
_GROUPS = frozenset("officials aides lawmakers leaders prosecutors investigators authorities "
                    "advisers advisors sources negotiators diplomats executives organizers "
                    "organisers senators spokesmen spokespeople strategists regulators "
                    "officers republicans democrats".split())


def _group_ok(head: str) -> bool:
    words = head.split()
    last = words[-1].lower() if words else ""
    return not last.endswith(("s", "people")) or last in _GROUPS


def is_group(m: Mention) -> bool:
    """Tell whether a mention is a plural group that may report ("officials")."""
    words = (m.head or m.name or "").split()
    return m.kind in ("anonymous", "definite") and bool(words) and words[-1].lower() in _GROUPS


def good_subject(cue: Cue) -> bool:
    """Tell whether a cue's speaker is specific enough to report for: not "experts"."""
    m = cue.mention
    if m is None or cue.inherited:
        return False
    if m.kind == "pronoun":
        return m.name in ("he", "she", "it")
    if m.kind == "anonymous":  # "a spokesman", not "residents of the town"
        return _group_ok(m.head or m.name)
    if m.kind == "definite":
        return _group_ok(m.head)
    return True


def quote_free(doc: Document, lo: int, hi: int) -> bool:
    """Tell whether doc.text[lo:hi] holds no quotation and starts outside one."""
    return doc.quote_at(lo) is None and not doc.has_quote(lo, hi)


def _span_end(text: str, lo: int, hi: int) -> int:
    coord = _COORD_RE.search(text, lo, hi)
    hi = coord.start() if coord else hi
    if text.find("that", lo, hi) >= 0:
        second = AND_THAT_RE.search(text, lo, hi)
        hi = second.start() if second else hi  # "…, and that B": B is its own passage
    seg = _ACCORDING_TAIL_RE.sub("", _strip_trail(text[lo:hi]))
    return lo + len(_strip_trail(seg))


def _strip_trail(seg: str) -> str:
    """Drop trailing spaces, final punctuation and a dash or comma left by a cut."""
    while True:
        out = seg.rstrip().rstrip(".!?…,;—–").removesuffix("--")
        if out.endswith(")") and "(" not in out:
            out = out[:-1]  # "(Ruiz says the pact holds.)": the writer's parenthesis
        if out == seg:
            return seg
        seg = out


def clause_record(doc: Document, pos: int, hi: int, cue: Cue, lo: int) -> Record | None:
    """Return the record of the reported clause starting at pos, if it is one."""
    after_that = doc.masked.endswith("that ", 0, pos)
    pledge = cue.verb in PLEDGES and doc.masked.startswith("to ", pos)
    if pledge and doc.is_title_line(lo):
        return None  # "Senator vows to block bill": a headline's pledge is the article's
    if not (after_that or pledge) and not _CLAUSE_START_RE.match(doc.masked, pos, hi):
        return None  # "said about …", "said on …": no clause (but "said that about 4 …")
    if doc.masked.endswith(", ", 0, pos):
        if _PARTICIPLE_RE.match(doc.masked, pos):
            return None  # "said on Wednesday, urging parents to …": an aside, not the content
    elif not after_that and _GAP_RE.match(doc.masked, pos):
        return None  # "a visit officials said could …": the subject is the relative's gap
    end = _span_end(doc.text, pos, hi)
    if not quote_free(doc, pos, end):
        return None
    colon = _COLON_RE.search(doc.text, pos, end)
    if colon and not ((after_that or cue.verb in ("said", "says"))
                      and _FINITE_RE.search(doc.text, pos, colon.start())):
        return None  # "explained what had gone wrong:" introduces, it does not report
    if len(WORD_RE.findall(doc.text[pos:end])) < MIN_WORDS:
        return None
    if cue.end > pos:  # "told the Ledger he had …": the cue ends with its audience
        cue = replace(cue, end=lo + len(_CUE_TAIL_RE.sub("", doc.masked[lo:pos])))
    return Record(pos, end, "indirect", cue, lo, pos, sentence_start=lo)


def _is_clause(masked: str, m: re.Match, verb: str, hi: int) -> bool:
    """Tell whether the words after a verb form a reported clause, not an object:
    "claimed the title" and "added a feature" do not report speech."""
    if verb in ("said", "says", "say") or m.group().rstrip().endswith("that"):
        return True
    return _FINITE_RE.search(masked, m.end(), min(hi, m.end() + 120)) is not None


def clause_after(doc: Document, cue: Cue, hi: int, lo: int) -> Record | None:
    """Return the record of the reported clause after the cue's verb, up to hi, if any."""
    pos = clause_pos(doc.masked, cue, hi)
    return clause_record(doc, pos, hi, cue, lo) if pos is not None else None


def clause_pos(masked: str, cue: Cue, hi: int) -> int | None:
    """Return where the reported clause after a cue's verb starts, None when there is none."""
    if cue.verb in PLEDGES:
        pledge = _PLEDGE_RE.match(masked, cue.verb_end, hi)
        if pledge is not None:
            return pledge.end()  # "vowed to repeal the levy": the pledge
    if cue.verb in NEEDS_THAT:
        if TOLD_THING_RE.match(masked, cue.verb_end, hi):
            return None  # "told the story of …", "told a joke"
        m = _OBJ_THAT_RE.match(masked, cue.verb_end, hi)
        if not m and cue.verb in ("told", "tells"):
            m = _AUDIENCE_RE.match(masked, cue.verb_end, hi) \
                or _NAMED_AUDIENCE_RE.match(masked, cue.verb_end, hi)
            if m and not PREDICATE_RE.search(masked, m.end(), min(hi, m.end() + 60)):
                m = None
        return m.end() if m else None
    m = THAT_RE.match(masked, cue.end, hi)
    if not m.group().rstrip().endswith("that"):
        pp = _PP_THAT_RE.match(masked, m.start(), hi)
        if pp and not _NOUN_THAT_RE.search(masked, m.start(), pp.end()):
            m = pp
    if cue.verb in THAT_ONLY_VERBS and not m.group().rstrip().endswith("that") \
            and not _PRONOUN_CLAUSE_RE.match(masked, m.end(), hi) \
            and not (cue.verb not in _ADJECTIVAL and _NP_AUX_CLAUSE_RE.match(masked, m.end(), hi)):
        return None
    return m.end() if _is_clause(masked, m, cue.verb, hi) else None


@dataclass
class Sentence:
    """One sentence being read: its bounds and its cues with a speaker mention."""

    doc: Document
    lo: int
    hi: int
    cues: list[Cue]
