"""Atom (built by feedgen) and JSON Feed 1.1 renderings of a page of quote rows.

Pure: rows and URLs in, text out; no Flask and no SQLite. An entry's id is the quote's API URL,
its link the quote's page for people; its title is the attribution line, its content the quote
text, its date the statement date or else the source's publication date.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

import re

import orjson
from feedgen.feed import FeedGenerator

from api.citations.adapters import quote_ref, source_meta
from api.citations.attribution import attribution_line

ATOM_MEDIA_TYPE = "application/atom+xml"
JSON_FEED_MEDIA_TYPE = "application/feed+json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
TITLE = "Verbatim: quotes"
# Atom requires an `updated` on every entry and on the feed; a quote dated neither by its
# statement nor by its source, and an empty feed, get the epoch rather than "now", so the
# same rows always give the same bytes (and ETag).
UNDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)
# Characters XML 1.0 cannot carry (C0 controls but tab and newlines, U+FFFE, U+FFFF, lone
# surrogates): a stored text may hold them, lxml refuses them, so Atom shows U+FFFD instead.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class FeedLinks:
    """The URLs a feed names: itself, the site, its next page, each quote and its page."""
    feed_url: str
    home_page_url: str
    next_url: str | None
    quote_url: Callable[[str], str]
    quote_page_url: Callable[[str], str]


def entry_date(row: dict) -> datetime:
    """Return the quote's statement date, else its source's publication date, as UTC midnight."""
    value = row["date"] or row["source_published"]
    if not value:
        return UNDATED
    parts = [int(part) for part in value[:10].split("-")] + [1, 1]
    return datetime(*parts[:3], tzinfo=timezone.utc)


def _entry(row: dict, links: FeedLinks) -> dict:
    return {"id": links.quote_url(row["id"]), "link": links.quote_page_url(row["id"]),
            "source_url": row["source_url"],
            "title": attribution_line(quote_ref(row), source_meta(row)), "text": row["text"],
            "date": entry_date(row), "author": row["speaker_name"]}


def _xml_text(value: str | None) -> str | None:
    return _NOT_XML.sub("\ufffd", value) if value else value


def atom_feed(rows: list[dict], links: FeedLinks) -> bytes:
    """Return the rows as an Atom 1.0 document, in row order."""
    entries = [{**entry, **{key: _xml_text(entry[key]) for key in ("title", "text", "author")}}
               for entry in (_entry(row, links) for row in rows)]
    fg = FeedGenerator()
    fg.id(links.feed_url)
    fg.title(TITLE)
    fg.author({"name": "Verbatim"})  # Atom needs an author for entries without a speaker
    fg.link(href=links.feed_url, rel="self", type=ATOM_MEDIA_TYPE)
    fg.link(href=links.home_page_url, rel="alternate")
    if links.next_url:
        fg.link(href=links.next_url, rel="next", type=ATOM_MEDIA_TYPE)
    fg.updated(max((entry["date"] for entry in entries), default=UNDATED))
    for entry in entries:
        fe = fg.add_entry(order="append")
        fe.id(entry["id"])
        fe.title(entry["title"])
        fe.content(entry["text"], type="text")
        fe.updated(entry["date"])
        # One link: feedgen 1.0.0 drops an entry link's rel and type, so a second one (the
        # source) would be a second rel="alternate", which RFC 4287 forbids.
        fe.link(href=entry["link"])
        if entry["author"]:
            fe.author({"name": entry["author"]})
    return fg.atom_str(pretty=True)


def json_feed(rows: list[dict], links: FeedLinks) -> bytes:
    """Return the rows as a JSON Feed 1.1 document, in row order."""
    items = []
    for entry in (_entry(row, links) for row in rows):
        item = {"id": entry["id"], "url": entry["link"], "title": entry["title"],
                "content_text": entry["text"],
                "date_published": entry["date"].isoformat().replace("+00:00", "Z")}
        if entry["source_url"]:
            item["external_url"] = entry["source_url"]
        if entry["author"]:
            item["authors"] = [{"name": entry["author"]}]
        items.append(item)
    feed = {"version": JSON_FEED_VERSION, "title": TITLE,
            "home_page_url": links.home_page_url, "feed_url": links.feed_url}
    if links.next_url:
        feed["next_url"] = links.next_url
    return orjson.dumps({**feed, "items": items})
