"""Normalise text for comparison, keeping a map back to original code-point offsets."""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# One character in, one character out, so positions survive the translation.
QUOTES = dict.fromkeys("‘’‚‛′`´", "'") | dict.fromkeys("“”„‟″«»", '"')
DASHES = dict.fromkeys("‐‑‒–—―−﹘﹣－", "-")
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")  # dropped: soft hyphen, zero widths
# A word: letters/digits, joined by an apostrophe, hyphen or dot ("don't", "china-us", "u.s");
# or one symbol such as an emoji, so "🎉" counts as a word and is compared.
WORD = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*|[^\w\s'\".\-]")
SYMBOL_CATEGORIES = ("So", "Sc", "Sm")


@dataclass(frozen=True)
class Normalized:
    """Words of a text, lowercased and joined by single spaces, with their original positions.

    `origin[i]` is the code-point offset in `original` of the character `text[i]`; the space
    between two words maps to the start of the next word. `words` are (start, end) spans of
    `text`, one per word.
    """

    original: str
    text: str
    origin: tuple[int, ...]
    words: tuple[tuple[int, int], ...]
    word_origins: tuple[int, ...]  # original offset of each word's first character

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original [start, end) covering normalised text[start:end]."""
        if start >= end:
            at = self.origin[start] if start < len(self.origin) else len(self.original)
            return at, at
        return self.origin[start], self.origin[end - 1] + 1

    def word_index(self, position: int) -> int:
        """Return the index of the first word ending after normalised position."""
        low, high = 0, len(self.words)
        while low < high:
            mid = (low + high) // 2
            if self.words[mid][1] <= position:
                low = mid + 1
            else:
                high = mid
        return low

    def region(self, start: int, end: int) -> tuple[int, int]:
        """Return the normalised [start, end) of the words inside original [start, end)."""
        first = bisect.bisect_left(self.word_origins, start)
        last = first
        while last < len(self.words) and self.origin[self.words[last][1] - 1] < end:
            last += 1
        if first == last:
            return 0, 0
        return self.words[first][0], self.words[last - 1][1]

    def word_texts(self, first: int, last: int) -> list[str]:
        """Return the normalised words first..last-1."""
        return [self.text[s:e] for s, e in self.words[first:last]]


def _translate(text: str) -> tuple[str, list[int]]:
    """Fold quotes, dashes, spaces and case; return the folded text and each char's origin."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char in INVISIBLE:
            continue
        if char.isspace():
            folded = " "
        else:
            folded = QUOTES.get(char) or DASHES.get(char) or char.casefold()
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), origin


def _is_word(match: str) -> bool:
    return len(match) > 1 or match.isalnum() or unicodedata.category(match) in SYMBOL_CATEGORIES


def normalize(text: str) -> Normalized:
    """Return text's words in comparable form with a map back to original offsets."""
    folded, folded_origin = _translate(text)
    parts: list[str] = []
    origin: list[int] = []
    words: list[tuple[int, int]] = []
    length = 0
    for match in WORD.finditer(folded):
        word = match.group()
        if not _is_word(word):
            continue
        if parts:
            parts.append(" ")
            origin.append(folded_origin[match.start()])
            length += 1
        parts.append(word)
        origin.extend(folded_origin[match.start():match.end()])
        words.append((length, length + len(word)))
        length += len(word)
    return Normalized(text, "".join(parts), tuple(origin), tuple(words),
                      tuple(origin[start] for start, _ in words))


def strip_accents(word: str) -> str:
    """Return word without combining marks, as SQLite's unicode61 tokenizer indexes it."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def index_terms(word: str) -> list[str]:
    """Return the full-text index terms of one normalised word ("china-us" -> china, us)."""
    return [term for term in re.split(r"[^\w]+|_", strip_accents(word)) if term]
