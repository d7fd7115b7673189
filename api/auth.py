"""Bearer tokens for writes: configured by environment or file, compared in constant time."""
from __future__ import annotations

import functools
import hmac
from pathlib import Path

from flask import current_app, g, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Forbidden, Unauthorized

SECURITY = [{"bearerAuth": []}]
SECURITY_SCHEME = {"type": "http", "scheme": "bearer",
                   "description": "A token configured on the server (VERBATIM_TOKENS)."}


def parse_tokens(spec: str) -> dict[str, str]:
    """Parse 'name:token' pairs separated by commas or new lines into {token: name}."""
    tokens = {}
    for item in spec.replace("\n", ",").split(","):
        item = item.strip()
        if not item or item.startswith("#"):
            continue
        name, sep, token = item.partition(":")
        if not sep or not name.strip() or len(token.strip()) < 8:
            raise ValueError("tokens are 'name:token' pairs with tokens of 8+ characters")
        tokens[token.strip()] = name.strip()
    return tokens


def configured_tokens(config) -> dict[str, str]:
    """Return {token: name} from VERBATIM_TOKENS and the file VERBATIM_TOKENS_FILE names."""
    tokens = parse_tokens(str(config.get("TOKENS") or ""))
    if config.get("TOKENS_FILE"):
        tokens.update(parse_tokens(Path(config["TOKENS_FILE"]).read_text(encoding="utf-8")))
    return tokens


def _challenge(error: str | None = None) -> WWWAuthenticate:
    params = {"realm": "verbatim"}
    if error:
        params["error"] = error
    return WWWAuthenticate("bearer", params)


def identify(header: str | None, tokens: dict[str, str]) -> str:
    """Return the name of the token in an Authorization header, or raise 401/403."""
    if not tokens:
        raise Forbidden("writes are disabled: no tokens are configured on this server")
    scheme, _, presented = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not presented.strip():
        raise Unauthorized("this request needs 'Authorization: Bearer <token>'",
                           www_authenticate=_challenge())
    name = None
    for token, token_name in tokens.items():  # no early exit: time does not depend on which
        if hmac.compare_digest(token.encode(), presented.strip().encode()):
            name = token_name
    if name is None:
        raise Unauthorized("the bearer token is not valid", www_authenticate=_challenge("invalid_token"))
    return name


def token_required(view):
    """Let the view run only for a valid bearer token; its name becomes g.actor."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        g.actor = identify(request.headers.get("Authorization"), current_app.config["TOKEN_MAP"])
        return view(*args, **kwargs)

    return wrapper
