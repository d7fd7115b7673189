"""GET /v1/sources, /v1/sources/{id} and /v1/sources/{id}/text."""
from flask import g

from api.pagination import decode_cursor, envelope, link_header
from api.routes import Blueprint
from api.schemas.sources import (SourceDetailSchema, SourceListArgs, SourcePageSchema,
                                 SourceTextArgs, SourceTextSchema)
from api.store import quotes as quote_store
from api.store import sources as store

blp = Blueprint("sources", __name__, url_prefix="/v1/sources",
                description="Source documents, stored whole")


@blp.route("")
@blp.arguments(SourceListArgs, location="query", as_kwargs=True)
@blp.response(200, SourcePageSchema)
def list_sources(limit, cursor, outlet):
    """List sources, newest first."""
    rows, next_values = store.list_sources(g.db, outlet, decode_cursor(cursor, "sources"), limit)
    page = envelope(rows, store.count_sources(g.db, outlet), next_values, "sources")
    return page, 200, link_header(page)


@blp.route("/<source_id>")
@blp.response(200, SourceDetailSchema)
def get_source(source_id):
    """Get one source with its full text and its quotes."""
    source = store.get_source(g.db, source_id)
    return {**source, "quotes": quote_store.quotes_of_source(g.db, source_id)}


@blp.route("/<source_id>/text")
@blp.arguments(SourceTextArgs, location="query", as_kwargs=True)
@blp.response(200, SourceTextSchema)
def get_source_text(source_id, start, end):
    """Get a slice of a source's text, in code points."""
    return store.get_source_text(g.db, source_id, start, end)
