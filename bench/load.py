"""HTTP load on every read route of a corpus database, each against a bare Flask floor, interleaved.

    .venv/bin/python bench/load.py --quotes 100000               # builds the corpus if missing
    .venv/bin/python bench/load.py --quotes 10000 --workers 2 --threads 8 --routes quote,provenance
    .venv/bin/python bench/load.py --db data/verbatim.db --generator python

Starts gunicorn twice on free loopback ports with the same settings: the API (wsgi:app with
VERBATIM_DB set, rate limits raised out of the way) and bench/floor_app.py. For each route it runs
short fixed-duration rounds, floor then route, several times, with 16 keep-alive connections,
and prints the medians over rounds of req/s, p50 and p99, and route req/s / floor req/s.
Request paths are drawn from the database so every request hits real data; query parameters
vary and If-None-Match is never sent, so no cache answers for the app.

The load comes from wrk (https://github.com/wg/wrk, `apt-get install -y wrk`) when it is
installed, else from a Python generator (threads, http.client keep-alive); the report says which.
Only 127.0.0.1 is ever targeted; every round is bounded in time.
"""
from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from api.db import connect, init_schema  # noqa: E402
from corpus import COMMON, ensure_corpus  # noqa: E402

HOST = "127.0.0.1"
PATHS_PER_ROUTE = 400
CHECKED_PER_ROUTE = 20
STYLES = ["apa", "mla", "chicago", "harvard"]


def quote_path(text: str) -> str:
    return urllib.parse.quote(text, safe="")


