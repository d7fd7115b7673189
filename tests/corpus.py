"""A small hand-annotated corpus for API tests: quotes written by hand, not extracted."""
from __future__ import annotations

import hashlib

from api.extraction.model import ExtractedQuote, Speaker
from api.store.ingest import SourceInput

HARBOUR = """Port strike ends after talks

LONDON (Wire): Dock workers voted on Monday to end a two-week strike, union leaders said.

“We have won a fair deal and we are going back to work,” said Maria Costa, general secretary of the dockers' union.

Costa said the agreement “protects every job on the quay”.

The port authority said it was “relieved” and expected traffic to return to normal by Friday.
"""

ROBOTS = """Robots take over the warehouse floor

Sales of warehouse robots rose sharply last year, the company said on Tuesday.

“Demand is stronger than at any time in our history,” chief executive Daniel Okafor told analysts. “We cannot build them fast enough.”

Okafor warned that chip shortages could slow deliveries. “If the supply of chips does not improve, we will miss our targets,” he said.

A person familiar with the matter said the board had discussed a share buyback.
"""

EMOJI = """Fans react 🎉 online

Supporters posted 🎉🎉 after the final whistle. “What a night 🎉 for this club,” captain Lena Vogt said.

Vogt later added: “We did it together.”
"""


def _q(text: str, fragment: str, kind: str, speaker: Speaker | None, cue: str | None,
       date: str | None, basis: str | None, nth: int = 0) -> ExtractedQuote:
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    cue_start = text.find(cue, start) if cue else None
    if cue and cue_start < 0:
        cue_start = text.rfind(cue, 0, start)
    return ExtractedQuote(start, start + len(fragment), fragment, kind, speaker, cue, cue_start,
                          cue_start + len(cue) if cue else None, date, basis)


COSTA = Speaker("Maria Costa", "person", "general secretary of the dockers' union", "Maria Costa")
COSTA_SHORT = Speaker("Maria Costa", "person", None, "Costa")
PORT = Speaker("port authority", "organization", None, "The port authority")
# A description, not a name: the harbour article's own port authority.
PORT_ID = "port-authority-" + hashlib.sha256(HARBOUR.encode()).hexdigest()[:6]
OKAFOR = Speaker("Daniel Okafor", "person", "chief executive", "Daniel Okafor")
OKAFOR_HE = Speaker("Daniel Okafor", "person", None, "he")
OKAFOR_SHORT = Speaker("Daniel Okafor", "person", None, "Okafor")
VOGT = Speaker("Lena Vogt", "person", "captain", "Lena Vogt")
VOGT_SHORT = Speaker("Lena Vogt", "person", None, "Vogt")

ARTICLES = [
    (SourceInput(HARBOUR, outlet="Wire", publisher="Harbour Times", title="Port strike ends after talks",
                 author="Jane Doe", url="https://example.org/port-strike", published="2023-03-08"), [
        _q(HARBOUR, "We have won a fair deal and we are going back to work,", "full", COSTA,
           "said Maria Costa", "2023-03-08", "published"),
        _q(HARBOUR, "protects every job on the quay", "partial", COSTA_SHORT, "Costa said",
           "2023-03-08", "published"),
        _q(HARBOUR, "relieved", "partial", PORT, "The port authority said", "2023-03-08",
           "published"),
    ]),
    (SourceInput(ROBOTS, outlet="Business Daily", title="Robots take over the warehouse floor",
                 url="https://example.com/robots?id=7", published="2024-02-01"), [
        _q(ROBOTS, "Demand is stronger than at any time in our history,", "full", OKAFOR,
           "chief executive Daniel Okafor told analysts", "2024-02-01", "published"),
        _q(ROBOTS, "We cannot build them fast enough.", "full", OKAFOR,
           "chief executive Daniel Okafor told analysts", "2024-02-01", "published"),
        _q(ROBOTS, "chip shortages could slow deliveries", "indirect", OKAFOR_SHORT,
           "Okafor warned", "2024-02-01", "published"),
        _q(ROBOTS, "If the supply of chips does not improve, we will miss our targets,", "full",
           OKAFOR_HE, "he said", "2024-02-01", "published"),
    ]),
    (SourceInput(EMOJI, outlet="wire", title="Fans react 🎉 online", published="2022-05-29"), [
        _q(EMOJI, "What a night 🎉 for this club,", "full", VOGT, "captain Lena Vogt said",
           "2022-05-28", "relative"),
        _q(EMOJI, "We did it together.", "full", VOGT_SHORT, "Vogt later added", "2022-05-29",
           "published"),
    ]),
]
