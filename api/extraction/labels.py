"""A name labelling a quotation with a colon (rule 7 of sieve.py).

Rules:
- A sentence that is only a name, a colon and the quotation is the name's words, as in a
  transcript or a list of statements ("Mayor Ada Lund: “…”", "Ada Lund (D-Ore.): “…”"),
  also after a lead-in ending in a dash ("Pollsters agree - Ada Lund: “…”") and after an
  inverted reporting verb ("Continued Lund: “…”", "Added Lund: “…”").
- Only a name (a person or an organisation), never a place, a description ("From the
  report: “…”" is left to the other rules) or a phrase with a possessive (a headline "Lee
  Praises Kim's Aide Ana Lund: ‘…’").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .attribution import Cue
from .lexicon import words
from .mentions import parse_after

if TYPE_CHECKING:
    from .sieve import Answer, Site

_LEAD_RE = re.compile(r"[\s•·*]*(?:[^:;“”\"\n]{0,80}\s[-–—]\s+)?"
                      r"(?:(?:Continued|Added|Concluded|Replied|Responded|Countered|Explained|"
                      r"Wrote|Said|Asked|Insisted|Warned)\s+)?")
_TAIL_RE = re.compile(r"\s*(?:\([^()\n]{1,30}\))?\s*")
_PLACES = words("us_places") | words("places")
# "Lee Praises Kim’s Aide Ana Lund: ‘…’" is a headline about someone, not a label.
_POSSESSIVE_RE = re.compile(r"\w['’]s?\s")


def label(site: Site) -> Answer:
    """Rule 7: the name before a colon that introduces the quotation ("Ada Lund: “…”")."""
    mark = site.colon_before(140)
    if mark is None:
        return None
    masked = site.doc.masked
    start = _LEAD_RE.match(masked, site.lo, mark).end()
    mention = parse_after(masked, start, mark)
    if mention is None or mention.kind != "name" or mention.start != start \
            or not _TAIL_RE.fullmatch(masked, mention.end, mark) \
            or mention.name.lower() in _PLACES or _POSSESSIVE_RE.search(masked, start, mark):
        return None
    return Cue(mention.start, mention.end, mark, mark + 1, mention, ":")
