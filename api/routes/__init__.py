"""One blueprint per resource; handlers parse through a schema and call one store function."""
from __future__ import annotations

import flask_smorest
import marshmallow as ma
from webargs.flaskparser import FlaskParser


class StrictParser(FlaskParser):
    """Unknown query parameters are an error (400), not silently ignored."""

    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION,
                                   "query": ma.RAISE, "querystring": ma.RAISE}


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()


def _blueprints() -> list[Blueprint]:
    from api.routes import citations, health, outlets, provenance, quotes, sources, speakers

    return [health.blp, quotes.blp, sources.blp, speakers.blp, outlets.blp, citations.blp,
            provenance.blp]


BLUEPRINTS = _blueprints()
