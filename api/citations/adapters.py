"""Turn the store's flat quote rows into the engine's inputs and the API's citation objects.

The one place that knows both the row columns (api/store/quotes.py) and the engine's
dataclasses; still pure: rows in, dicts out, no Flask and no SQLite.
"""
from __future__ import annotations

from .attribution import attribution_line
from .csl import csl_item, plain_text, render
from .fragment import text_fragment_url
from .model import QuoteRef, SourceMeta


def source_meta(row: dict) -> SourceMeta:
    """Return the SourceMeta of a quote row's source."""
    return SourceMeta(source_id=row["source_id"], outlet=row["outlet"],
                      publisher=row["source_publisher"], title=row["source_title"],
                      author=row["source_author"], url=row["source_url"],
                      published=row["source_published"])


def quote_ref(row: dict) -> QuoteRef:
    """Return the QuoteRef of a quote row."""
    return QuoteRef(quote_id=row["id"], text=row["text"], start=row["start"], end=row["end"],
                    speaker=row["speaker_name"], role=row["role"], kind=row["kind"],
                    date=row["date"] or None)


def csl_items(rows: list[dict]) -> list[dict]:
    """Return the CSL-JSON items citing the sources of these quote rows, in row order."""
    return [csl_item(quote_ref(row), source_meta(row)) for row in rows]


def _fragment_url(row: dict) -> str | None:
    return text_fragment_url(row["source_url"], row["source_text"], row["start"], row["end"])


def quote_citation(row: dict, style: str) -> dict:
    """Return the citation object of one quote row read with its source text."""
    quote, source = quote_ref(row), source_meta(row)
    item = csl_item(quote, source)
    entry = render([item], style, html=True)[0]  # one render (and cache key) for both forms
    return {
        "quote_id": quote.quote_id, "style": style,
        "citation": plain_text(entry),
        "citation_html": entry,
        "attribution": attribution_line(quote, source),
        "url": source.url, "text_fragment_url": _fragment_url(row), "csl": item,
        "source": {"id": source.source_id, "outlet": source.outlet,
                   "publisher": source.publisher, "title": source.title,
                   "author": source.author, "url": source.url, "published": source.published},
    }


def bibliography_entries(rows: list[dict], style: str) -> list[dict]:
    """Return one short citation object per quote row, rendering each source only once."""
    rendered: dict[str, str] = {}
    entries = []
    for row in rows:
        quote, source = quote_ref(row), source_meta(row)
        if source.source_id not in rendered:
            rendered[source.source_id] = render([csl_item(quote, source)], style)[0]
        entries.append({"quote_id": quote.quote_id, "citation": rendered[source.source_id],
                        "attribution": attribution_line(quote, source), "url": source.url,
                        "text_fragment_url": _fragment_url(row)})
    return entries
