"""Score the quote extractor against the hand-annotated gold file.

    python bench/eval_extraction.py tests/gold/seeds.json [--verbose]

Runs ``api.extraction.extract_quotes`` on every article listed in the gold file
(with the article's publication date) and prints, for direct quotes
(full + partial), for indirect speech and overall: gold count, predicted count,
true positives (exact span: start and end both equal), precision, recall, F1,
speaker accuracy and kind accuracy among the exact matches, and a lenient span
F1 (one-to-one matching where the overlap covers at least 50 % of the longer
of the two spans) for diagnosis.  ``--verbose`` lists misses, false positives,
wrong speakers and wrong kinds per article.

It is a report: the exit code is always 0.  ``evaluate(gold_path)`` returns
the figures as a dict for tests.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
from pathlib import Path
from typing import Any, Callable, Iterable

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

DIRECT_KINDS = ("full", "partial")
CATEGORIES = ("direct", "indirect", "overall")
_ARTICLE_RE = re.compile(r"^(a|an|the)\s+")


def normalise_name(name: str | None) -> str:
    """Casefold, collapse whitespace and drop a leading article ("a U.S. official" == "U.S. official")."""
    if not name:
        return ""
    norm = " ".join(name.split()).casefold()
    return _ARTICLE_RE.sub("", norm)


def _category(kind: str) -> str:
    return "direct" if kind in DIRECT_KINDS else "indirect"


def _find_article(gold_path: Path, file_name: str) -> Path:
    """Articles live in a ``seeds/`` directory next to (or above) the gold file."""
    for base in [gold_path.parent, *gold_path.parents, REPO_ROOT]:
        for candidate in (base / file_name, base / "seeds" / file_name):
            if candidate.is_file():
                return candidate
    raise FileNotFoundError(f"article {file_name} not found near {gold_path}")


def _pred_to_dict(q: Any) -> dict:
    speaker = getattr(q, "speaker", None)
    return {
        "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
        "speaker": getattr(speaker, "name", None) if speaker is not None else None,
        "cue": getattr(q, "cue", None),
    }


def _overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _exact_matches(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs with identical spans."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for j, p in enumerate(pred):
        by_span.setdefault((p["start"], p["end"]), []).append(j)
    pairs = []
    for i, g in enumerate(gold):
        js = by_span.get((g["start"], g["end"]))
        if js:
            pairs.append((i, js.pop(0)))
    return pairs


def _lenient_matches(gold: list[dict], pred: list[dict], threshold: float = 0.5) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by overlap, keeping pairs whose overlap is >= threshold of the longer span."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = _overlap(g, p)
            longer = max(g["end"] - g["start"], p["end"] - p["start"], 1)
            if ov > 0 and ov / longer >= threshold:
                cands.append((ov / longer, i, j))
    return greedy_pairs(cands)


def greedy_pairs(cands: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Pair (score, gold index, pred index) candidates one-to-one, best score first."""
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def prf(tp: int, n_gold: int, n_pred: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _empty_counts() -> dict:
    return {"gold": 0, "predicted": 0, "tp": 0, "speaker_ok": 0, "kind_ok": 0, "lenient_tp": 0}


def _select(items: Iterable[dict], category: str) -> list[dict]:
    return [q for q in items if category == "overall" or _category(q["kind"]) == category]


def evaluate(gold_path: str | Path, extract: Callable[..., list] | None = None) -> dict:
    """Run the extractor on every gold article and return the figures.

    ``extract`` defaults to ``api.extraction.extract_quotes`` (called as
    ``extract(text, published=date)``); an ImportError propagates.
    """
    gold_path = Path(gold_path)
    if extract is None:
        from api.extraction import extract_quotes as extract  # noqa: PLC0415
    gold_doc = json.loads(gold_path.read_text(encoding="utf-8"))

    counts = {c: _empty_counts() for c in CATEGORIES}
    articles = []
    ns_total = ns_hit = 0
    for art in gold_doc["articles"]:
        text = _find_article(gold_path, art["file"]).read_bytes().decode("utf-8")
        gold = [dict(q) for q in art["quotes"]]
        report: dict[str, Any] = {"file": art["file"], "error": None, "misses": [], "false_positives": [],
                                  "wrong_speaker": [], "wrong_kind": [], "non_speech_extracted": []}
        try:
            pred = [_pred_to_dict(q) for q in extract(text, published=art.get("published"))]
        except Exception:  # a crash on one article is reported, not fatal
            report["error"] = traceback.format_exc(limit=3)
            pred = []

        for cat in CATEGORIES:
            g_sel, p_sel = _select(gold, cat), _select(pred, cat)
            pairs = _exact_matches(g_sel, p_sel)
            c = counts[cat]
            c["gold"] += len(g_sel)
            c["predicted"] += len(p_sel)
            c["tp"] += len(pairs)
            c["lenient_tp"] += len(_lenient_matches(g_sel, p_sel))
            for i, j in pairs:
                g, p = g_sel[i], p_sel[j]
                speaker_ok = normalise_name(p["speaker"]) == normalise_name(g.get("speaker"))
                kind_ok = p["kind"] == g["kind"]
                c["speaker_ok"] += speaker_ok
                c["kind_ok"] += kind_ok
                if cat == "overall":
                    if not speaker_ok:
                        report["wrong_speaker"].append({"text": g["text"], "start": g["start"], "end": g["end"],
                                                        "gold": g.get("speaker"), "predicted": p["speaker"]})
                    if not kind_ok:
                        report["wrong_kind"].append({"text": g["text"], "start": g["start"], "end": g["end"],
                                                     "gold": g["kind"], "predicted": p["kind"]})
            if cat == "overall":
                matched_g = {i for i, _ in pairs}
                matched_p = {j for _, j in pairs}
                lenient = dict(_lenient_matches(g_sel, p_sel))
                for i, g in enumerate(g_sel):
                    if i not in matched_g:
                        near = p_sel[lenient[i]] if i in lenient else None
                        report["misses"].append({**{k: g[k] for k in ("start", "end", "kind", "text")},
                                                 "speaker": g.get("speaker"),
                                                 "nearest_prediction": near and {k: near[k] for k in ("start", "end", "text")}})
                for j, p in enumerate(p_sel):
                    if j not in matched_p:
                        report["false_positives"].append(p)

        for ns in art.get("non_speech", []):
            ns_total += 1
            hits = [p for p in pred if _overlap(ns, p) > 0]
            if hits:
                ns_hit += 1
                report["non_speech_extracted"].append({"text": ns["text"], "start": ns["start"], "end": ns["end"],
                                                       "predicted": [{k: h[k] for k in ("start", "end", "kind", "text")}
                                                                     for h in hits]})
        articles.append(report)

    result: dict[str, Any] = {}
    for cat, c in counts.items():
        row = {"gold": c["gold"], "predicted": c["predicted"], "tp": c["tp"], **prf(c["tp"], c["gold"], c["predicted"])}
        row["speaker_accuracy"] = c["speaker_ok"] / c["tp"] if c["tp"] else 0.0
        row["kind_accuracy"] = c["kind_ok"] / c["tp"] if c["tp"] else 0.0
        row["lenient"] = {"tp": c["lenient_tp"], **prf(c["lenient_tp"], c["gold"], c["predicted"])}
        result[cat] = row
    result["non_speech"] = {"gold": ns_total, "extracted": ns_hit}
    result["articles"] = articles
    return result


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_report(res: dict, verbose: bool = False) -> str:
    lines = []
    head = (f"{'':9} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6} "
            f"{'spk_acc':>8} {'kind_acc':>8} {'lenF1':>6}")
    lines += [head, "-" * len(head)]
    for cat in CATEGORIES:
        r = res[cat]
        lines.append(f"{cat:9} {r['gold']:>5} {r['predicted']:>5} {r['tp']:>4} {r['precision']:>6.3f} "
                     f"{r['recall']:>6.3f} {r['f1']:>6.3f} {r['speaker_accuracy']:>8.3f} "
                     f"{r['kind_accuracy']:>8.3f} {r['lenient']['f1']:>6.3f}")
    ns = res["non_speech"]
    lines.append(f"non-speech quotation marks extracted as quotes: {ns['extracted']} of {ns['gold']}")
    errors = [a for a in res["articles"] if a["error"]]
    for a in errors:
        lines.append(f"ERROR in {a['file']}: {a['error'].strip().splitlines()[-1]}")
    if verbose:
        for a in res["articles"]:
            lines.append("")
            lines.append(f"== {a['file']}")
            if a["error"]:
                lines.append(a["error"].rstrip())
            for m in a["misses"]:
                near = m["nearest_prediction"]
                extra = f"  (nearest pred [{near['start']}:{near['end']}] {_short(near['text'], 50)!r})" if near else ""
                lines.append(f"  MISS  [{m['start']}:{m['end']}] {m['kind']:8} {m['speaker']!s:22} "
                             f"{_short(m['text'])!r}{extra}")
            for p in a["false_positives"]:
                lines.append(f"  FP    [{p['start']}:{p['end']}] {p['kind']:8} {p['speaker']!s:22} {_short(p['text'])!r}")
            for w in a["wrong_speaker"]:
                lines.append(f"  SPKR  [{w['start']}:{w['end']}] gold={w['gold']!r} pred={w['predicted']!r} "
                             f"{_short(w['text'], 50)!r}")
            for w in a["wrong_kind"]:
                lines.append(f"  KIND  [{w['start']}:{w['end']}] gold={w['gold']} pred={w['predicted']} "
                             f"{_short(w['text'], 50)!r}")
            for n in a["non_speech_extracted"]:
                lines.append(f"  NONSP [{n['start']}:{n['end']}] {n['text']!r} extracted as "
                             f"{[(h['start'], h['end'], h['kind']) for h in n['predicted']]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", default=str(REPO_ROOT / "tests" / "gold" / "seeds.json"))
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    try:
        res = evaluate(args.gold)
    except Exception:  # a report never fails the build
        print("evaluation could not run:\n" + traceback.format_exc(), file=sys.stderr)
        return 0
    print(format_report(res, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