def request_paths(db_path: Path, n: int = PATHS_PER_ROUTE, seed: int = 5) -> dict[str, list[str]]:
    """Return, per route, request paths drawn deterministically from the database."""
    rng = random.Random(seed)
    db = connect(db_path)
    top = db.execute("SELECT max(seq) FROM quotes").fetchone()[0]
    rows = []
    while len(rows) < n:
        row = db.execute("SELECT id, text, speaker_id, source_id, outlet, kind, date FROM quotes "
                         "WHERE seq = ?", [rng.randint(1, top)]).fetchone()
        if row and row[2]:
            rows.append(row)
    speakers = [r[0] for r in db.execute("SELECT id FROM speakers ORDER BY id")]
    common = set(COMMON[:60])
    common_quotes = [r[0] for r in db.execute(
        "SELECT text FROM quotes WHERE seq % 97 = 0 AND kind = 'full' LIMIT 20000")
        if set(re.findall(r"\w+", r[0].lower())) <= common][:n]
    db.close()

    def pick(seq):
        return seq[rng.randrange(len(seq))]

    def words(text, k):
        found = [w for w in re.findall(r"[A-Za-z]{5,}", text) if w.lower() not in common]
        return " ".join(rng.sample(found, min(k, len(found)))) or text.split()[0]

    paths: dict[str, list[str]] = {k: [] for k in (
        "healthz", "quotes", "quotes_speaker", "quotes_outlet_date", "quotes_kind_facet",
        "quotes_search", "quote", "citation", "source", "speakers", "speaker", "outlets",
        "provenance")}
    for i, (qid, text, speaker, source, outlet, kind, day) in enumerate(rows):
        limit = 15 + i % 11
        year = day[:4]
        paths["healthz"].append("/healthz")
        paths["outlets"].append("/v1/outlets")
        paths["quotes"].append(f"/v1/quotes?limit={limit}")
        paths["quotes_speaker"].append(f"/v1/quotes?speaker={quote_path(speaker)}&limit={limit}")
        paths["quotes_outlet_date"].append(
            f"/v1/quotes?outlet={quote_path(outlet)}&date_from={year}-01-01&limit={limit}")
        paths["quotes_kind_facet"].append(
            f"/v1/quotes?kind={kind}&date_to={day}&facet=outlet&facet=year&limit={limit}")
        paths["quotes_search"].append(f"/v1/quotes?q={quote_path(words(text, 1 + i % 2))}"
                                      f"&limit={limit}")
        paths["quote"].append(f"/v1/quotes/{qid}")
        paths["citation"].append(f"/v1/quotes/{qid}/citation?style={STYLES[i % len(STYLES)]}")
        paths["source"].append(f"/v1/sources/{source}")
        name = pick(speakers).split("-")[0][:4]
        paths["speakers"].append(f"/v1/speakers?limit={limit}" if i % 2 else
                                 f"/v1/speakers?name={quote_path(name)}&limit={limit}")
        paths["speaker"].append(f"/v1/speakers/{quote_path(speaker)}")
        # Provenance: real quote texts, altered ones and common-word ones, in turn.
        claim_words = text.split()
        if i % 3 == 0:
            claim = text
        elif i % 3 == 1:
            changed = list(claim_words)
            changed[len(changed) // 2] = "unprecedented"
            claim = " ".join(changed)
        else:
            claim = common_quotes[i % len(common_quotes)] if common_quotes and i % 2 else \
                " ".join(rng.choices(COMMON[:60], k=rng.randint(8, 14)))
        paths["provenance"].append(f"/v1/provenance/check?text={quote_path(claim)}")
    return paths


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(app: str, workers: int, threads: int, env: dict, pythonpath: str | None = None,
             probe: str = "/healthz"):
    """Serve app on a free loopback port for the duration of the block; yield the port."""
    port = free_port()
    cmd = [str(ROOT / ".venv" / "bin" / "gunicorn"), "--workers", str(workers), "--threads",
           str(threads), "--bind", f"{HOST}:{port}", "--log-level", "warning"]
    if pythonpath:
        cmd += ["--pythonpath", pythonpath]
    proc = subprocess.Popen(cmd + [app], cwd=ROOT, env={**os.environ, **env})
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                conn = http.client.HTTPConnection(HOST, port, timeout=5)
                conn.request("GET", probe)
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn {app} did not start")
            time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


WRK_SCRIPT = """
local paths = {%s}
local i = 0
init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000)); i = math.random(#paths)
end
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""
WRK_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


def run_wrk(port: int, paths: list[str], seconds: float, connections: int) -> dict:
    """Run one wrk round; return req/s, p50 and p99 in ms, and the count of non-2xx answers."""
    lua = ", ".join(json.dumps(p) for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % lua)
    try:
        out = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s",
             "--latency", "-s", script.name, f"http://{HOST}:{port}"],
            capture_output=True, text=True, timeout=seconds + 30)
    finally:
        os.unlink(script.name)
    if "Requests/sec" not in out.stdout:
        raise RuntimeError(f"wrk failed: {out.stderr or out.stdout}")
    out = out.stdout

    def latency(pct: str) -> float:
        value, unit = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M).groups()
        return float(value) * WRK_UNITS[unit]

    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": latency("50"), "p99": latency("99"),
            "errors": (int(bad.group(1)) if bad else 0)
            + (sum(map(int, errors.groups())) if errors else 0)}


def run_python(port: int, paths: list[str], seconds: float, connections: int) -> dict:
    """Run one round with threads over keep-alive connections; same result as run_wrk."""
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections
    stop = time.perf_counter() + seconds

    def worker(k: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        i = k * len(paths) // connections
        while time.perf_counter() < stop:
            i = (i + 1) % len(paths)
            began = time.perf_counter()
            try:
                conn.request("GET", paths[i])
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    errors[k] += 1
            except (OSError, http.client.HTTPException):
                errors[k] += 1
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=10)
                continue
            latencies[k].append((time.perf_counter() - began) * 1000)
        conn.close()

    began = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 30)
    took = time.perf_counter() - began
    every = sorted(x for per in latencies for x in per)
    if not every:
        return {"rps": 0.0, "p50": float("nan"), "p99": float("nan"), "errors": sum(errors)}
    return {"rps": len(every) / took, "p50": every[len(every) // 2],
            "p99": every[min(len(every) - 1, int(0.99 * len(every)))], "errors": sum(errors)}


def check_paths(port: int, paths: list[str], n: int = CHECKED_PER_ROUTE) -> list[str]:
    """Request a sample of paths once (this also warms up); return those not answered 200."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    failed = []
    for path in paths[:: max(1, len(paths) // n)]:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            failed.append(f"{response.status} {path}")
    conn.close()
    return failed


def measure(args, paths: dict[str, list[str]], db_path: Path) -> dict:
    """Serve the API and the floor, run the interleaved rounds, return the results per route."""
    run = run_wrk if args.generator == "wrk" else run_python
    env = {"VERBATIM_DB": str(db_path), "VERBATIM_CHECK_RATE_LIMIT": "100000000/second",
           "VERBATIM_WRITE_RATE_LIMIT": "100000000/second",
           "VERBATIM_SEARCH_RATE_LIMIT": "100000000/second"}
    floor_paths = ["/floor"]
    results = {}
    with gunicorn("wsgi:app", args.workers, args.threads, env) as api_port, \
            gunicorn("floor_app:app", args.workers, args.threads, {},
                     pythonpath=str(ROOT / "bench"), probe="/floor") as floor_port:
        run(floor_port, floor_paths, 1, args.connections)  # warm-up
        for route, route_paths in paths.items():
            failed = check_paths(api_port, route_paths)
            if failed:
                print(f"  {route}: {len(failed)} sample requests failed, e.g. {failed[0]}",
                      flush=True)
            run(api_port, route_paths, 1, args.connections)  # warm-up: connections, page cache
            rounds = {"floor": [], "route": []}
            for _ in range(args.rounds):
                rounds["floor"].append(run(floor_port, floor_paths, args.seconds,
                                           args.connections))
                rounds["route"].append(run(api_port, route_paths, args.seconds,
                                           args.connections))
            results[route] = {side: {k: statistics.median(r[k] for r in rs)
                                     for k in ("rps", "p50", "p99")}
                              | {"errors": sum(r["errors"] for r in rs)}
                              for side, rs in rounds.items()}
            results[route]["ratio"] = statistics.median(
                r["rps"] / f["rps"] for r, f in zip(rounds["route"], rounds["floor"]))
            print_row(route, results[route])
    return results


def print_header() -> None:
    print(f"{'route':20} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'err':>5} | "
          f"{'floor/s':>8} {'p50':>6} {'p99':>6} | {'ratio':>6}", flush=True)


def print_row(route: str, r: dict) -> None:
    a, f = r["route"], r["floor"]
    print(f"{route:20} {a['rps']:8.0f} {a['p50']:8.1f} {a['p99']:8.1f} {a['errors']:5d} | "
          f"{f['rps']:8.0f} {f['p50']:6.1f} {f['p99']:6.1f} | {r['ratio']:6.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=10_000, help="corpus size (bench/corpus.py)")
    parser.add_argument("--db", type=Path, help="serve this database instead of a corpus")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)  # as `make run`
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=3, help="length of one round")
    parser.add_argument("--rounds", type=int, default=3, help="floor/route pairs per route")
    parser.add_argument("--routes", help="comma-separated subset of the routes")
    parser.add_argument("--generator", choices=("wrk", "python"),
                        default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    db_path = args.db or ensure_corpus(args.quotes)
    init_schema(connect(db_path))  # upgrade a corpus built by older code first, as a deploy would
    paths = request_paths(db_path)
    if args.routes:
        wanted = args.routes.split(",")
        unknown = set(wanted) - set(paths)
        if unknown:
            parser.error(f"unknown routes {sorted(unknown)}; known: {', '.join(paths)}")
        paths = {k: v for k, v in paths.items() if k in wanted}
    print(f"{db_path.name}: gunicorn --workers {args.workers} --threads {args.threads}; "
          f"{args.connections} connections; generator {args.generator}; "
          f"{args.rounds} x {args.seconds:g} s rounds, floor and route interleaved; medians",
          flush=True)
    print_header()
    results = measure(args, paths, db_path)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"db": db_path.name, "workers": args.workers,
                                         "threads": args.threads, "generator": args.generator,
                                         "connections": args.connections,
                                         "results": results}, indent=1))


if __name__ == "__main__":
    main()
