"""/v1/quotes: list, read, and editorial corrections with their history."""
from flask import current_app, g, url_for

from api.auth import SECURITY, token_required
from api.citations.adapters import csl_items
from api.formats import (FEEDS, LIST_MEDIA_TYPES, alt_formats, citation_response,
                         csv_response, feed_response, negotiate)
from api.limits import search_limit, write_limit
from api.pagination import decode_cursor, envelope, link_header
from api.routes import WRITE_PROBLEMS, Blueprint
from api.schemas.base import NoArgs
from api.schemas.editorial import HistorySchema, QuoteCreateSchema, QuoteFieldsSchema
from api.schemas.quotes import QuoteListArgs, QuotePageSchema, QuoteSchema
from api.store import counts, editorial
from api.store import quotes as store
from api.store.selection import QuoteFilters, select

blp = Blueprint("quotes", __name__, url_prefix="/v1/quotes", description="Quotes and their spans")
LIST_ANSWER = ("The page as JSON; as CSV (`format=csv`, text/csv); as an Atom or JSON Feed 1.1 "
               "feed, newest first (`format=atom|jsonfeed`, application/atom+xml, "
               "application/feed+json); or the page's sources as BibTeX, RIS or CSL-JSON "
               "(`format=bibtex|ris|csl-json`, or their media types)")


@blp.route("")
@search_limit
@blp.arguments(QuoteListArgs, location="query", as_kwargs=True)
@blp.response(200, QuotePageSchema, description=LIST_ANSWER)
@alt_formats(blp, LIST_MEDIA_TYPES, LIST_ANSWER)
@blp.problems(429, 503)
@blp.doc(operationId="listQuotes")
def list_quotes(limit, cursor, sort, facet, output_format, **filters):
    """List quotes: filter, search, facet, sort and page through them."""
    filters = QuoteFilters(**filters)
    fmt = negotiate(output_format, LIST_MEDIA_TYPES)
    if fmt in FEEDS and sort is None:
        sort = "-date"  # newest on top, also for a search, unless the URL asks another order
    # A feed negotiated by Accept names its format in `next`: feed readers send no Accept.
    negotiated = {"format": fmt} if fmt in FEEDS and output_format is None else {}
    page = page_of_quotes(filters, sort, cursor, limit, facet, next_params=negotiated)
    rows = page["data"]
    if fmt in FEEDS:
        return feed_response(rows, page, fmt)
    if fmt == "csv":
        return csv_response(rows, link_header(page))
    if fmt != "json":
        return citation_response(csl_items(rows), fmt, headers=link_header(page))
    return page, 200, link_header(page)


def page_of_quotes(filters: QuoteFilters, sort: str | None, cursor: str | None, limit: int,
                   facet=(), next_params: dict | None = None) -> dict:
    """Return a page of quotes as GET /v1/quotes answers it ({data, next, total}, with
    ranked_by for a relevance sort and facets when asked); the pages for people read it too."""
    selection = select(g.db, filters, current_app.config["SEARCH_COMMON_QUOTES"])
    sort, ranked_by = selection.order(sort or ("relevance" if filters.q else "-date"))
    kind = f"quotes{sort}"
    rows, next_values = store.list_quotes(g.db, selection, sort, decode_cursor(cursor, kind), limit)
    total, facets = counts.tally(g.db, selection, facet)
    extra = {"ranked_by": ranked_by} if ranked_by else {}
    if facet:
        extra["facets"] = facets
    return envelope(rows, total, next_values, kind, next_params=next_params, **extra)


@blp.route("/<quote_id>")
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(200, QuoteSchema)
@blp.problems(404, 410)
@blp.doc(operationId="getQuote")
def get_quote(quote_id):
    """Get one quote."""
    return store.get_quote(g.db, quote_id)


@blp.route("", methods=["POST"])
@token_required  # credentials first: 401 before 429
@write_limit
@blp.arguments(QuoteCreateSchema)
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(201, QuoteSchema)
@blp.problems(*WRITE_PROBLEMS, 404, 409, 422)
@blp.doc(security=SECURITY)
@blp.doc(operationId="createQuote")
def create_quote(data):
    """Add a quote extraction missed; a span whose text differs from the source is 422."""
    quote_id = editorial.create_quote(g.db, g.actor, data)
    location = {"Location": url_for("quotes.get_quote", quote_id=quote_id, _external=True)}
    return store.get_quote(g.db, quote_id), 201, location


@blp.route("/<quote_id>", methods=["PATCH"])
@token_required  # credentials first: 401 before 429
@write_limit
@blp.arguments(QuoteFieldsSchema)
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(200, QuoteSchema)
@blp.problems(*WRITE_PROBLEMS, 404, 410, 422)
@blp.doc(security=SECURITY)
@blp.doc(operationId="updateQuote")
def update_quote(changes, quote_id):
    """Fix a quote's speaker, kind, cue, date or span; its id does not change."""
    editorial.update_quote(g.db, g.actor, quote_id, changes)
    return store.get_quote(g.db, quote_id)


@blp.route("/<quote_id>", methods=["DELETE"])
@token_required  # credentials first: 401 before 429
@write_limit
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(204)
@blp.problems(*WRITE_PROBLEMS, 404, 410)
@blp.doc(security=SECURITY)
@blp.doc(operationId="deleteQuote")
def delete_quote(quote_id):
    """Remove a false quote; afterwards it answers 410 with its history."""
    editorial.delete_quote(g.db, g.actor, quote_id)


@blp.route("/<quote_id>/history")
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(200, HistorySchema)
@blp.problems(404)
@blp.doc(operationId="getQuoteHistory")
def quote_history(quote_id):
    """List every editorial write to a quote, oldest first (deleted quotes too)."""
    entries = editorial.quote_history(g.db, quote_id)
    deleted = bool(entries) and entries[-1]["action"] == "delete"
    return {"quote_id": quote_id, "deleted": deleted, "data": entries}
