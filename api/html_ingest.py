"""Pure engine: the main article text and metadata of an HTML page, through trafilatura."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import trafilatura


@dataclass(frozen=True)
class Page:
    """What a page gives: its article text, its metadata (None when absent), its SHA-256."""

    text: str
    html_sha256: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site_name: str | None = None
    url: str | None = None


def read_page(html: str) -> Page | None:
    """Extract the article of an HTML page, or None when it has no article text.

    Comments, navigation and boilerplate are left out (favor_precision); nothing is fetched.
    """
    sha = hashlib.sha256(html.encode("utf-8")).hexdigest()
    doc = trafilatura.bare_extraction(html, favor_precision=True, include_comments=False,
                                      include_tables=False, with_metadata=True,
                                      deduplicate=False, as_dict=False)
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        return None
    return Page(text=text, html_sha256=sha, title=doc.title or None, author=doc.author or None,
                published=doc.date or None, site_name=doc.sitename or None, url=doc.url or None)
