"""Non-JSON renderings: CSV for scripts, Atom and JSON Feed for feed readers,
BibTeX/RIS/CSL-JSON/text for reference managers."""
from __future__ import annotations

import csv
import io
from dataclasses import fields
from urllib.parse import urlencode

from flask import Response, request
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_options_header

from api.citations import DEFAULT_STYLE, FORMATS, JSON, JSON_MEDIA_TYPE, export
from api.pagination import link_header
from api.schemas.base import path_part, url_root
from api.store.selection import QuoteFilters
from api.web.links import quote_page
from api.feeds import ATOM_MEDIA_TYPE, JSON_FEED_MEDIA_TYPE, FeedLinks, atom_feed, json_feed

CSV_COLUMNS = ("id", "text", "kind", "speaker_id", "speaker_name", "cue", "date", "date_basis",
               "source_id", "outlet", "source_title", "source_url", "start", "end")
LIST_MEDIA_TYPES = {"csv": "text/csv", "bibtex": FORMATS["bibtex"], "ris": FORMATS["ris"],
                    "csl-json": FORMATS["csl-json"], "atom": ATOM_MEDIA_TYPE,
                    "jsonfeed": JSON_FEED_MEDIA_TYPE}
FEEDS = {"atom": (atom_feed, "application/atom+xml; charset=utf-8"),
         "jsonfeed": (json_feed, JSON_FEED_MEDIA_TYPE)}
# The documented body of each alternative rendering: text, except the two JSON-based ones.
RAW_BODIES = {FORMATS["csl-json"]: {"type": "array", "items": {"type": "object"},
                                    "description": "CSL-JSON items, one per source"},
              JSON_FEED_MEDIA_TYPE: {"type": "object", "description": "A JSON Feed 1.1 document"}}


def _accept_ranges() -> list[tuple[str, dict, float]]:
    """Return the Accept header's ranges as (media type, parameters, q), parsed by werkzeug."""
    return [(*parse_options_header(value), quality)
            for value, quality in request.accept_mimetypes]


def negotiate(fmt: str | None, media_types: dict[str, str]) -> str:
    """Return `fmt` if given, else the format Accept prefers, else "json".

    The one tie rule: the highest q wins; on a tie JSON (the default) wins, then the format
    listed first in `media_types`. Media-type parameters (`style=`) do not affect the match.
    """
    if fmt is not None:
        return fmt
    if not request.environ.get("HTTP_ACCEPT"):  # no preference: JSON, without parsing (~10 µs)
        return JSON
    accept = MIMEAccept([(media, quality) for media, _, quality in _accept_ranges()])
    ranked = {JSON: accept.quality(JSON_MEDIA_TYPE)} | {
        name: accept.quality(media) for name, media in media_types.items()}
    best = max(ranked, key=ranked.__getitem__)  # max keeps the first of equals: the tie rule
    return best if ranked[best] > 0 else JSON


def accepted_style() -> str | None:
    """Return the `style` parameter of the Accept header's text/x-bibliography, as DOI
    content negotiation reads it (`Accept: text/x-bibliography; style=mla`), else None."""
    if not request.environ.get("HTTP_ACCEPT"):
        return None
    ranges = [(quality, params["style"]) for media, params, quality in _accept_ranges()
              if media == FORMATS["text"] and params.get("style") and quality > 0]
    return max(ranges, key=lambda found: found[0])[1] if ranges else None


def alt_formats(blp, media_types: dict[str, str], description: str):
    """Document each media type as an alternative 200 answer (a string body) of a route."""
    def decorate(func):
        for media_type in media_types.values():
            body = RAW_BODIES.get(media_type, {"type": "string"})
            func = blp.alt_response(200, schema=body, content_type=media_type, success=True,
                                    description=description)(func)
        return func
    return decorate


def citation_response(items: list[dict], fmt: str, style: str = DEFAULT_STYLE,
                      headers: dict | None = None) -> Response:
    """Return CSL items exported as `fmt` (bibtex, ris, csl-json, text) with its media type."""
    body, content_type = export(items, fmt, style)
    return Response(body, headers=headers, content_type=content_type)


def feed_response(rows: list[dict], page: dict, fmt: str) -> Response:
    """Return a page of quote rows as an Atom or JSON Feed document, linking its next page."""
    root = url_root()

    def quote_url(quote_id: str) -> str:
        return f"{root}v1/quotes/{path_part(quote_id)}"  # as QuoteSchema's links.self

    def quote_page_url(quote_id: str) -> str:
        return root + quote_page(quote_id)  # as QuoteSchema's links.html
    links = FeedLinks(feed_url=request.url, home_page_url=search_page_url(root),
                      next_url=page["next"], quote_url=quote_url, quote_page_url=quote_page_url)
    render, content_type = FEEDS[fmt]
    return Response(render(rows, links), headers=link_header(page), content_type=content_type)


def search_page_url(root: str) -> str:
    """Return the search page for people showing the filters of this list request."""
    names = {field.name for field in fields(QuoteFilters)}
    pairs = [(key, value) for key, value in request.args.items(multi=True) if key in names]
    return f"{root}search" + (f"?{urlencode(pairs)}" if pairs else "")


# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV Injection"):
# such text cells are written with a leading apostrophe, which spreadsheets show as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(out, rows) -> None:
    """Write quote rows to a text stream as CSV with a header line, formula cells neutralised."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([_csv_cell(row.get(col)) for col in CSV_COLUMNS] for row in rows)


def csv_response(rows: list[dict], headers: dict) -> Response:
    """Return quote rows as a text/csv response with a header line."""
    out = io.StringIO()
    write_csv(out, rows)
    headers = {**headers, "Content-Disposition": 'attachment; filename="quotes.csv"'}
    return Response(out.getvalue(), headers=headers, content_type="text/csv; charset=utf-8")
