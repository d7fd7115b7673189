"""GET /v1/speakers and /v1/speakers/{id}."""
from flask import g

from api.pagination import decode_cursor, envelope, link_header
from api.routes import Blueprint
from api.schemas.base import NoArgs
from api.schemas.speakers import SpeakerDetailSchema, SpeakerListArgs, SpeakerPageSchema
from api.store import speakers as store

blp = Blueprint("speakers", __name__, url_prefix="/v1/speakers",
                description="People, organisations and anonymous sources quoted")


@blp.route("")
@blp.arguments(SpeakerListArgs, location="query", as_kwargs=True)
@blp.response(200, SpeakerPageSchema)
@blp.doc(operationId="listSpeakers")
def list_speakers(limit, cursor, name, kind):
    """List speakers by name."""
    rows, next_values = store.list_speakers(g.db, name, kind, decode_cursor(cursor, "speakers"),
                                            limit)
    page = envelope(rows, store.count_speakers(g.db, name, kind), next_values, "speakers")
    return page, 200, link_header(page)


@blp.route("/<speaker_id>")
@blp.arguments(NoArgs, location="query", as_kwargs=True)
@blp.response(200, SpeakerDetailSchema)
@blp.problems(404)
@blp.doc(operationId="getSpeaker")
def get_speaker(speaker_id):
    """Get one speaker with aliases, roles, quote counts and outlets."""
    return store.get_speaker(g.db, speaker_id)
