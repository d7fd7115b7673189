"""GET /healthz."""
from flask import g
from marshmallow import fields

from api.routes import Blueprint
from api.schemas.base import NoArgs
from api.schemas.fastpath import RowSchema
from api.store.sources import corpus_counts

blp = Blueprint("health", __name__, description="Liveness and corpus size")


class HealthSchema(RowSchema):
    status = fields.String()
    quotes = fields.Integer()
    sources = fields.Integer()


@blp.route("/healthz")
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(200, HealthSchema)
@blp.doc(operationId="getHealth")
def healthz():
    """Say the service is up, with the corpus size."""
    return {"status": "ok", **corpus_counts(g.db)}
