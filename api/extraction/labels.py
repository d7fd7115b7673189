"""A name labelling a quotation with a colon (rule 7 of sieve.py).

Rules:
- A sentence that is only a name, a colon and the quotation is the name's words, as in a
  transcript or a list of statements ("Mayor Ada Lund: “…”", "Ada Lund (D-Ore.): “…”"),
  also after a lead-in ending in a dash, up to 200 characters ("Pollsters agree - Ada Lund:
  “…”"), and after an inverted reporting verb ("Continued Lund: “…”", "Added Lund: “…”").
- A sentence opening with a capitalised reporting verb, then a name, a comma or colon and
  the quotation is the name's ("Said Ada Lund, “…”", "Stated Lund: “…”", "Said Ada Lund,
  who sailed with him, “…”"); around.py reads "Stated Lund:" ending the paragraph before a
  quotation paragraph the same way.
- Only a name (a person or an organisation), never a place, a description ("From the
  report: “…”" is left to the other rules) or a phrase with a possessive (a headline "Lee
  Praises Kim's Aide Ana Lund: ‘…’").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .attribution import Cue
from .cue_subjects import trimmed_end
from .lexicon import SPEECH_VERBS, words
from .mentions import parse_after

if TYPE_CHECKING:
    from .sieve import Answer, Site

_LEAD_RE = re.compile(r"[\s•·*]*(?:[^:;“”\"\n]{0,200}\s[-–—]\s+)?"
                      r"(?:(?:Continued|Added|Concluded|Replied|Responded|Countered|Explained|"
                      r"Wrote|Said|Asked|Insisted|Warned)\s+)?")
_INVERTED_RE = re.compile(r"[\s•·*]*(?P<verb>[A-Z][a-z]+)\s+(?=[A-Z])")
# Past forms of reporting verbs that open an inverted sentence ("Said Lund", "Stated Lund").
_INVERTING = frozenset(w for w in SPEECH_VERBS if w.endswith("ed") or w in ("said", "wrote"))
_AFTER_NAME_RE = re.compile(r"(?:\s*\([^()\n]{1,30}\))?(?:,\s+who\s[^,;:“”\"_]{1,100})?\s*")
_TAIL_RE = re.compile(r"\s*(?:\([^()\n]{1,30}\))?\s*")
_PLACES = words("us_places") | words("places")
# "Lee Praises Kim’s Aide Ana Lund: ‘…’" is a headline about someone, not a label.
_POSSESSIVE_RE = re.compile(r"\w['’]s?\s")


def label(site: Site) -> Answer:
    """Rule 7: the name before a colon that introduces the quotation ("Ada Lund: “…”"), or
    after a capitalised reporting verb opening the sentence ("Said Lund, “…”")."""
    found = inverted(site.doc.masked, site.lo, site.q.open_pos) if not site.title else None
    mark = site.colon_before(260) if found is None else None
    if mark is None:
        return found
    masked = site.doc.masked
    start = _LEAD_RE.match(masked, site.lo, mark).end()
    mention = parse_after(masked, start, mark)
    if mention is None or mention.kind != "name" or mention.start != start \
            or not _TAIL_RE.fullmatch(masked, mention.end, mark) \
            or mention.name.lower() in _PLACES or _POSSESSIVE_RE.search(masked, start, mark):
        return None
    return Cue(mention.start, mention.end, mark, mark + 1, mention, ":")


def inverted(masked: str, lo: int, hi: int) -> Cue | None:
    """Return the cue of a sentence opening with a capitalised reporting verb and the name
    after it, ending in a comma or colon at hi ("Said Lund, “…”", "Stated Lund:", "Said Ada
    Lund, who sailed with him, “…”"), else None."""
    verb = _INVERTED_RE.match(masked, lo, hi)
    end = trimmed_end(masked, 0, hi)
    if verb is None or verb.group("verb").lower() not in _INVERTING or end <= verb.end() \
            or masked[end - 1] not in ",:":
        return None
    mention = parse_after(masked, verb.end(), end - 1)
    if mention is None or mention.kind != "name" or mention.start != verb.end() \
            or not _AFTER_NAME_RE.fullmatch(masked, mention.end, end - 1):
        return None
    return Cue(verb.start("verb"), mention.end, verb.start("verb"), verb.end("verb"), mention,
               verb.group("verb").lower())
