"""GET /v1/sources, /v1/sources/{id} and /v1/sources/{id}/text."""
from flask import g, url_for

from api.auth import SECURITY, token_required
from api.limits import write_limit

from api.pagination import decode_cursor, envelope, link_header
from api.routes import WRITE_PROBLEMS, Blueprint
from api.schemas.base import NoArgs
from api.schemas.sources import (SourceCreateSchema, SourceDetailSchema, SourceListArgs,
                                 SourcePageSchema, SourceTextArgs, SourceTextSchema)
from api.store import quotes as quote_store
from api.store import sources as store
from api.store.ingest import ingest_article
from api.store.pages import source_input

blp = Blueprint("sources", __name__, url_prefix="/v1/sources",
                description="Source documents, stored whole")


@blp.route("")
@blp.arguments(SourceListArgs, location="query", as_kwargs=True)
@blp.response(200, SourcePageSchema)
@blp.doc(operationId="listSources")
def list_sources(limit, cursor, outlet, language):
    """List sources, newest first."""
    rows, next_values = store.list_sources(g.db, outlet, decode_cursor(cursor, "sources"), limit,
                                           language)
    page = envelope(rows, store.count_sources(g.db, outlet, language), next_values, "sources")
    return page, 200, link_header(page)


@blp.route("", methods=["POST"])
@token_required  # credentials first: 401 before 429
@write_limit
@blp.arguments(SourceCreateSchema)
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.problems(409, 422, *WRITE_PROBLEMS)
@blp.response(201, SourceDetailSchema, description="Stored, with the quotes found in it")
@blp.alt_response(200, schema=SourceDetailSchema, description="The same text was already stored")
@blp.doc(security=SECURITY)
@blp.doc(operationId="createSource")
def create_source(data):
    """Post an article (text or an HTML page): its quotes are stored with it in one transaction.

    422 `no-article-text`: no article text could be extracted from the page; 422
    `too-many-quotation-marks`: the text has more than 50,000 quotation marks (send it in parts).
    """
    result = ingest_article(g.db, source_input(data), actor=g.actor)
    location = {"Location": url_for("sources.get_source", source_id=result.source_id, _external=True)}
    return source_detail(result.source_id), 201 if result.created else 200, location


@blp.route("/<source_id>")
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(200, SourceDetailSchema)
@blp.problems(404)
@blp.doc(operationId="getSource")
def get_source(source_id):
    """Get one source with its full text and its quotes."""
    return source_detail(source_id)


def source_detail(source_id: str) -> dict:
    return {**store.get_source(g.db, source_id), "quotes": quote_store.quotes_of_source(g.db, source_id)}


@blp.route("/<source_id>/text")
@blp.arguments(SourceTextArgs, location="query", as_kwargs=True)
@blp.response(200, SourceTextSchema)
@blp.problems(404)
@blp.doc(operationId="getSourceText")
def get_source_text(source_id, start, end):
    """Get a slice of a source's text, in code points."""
    return store.get_source_text(g.db, source_id, start, end)
