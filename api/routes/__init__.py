"""One blueprint per resource; handlers parse through a schema and call one store function."""
from __future__ import annotations

import flask_smorest
import marshmallow as ma
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import BadRequest


class StrictParser(FlaskParser):
    """Unknown query parameters are an error (400), not silently ignored."""

    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION,
                                   "query": ma.RAISE, "querystring": ma.RAISE}

    def _handle_invalid_json_error(self, error, req, *args, **kwargs):
        raise BadRequest(f"the body is not valid JSON: {error}")


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()


def _blueprints() -> list[Blueprint]:
    from api.routes import citations, health, outlets, provenance, quotes, sources, speakers

    return [health.blp, quotes.blp, sources.blp, speakers.blp, outlets.blp, citations.blp,
            provenance.blp]


BLUEPRINTS = _blueprints()
