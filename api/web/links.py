"""The paths of the pages for people, shared by the pages and the JSON links to them."""
from __future__ import annotations

from api.schemas.base import path_part


def quote_page(quote_id: str) -> str:
    """Return the quote page's path, its fragment scrolling to the highlighted words."""
    return f"quotes/{path_part(quote_id)}#{path_part(quote_id)}"


def source_page(source_id: str) -> str:
    """Return the source page's path."""
    return f"sources/{path_part(source_id)}"


def speaker_page(speaker_id: str) -> str:
    """Return the speaker page's path."""
    return f"speakers/{path_part(speaker_id)}"
