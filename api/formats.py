"""Non-JSON renderings of lists: CSV for scripts."""
from __future__ import annotations

import csv
import io

from flask import Response, request

CSV_COLUMNS = ("id", "text", "kind", "speaker_id", "speaker_name", "cue", "date", "date_basis",
               "source_id", "outlet", "source_title", "source_url", "start", "end")


def wants(fmt: str | None, media_type: str) -> bool:
    """Tell whether the request asks for media_type, by `format` or by the Accept header."""
    if fmt is not None:
        return fmt == media_type.split("/")[1]
    best = request.accept_mimetypes.best_match(["application/json", media_type])
    return best == media_type and request.accept_mimetypes[media_type] > \
        request.accept_mimetypes["application/json"]


def csv_response(rows: list[dict], headers: dict) -> Response:
    """Return quote rows as a text/csv response with a header line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(["" if row.get(col) is None else row[col] for col in CSV_COLUMNS])
    return Response(out.getvalue(), headers=headers, content_type="text/csv; charset=utf-8")
