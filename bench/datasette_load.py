"""Datasette on the same database file, same load as load.py, for the routes it can serve.

    /tmp/dsvenv/bin/pip install datasette       # its own virtualenv: not a Verbatim dependency
    .venv/bin/python bench/datasette_load.py --db bench/out/corpus_1000000.db \
        --datasette /tmp/dsvenv/bin/datasette

Serves the file read-only and immutable (`datasette serve -i`, its settings as shipped), and for
each route load.py measures, runs the same wrk rounds interleaved with the same bare-Flask floor
on paths asking Datasette's JSON table API for the same rows: a newest-first page, one
speaker's or outlet's quotes, a kind and date filter with an outlet facet (Datasette has no year
facet over a text date), a full-text search (`_search`, its own order), the row page of one
quote, source or speaker, speakers by name. Prints req/s, p50, p99 and the ratio to the floor.
"""
from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import (HOST, ROOT, free_port, gunicorn, print_header, print_row,  # noqa: E402
                  request_paths, run_wrk)


def datasette_paths(paths: dict[str, list[str]], db_path: Path) -> dict[str, list[str]]:
    """Return load.py's paths as the Datasette requests that answer the same question."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    quote_ids = [path.rsplit("/", 1)[-1] for path in paths["quote"]]
    seqs = dict(conn.execute(f"SELECT id, seq FROM quotes WHERE id IN "
                             f"({', '.join('?' * len(quote_ids))})", quote_ids).fetchall())
    conn.close()
    out: dict[str, list[str]] = {}
    for route, route_paths in paths.items():
        mapped = [_mapped(route, path, db_path.stem, seqs) for path in route_paths]
        if all(mapped):
            out[route] = mapped
    return out


def _mapped(route: str, path: str, db: str, seqs: dict[str, int]) -> str | None:
    url = urllib.parse.urlsplit(path)
    args = dict(urllib.parse.parse_qsl(url.query))
    size = args.get("limit", "20")
    last = urllib.parse.quote(url.path.rsplit("/", 1)[-1])
    table = {"quote": "quotes", "source": "sources", "speaker": "speakers"}.get(route)
    query = {
        "quotes": {"_sort_desc": "date", "_size": size},
        "quotes_speaker": {"speaker_id": args.get("speaker"), "_sort_desc": "date", "_size": size},
        "quotes_outlet_date": {"outlet": args.get("outlet"), "date__gte": args.get("date_from"),
                               "_sort_desc": "date", "_size": size},
        "quotes_kind_facet": {"kind": args.get("kind"), "date__lte": args.get("date_to"),
                              "_facet": "outlet", "_sort_desc": "date", "_size": size},
        "quotes_search": {"_search": args.get("q"), "_size": size},
        "speakers": {"_sort": "name", "_size": size,
                     **({"name__contains": args["name"]} if "name" in args else {})},
    }.get(route)
    if table:  # its row page (quotes are keyed by seq, their integer primary key)
        return f"/{db}/{table}/{seqs[last] if table == 'quotes' else last}.json"
    if query is None:
        return None
    return f"/{db}/{'speakers' if route == 'speakers' else 'quotes'}.json?" + \
        urllib.parse.urlencode(query)


def datasette(binary: str, db_path: Path):
    """Start Datasette on the file, immutable; return the process and its port."""
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "-i", str(db_path), "-h", HOST, "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if subprocess.run(["curl", "-sf", f"http://{HOST}:{port}/-/versions.json"],
                          capture_output=True).returncode == 0:
            return proc, port
        time.sleep(0.5)
    proc.terminate()
    raise RuntimeError("datasette did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--datasette", default="/tmp/dsvenv/bin/datasette")
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--routes", help="comma-separated subset of the routes")
    args = parser.parse_args()
    paths = datasette_paths(request_paths(args.db), args.db)
    wanted = args.routes.split(",") if args.routes else list(paths)
    with gunicorn("floor_app:app", 2, 4, {}, pythonpath=str(ROOT / "bench"),
                  probe="/floor") as floor_port:
        print_header()
        for route in wanted:
            # A fresh server per route: queries a route leaves queued (seconds each) would
            # otherwise be answered during the next route's rounds.
            proc, port = datasette(args.datasette, args.db)
            try:
                run_wrk(port, paths[route], 1, args.connections)  # warm-up
                rounds = []
                for _ in range(args.rounds):
                    floor = run_wrk(floor_port, ["/floor"], args.seconds, args.connections)
                    served = run_wrk(port, paths[route], args.seconds, args.connections)
                    rounds.append((floor, served))
                result = {side: {key: statistics.median(r[i][key] for r in rounds)
                                 for key in ("rps", "p50", "p99")}
                          | {"errors": sum(r[i]["errors"] for r in rounds)}
                          for i, side in enumerate(("floor", "route"))}
                result["ratio"] = statistics.median(r[1]["rps"] / r[0]["rps"] for r in rounds)
                print_row(route, result)
            finally:
                proc.kill()  # its queued queries would keep it busy for minutes
                proc.wait(timeout=30)


if __name__ == "__main__":
    main()
