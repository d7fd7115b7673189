"""Default settings; VERBATIM_* environment variables override them, tests pass a dict."""
from __future__ import annotations

DB = "data/verbatim.db"  # SQLite file; `make run` builds it from seeds/ when missing
MAX_CONTENT_LENGTH = 4 * 1024 * 1024  # bytes in a request body

API_TITLE = "Verbatim"
API_VERSION = "1.0.0"
OPENAPI_VERSION = "3.0.3"
OPENAPI_URL_PREFIX = "/"
OPENAPI_JSON_PATH = "openapi.json"
OPENAPI_SWAGGER_UI_PATH = "/docs"
OPENAPI_SWAGGER_UI_URL = "/docs/static/"  # served by the app itself: the docs work offline
API_SPEC_OPTIONS = {
    "info": {
        "description": "Source-linked quotes: who said what, where it was published, and "
                       "exactly where in the source text it stands.",
    },
}
JSON_SORT_KEYS = False
