"""Word shingles over runs of common words: the index that finds claims a word index cannot.

A claim made only of common words ("we will not be able to do it") matches most sources word by
word, and a phrase query must read the long posting lists of every such word. Three-word
shingles of common words are selective instead, except the few that are everywhere ("of the
and"): those are listed apart and not searched.
"""
from __future__ import annotations

import re
import zlib

from api.provenance.claim import Claim

SHINGLE_WORDS = 3
TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Return the lowercased letter/digit runs of text (the same split for sources and claims)."""
    return TOKEN.findall(text.casefold())


def _hashes(words: list[str], common: frozenset[str]) -> list[int]:
    found = []
    for start in range(len(words) - SHINGLE_WORDS + 1):
        gram = words[start:start + SHINGLE_WORDS]
        if all(word in common for word in gram):
            found.append(zlib.crc32(" ".join(gram).encode()))
    return found


def source_shingles(text: str, common: frozenset[str]) -> set[int]:
    """Return the stored shingle hashes of a source text."""
    return set(_hashes(tokens(text), common)) if common else set()


def claim_shingles(claim: Claim, common: frozenset[str]) -> list[int]:
    """Return the claim's shingle hashes, piece by piece, without repeats."""
    if not common:
        return []
    found = [h for piece in claim.pieces for h in _hashes(tokens(piece.text), common)]
    return list(dict.fromkeys(found))
