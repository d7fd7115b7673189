"""Normalise text for comparison, keeping a map back to original code-point offsets."""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, chain, repeat
from operator import add, sub

# One character in, one character out, so positions survive the translation.
QUOTES = dict.fromkeys("‘’‚‛′`´", "'") | dict.fromkeys("“”„‟″«»", '"')
DASHES = dict.fromkeys("‐‑‒–—―−﹘﹣－", "-")
INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")  # dropped: soft hyphen, zero widths
# A word: letters/digits, joined by an apostrophe, hyphen or dot ("don't", "china-us", "u.s");
# or one symbol such as an emoji, so "🎉" counts as a word and is compared.
WORD = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*|[^\w\s'\".\-]")
SYMBOL_CATEGORIES = ("So", "Sc", "Sm")
_SPLIT = re.compile(f"({WORD.pattern})")
# Bump whenever folding or word splitting changes: stored forms of another version are ignored.
FORM_VERSION = 1


@dataclass(frozen=True)
class Normalized:
    """Words of a text, lowercased and joined by single spaces, with their original positions.

    `origin[i]` is the code-point offset in `original` of the character `text[i]`; the space
    between two words maps to the start of the next word. `words` are (start, end) spans of
    `text`, one per word (`begins`, `ends`: the same as two lists).

    `origin` and the word spans are built only when asked for: most candidate sources never
    need more than a few offsets, which `origin_at` derives from the words' folded positions.
    """

    original: str
    text: str
    word_origins: tuple[int, ...]  # original offset of each word's first character
    lengths: list[int] = field(repr=False, compare=False)  # of each word
    # Folded-text offsets of each word's first character and one past its last, and the
    # folded -> original offset map (None: the same offsets).
    folded_starts: list[int] = field(repr=False, compare=False)
    folded_stops: list[int] = field(repr=False, compare=False)
    folded_origin: list[int] | None = field(repr=False, compare=False)

    @cached_property
    def begins(self) -> list[int]:
        return [0, *accumulate(map(add, self.lengths[:-1], repeat(1)))] if self.lengths else []

    @cached_property
    def ends(self) -> list[int]:
        return list(map(add, self.begins, self.lengths))

    @cached_property
    def words(self) -> tuple[tuple[int, int], ...]:
        return tuple(zip(self.begins, self.ends))

    @cached_property
    def origin(self) -> tuple[int, ...]:
        starts = self.folded_starts
        runs: list[range] = [range(0)] * max(0, 2 * len(starts) - 1)
        runs[0::2] = map(range, starts, self.folded_stops)
        runs[1::2] = map(range, starts[1:], map(add, starts[1:], repeat(1)))
        if self.folded_origin is None:
            return tuple(chain.from_iterable(runs))
        return tuple(map(self.folded_origin.__getitem__, chain.from_iterable(runs)))

    def origin_at(self, position: int) -> int:
        """Return origin[position] without building origin."""
        index = bisect.bisect_right(self.begins, position) - 1
        if position < self.ends[index]:
            folded = self.folded_starts[index] + position - self.begins[index]
        else:  # the space before the next word
            folded = self.folded_starts[index + 1]
        return folded if self.folded_origin is None else self.folded_origin[folded]

    def _word_last_origin(self, index: int) -> int:
        folded = self.folded_stops[index] - 1
        return folded if self.folded_origin is None else self.folded_origin[folded]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original [start, end) covering normalised text[start:end]."""
        if start >= end:
            at = self.origin_at(start) if start < len(self.text) else len(self.original)
            return at, at
        return self.origin_at(start), self.origin_at(end - 1) + 1

    def word_index(self, position: int) -> int:
        """Return the index of the first word ending after normalised position."""
        return bisect.bisect_right(self.ends, position)

    def region(self, start: int, end: int) -> tuple[int, int]:
        """Return the normalised [start, end) of the words inside original [start, end)."""
        first = bisect.bisect_left(self.word_origins, start)
        if self.folded_origin is None:  # a word's last character is at folded_stops - 1
            last = max(first, bisect.bisect_right(self.folded_stops, end))
        else:
            last = first
            while last < len(self.lengths) and self._word_last_origin(last) < end:
                last += 1
        if first == last:
            return 0, 0
        return self.begins[first], self.ends[last - 1]

    def word_texts(self, first: int, last: int | None) -> list[str]:
        """Return the normalised words first..last-1."""
        text = self.text
        return [text[s:e] for s, e in zip(self.begins[first:last], self.ends[first:last])]


# One character in, what it folds to: "" (invisible), " " (a Unicode space, or punctuation that
# can never be part of a word), a quote or dash, or its casefold (with any character of the
# casefold that can never be part of a word made a space too). Filled lazily, one entry per
# distinct code point met (a few thousand in practice), and holding every character of the text
# being folded, so `str.translate` never misses a key.
_FOLD: dict[int, str] = {}
# Characters whose folding is not one character long: invisible ones and casefold expansions
# (ß -> ss, İ -> i + combining dot). Only texts holding one need a per-position offset map.
_RESIZED: set[str] = set()
_KNOWN: set[str] = set()  # the characters in _FOLD; added last, so a reader never misses one
_FOLD_MAX = 1 << 16  # beyond this many learnt characters, a text's new ones are folded alone
_SEPARATOR = re.compile(r"[^\w\s'\".\-]")  # WORD's single-symbol alternative


def _fold_char(char: str) -> str:
    if char in INVISIBLE:
        return ""
    if char.isspace():
        return " "
    folded = QUOTES.get(char) or DASHES.get(char) or char.casefold()
    # A single non-word character that is not a symbol is never kept as a word; as a space it
    # still separates words exactly as before, and the word pattern no longer has to filter it.
    return "".join(" " if _SEPARATOR.match(ch) and not _is_word(ch) else ch for ch in folded)


def _table(chars: set[str]) -> tuple[dict[int, str], set[str]]:
    """Return a translation table holding every one of chars, and those of chars it resizes."""
    new = chars - _KNOWN
    if len(_FOLD) + len(new) > _FOLD_MAX:  # a flood of rare characters: do not keep them
        table = {ord(char): _fold_char(char) for char in chars}
        return table, {char for char in chars if len(table[ord(char)]) != 1}
    for char in new:
        folded = _fold_char(char)
        if len(folded) != 1:
            _RESIZED.add(char)
        _FOLD[ord(char)] = folded
        _KNOWN.add(char)
    return _FOLD, chars & _RESIZED


def _fold(text: str) -> tuple[str, list[int] | None]:
    """Return the folded text and each folded character's original offset (None: the same)."""
    chars = set(text)
    table, resized = _table(chars)
    folded = text.translate(table)
    if not resized:
        return folded, None
    origin: list[int] = []
    cursor = 0
    for match in re.finditer("[" + "".join(map(re.escape, sorted(resized))) + "]", text):
        at = match.start()
        origin.extend(range(cursor, at))
        origin.extend([at] * len(table[ord(match.group())]))
        cursor = at + 1
    origin.extend(range(cursor, len(text)))
    return folded, origin


def _is_word(match: str) -> bool:
    return len(match) > 1 or match.isalnum() or unicodedata.category(match) in SYMBOL_CATEGORIES


def normalize(text: str) -> Normalized:
    """Return text's words in comparable form with a map back to original offsets."""
    folded, folded_origin = _fold(text)
    # Every match is a word: punctuation that is not a symbol was folded to a space. Splitting
    # gives separator, word, separator, …, separator; the offsets follow from their lengths.
    parts = _SPLIT.split(folded)
    words = parts[1::2]
    ends = list(accumulate(map(len, parts)))
    starts = ends[0:-1:2]  # folded offset of each word
    if folded_origin is None:
        word_origins = tuple(starts)
    else:
        word_origins = tuple(map(folded_origin.__getitem__, starts))
    return Normalized(text, " ".join(words), word_origins, list(map(len, words)), starts,
                      ends[1::2], folded_origin)


def stored_offsets(norm: Normalized) -> bytes | None:
    """Return what rebuilds norm from its text and original: the gap before each word.

    None when it cannot be stored that way: the text holds a character whose folding is not one
    character long, or a gap of 255 characters or more.
    """
    if norm.folded_origin is not None:
        return None
    gaps = list(map(sub, norm.folded_starts, [0, *norm.folded_stops[:-1]]))
    return bytes(gaps) if not gaps or max(gaps) < 255 else None


def from_stored(original: str, text: str, gaps: bytes | None) -> Normalized:
    """Return normalize(original), given its normalised text and stored_offsets() (or None)."""
    if gaps is None:
        return normalize(original)
    lengths = list(map(len, text.split(" "))) if text else []
    starts = list(accumulate(map(add, gaps, [0, *lengths[:-1]])))
    return Normalized(original, text, tuple(starts), lengths, starts,
                      list(map(add, starts, lengths)), None)


def strip_accents(word: str) -> str:
    """Return word without combining marks, as SQLite's unicode61 tokenizer indexes it."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def index_terms(word: str) -> list[str]:
    """Return the full-text index terms of one normalised word ("china-us" -> china, us)."""
    if word.isascii() and word.isalnum():  # most words: nothing to strip or split
        return [word]
    return [term for term in re.split(r"[^\w]+|_", strip_accents(word)) if term]
