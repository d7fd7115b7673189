"""The citeproc-py patches, fenced: the pinned version, and a canary per patch.

A fix's canary renders its minimal reproduction (api/citations/README.md) with upstream
citeproc-py and no patch at all, and expects the bug. When an upgrade fixes the bug upstream, the
canary fails: delete that patch. A speed-up's canary shows upstream still repeats the work it
saves (counted calls of citeproc's own functions), and the speed-ups change no output.
"""
import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from api.citations import citeproc_fixes, citeproc_speedups
from tests.citeproc_upstream import render_minimal

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = {  # fix -> (reproduction, upstream's output, the output with the fix)
    "label-needs-variable": (
        {"layout": '<text variable="title"/>'
                   '<label variable="edition" form="long" prefix=" " suffix="."/>',
         "item": {"title": "T"}},
        "T edition.", "T"),
    "substitute-suppresses-nested": (
        {"layout": '<names variable="author"><name/><substitute><text macro="title"/>'
                   '</substitute></names><text macro="title" prefix=" / "/>',
         "macros": '<macro name="title"><choose><if variable="title"><text variable="title"/>'
                   '</if></choose></macro>',
         "item": {"title": "T"}},
        "T / T", "T"),
    "title-case-after-punctuation": (
        {"layout": '<text variable="title" text-case="title"/>',
         "item": {"title": "‘fake news’ is here"}},
        "‘fake News’ Is Here", "‘Fake News’ Is Here"),
    "initialize-false": (
        {"layout": '<names variable="author"><name initialize="false" initialize-with=". "'
                   ' name-as-sort-order="all"/></names>',
         "item": {"author": [{"family": "Doe", "given": "Jane"}]}},
        "Doe, J.", "Doe, Jane"),
}
STYLE_FILES = ["apa", "modern-language-association", "chicago-author-date",
               "chicago-notes-bibliography", "harvard-cite-them-right"]
ITEMS = [
    {"id": "a", "type": "article-newspaper", "title": "‘Fake news’ and talks",
     "container-title": "Harbour Times", "author": [{"family": "Doe", "given": "Jane"}],
     "issued": {"date-parts": [[2023, 3, 8]]}, "URL": "https://example.org/a"},
    {"id": "b", "type": "article-newspaper", "container-title": "AFP",
     "issued": {"date-parts": [[2022, 5]]}},
]
SPEEDUPS = {  # speed-up -> the upstream functions (citeproc/model.py) it calls less often
    "macro-table": ("xpath_search",),
    "macro-calls-variable": ("calls_variable",),
    "structural-xpath": ("xpath_search",),
    "locale-lookups": ("get_term", "get_date"),
    "branch-calls-variable": ("calls_variable",),
}


def upstream(request: dict) -> dict:
    """Run tests/citeproc_upstream.py in a fresh process: citeproc-py with only some patches."""
    done = subprocess.run([sys.executable, "-m", "tests.citeproc_upstream", json.dumps(request)],
                          cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def test_pinned_citeproc_version():
    assert version("citeproc-py") == citeproc_fixes.PINNED_VERSION == "0.11.1"
    assert "citeproc-py==0.11.1\n" in (ROOT / "requirements.txt").read_text()


def test_every_patch_has_a_canary():
    assert [name for name, _ in citeproc_fixes.PATCHES] == list(MINIMAL)
    assert [name for name, _ in citeproc_speedups.PATCHES] == list(SPEEDUPS)


@pytest.fixture(scope="module")
def unpatched_minimal():
    every_fix = [name for name, _ in citeproc_fixes.PATCHES]
    cases = [case for case, _, _ in MINIMAL.values()]
    return dict(zip(MINIMAL, upstream({"skip_fixes": every_fix, "minimal": cases})["output"]))


@pytest.mark.parametrize("fix", list(MINIMAL))
def test_fix_canary_bug_still_upstream(unpatched_minimal, fix):
    case, bug, fixed = MINIMAL[fix]
    assert unpatched_minimal[fix] == bug  # fails once upstream fixes it: delete the patch
    assert render_minimal(**case) == fixed  # this process has every patch installed


@pytest.fixture(scope="module")
def with_every_speedup():
    return upstream({"skip_speedups": [], "styles": STYLE_FILES, "items": ITEMS})


@pytest.mark.parametrize("speedup", list(SPEEDUPS))
def test_speedup_canary_work_still_repeated_upstream(with_every_speedup, speedup):
    without = upstream({"skip_speedups": [speedup], "styles": STYLE_FILES, "items": ITEMS})
    assert without["output"] == with_every_speedup["output"]  # no output changes
    for function in SPEEDUPS[speedup]:
        assert without["calls"].get(function, 0) > with_every_speedup["calls"].get(function, 0)


def test_speedups_change_no_output(with_every_speedup):
    plain = upstream({"styles": STYLE_FILES, "items": ITEMS})
    assert plain["output"] == with_every_speedup["output"]
    assert len(plain["output"]) == len(STYLE_FILES) * len(ITEMS)
