"""Time every read route in process (no HTTP, no gunicorn), against the bare Flask floor.

    .venv/bin/python bench/inprocess.py --quotes 1000000
    .venv/bin/python bench/inprocess.py --quotes 1000000 --routes quotes,outlets --profile quotes

Calls the WSGI apps directly with environs built once per path (the same paths as load.py
draws from the database), so what is timed is Flask, the app's code and SQLite, not the load
generator or the socket. Prints per route the median, mean and p99 in µs over --runs passes
(median of each) and the ratio of the floor's median to the route's: where load.py's ratio is
lower than this one, the difference is gunicorn and the machine. --profile prints the top
cProfile lines of one route (sorted by --sort).
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

from werkzeug.test import EnvironBuilder

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import ensure_corpus  # noqa: E402
from load import request_paths  # noqa: E402


def environs(paths: list[str]) -> list[dict]:
    """Return one WSGI environ per path, built once so building is not timed."""
    out = []
    for path in paths:
        route, _, query = path.partition("?")
        out.append(EnvironBuilder(path=route, query_string=query).get_environ())
    return out


def timed(app, envs: list[dict]) -> tuple[list[float], int]:
    """Call app once per environ; return each call's seconds and how many were not 2xx."""
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    took = []
    for environ in envs:
        environ = dict(environ)
        began = time.perf_counter()
        body = app(environ, start_response)
        b"".join(body)
        if hasattr(body, "close"):
            body.close()
        took.append(time.perf_counter() - began)
    return took, sum(not status.startswith("2") for status in statuses)


def summary(app, envs: list[dict], runs: int) -> dict:
    """Warm up once, then return median over runs of the p50, mean and p99 in µs."""
    timed(app, envs)
    passes = []
    for _ in range(runs):
        took, bad = timed(app, envs)
        took.sort()
        passes.append((took[len(took) // 2], statistics.mean(took),
                       took[min(len(took) - 1, int(0.99 * len(took)))], bad))
    return {name: statistics.median(p[i] for p in passes) * (1e6 if i < 3 else 1)
            for i, name in enumerate(("p50", "mean", "p99", "non_2xx"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=10_000, help="corpus size (bench/corpus.py)")
    parser.add_argument("--db", type=Path, help="time this database instead of a corpus")
    parser.add_argument("--paths", type=int, default=200, help="request paths per route")
    parser.add_argument("--runs", type=int, default=3, help="timed passes over the paths")
    parser.add_argument("--routes", help="comma-separated subset of the routes")
    parser.add_argument("--profile", metavar="ROUTE", help="print a cProfile of this route")
    parser.add_argument("--sort", default="cumulative", help="cProfile sort key")
    args = parser.parse_args()
    db_path = args.db or ensure_corpus(args.quotes)
    os.environ.update({"VERBATIM_DB": str(db_path),
                       "VERBATIM_CHECK_RATE_LIMIT": "100000000/second",
                       "VERBATIM_WRITE_RATE_LIMIT": "100000000/second",
                       "VERBATIM_SEARCH_RATE_LIMIT": "100000000/second"})
    import floor_app
    from wsgi import app  # after VERBATIM_DB is set; runs init_schema as a deploy would

    paths = request_paths(db_path, n=args.paths)
    wanted = args.routes.split(",") if args.routes else list(paths)
    unknown = set(wanted) - set(paths)
    if unknown:
        parser.error(f"unknown routes {sorted(unknown)}; known: {', '.join(paths)}")
    floor = summary(floor_app.app, environs(["/floor"] * args.paths), args.runs)
    print(f"{db_path.name}: {args.paths} paths per route, median of {args.runs} passes; "
          f"floor p50 {floor['p50']:.0f} µs")
    print(f"{'route':20} {'p50 µs':>8} {'mean':>8} {'p99':>8} {'non-2xx':>7} {'floor/p50':>9}")
    for route in wanted:
        envs = environs(paths[route])
        if route == args.profile:
            timed(app, envs)
            profiler = cProfile.Profile()
            profiler.enable()
            timed(app, envs)
            profiler.disable()
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(40)
        r = summary(app, envs, args.runs)
        print(f"{route:20} {r['p50']:8.0f} {r['mean']:8.0f} {r['p99']:8.0f} "
              f"{r['non_2xx']:7.0f} {floor['p50'] / r['p50']:9.2f}", flush=True)


if __name__ == "__main__":
    main()
