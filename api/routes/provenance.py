"""GET /v1/quotes/{id}/provenance and GET|POST /v1/provenance/check."""
from flask import g
from flask.views import MethodView

from api.limits import check_limit
from api.routes import Blueprint
from api.schemas.base import NoArgs
from api.schemas.provenance import (NORMALISATION_HELP, CheckArgs, CheckResultSchema,
                                    QuoteProvenanceSchema)
from api.store import provenance as store

blp = Blueprint("provenance", __name__, url_prefix="/v1",
                description="Is a quotation verbatim, altered, misattributed or not a quote?")


@blp.route("/quotes/<quote_id>/provenance")
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(200, QuoteProvenanceSchema)
@blp.problems(404, 410)
@blp.doc(operationId="getQuoteProvenance")
def quote_provenance(quote_id):
    """Re-check a quote against its source's SHA-256, span and context; list other sources."""
    return store.quote_provenance(g.db, quote_id)


@blp.route("/provenance/check")
class ProvenanceCheck(MethodView):
    decorators = [check_limit]  # CHECK_RATE_LIMIT per client address

    @blp.arguments(CheckArgs, location="query", as_kwargs=True)
    @blp.response(200, CheckResultSchema, description=NORMALISATION_HELP)
    @blp.problems(404, 413, 429, 503)
    @blp.doc(operationId="checkProvenanceByQuery")
    def get(self, text, speaker, source):
        """Check a claimed quotation given in the query string."""
        return store.check_claim(g.db, text, speaker, source)

    @blp.arguments(CheckArgs, as_kwargs=True)
    @blp.arguments(NoArgs, location="query", as_kwargs=True)
    @blp.response(200, CheckResultSchema, description=NORMALISATION_HELP)
    @blp.problems(404, 408, 413, 415, 429, 503)
    @blp.doc(operationId="checkProvenance")
    def post(self, text, speaker, source):
        """Check a claimed quotation given as JSON."""
        return store.check_claim(g.db, text, speaker, source)
