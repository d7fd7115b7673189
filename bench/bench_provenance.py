"""Benchmark provenance checks on a generated corpus (deterministic; cached under bench/out/).

    .venv/bin/python bench/bench_provenance.py --quotes 1000000          # build once, then probe
    .venv/bin/python bench/bench_provenance.py --quotes 100000 --probes 50

Articles hold narrative sentences and quoted sentences drawn from a Zipf-distributed vocabulary
(common English words first: bench/corpus.py's Writer); one quote in twenty is made only of the
60 commonest words, the worst case for a word index. Prints build time, then per probe class the
wall-time p50/p99/max and mean CPU time per check, each the median over --runs passes.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.db import connect, init_schema, write_transaction  # noqa: E402
from api.store import ids  # noqa: E402
from api.store.ingest import CONTEXT_CHARS, utf16_offset  # noqa: E402
from api.store.provenance import check_claim  # noqa: E402
from api.store.provenance_index import fill_forms, rebuild_index  # noqa: E402
from corpus import COMMON_ONLY_EVERY, Writer  # noqa: E402  (the shared Zipf sentence generator)

QUOTES_PER_ARTICLE = 5
NARRATIVE_PER_ARTICLE = 3


def article(writer: Writer, number: int) -> tuple[str, list[tuple[int, int, int]]]:
    """Return an article's text and its quotes as (start, end, speaker number)."""
    parts = [writer.sentence().rstrip() + f" ({number})\n\n"]
    length = len(parts[0])
    quotes = []
    for index in range(QUOTES_PER_ARTICLE):
        if index < NARRATIVE_PER_ARTICLE:
            narrative = writer.sentence() + ". "
            parts.append(narrative)
            length += len(narrative)
        common = (number * QUOTES_PER_ARTICLE + index) % COMMON_ONLY_EVERY == 0
        quote = writer.sentence(common_only=common)
        speaker = writer.rng.randrange(5000)
        piece = f"“{quote},” said Speaker{speaker} Person.\n\n"
        quotes.append((length + 1, length + 1 + len(quote), speaker))
        parts.append(piece)
        length += len(piece)
    return "".join(parts), quotes


def build(path: Path, n_quotes: int) -> float:
    """Generate the corpus into a fresh database at path; return seconds taken."""
    began = time.perf_counter()
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    db = connect(tmp)
    init_schema(db)
    db.execute("PRAGMA synchronous = OFF")
    writer = Writer()
    db.execute("BEGIN")
    db.conn.executemany("INSERT INTO speakers (id, name, kind) VALUES (?, ?, 'person')",
                        [(f"speaker{i}-person", f"Speaker{i} Person") for i in range(5000)])
    seq = 0
    for number in range(n_quotes // QUOTES_PER_ARTICLE):
        text, quotes = article(writer, number)
        sha = hashlib.sha256(text.encode()).hexdigest()
        sid = ids.source_id(sha)
        published = f"{2000 + number % 24}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        db.conn.execute(
            "INSERT INTO sources (id, sha256, outlet, title, published, text, length, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01')",
            (sid, sha, f"Outlet{number % 50}", text[:40], published, text, len(text)))
        rows = []
        for start, end, speaker in quotes:
            seq += 1
            rows.append((seq, ids.quote_id(sha, start, end), sid, f"speaker{speaker}-person", start,
                         end, utf16_offset(text, start), utf16_offset(text, end), text[start:end],
                         text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS],
                         published, f"Outlet{number % 50}"))
        db.conn.executemany(
            'INSERT INTO quotes (seq, id, source_id, speaker_id, kind, start, "end", start_utf16, '
            "end_utf16, text, prefix, suffix, date, outlet, created_at) VALUES "
            "(?, ?, ?, ?, 'full', ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01')", rows)
    db.execute("COMMIT")
    db.execute("INSERT INTO sources_fts (sources_fts) VALUES ('optimize')")
    rebuild_index(db)
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    tmp.replace(path)
    return time.perf_counter() - began


