"""GET /v1/outlets."""
from flask import g

from api.routes import Blueprint
from api.schemas.base import NoArgs
from api.schemas.speakers import OutletPageSchema
from api.store.sources import list_outlets

blp = Blueprint("outlets", __name__, url_prefix="/v1/outlets", description="Outlets with counts")


@blp.route("")
@blp.arguments(NoArgs, location="query")
@blp.response(200, OutletPageSchema)
@blp.doc(operationId="listOutlets")
def list_all_outlets(_args):
    """List every outlet with its source and quote counts."""
    rows = list_outlets(g.db)
    return {"data": rows, "next": None, "total": len(rows)}
