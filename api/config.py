"""Default settings; VERBATIM_* environment variables override them, tests pass a dict."""
from __future__ import annotations

from flask import Config


def settings(overrides: dict | None = None) -> Config:
    """Return the settings the app and the CLI run with: these defaults, then VERBATIM_*
    environment variables (read as Flask reads them: JSON values where they parse), then
    overrides."""
    config = Config(".")
    config.from_object(__name__)
    config.from_prefixed_env("VERBATIM")
    config.update(overrides or {})
    return config

DB = "data/verbatim.db"  # SQLite file; `make run` builds it from seeds/ when missing
MAX_CONTENT_LENGTH = 10 * 1024 * 1024  # bytes in a request body (a 2M-character article fits)
# How long a write waits for another to finish before answering 503 with Retry-After. The
# longest write, a 2M-character article, holds the lock ~2-3 s.
BUSY_TIMEOUT_MS = 10_000
# A request body must arrive whole within this many seconds (408 after), so that clients
# sending it slowly cannot hold every worker thread (under gunicorn; 0: no limit).
BODY_TIMEOUT_S = 10
# A read's SQL statements stop once it has run this long (503): no cheap request may hold a
# worker thread for long. 0 turns the budget off. Writes are never cut.
REQUEST_BUDGET_MS = 1_500

API_TITLE = "Verbatim"
API_VERSION = "1.0.0"
OPENAPI_VERSION = "3.0.3"  # the bundled Swagger UI 4 cannot show 3.1
OPENAPI_URL_PREFIX = "/"
OPENAPI_JSON_PATH = "openapi.json"
OPENAPI_SWAGGER_UI_PATH = "/docs"
OPENAPI_SWAGGER_UI_URL = "/docs/static/"  # served by the app itself: the docs work offline
API_SPEC_OPTIONS = {
    "servers": [{"url": "/", "description": "This server"}],
    "info": {
        "description": "Source-linked quotes: who said what, where it was published, and "
                       "exactly where in the source text it stands.\n\nPages for people: "
                       "[Search quotes](/search); every quote and source links its page "
                       "(`links.html`): the quote highlighted in its source, with its citations.",
    },
}
JSON_SORT_KEYS = False

# Hosts whose name may appear in the absolute links the API writes (self, next, Link); any
# other Host header is a 400. "a.example,.b.example" (a leading dot: every subdomain). None:
# localhost, 127.0.0.1 and SERVER_NAME's host.
TRUSTED_HOSTS = None
# Reverse proxies in front of the app: with N > 0 their X-Forwarded-For/-Proto/-Host/-Port/
# -Prefix headers are applied together (werkzeug's ProxyFix); with 0 none is.
PROXY_COUNT = 0

TOKENS = ""  # "name:token,name2:token2"; with none configured, every write is refused
TOKENS_FILE = None  # a file of name:token lines, added to TOKENS
WRITE_RATE_LIMIT = "120/minute"  # per client address, shared by every write route
CHECK_RATE_LIMIT = "600/minute"  # per client address, for provenance checks
SEARCH_RATE_LIMIT = "300/minute"  # per client address, for full-text searches (q=)
# A search (q=) whose every word or "phrase" is in at least this many quotes is ranked by date,
# newest first ("ranked_by": "date"), instead of bm25, which scores every match first.
SEARCH_COMMON_QUOTES = 10_000
# Where limits are counted. None: a small SQLite file beside the database
# (verbatim-sqlite:///…/verbatim.db-limits), shared by every gunicorn worker; memory:// counts
# per worker; redis://… shares them between machines.
RATELIMIT_STORAGE_URI = None
RATELIMIT_HEADERS_ENABLED = True

# Origins (comma-separated, e.g. "https://editor.example.org") whose browser pages may write:
# preflights for them answer the write methods and the Authorization header. Empty: none.
CORS_WRITE_ORIGINS = ""
# gzip for JSON, CSV and the pages' HTML of 1 KB and more (flask-compress); ETags get a
# ":gzip" suffix.
COMPRESS_MIMETYPES = ["application/json", "text/csv", "text/html"]
COMPRESS_ALGORITHM = ["gzip"]
COMPRESS_MIN_SIZE = 1024
COMPRESS_EVALUATE_CONDITIONAL_REQUEST = False  # api.http answers 304 once, after compression
