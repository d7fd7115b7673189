"""A person (or document) described by a common noun beside a quotation (part of sieve rule 2).

Rules:
- "“…,” the woman said", "“…” said a young boy", "“…,” one man wrote, …", and before a
  colon or comma introducing the quotation, "Another child responded, “…”": a person noun
  (words/person_nouns.txt: man, woman, boy, girl, child …) with its determiner and at most
  two lower-case modifiers, next to a speech verb that stands next to the quotation, is the
  speaker, a description ("woman"). Only there: elsewhere such a noun is as often an
  object ("met a woman who said") as a speaker.
- A relative clause between commas may follow the noun before the verb ("“…,” said the
  woman, who asked not to be named" / "“…,” the man, who …, said").
- A crowd chanting the quotation beside it ("the fans chanted at the stage, “…”", "“…” some
  protesters chanted"; words/crowd_nouns.txt) is an anonymous speaker ("crowd").
- A document that reads or says the quotation beside it ("“…,” the email read", "“…,” the
  lawsuit says", "“…” reads a Sunday editorial in …", and opening the sentence: "One post
  said: “…”", "The ad claims “…”"; words/doc_nouns.txt and document_nouns.txt) is the speaker: the document itself, an anonymous "email", never a
  guess at who issued it.
- A finite reporting verb beside the quotation whose described subject the mention parser
  cannot read ("“…,” the 45-year-old striker said", "“…,” said one senior backbencher, who
  …") gives a speakerless cue: the speaker is
  null, and no later rule of the sieve lends the quotation the previous speaker.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .attribution import Cue, verb_index
from .lexicon import DOC_NOUNS, NO_INVERSION_VERBS, SPEECH_VERBS, words
from .mentions import Mention

if TYPE_CHECKING:
    from .sieve import Site

_GAP = r"[\s,—–\-]*"  # between a closing mark and what stands beside it
_NOUNS = words("person_nouns")
_SPEECH = frozenset(w for w in SPEECH_VERBS if " " not in w)
_NP = (r"(?P<np>(?P<det>[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w\-]*\s+){0,2}?"
       r"(?P<noun>" + "|".join(sorted(_NOUNS)) + r")\b)")
_RELATIVE = r"(?:,\s+who\s[^,;:.“”\"_]{1,80},)?"
_AFTER_RE = re.compile(_GAP + r"(?:" + _NP + _RELATIVE + r"\s+(?P<verb>[a-z]+)"
                       r"|(?P<verb2>[a-z]+)\s+" + _NP.replace("?P<", "?P<i_") + r")\b")
_INVERTED_END_RE = re.compile(r"\s*(?:[,.;!?—–]|$|(?:who|as|after|when|while|on|in|at)\b)")
_BEFORE_RE = re.compile(_NP + r"\s+(?P<verb>[a-z]+)\s*[,:]\s*$")
_DOCUMENTS = DOC_NOUNS | words("document_nouns")
# "…,” the 45-year-old striker said": a determiner and a few words, then the reporting verb.
_UNREAD_SUBJECT_RE = re.compile(_GAP + r"(?:the|a|an|one|his|her|their|its)\s+"
                                r"[\w\-’']+(?:\s+[\w\-’']+){0,4}\s+")
_UNREAD_REACH = 60
_GAP_RE = re.compile(_GAP)
# "…,” said one senior backbencher, who …": the verb, then a description not read.
_UNREAD_AFTER_RE = re.compile(r"\s+(?:the|a|an|one|another)\s+[a-z]")
_DOC_NP = (r"(?P<np>(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
           r"(?:(?!(?:in|of|on|for|from|by|at|with|to|and|or)\s)[\w\-]+\s+){0,3}?"
           r"(?P<doc>" + "|".join(sorted(_DOCUMENTS)) + r"))")
_DOC_VERBS = r"(?:reads?|says|said|states|stated)"
_DOC_AFTER_RE = re.compile(_GAP + r"(?:" + _DOC_NP + r"\s+(?P<verb>" + _DOC_VERBS + r")"
                           r"|(?P<i_verb>" + _DOC_VERBS + r")\s+" + _DOC_NP.replace("?P<", "?P<i_")
                           + r")(?=\s*(?:[,.;]|$|(?:in|on|which)\b))")
_DOC_BEFORE_RE = re.compile(_DOC_NP.replace("(?:[Tt]he|", "(?:[Tt]he|[Oo]ne|") + r"\s+(?:[a-z]+ly\s+)?"
                            r"(?P<verb>[a-z]+)\s*(?:that\s*)?[,:]?\s*$")
_DOC_SPEECH = _SPEECH | {"read", "reads", "continues", "continued"}
_CROWDS = words("crowd_nouns")
_CROWD_NP = (r"(?P<np>(?:(?P<det>[Tt]he|[Ss]ome|[Mm]any)\s+)?"
             r"(?:(?!(?:the|a|an|which|that|this|these|those|of|at|in|on|to|point)\b)"
             r"[a-z][\w\-]*\s+){0,2}?"
             r"(?P<noun>" + "|".join(sorted(_CROWDS)) + r")\b)")
_CHANTED = r"(?P<verb>chanted|chanting|chant)"
_CHANT_BEFORE_RE = re.compile(r"(?<![\w’'])" + _CROWD_NP + r"(?:\s+(?:also|then|again|[a-z]+ly)){0,2}"
                              r"\s+" + _CHANTED + r"(?:\s+(?:back|at|to|him|her|them|it|again|"
                              r"[a-z]+ly)){0,4}[\s,:]*$")
_CHANT_AFTER_RE = re.compile(_GAP + _CROWD_NP + r"\s+" + _CHANTED + r"\b")
_LEAD_RE = re.compile(r"[\s•·*\-–—]*(?:(?:But|And|Then|When|As|Later),?\s+)?")


def described_person(site: Site) -> Cue | None:
    """Return the cue of a person noun and speech verb right beside the quotation."""
    return _after(site) or _before(site) or _document(site) or _chant(site)


def _chant(site: Site) -> Cue | None:
    """Return the cue of a crowd chanting the quotation: "the crowd chanted back, “…”",
    "“…” some protesters chanted"."""
    masked, lo = site.doc.masked, max(site.lo, site.q.open_pos - 120)
    if masked.find("chant", lo, site.q.open_pos) < 0 \
            and masked.find("chant", site.close_end, site.close_end + 80) < 0:
        return None  # the common case, found without a regular expression
    found = _CHANT_AFTER_RE.match(masked, site.close_end, site.hi) \
        or _CHANT_BEFORE_RE.search(masked, lo, site.q.open_pos)
    if found is None:
        return None
    text = found.group("np")
    body = text.split(None, 1)[1] if found.group("det") else text
    mention = Mention("anonymous", text, found.start("np"), found.end("np"), body,
                      head=found.group("noun"))
    return Cue(min(mention.start, found.start("verb")), max(mention.end, found.end("verb")),
               found.start("verb"), found.end("verb"), mention, found.group("verb"))


def _document(site: Site) -> Cue | None:
    """Return the cue of a document that reads or says the quotation: "“…,” the email read",
    "“…” reads a Sunday editorial", "“…,” the lawsuit says", "The ad claims “…”"."""
    masked = site.doc.masked
    found = _DOC_AFTER_RE.match(masked, site.close_end, site.hi)
    if found is None:
        lead = _LEAD_RE.match(masked, site.lo, site.q.open_pos).end()
        found = _DOC_BEFORE_RE.match(masked, lead, site.q.open_pos)
        if found is None or found.group("verb") not in _DOC_SPEECH:
            return None
    np, verb, doc = ("np", "verb", "doc") if found.group("verb") else ("i_np", "i_verb", "i_doc")
    text = found.group(np)
    # the document itself, not a guess at its issuer: "the email", "a Sunday editorial"
    mention = Mention("anonymous", text, found.start(np), found.end(np), text.split(None, 1)[1],
                      head=found.group(doc))
    return Cue(min(mention.start, found.start(verb)), max(mention.end, found.end(verb)),
               found.start(verb), found.end(verb), mention, found.group(verb))


def _after(site: Site) -> Cue | None:
    masked = site.doc.masked
    found = _AFTER_RE.match(masked, site.close_end, site.hi)
    if found is None:
        return None
    if found.group("verb") is not None:
        verb, noun, det, np = "verb", "noun", "det", "np"
    else:
        verb, noun, det, np = "verb2", "i_noun", "i_det", "i_np"
        if not _INVERTED_END_RE.match(masked, found.end(), site.hi):
            return None  # "said the boy scouts …": the noun goes on
    return _cue(found, verb, noun, det, np)


def _before(site: Site) -> Cue | None:
    masked = site.doc.masked
    lead = _LEAD_RE.match(masked, site.lo, site.q.open_pos).end()
    found = _BEFORE_RE.match(masked, lead, site.q.open_pos)
    return _cue(found, "verb", "noun", "det", "np") if found is not None else None


def _cue(found: re.Match, verb: str, noun: str, det: str, np: str) -> Cue | None:
    if found.group(verb) not in _SPEECH:
        return None
    kind = "anonymous"  # a new person, never an earlier speaker: "the woman" is nobody named
    text = found.group(np)
    body = text.split(None, 1)[1]
    mention = Mention(kind, text, found.start(np), found.end(np), body, head=found.group(noun))
    return Cue(min(mention.start, found.start(verb)), max(mention.end, found.end(verb)),
               found.start(verb), found.end(verb), mention, found.group(verb))


def unread_beside(site: Site) -> Cue | None:
    """Return a speakerless cue for a finite reporting verb beside the closing mark whose
    described subject was not read ("…,” the 45-year-old striker said"; not "‘Title,’ a
    biography written by …")."""
    starts, items = verb_index(site.doc)
    k = bisect_left(starts, site.close_end)
    if k == len(items) or items[k][0] - site.close_end > _UNREAD_REACH:
        return None
    vs, ve, verb = items[k]
    masked = site.doc.masked
    if verb not in SPEECH_VERBS or verb.endswith(("ing", "en")) or vs >= site.hi:
        return None
    before = _UNREAD_SUBJECT_RE.fullmatch(masked, site.close_end, vs)
    after = verb not in NO_INVERSION_VERBS and _GAP_RE.fullmatch(masked, site.close_end, vs) \
        and _UNREAD_AFTER_RE.match(masked, ve)
    return Cue(vs, ve, vs, ve, None, verb) if before or after else None
