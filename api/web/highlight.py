"""Pure: a text cut into runs, each marked by the innermost quote covering it (or none)."""
from __future__ import annotations

from dataclasses import dataclass

DIRECT_KINDS = ("full", "partial")  # the words as said; "indirect" is reported speech


@dataclass(frozen=True)
class Run:
    """A stretch of the text; `quote` is the innermost quote row covering it, or None.

    `anchor` is true on the first run of its quote: the one that carries the quote's id.
    """

    text: str
    quote: dict | None = None
    anchor: bool = False

    @property
    def speech(self) -> str | None:
        """Return "direct" or "reported" for a marked run, None for plain text."""
        if self.quote is None:
            return None
        return "direct" if self.quote["kind"] in DIRECT_KINDS else "reported"


def marked_runs(text: str, quotes: list[dict]) -> list[Run]:
    """Cut text at every quote's start and end; mark each piece with its innermost quote.

    Quotes are rows with `id`, `start`, `end` (code points) and `kind`. Where quotes overlap,
    the shorter one marks the shared words, so every word is marked once and the runs' texts
    joined are the text. One sweep over the cuts: only the quotes open at a cut are compared.
    """
    spans = sorted((q for q in quotes if 0 <= q["start"] < q["end"] <= len(text)),
                   key=lambda q: q["start"])
    cuts = sorted({0, len(text), *(q["start"] for q in spans), *(q["end"] for q in spans)})
    runs: list[Run] = []
    anchored: set[str] = set()
    open_quotes: list[dict] = []
    opened = 0
    for start, end in zip(cuts, cuts[1:]):
        while opened < len(spans) and spans[opened]["start"] <= start:
            open_quotes.append(spans[opened])
            opened += 1
        open_quotes = [q for q in open_quotes if q["end"] > start]  # each reaches `end`
        quote = min(open_quotes, key=lambda q: (q["end"] - q["start"], q["start"]), default=None)
        if runs and runs[-1].quote is quote:
            runs[-1] = Run(runs[-1].text + text[start:end], quote, runs[-1].anchor)
            continue
        anchor = quote is not None and quote["id"] not in anchored
        if anchor:
            anchored.add(quote["id"])
        runs.append(Run(text[start:end], quote, anchor))
    return runs or [Run(text)]
