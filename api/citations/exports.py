"""Serialise CSL items as CSL-JSON, BibTeX, RIS or a formatted bibliography."""
from __future__ import annotations

import json
import re
import unicodedata

from .csl import render, unique_items
from .model import DEFAULT_STYLE, FORMATS, check_format

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&",
                   "%": r"\%", "#": r"\#", "_": r"\_", "$": r"\$",
                   "^": r"\^{}", "~": r"\~{}"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
RIS_EOL = "\r\n"


def bibtex_escape(value: str) -> str:
    """Escape BibTeX/LaTeX special characters; non-ASCII stays as UTF-8."""
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in value)


def _date_parts(item: dict, key: str) -> list[int]:
    return (item.get(key) or {}).get("date-parts", [[]])[0]


def _name_text(name: dict, bibtex: bool) -> str:
    if "literal" in name:
        return "{" + bibtex_escape(name["literal"]) + "}" if bibtex else name["literal"]
    family = " ".join(name[key] for key in ("dropping-particle", "non-dropping-particle", "family")
                      if name.get(key))
    given, suffix = name.get("given", ""), name.get("suffix", "")
    if bibtex:  # BibTeX's "von Last, Jr, First"; RIS's "Last, First, Suffix"
        parts = [bibtex_escape(part) for part in (family, suffix, given)]
    else:
        parts = [family, given, suffix]
    return ", ".join(part for part in parts if part)


def bibtex_key(item: dict) -> str:
    """Return a citation key such as afp2023china-6d196d240f84, unique and stable per source.

    A readable lead (author or outlet, year, first longer title word) and the source id's hex
    digits: the key never depends on what else is exported with it.
    """
    names = item.get("author") or [{"literal": item.get("container-title", "")}]
    lead = names[0].get("family") or names[0].get("literal") or "anon"
    year = _date_parts(item, "issued")[:1]
    word = next((w for w in re.findall(r"\w+", item.get("title", "")) if len(w) > 3), "")
    raw = f"{lead}{year[0] if year else ''}{word}"
    ascii_only = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
    lead = re.sub(r"[^A-Za-z0-9]", "", ascii_only).lower() or "item"
    source_hex = re.sub(r"[^a-z0-9]", "", str(item["id"]).lower().removeprefix("s_"))
    return f"{lead}-{source_hex}" if source_hex else lead


def _bibtex_fields(item: dict) -> list[tuple[str, str]]:
    fields = []
    if item.get("author"):
        fields.append(("author", " and ".join(_name_text(n, True) for n in item["author"])))
    if item.get("title"):
        fields.append(("title", "{" + bibtex_escape(item["title"]) + "}"))
    venue = bibtex_escape(item.get("container-title", ""))
    fields.append(("journal" if item.get("title") else "howpublished", venue))
    issued = _date_parts(item, "issued")
    if issued:
        fields.append(("year", str(issued[0])))
        if len(issued) > 1:
            fields.append(("month", _MONTHS[issued[1] - 1]))
        fields.append(("date", "-".join(f"{p:02d}" for p in issued)))
    if item.get("URL"):
        fields.append(("url", item["URL"].replace("{", "%7B").replace("}", "%7D")))
    accessed = _date_parts(item, "accessed")
    if accessed:
        fields.append(("urldate", "-".join(f"{p:02d}" for p in accessed)))
    return fields


def to_bibtex(items: list[dict]) -> str:
    """Return BibTeX entries: @article, or @misc when the article has no title."""
    entries = []
    for item in unique_items(items):
        key = bibtex_key(item)
        kind = "article" if item.get("title") else "misc"
        body = ",\n".join(f"  {name} = {{{value}}}" if name != "month" else f"  {name} = {value}"
                          for name, value in _bibtex_fields(item))
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def _ris_date(parts: list[int]) -> str:
    padded = [f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]] + [""] * (3 - len(parts))
    return "/".join(padded) + "/"


def _ris_lines(item: dict) -> list[tuple[str, str]]:
    lines = [("TY", "NEWS")]
    lines += [("AU", _name_text(name, False)) for name in item.get("author", [])]
    if item.get("title"):
        lines.append(("TI", item["title"]))
    lines.append(("T2", item.get("container-title", "")))
    issued = _date_parts(item, "issued")
    if issued:
        lines += [("PY", str(issued[0])), ("DA", _ris_date(issued))]
    if item.get("URL"):
        lines.append(("UR", item["URL"]))
    accessed = _date_parts(item, "accessed")
    if accessed:
        lines.append(("Y2", _ris_date(accessed)))
    lines.append(("ID", str(item["id"])))
    return lines


def to_ris(items: list[dict]) -> str:
    """Return RIS records (TY  - NEWS … ER  - ), CRLF line ends throughout."""
    records = []
    for item in unique_items(items):
        lines = [f"{tag}  - {' '.join(value.split())}" for tag, value in _ris_lines(item)]
        records.append(RIS_EOL.join(lines + ["ER  - "]) + RIS_EOL)
    return RIS_EOL.join(records)


def to_csl_json(items: list[dict]) -> str:
    """Return the items as a CSL-JSON array (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(unique_items(items), ensure_ascii=False, indent=2)


def to_text(items: list[dict], style: str = DEFAULT_STYLE) -> str:
    """Return the plain bibliography in `style`, one entry a line."""
    return "\n".join(render(items, style)) + "\n"


def export(items: list[dict], fmt: str, style: str = DEFAULT_STYLE) -> tuple[str, str]:
    """Return (body, media type) of the items serialised as `fmt`."""
    check_format(fmt)
    if fmt == "text":
        return to_text(items, style), FORMATS[fmt] + "; charset=utf-8"
    body = {"csl-json": to_csl_json, "bibtex": to_bibtex, "ris": to_ris}[fmt](items)
    return body, FORMATS[fmt] + ("" if fmt == "csl-json" else "; charset=utf-8")

