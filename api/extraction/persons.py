"""Evidence that a one-word speaker ("Neymar", "Lula", "Shakira") is a person.

Rules:
- A person's title or trade is written before the word somewhere in the article
  ("Striker Haaland", "President Lula", "singer Shakira").
- An age or a relative "who" follows it ("Neymar, 33,", "Shakira (48)", "Lula, who").
- Its own quotation speaks in the first person singular ("I", "my", "me"):
  organisations say "we".
- Its reported clause refers back to it as he/she/his/her before any it/its
  ("Neymar said his knee was fine", but "Nasa said its rover …").
"""
from __future__ import annotations

import re

from .lexicon import NAME_PREFIX_TITLES, TITLE_WORDS, words

PERSON_TITLES = (TITLE_WORDS | NAME_PREFIX_TITLES | words("persons_titles")) - frozenset({"official", "leader", "founder", "manager"})
_AFTER_RE = re.compile(r",\s*\d{1,3}(?:-year-old)?\s*[,.)]|\s*\(\d{1,3}\)|,\s+who\b")
_PREV_WORD_RE = re.compile(r"([A-Za-z.]+)\s+$")
_FIRST_PERSON_RE = re.compile(r"(?<![\w’'])(?:I|I['’](?:m|ve|d|ll)|me|my|myself|mine)"
                              r"(?![\w’'])")
_REFERENT_RE = re.compile(r"(?<![\w’'])(he|she|his|her|him|himself|herself|it|its|itself)"
                          r"(?![\w’'])", re.I)


def titled_or_aged(text: str, word: str) -> bool:
    """Tell whether the article writes a person's title before word or an age after it."""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        whole = (pos == 0 or not text[pos - 1].isalnum()) and \
            (end == len(text) or not text[end].isalnum())
        if whole:
            prev = _PREV_WORD_RE.search(text, max(0, pos - 30), pos)
            if prev and prev.group(1).lower() in PERSON_TITLES:
                return True
            if _AFTER_RE.match(text, end):
                return True
        pos = text.find(word, end)
    return False


def speaks_as_person(text: str, start: int, end: int, indirect: bool) -> bool:
    """Tell whether a passage shows its speaker to be a person: "I/my" in a quotation,
    he/his/she/her before it/its in a reported clause."""
    if not indirect:
        return _FIRST_PERSON_RE.search(text, start, end) is not None
    ref = _REFERENT_RE.search(text, start, end)
    return ref is not None and not ref.group(1).lower().startswith("it")
