"""Languages: the code a language tag names, and the language a text is written in.

Rules:
- A language is its ISO 639-1 code (words/iso_639_1.txt). A BCP 47 tag counts by its
  primary subtag, lower-cased ("en-GB" and "EN" are "en", "pt-BR" is "pt"); a tag whose
  primary subtag is no ISO 639-1 code ("xx", "eng", "English") names no language.
- Detection: py3langid, whose model ships in its wheel, restricted to DETECTED, common
  languages of news (fewer candidates: faster and fewer confusions between rare neighbours),
  reading the first DETECT_CHARS characters. Below MIN_PROBABILITY the answer is None
  (unknown, BCP 47's "und"), not a guess: a headline, a list of names or figures.
"""
from __future__ import annotations

import re
from functools import cache

from .lexicon import words

CODES = words("iso_639_1")
DETECTED = tuple("en fr de es it pt nl pl sv da no fi cs sk ru uk tr ro hu el ca bg hr "
                 "ar zh ja ko hi he fa id vi".split())
DETECT_CHARS = 1000
MIN_PROBABILITY = 0.9
_TAG_RE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


def language_code(tag: str) -> str | None:
    """Return the ISO 639-1 code a language tag names ("en-GB": "en"), or None if none."""
    m = _TAG_RE.fullmatch(tag)
    code = m.group(1).lower() if m else None
    return code if code in CODES else None


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # numpy: loaded on first use

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(DETECTED))
    return identifier


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the language text is written in, or None when unsure."""
    code, probability = _identifier().classify(text[:DETECT_CHARS])
    return code if probability >= MIN_PROBABILITY else None
