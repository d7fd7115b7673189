"""Provenance answers and CPU per check on a corpus: record them, or compare with a record.

    .venv/bin/python bench/provenance_answers.py --db /tmp/copy.db --save /tmp/before.json
    .venv/bin/python bench/provenance_answers.py --db /tmp/copy.db --compare /tmp/before.json

The claims: the 400 `load.py` sends to the provenance route, then bench_provenance.py's probe
classes drawn from the same corpus (--probes per class, 8 classes). Each is checked through
the HTTP surface (Flask's test client, budget off) and its whole JSON body kept; CPU time per
check (thread time, each claim's minimum over --runs passes after a warming one) is printed
as median, p95, p99 and max.
--compare prints every claim whose answer differs, with both verdicts. Use a copy of a corpus:
opening it may upgrade its schema.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from api import create_app  # noqa: E402
from api.db import connect  # noqa: E402
from bench_provenance import percentile, probes  # noqa: E402
from load import request_paths  # noqa: E402


def claim_paths(db_path: Path, per_class: int) -> list[str]:
    """Return the check paths: load.py's provenance paths, then the probe classes'."""
    paths = request_paths(db_path)["provenance"]
    db = connect(db_path)
    for claims in probes(db, per_class).values():
        for text, speaker in claims:
            query = {"text": text, **({"speaker": speaker} if speaker else {})}
            paths.append("/v1/provenance/check?" + urllib.parse.urlencode(query))
    db.close()
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--probes", type=int, default=30, help="claims per probe class")
    parser.add_argument("--runs", type=int, default=3, help="timed passes (per-claim minimum)")
    parser.add_argument("--save", type=Path, help="write the answers to this JSON file")
    parser.add_argument("--compare", type=Path, help="compare the answers with this file")
    args = parser.parse_args()
    app = create_app({"DB": str(args.db), "TESTING": True, "REQUEST_BUDGET_MS": 0,
                      "CHECK_RATE_LIMIT": "100000000/second"})
    client = app.test_client()
    paths = claim_paths(args.db, args.probes)
    answers, times = {}, [[] for _ in paths]
    for run in range(1 + args.runs):  # the first pass warms (word counts kept, as in a worker)
        for index, path in enumerate(paths):
            began = time.thread_time()
            response = client.get(path)
            if run:
                times[index].append((time.thread_time() - began) * 1000)
            answers[path] = [response.status_code, response.get_json()]
    cpus = [min(each) for each in times]  # the least disturbed by other processes
    print(f"{len(paths)} checks, CPU ms per check: median {statistics.median(cpus):.2f}, "
          f"p95 {percentile(cpus, 0.95):.2f}, p99 {percentile(cpus, 0.99):.2f}, "
          f"max {max(cpus):.2f}, mean {statistics.mean(cpus):.2f}")
    slowest = sorted(zip(cpus, paths), reverse=True)[:10]
    for cpu, path in slowest:
        print(f"  {cpu:7.1f} ms  {urllib.parse.unquote_plus(path)[:110]}")
    if args.save:
        args.save.write_text(json.dumps(answers, sort_keys=True))
    if args.compare:
        report_changes(json.loads(args.compare.read_text()), answers)


def report_changes(before: dict, after: dict) -> None:
    """Print every claim whose answer changed, with its verdict before and after."""
    changed = [path for path in before if before[path] != after.get(path)]
    print(f"{len(changed)} of {len(before)} answers changed")
    for path in changed:
        old, new = before[path][1] or {}, (after.get(path) or [0, {}])[1] or {}
        print(f"- {urllib.parse.unquote_plus(path)[:140]}\n  {old.get('verdict')} -> "
              f"{new.get('verdict')}; matches {len(old.get('matches', []))} -> "
              f"{len(new.get('matches', []))}")


if __name__ == "__main__":
    main()
