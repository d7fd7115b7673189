"""What every page answer carries: a strict Content-Security-Policy, and errors as pages."""
from __future__ import annotations

import orjson
from flask import render_template

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
