"""Citation schemas: style/format arguments, the bulk request and the citation objects."""
from __future__ import annotations

from marshmallow import fields, validate

from api.citations import DEFAULT_STYLE, FORMATS, JSON, STYLES, UnknownFormat, check_style
from api.schemas.base import BaseSchema, OutputSchema, path_part, query_part
from api.schemas.fastpath import RowSchema
from api.schemas.quotes import SourceRefSchema

MAX_IDS = 100
CITATION_FORMATS = (JSON, *FORMATS)
EXPORT_LINKS = ("bibtex", "ris", "csl-json", "text")  # text last: it also names the style


def check_citation_format(fmt: str) -> str:
    """Return `fmt` if it is json or an export format, else raise UnknownFormat."""
    if fmt not in CITATION_FORMATS:
        raise UnknownFormat(fmt, CITATION_FORMATS)
    return fmt


# The validators are the engine's checks: they raise UnknownStyle / UnknownFormat, which
# api/errors.py answers with a 400 listing the accepted values in `detail` and `errors`.
def style_field() -> fields.String:
    return fields.String(load_default=None, validate=check_style, metadata={
        "enum": list(STYLES),
        "description": f"CSL style; default: the `style` parameter of an Accept "
                       f"`text/x-bibliography; style=…` when that is the format, else "
                       f"`{DEFAULT_STYLE}`."})


def format_field() -> fields.String:
    """The `format` parameter, loaded as `output_format` (not the name of a builtin)."""
    return fields.String(load_default=None, validate=check_citation_format, data_key="format",
                         metadata={
        "enum": list(CITATION_FORMATS),
        "description": "`json` (default), or a raw export; wins over the Accept header: "
                       + ", ".join(f"`{name}` ({media})" for name, media in FORMATS.items())})


class CitationArgs(BaseSchema):
    style = style_field()
    output_format = format_field()


class CitationRequestSchema(BaseSchema):
    ids = fields.List(
        fields.String(validate=validate.Length(1, 100)), required=True,
        validate=validate.Length(1, MAX_IDS, error=f"give 1 to {MAX_IDS} quote ids"),
        metadata={"description": f"1–{MAX_IDS} quote ids; order kept, repeats dropped"})
    style = style_field()
    output_format = format_field()


class CitationSourceSchema(SourceRefSchema):
    author = fields.String(allow_none=True)


class CitationFormatsSchema(OutputSchema):
    bibtex = fields.String()
    ris = fields.String()
    csl_json = fields.String(data_key="csl-json")
    text = fields.String(metadata={"description": "The entry as text/x-bibliography"})


class CitationSchema(RowSchema):
    quote_id = fields.String()
    style = fields.String(validate=validate.OneOf(STYLES))
    citation = fields.String(metadata={"description": "The reference entry in `style`, plain text"})
    citation_html = fields.String(metadata={"description": "The same entry as HTML (italics)"})
    attribution = fields.String(metadata={
        "description": "Sentence quoting the words with speaker, role, outlet and date"})
    url = fields.String(allow_none=True, metadata={"description": "The source's URL"})
    text_fragment_url = fields.String(allow_none=True, metadata={
        "description": "`url#:~:text=…`: opens the source scrolled to the exact words"})
    csl = fields.Dict(metadata={"description": "The CSL-JSON item (type article-newspaper)"})
    formats = fields.Nested(CitationFormatsSchema, metadata={"description": "Export links"})
    source = fields.Nested(CitationSourceSchema)

    def computed(self, citation, root):
        url = f"{root}v1/quotes/{path_part(citation['quote_id'])}/citation?format="
        return {"formats": {fmt: url + fmt for fmt in EXPORT_LINKS[:-1]}
                | {"text": f"{url}text&style={query_part(citation['style'])}"}}


class BibliographyEntrySchema(OutputSchema):
    quote_id = fields.String()
    citation = fields.String()
    attribution = fields.String()
    url = fields.String(allow_none=True)
    text_fragment_url = fields.String(allow_none=True)


class BibliographySchema(OutputSchema):
    style = fields.String(validate=validate.OneOf(STYLES))
    data = fields.List(fields.Nested(BibliographyEntrySchema),
                       metadata={"description": "One entry per quote id, in request order"})
