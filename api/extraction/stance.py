"""A partial quotation voiced by the subject of a stance verb in its clause (rule 9 of sieve.py).

Rules:
- "Lee accused the board of “…”", "Lee described the plan as “…”", "Lee has vowed to “…”":
  a partial quotation later in the clause of a sentence whose opening subject (a name, a
  pronoun or a description) is followed by a verb of words/stance_verbs.txt (auxiliaries and
  adverbs between) is that subject's.
- Not when the quotation sits in a claim, or in words of someone else between the verb and
  the quotation ("Lee accused Kim of saying “…”", "quoted Kim as", "the charge that", a relative
  clause: "the plan, which critics call “…”"), nor
  after a clause break (";", a colon, a dash) or a second subject's own verb.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .attribution import Cue
from .cue_subjects import opening_subject
from .lexicon import words

if TYPE_CHECKING:
    from .sieve import Answer, Site

_VERBS = words("stance_verbs")
_AUX_RE = re.compile(r"(?:,[^,;:“”\"_]{1,80},|,)?\s+(?:(?:has|have|had|also|again|repeatedly|"
                     r"then|later|once|even|just|recently|previously|publicly|openly|often|"
                     r"quickly|[a-z]+ly)\s+){0,3}(?P<verb>[a-z]+)\b")
# Someone else's words or a claim between the verb and the quotation.
_OTHER_RE = re.compile(
    r"\b(?:say|says|said|saying|told|telling|wrote|writing|claim|claims|claimed|claiming|quoted|"
    r"quoting|call|calls|called|calling|asked|asking|which|who|whom|what|charge|charges|allegation|allegations|report|reports|"
    r"suggestion|notion|idea|rumou?rs?|accusations?|assertions?|remarks?|comments?|"
    r"statements?|words)\b|[;:—–]")
_MAX_GAP = 120


def stance(site: Site) -> Answer:
    """Rule 9: the subject of a stance verb before a partial quotation in its clause."""
    if site.title or site.opening or site.kind != "partial":
        return None
    masked, lo, open_pos = site.doc.masked, site.lo, site.q.open_pos
    mention = opening_subject(masked, lo, open_pos)
    if mention is None or mention.kind not in _KINDS:
        return None
    m = _AUX_RE.match(masked, mention.end, open_pos)
    if m is None or m.group("verb") not in _VERBS or open_pos - m.end() > _MAX_GAP:
        return None
    if _OTHER_RE.search(masked, m.end(), open_pos):
        return None
    return Cue(mention.start, mention.end, m.start("verb"), m.end("verb"), mention, m.group("verb"))


_KINDS = ("name", "pronoun", "definite")
