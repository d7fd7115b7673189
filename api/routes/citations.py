"""GET /v1/quotes/{id}/citation and POST /v1/citations: CSL references and exports."""
from flask import g

from api.citations import DEFAULT_STYLE, FORMATS, check_style
from api.citations.adapters import bibliography_entries, csl_items, quote_citation
from api.formats import accepted_style, alt_formats, citation_response, negotiate
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


def wanted(fmt: str | None, style: str | None) -> tuple[str, str]:
    """Return the format and style asked for: the parameters, else the Accept header's choice
    (with its `style` for text/x-bibliography, as DOI content negotiation), else the defaults."""
    fmt = negotiate(fmt, FORMATS)
    if style is None and fmt == "text":
        style = accepted_style()
    return fmt, check_style(style or DEFAULT_STYLE)


@blp.route("/quotes/<quote_id>/citation")
@blp.arguments(CitationArgs, location="query", as_kwargs=True)
@blp.response(200, CitationSchema, description=ANSWER)
@blp.problems(404, 410)
@raw_formats
@blp.doc(operationId="getQuoteCitation")
def get_quote_citation(quote_id, style, output_format):
    """Cite one quote: its source in a CSL style, the attribution line and a deep link."""
    fmt, style = wanted(output_format, style)
    row = store.get_quote(g.db, quote_id, with_source_text=fmt == "json")
    if fmt != "json":
        return citation_response(csl_items([row]), fmt, style)
    return quote_citation(row, style)


@blp.route("/citations", methods=["POST"])
@blp.arguments(CitationRequestSchema)
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(200, BibliographySchema, description=ANSWER)
@blp.problems(404, 408, 410, 413, 415, 503)
@raw_formats
@blp.doc(operationId="citeQuotes")
def cite_quotes(body):
    """Cite up to 100 quotes in one call: a bibliography in a style or an export format."""
    fmt, style = wanted(body["output_format"], body["style"])
    rows = store.get_quotes(g.db, body["ids"], with_source_text=fmt == "json")
    if fmt != "json":
        return citation_response(csl_items(rows), fmt, style)
    return {"style": style, "data": bibliography_entries(rows, style)}
