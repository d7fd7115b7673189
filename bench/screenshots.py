"""Take the README's screenshots of the pages for people, in the page tests' headless Chromium.

    .venv/bin/python bench/screenshots.py            # writes docs/screenshots/*.png

Serves the app on a localhost port with a database built from seeds/ (tests/browser.py, the
setup tests/test_web_browser.py uses) and saves one window-sized PNG per page.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import browser_session, seeded_app, serving  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
# name: path of the page, shown at the fragment the page is linked with
PAGES = {
    "quote": "/quotes/q_e472e05cafc7#q_e472e05cafc7",
    "source": "/sources/s_f6b4b4b3383c",
    "speaker": "/speakers/qin-gang",
    "search": "/search?q=fentanyl&limit=5",
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as directory, \
            serving(seeded_app(Path(directory))) as root, \
            browser_session(width=1024, height=640) as browser:
        for name, path in PAGES.items():
            browser.get(root + path)
            target = OUT / f"{name}.png"
            browser.save_screenshot(str(target))
            print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
