"""Pure engine: the main article text and metadata of an HTML page, through trafilatura."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import trafilatura

from api.extraction.languages import language_code

# The language the page declares on its root element (<html lang="fr-FR">).
_HTML_LANG_RE = re.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


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
    language: str | None = None  # ISO 639-1 code of <html lang>, None when absent or unknown


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
    lang = _HTML_LANG_RE.search(html)
    return Page(text=text, html_sha256=sha, title=doc.title or None, author=doc.author or None,
                published=doc.date or None, site_name=doc.sitename or None, url=doc.url or None,
                language=language_code(lang.group(1)) if lang else None)
