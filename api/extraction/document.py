"""The article as the engine sees it: quotation spans, masked text, sentences, lines."""
from __future__ import annotations

import re
from bisect import bisect_right

from .lexicon import ABBREVIATIONS
from .marks import QuoteSpan, find_quote_spans

_BOUNDARY_RE = re.compile(r"[.!?…]+[”’\"'»)\]]*[ \t\u00a0]+(?=[^\sa-z,;])")
_NEWLINE_RE = re.compile(r"\n")
_ABBR_RE = re.compile(r"(?:^|[\s(“\"'‘])((?:[A-Za-z]\.)+[A-Za-z]?|[A-Za-z]+)$")
_WORD_RE = re.compile(r"\w+")
_FILLER = "_"
_FINAL_PUNCT_RE = re.compile(r"[.!?…:;][”’\"'»)]*$")
# A US party-and-state tag after a name, "Sen. Ann Roe (R-Texas) said": blanked in the masked
# text so that the name and its verb (or appositive) read as one clause.
# Also a state alone, as one paper writes it: "Sen. Ann Roe (Tex.) said".
_STATE_TAGS = (
    "Ala Alaska Ariz Ark Calif Colo Conn Del Fla Ga Hawaii Idaho Ill Ind Iowa Kan Ky La Maine "
    "Md Mass Mich Minn Miss Mo Mont Neb Nev N\\.H N\\.J N\\.M N\\.Y N\\.C N\\.D Ohio Okla Ore Pa "
    "R\\.I S\\.C S\\.D Tenn Tex Texas Utah Vt Va Wash W\\.Va Wis Wyo").split()
_PARTY_TAG_RE = re.compile(r"(?<=\w) \((?:(?:[DRI]|Dem|Rep|GOP|Ind)\.?(?:\s?[-–,]\s?"
                           r"[A-Z][A-Za-z.]{0,12}(?: [A-Z][A-Za-z.]{0,10})?)?|"
                           r"(?:" + "|".join(_STATE_TAGS) + r")\.?)\)")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Tell whether the period at dot closes an abbreviation or initial."""
    m = _ABBR_RE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "G. Zachary"
    return "." in word or word.lower() in ABBREVIATIONS


class Document:
    """Index an article once so every later lookup is a bisect, not a scan."""

    def __init__(self, text: str, language: str | None = None) -> None:
        self.text = text
        self.spans: list[QuoteSpan] = find_quote_spans(text, language)
        self.masked = self._mask()
        self._q_open = [s.open_pos for s in self.spans]
        self.line_starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]
        self.first_line = self.line_index(len(text) - len(text.lstrip()))  # the headline's
        self.sentence_starts = self._sentences()
        self.cue_cache: dict[tuple[int, int], tuple] = {}
        self.verbs: tuple | None = None  # reporting verbs (attribution.verb_index), on first use
        self.judging: tuple | None = None  # verbs that judge words (quotes.py), on first use

    def _mask(self) -> str:
        """Blank out quotation contents so cues are never looked for inside them."""
        parts: list[str] = []
        last = 0
        for s in self.spans:
            parts.append(self.text[last:s.start])
            chunk = self.text[s.start:s.end]
            if "\n" in chunk:  # keep line structure for multi-paragraph quotations
                parts.append("\n".join(_FILLER * len(line) for line in chunk.split("\n")))
            else:
                parts.append(_FILLER * len(chunk))
            last = s.end
        parts.append(self.text[last:])
        masked = "".join(parts)
        if " (" not in masked:
            return masked
        return _PARTY_TAG_RE.sub(lambda m: " " * len(m.group()), masked)

    def quote_at(self, pos: int) -> QuoteSpan | None:
        """Return the quotation whose marks enclose pos, if any."""
        k = bisect_right(self._q_open, pos) - 1
        if k < 0:
            return None
        s = self.spans[k]
        close = s.close_pos if s.close_pos is not None else s.end
        return s if s.open_pos < pos <= close else None

    def has_quote(self, lo: int, hi: int) -> bool:
        """Tell whether a quotation mark pair opens within text[lo:hi]."""
        k = bisect_right(self._q_open, lo - 1)
        return k < len(self._q_open) and self._q_open[k] < hi

    def _sentences(self) -> list[int]:
        starts = {0}
        text = self.text
        for m in _BOUNDARY_RE.finditer(text):
            nxt = m.end()
            if self.quote_at(nxt) is not None:
                continue
            if text[m.start()] == "." and _is_abbreviation(text, m.start()):
                continue
            starts.add(nxt)
        if any(text.find("\n", s.open_pos, s.end + 1) >= 0 for s in self.spans):
            starts.update(p for p in self.line_starts[1:] if self.quote_at(p - 1) is None)
        else:  # no quotation spans a line break: every line starts a sentence
            starts.update(self.line_starts[1:])
        return sorted(starts)

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """Return (start, end) of the sentence holding pos, end excluding newlines."""
        k = bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[max(k, 0)]
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.text)
        while end > start and self.text[end - 1].isspace():
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        return start, end

    def sentence_index(self, pos: int) -> int:
        """Return the index of the sentence holding pos."""
        return bisect_right(self.sentence_starts, pos) - 1

    def line_index(self, pos: int) -> int:
        """Return the index of the line (paragraph) holding pos."""
        return bisect_right(self.line_starts, pos) - 1

    def line_bounds(self, idx: int) -> tuple[int, int]:
        """Return (start, end) of line idx without its newline."""
        start = self.line_starts[idx]
        end = self.line_starts[idx + 1] - 1 if idx + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def is_title_line(self, pos: int) -> bool:
        """Tell whether pos lies on a short standalone line without final punctuation."""
        start, end = self.line_bounds(self.line_index(pos))
        if end - start > 400:
            return False
        line = self.text[start:end].strip()
        if not line or len(line) > 160 or _FINAL_PUNCT_RE.search(line):
            return False
        return len(_WORD_RE.findall(line)) <= 20
