"""The pages' blueprint: quote, source, speaker and search pages, rendered by Jinja2.

Each view reads through the same store functions and validates its query through the same
schemas as the JSON API; an error is the API's problem, rendered as a page (api.web.security).
"""
from __future__ import annotations

from dataclasses import fields
from urllib.parse import urlencode

from flask import Blueprint, g, render_template, request, url_for

from api.citations import DEFAULT_STYLE, STYLES
from api.citations.adapters import quote_citation
from api.limits import search_limit
from api.routes import StrictParser
from api.routes.quotes import page_of_quotes
from api.schemas.base import PageArgs
from api.schemas.quotes import KINDS, SORTS, QuoteListArgs
from api.store import quotes as quote_store
from api.store import sources as source_store
from api.store import speakers as speaker_store
from api.store.selection import QuoteFilters
from api.web import security
from api.web.highlight import marked_runs

bp = Blueprint("web", __name__, template_folder="templates", static_folder="static",
               static_url_path="/assets")
bp.after_request(security.add_page_headers)
bp.after_request(security.problem_as_page)
SEARCH_FILTERS = {field.name for field in fields(QuoteFilters)}
EXPORTS = ("bibtex", "ris", "csl-json")
NAMES = {
    "style_names": {"apa": "APA 7", "mla": "MLA 9", "chicago": "Chicago author-date",
                    "chicago-note": "Chicago notes and bibliography",
                    "harvard": "Harvard (Cite Them Right)"},
    "export_names": {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON"},
    "date_bases": {"stated": "as stated in the text", "relative": "from a relative date",
                   "published": "the publication date"},
    "sort_names": {"-date": "newest first", "date": "oldest first", "relevance": "relevance"},
}


class FormParser(StrictParser):
    """The API's parser, reading a form's empty field as a filter not given."""

    def load_querystring(self, req, schema):
        given = super().load_querystring(req, schema)
        kept = {key: [item for item in value if item] if isinstance(value, list) else value
                for key, value in given.items()}
        return {key: value for key, value in kept.items() if value not in ("", [])}


class SearchArgs(QuoteListArgs):
    """The filters of GET /v1/quotes, without the formats and facets a page does not show."""

    class Meta(QuoteListArgs.Meta):
        exclude = ("output_format", "facet")


PARSER = FormParser()


@bp.get("/quotes/<quote_id>")
def quote_page(quote_id):
    """Show a quote highlighted in its source, with who said it, when, and its citations."""
    row = quote_store.get_quote(g.db, quote_id, with_source_text=True)
    citations = {style: quote_citation(row, style) for style in STYLES}
    runs = marked_runs(row["source_text"], [row])
    return render_template("web/quote.html", quote=row, runs=runs, citations=citations,
                           cited=citations[DEFAULT_STYLE], exports=EXPORTS)


@bp.get("/sources/<source_id>")
def source_page(source_id):
    """Show a source's whole text with every quote highlighted, each linking to its page."""
    source = source_store.get_source(g.db, source_id)
    quotes = quote_store.quotes_of_source(g.db, source_id)
    return render_template("web/source.html", source=source, quotes=quotes,
                           runs=marked_runs(source["text"], quotes))


@bp.get("/speakers/<speaker_id>")
def speaker_page(speaker_id):
    """Show a speaker's names, roles and outlets, and their quotes newest first."""
    speaker = speaker_store.get_speaker(g.db, speaker_id)
    args = PARSER.parse(PageArgs, request, location="query")
    page = page_of_quotes(QuoteFilters(speaker=[speaker_id]), "-date", args["cursor"],
                          args["limit"])
    return render_template("web/speaker.html", speaker=speaker, page=page)


@bp.get("/search")
@search_limit
def search_page():
    """Search quotes with the filters of GET /v1/quotes, a page at a time."""
    args = PARSER.parse(SearchArgs, request, location="query")
    filters = QuoteFilters(**{key: value for key, value in args.items() if key in SEARCH_FILTERS})
    page = page_of_quotes(filters, args["sort"], args["cursor"], args["limit"])
    return render_template("web/search.html", page=page, args=args, kinds=KINDS, sorts=SORTS,
                           api_url=list_url(), feed_url=list_url(format="atom"))


def given_args(*left_out: str) -> list[tuple[str, str]]:
    """Return this request's query as pairs, without empty values and the names left out."""
    return [(key, value) for key, value in request.args.items(multi=True)
            if value and key not in left_out]


def list_url(**extra: str) -> str:
    """Return the GET /v1/quotes URL of this search; a feed is always newest first."""
    pairs = given_args("cursor", "limit", *(("sort",) if extra.get("format") else ()))
    return url_for("quotes.list_quotes") + "?" + urlencode(pairs + list(extra.items()))


def first_page_url() -> str:
    """Return this page's URL without its cursor."""
    pairs = given_args("cursor")
    return request.path + ("?" + urlencode(pairs) if pairs else "")


@bp.context_processor
def page_names() -> dict:
    return {**NAMES, "first_page_url": first_page_url}
