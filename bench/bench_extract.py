"""Throughput of the quote extractor, in MB of article text per CPU second (median of runs).

CPU time (time.process_time) is measured rather than wall time so that other
processes on a shared machine do not distort the figure.

Corpora:
- articles: the seed articles, lightly varied (names and numbers shuffled, paragraphs
  reordered) and concatenated to ~2 MB, extracted one article at a time;
- document: the same ~2 MB as one single document (tests long-range structures);
- worst cases: pathological inputs (a mark soup, one huge sentence of tiny
  quotations, no punctuation at all), reported separately; those over the quotation-mark cap
  (MAX_QUOTATION_MARKS) are timed to their refusal, and the tiny quotations again at the cap.

Apart from extraction: language detection (what an ingest without a language adds, on the
first DETECT_CHARS characters of each article; the model's one-off load in wall time) and the
engine's path for an article in another language (the same articles read as French).

Then the full seed load: api.store.seeds.build_database() into a temporary file (extraction,
storage, provenance index), wall time, median of --seed-runs.

Usage: .venv/bin/python bench/bench_extract.py [--runs N] [--size BYTES] [--seed-runs N]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.extraction import (MAX_QUOTATION_MARKS, TooManyQuotationMarks,  # noqa: E402
                            extract_quotes, refuse_too_many_quotation_marks)
from api.extraction.languages import detect_language  # noqa: E402
from api.store.seeds import build_database  # noqa: E402

NAMES = ["Maria Lopez", "Tom Briggs", "Dana Whitfield", "Raj Patel", "Elena Sorokina", "Omar Haddad"]


def _vary(text: str, rng: random.Random) -> str:
    """Return an article variant: paragraphs shuffled after the headline, a name swapped."""
    paras = text.split("\n\n")
    head, body = paras[:1], paras[1:]
    rng.shuffle(body)
    out = "\n\n".join(head + body)
    return out.replace("Wang Wenbin", rng.choice(NAMES)).replace("2021", str(rng.randint(1990, 2030)))


def build_articles(size: int, seed: int = 1) -> list[str]:
    """Return varied seed articles totalling about size characters."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    articles, total = [], 0
    while total < size:
        art = _vary(rng.choice(seeds), rng)
        articles.append(art)
        total += len(art)
    return articles


def _time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def _report(label: str, chars: int, seconds: float) -> float:
    mbps = chars / 1e6 / seconds
    print(f"{label:<34} {chars / 1e6:6.2f} MB  {seconds:7.3f} s  {mbps:7.2f} MB/s")
    return mbps


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--size", type=int, default=2_000_000)
    ap.add_argument("--seed-runs", type=int, default=5, help="full seed loads to time (0: none)")
    args = ap.parse_args(argv)

    articles = build_articles(args.size)
    total = sum(len(a) for a in articles)
    document = "\n\n".join(articles)
    print(f"median of {args.runs} runs")
    rates = [
        _report(f"articles ({len(articles)} docs)", total,
                _time(lambda: [extract_quotes(a, published="2024-01-10") for a in articles],
                      args.runs)),
        _report("single document", len(document),
                _time(lambda: extract_quotes(document, published="2024-01-10"), args.runs)),
    ]
    dense = "".join(
        f"Ann Vale{i}, the deputy spokesman of the Vale{i} Agency, said on Monday that the plan "
        f"worked. “We will see,” the spokesman said. “It is early,” Vale{i} added. The official, "
        f"who asked not to be named, said the talks were stalled. “No comment,” the ministry said.\n\n"
        for i in range(args.size // 330))
    worst = {
        "dense attributions, many names": dense,
        "tiny quotations, one sentence": '"a" ' * (args.size // 4),
        "tiny quotations, at the mark cap": '"a" ' * (MAX_QUOTATION_MARKS // 2),
        "mark soup": "“”‘’\"' said he " * (args.size // 16),
        "no punctuation": "word " * (args.size // 5),
        "one paragraph": document.replace("\n", " "),
    }
    worst_rate = min(_report(f"worst: {k}{refused(v)}", len(v),
                             _time(lambda v=v: extract_or_refuse(v), 1))
                     for k, v in worst.items())
    print(f"median realistic throughput: {statistics.median(rates):.2f} MB/s; "
          f"worst case: {worst_rate:.2f} MB/s")
    languages(articles, total, args.runs)
    if args.seed_runs:
        seed_load(args.seed_runs)
    return 0


def extract_or_refuse(text: str) -> list | None:
    """Extract a text's quotes; None when it is over the quotation-mark cap (refused)."""
    try:
        return extract_quotes(text)
    except TooManyQuotationMarks:
        return None


def refused(text: str) -> str:
    try:
        refuse_too_many_quotation_marks(text)
    except TooManyQuotationMarks:
        return " (refused)"
    return ""


def languages(articles: list[str], total: int, runs: int) -> None:
    """Time language detection per article (apart from extraction) and the other-language path."""
    t0 = time.perf_counter()
    detect_language("Le modèle est chargé une fois.")
    print(f"language model load (first detection, wall): {(time.perf_counter() - t0) * 1000:.0f} ms")
    seconds = _time(lambda: [detect_language(a) for a in articles], runs)
    _report(f"detect_language ({len(articles)} docs)", total, seconds)
    print(f"  {seconds / len(articles) * 1000:.2f} ms per article of "
          f"{total / len(articles) / 1000:.1f} KB on average")
    _report("articles read as French", total,
            _time(lambda: [extract_quotes(a, published="2024-01-10", language="fr")
                           for a in articles], runs))


def seed_load(runs: int) -> float:
    """Time build_database() from seeds/ into a fresh temporary file; print the median."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            t0 = time.perf_counter()
            results = build_database(Path(tmp) / f"seed{run}.db")
            times.append(time.perf_counter() - t0)
    quotes = sum(r.stored for r in results)
    print(f"seed load (build_database: {len(results)} sources, {quotes} quotes): median "
          f"{statistics.median(times) * 1000:.0f} ms of {runs} (min {min(times) * 1000:.0f}, "
          f"max {max(times) * 1000:.0f})")
    return statistics.median(times)


if __name__ == "__main__":
    raise SystemExit(main())
