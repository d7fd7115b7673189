"""What every page answer carries: a strict Content-Security-Policy, and errors as pages."""
from __future__ import annotations

import orjson
from flask import render_template, request

from api.errors import PROBLEM_TYPE

# Everything a page uses is served by the app: no inline script or style, no other origin.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; "
                           "img-src 'self'; form-action 'self'; base-uri 'none'; "
                           "frame-ancestors 'none'")
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def add_page_headers(response):
    """Send the pages' security headers."""
    response.headers.update(PAGE_HEADERS)
    return response


def problem_as_page(response):
    """Render a problem+json answer of a page (a bad filter, an unknown id) as an HTML page.

    The API's one mapping of errors (api.errors) decides status, title and detail; a person
    reads them here, with the same status and headers.
    """
    if response.mimetype != PROBLEM_TYPE:
        return response
    problem = orjson.loads(response.get_data())
    response.set_data(render_template("web/problem.html", problem=problem))
    response.content_type = "text/html; charset=utf-8"
    return response


def unknown_address_as_page(response):
    """Answer a browser's GET of an address no route serves (outside /v1/) with the error page.

    A browser asks for HTML first; a script (curl's `*/*`, an `Accept: application/json`)
    keeps the problem+json, as every address under /v1/ does. Registered on the app, after
    the hooks that compress and tag a body, so that they see the page.
    """
    if request.url_rule is not None or response.mimetype != PROBLEM_TYPE \
            or request.method not in ("GET", "HEAD") or request.path.startswith("/v1/"):
        return response
    response.vary.add("Accept")
    wanted = request.accept_mimetypes.best_match([PROBLEM_TYPE, "application/json", "text/html"])
    if wanted != "text/html":
        return response
    return add_page_headers(problem_as_page(response))
