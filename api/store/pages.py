"""Turning a request's text or HTML page into the source to store."""
from __future__ import annotations

from dataclasses import fields

from api.html_ingest import read_page
from api.store.errors import StoreError
from api.store.ingest import MAX_TEXT_CHARS, SourceInput

# What a page's metadata fills in when the request leaves it out (request fields win), and the
# longest value POST /v1/sources accepts for it: a longer one is left out, as a wrong one would be.
PAGE_FIELDS = {"title": ("title", 1000), "author": ("author", 500), "published": ("published", 10),
               "url": ("url", 2000), "outlet": ("site_name", 200), "language": ("language", 3)}


class NoArticleText(StoreError):
    code = "no-article-text"


def source_input(data: dict) -> SourceInput:
    """Return the source a validated POST /v1/sources body describes, reading an HTML page."""
    known = {f.name for f in fields(SourceInput)}
    html = data.get("html")
    if html is None:
        return SourceInput(**{k: v for k, v in data.items() if k in known})
    page = read_page(html)
    if page is None:
        raise NoArticleText("no article text could be extracted from the HTML page",
                            {"html": ["no article text could be extracted from this page"]})
    if len(page.text) > MAX_TEXT_CHARS:  # the cap a text body has: one ingest, a short lock
        raise StoreError(f"the page's article text has {len(page.text)} characters; at most "
                         f"{MAX_TEXT_CHARS} are stored", {"html": ["article text too long"]})
    merged = {k: v for k, v in data.items() if k in known and v is not None}
    for name, (attr, longest) in PAGE_FIELDS.items():
        value = getattr(page, attr)
        if (name not in merged and value and len(value) <= longest
                and (name != "url" or value.startswith(("http://", "https://")))):
            merged[name] = value
    if "outlet" not in merged:
        raise StoreError("the page names no site: give an outlet",
                         {"outlet": ["Missing data for required field (the page names no site)."]})
    return SourceInput(**{**merged, "text": page.text, "html_sha256": page.html_sha256})
