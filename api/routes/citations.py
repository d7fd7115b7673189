"""GET /v1/quotes/{id}/citation and POST /v1/citations: CSL references and exports."""
from flask import g, request

from api.citations import FORMATS, choose_format
from api.citations.adapters import bibliography_entries, csl_items, quote_citation
from api.formats import alt_formats, citation_response
from api.routes import Blueprint
from api.schemas.base import NoArgs
from api.schemas.citations import (BibliographySchema, CitationArgs, CitationRequestSchema,
                                   CitationSchema)
from api.store import quotes as store

blp = Blueprint("citations", __name__, url_prefix="/v1",
                description="Citations: CSL styles, BibTeX, RIS, CSL-JSON, attribution lines")
ANSWER = ("JSON by default; a raw export with `format` = " + ", ".join(
    f"`{name}` ({media})" for name, media in FORMATS.items()) + ", or by Accept")
raw_formats = alt_formats(blp, FORMATS, ANSWER)


def wanted_format(fmt: str | None) -> str:
    """Return the format asked for: the `format` value, else the Accept header's choice."""
    return fmt or choose_format(request.headers.get("Accept"))


@blp.route("/quotes/<quote_id>/citation")
@blp.arguments(CitationArgs, location="query", as_kwargs=True)
@blp.response(200, CitationSchema, description=ANSWER)
@blp.problems(404, 410)
@raw_formats
def get_quote_citation(quote_id, style, format):
    """Cite one quote: its source in a CSL style, the attribution line and a deep link."""
    fmt = wanted_format(format)
    row = store.get_quote(g.db, quote_id, with_source_text=fmt == "json")
    if fmt != "json":
        return citation_response(csl_items([row]), fmt, style)
    return quote_citation(row, style)


@blp.route("/citations", methods=["POST"])
@blp.arguments(CitationRequestSchema)
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(200, BibliographySchema, description=ANSWER)
@blp.problems(404, 410, 413, 415)
@raw_formats
def cite_quotes(body):
    """Cite up to 100 quotes in one call: a bibliography in a style or an export format."""
    fmt = wanted_format(body["format"])
    rows = store.get_quotes(g.db, body["ids"], with_source_text=fmt == "json")
    if fmt != "json":
        return citation_response(csl_items(rows), fmt, body["style"])
    return {"style": body["style"], "data": bibliography_entries(rows, body["style"])}