def probes(db, n: int, seed: int = 11) -> dict[str, list[tuple[str, str | None]]]:
    """Return claims to check, n per class, drawn deterministically from the corpus."""
    rng = random.Random(seed)
    writer = Writer(seed=99)
    total = db.execute("SELECT max(seq) FROM quotes").fetchone()[0]
    classes: dict[str, list[tuple[str, str | None]]] = {k: [] for k in (
        "verbatim", "altered", "omission", "misattributed", "narrative", "common_only",
        "common_absent", "invented")}
    while len(classes["verbatim"]) < n:
        seq = rng.randint(1, total)
        text, sid, speaker = db.execute(
            "SELECT q.text, q.source_id, sp.name FROM quotes q JOIN speakers sp ON sp.id = q.speaker_id "
            "WHERE q.seq = ?", [seq]).fetchone()
        words = text.split()
        if (seq - 1) % COMMON_ONLY_EVERY == 0:
            continue
        classes["verbatim"].append((f'"{text}"', speaker))
        changed = list(words)
        changed[len(words) // 2] = rng.choice(writer.vocab[200:2000])
        classes["altered"].append((" ".join(changed), None))
        classes["omission"].append((" ".join(words[:3]) + " … " + " ".join(words[-4:]), None))
        classes["misattributed"].append((text, f"Speaker{rng.randrange(5000)} Person"))
        source = db.execute("SELECT text FROM sources WHERE id = ?", [sid]).fetchone()[0]
        classes["narrative"].append((source.split("\n\n")[1].split(". ")[0], None))
        classes["common_absent"].append((writer.sentence(common_only=True), None))
        classes["invented"].append((writer.sentence(), None))
    for k in classes:
        classes[k] = classes[k][:n]
    while len(classes["common_only"]) < n:
        seq = 1 + COMMON_ONLY_EVERY * rng.randrange(total // COMMON_ONLY_EVERY)
        text = db.execute("SELECT text FROM quotes WHERE seq = ?", [seq]).fetchone()[0]
        classes["common_only"].append((f'"{text}"', None))
    return classes


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--probes", type=int, default=100, help="claims per probe class")
    parser.add_argument("--runs", type=int, default=3, help="passes over the probes (medians)")
    parser.add_argument("--rebuild", action="store_true", help="ignore the cached database")
    parser.add_argument("--reindex", action="store_true",
                        help="rebuild the common-word and shingle indexes of the cached database")
    args = parser.parse_args()
    path = ROOT / "bench" / "out" / f"provenance_{args.quotes}.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not path.exists():
        print(f"building {path.name}: {args.quotes} quotes ...", flush=True)
        print(f"build time: {build(path, args.quotes):.1f} s", flush=True)
    db = connect(path)
    init_schema(db)
    if args.reindex:
        began = time.perf_counter()
        rebuild_index(db)
        print(f"reindex: {time.perf_counter() - began:.1f} s")
    began = time.perf_counter()
    with write_transaction(db):  # a corpus cached before provenance_forms existed
        filled = fill_forms(db)
    if filled:
        print(f"stored {filled} normalised forms: {time.perf_counter() - began:.1f} s")
    counts = db.execute("SELECT (SELECT count(*) FROM quotes), (SELECT count(*) FROM sources)").fetchone()
    print(f"corpus: {counts[0]} quotes in {counts[1]} sources, {path.stat().st_size / 1e6:.0f} MB")
    classes = probes(db, args.probes)
    runs = [run_probes(db, classes) for _ in range(args.runs)]
    print(f"{'class':15} {'n':>4} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'cpu mean':>8}  "
          f"verdicts  (wall; medians over {args.runs} runs)")
    for name in [*classes, "all"]:
        rows = [run[name] for run in runs]
        print(f"{name:15} {len(rows[0][0]):4} "
              + " ".join(f"{statistics.median(f(r) for r in rows):8.1f}" for f in (
                  lambda r: statistics.median(r[0]), lambda r: percentile(r[0], 0.99),
                  lambda r: max(r[0]), lambda r: statistics.mean(r[1])))
              + f"  {rows[0][2] if name != 'all' else ''}", flush=True)


def run_probes(db, classes: dict) -> dict[str, tuple[list[float], list[float], dict]]:
    """Check every probe once; return wall and CPU milliseconds and verdicts per class and 'all'."""
    found: dict[str, tuple[list[float], list[float], dict]] = {"all": ([], [], {})}
    for name, claims in classes.items():
        walls, cpus, verdicts = found.setdefault(name, ([], [], {}))
        for text, speaker in claims:
            began, cpu = time.perf_counter(), time.thread_time()
            verdict = check_claim(db, text, speaker).result.verdict
            walls.append((time.perf_counter() - began) * 1000)
            cpus.append((time.thread_time() - cpu) * 1000)
            verdicts[verdict] = verdicts.get(verdict, 0) + 1
        found["all"][0].extend(walls)
        found["all"][1].extend(cpus)
    return found


if __name__ == "__main__":
    main()
