"""Citations engine: CSL items, styled references, exports, attribution lines, text-fragment links.

Pure functions; no Flask, no SQLite. Typical use by a route::

    item = csl_item(quote, source)
    render([item], "apa")                  # ["AFP. (2023, June 8). …"]
    export([item], "bibtex")               # (body, "application/x-bibtex; charset=utf-8")
    attribution_line(quote, source)        # "“Frankly, …,” Nicholas Burns, … said (AFP, 8 June 2023)."
    text_fragment_url(source.url, text, quote.start, quote.end)

Unknown style / format values raise UnknownStyle / UnknownFormat (ValueError
subclasses) carrying `.value` and `.accepted`.
"""
from .attribution import attribution_line, human_date, nest_quotes
from .csl import csl_item, csl_names, is_wire_copy, render, unique_items
from .exports import bibtex_escape, export, to_bibtex, to_csl_json, to_ris, to_text
from .fragment import encode_term, text_directive, text_fragment_url
from .model import (DEFAULT_STYLE, FORMATS, JSON, JSON_MEDIA_TYPE, STYLES, CitationError,
                    QuoteRef, SourceMeta, UnknownFormat, UnknownStyle, check_format,
                    check_style)

__all__ = [
    "SourceMeta", "QuoteRef", "STYLES", "FORMATS", "DEFAULT_STYLE", "JSON", "JSON_MEDIA_TYPE",
    "CitationError", "UnknownStyle", "UnknownFormat", "check_style", "check_format",
    "csl_item", "csl_names", "is_wire_copy", "render", "unique_items",
    "export", "to_bibtex", "to_ris", "to_csl_json", "to_text", "bibtex_escape",
    "attribution_line", "human_date", "nest_quotes",
    "text_fragment_url", "text_directive", "encode_term",
]
