"""The language arguments of sources and quotes: ISO 639-1 codes, or BCP 47 tags counted as one."""
from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from api.extraction.languages import CODES, language_code
from api.schemas.base import MAX_VALUES, at_most_values

# What known_language accepts, as the OpenAPI document states it (a client or a fuzzer reads the
# exact shape): an ISO 639-1 code in either case, then BCP 47 subtags ("en-GB", "pt_BR").
LANGUAGE_PATTERN = ("^(?:" + "|".join("".join(f"[{c}{c.upper()}]" for c in code)
                                     for code in sorted(CODES)) + ")(?:[-_][A-Za-z0-9]{1,8})*$")


def known_language(tag: str) -> None:
    """Refuse a language tag that names no ISO 639-1 language."""
    if language_code(tag) is None:
        raise ma.ValidationError(f"{tag[:40]!r} is not a language: give an ISO 639-1 code such "
                                 "as en, fr or de (a BCP 47 tag such as en-GB counts as en)")


def language_field(**kwargs) -> fields.String:
    """Return a field for a language tag; codes_of_languages() keeps its ISO 639-1 code."""
    metadata = {"pattern": LANGUAGE_PATTERN, **kwargs.pop("metadata", {})}
    return fields.String(validate=[validate.Length(2, 35), known_language], metadata=metadata,
                         **kwargs)


def language_filter() -> fields.List:
    """Return the repeatable `language` query argument."""
    return fields.List(language_field(), load_default=list, validate=at_most_values, metadata={
        "description": "ISO 639-1 code of the source's language (`en`, `fr`; `en-GB` counts "
                       f"as `en`); repeatable (≤ {MAX_VALUES})."})


def codes_of_languages(data: dict) -> dict:
    """Replace the language tags of loaded arguments by their ISO 639-1 codes, each once."""
    if isinstance(data.get("language"), list):
        data["language"] = list(dict.fromkeys(language_code(tag) for tag in data["language"]))
    elif data.get("language") is not None:
        data["language"] = language_code(data["language"])
    return data
