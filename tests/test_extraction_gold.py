"""The hand-annotated gold file for the seed articles, and the extractor's acceptance targets on it."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "seeds.json"
SEEDS = ROOT / "seeds"

KINDS = {"full", "partial", "indirect"}
SPEAKER_KINDS = {"person", "organization", "anonymous"}
OPENING = "“‘\"'"
CLOSING = "”’\"'"


def _load_eval():
    spec = importlib.util.spec_from_file_location("eval_extraction", ROOT / "bench" / "eval_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


def _article(name: str) -> str:
    return (SEEDS / name).read_bytes().decode("utf-8")


def test_gold_file_is_consistent_with_the_seed_texts():
    gold = _gold()
    assert gold["version"] == 1
    manifest = {d["file"]: d for d in json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))["documents"]}
    assert {a["file"] for a in gold["articles"]} == set(manifest)
    for art in gold["articles"]:
        text = _article(art["file"])
        assert art["published"] == manifest[art["file"]]["published"]
        assert art["quotes"], art["file"]
        for q in art["quotes"]:
            where = f"{art['file']} [{q['start']}:{q['end']}] {q['text'][:40]!r}"
            assert text[q["start"]:q["end"]] == q["text"], where
            assert q["text"] and q["text"] == q["text"].strip(), where
            assert q["kind"] in KINDS, where
            if q["speaker"] is None:  # a quoted claim whose maker is unnamed (README rule 23)
                assert q["speaker_kind"] is None and q["kind"] != "indirect", where
            else:
                assert q["speaker"] and q["speaker_kind"] in SPEAKER_KINDS, where
            if q["kind"] != "indirect":  # marks excluded, and they really are there
                assert text[q["start"] - 1] in OPENING and text[q["end"]] in CLOSING, where
            if q.get("cue"):
                assert q["cue"] in text, where
        spans = sorted((q["start"], q["end"]) for q in art["quotes"])
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, f"{art['file']}: overlapping gold quotes [{s1}:{e1}] and [{s2}:{e2}]"
        for ns in art.get("non_speech", []):
            assert text[ns["start"]:ns["end"]] == ns["text"], ns
            assert ns.get("reason"), ns
            assert all(ns["end"] <= s or ns["start"] >= e for s, e in spans), ns


def test_evaluator_scores_a_perfect_extractor_as_perfect():
    """Feeding the gold back in through the evaluator must give 1.0 everywhere (checks the scorer, not the engine)."""
    ev = _load_eval()
    from types import SimpleNamespace

    by_text = {}
    for art in _gold()["articles"]:
        by_text[_article(art["file"])] = [
            SimpleNamespace(start=q["start"], end=q["end"], text=q["text"], kind=q["kind"],
                            speaker=SimpleNamespace(name=q["speaker"]), cue=q.get("cue"))
            for q in art["quotes"]]

    res = ev.evaluate(GOLD, extract=lambda text, published=None: by_text[text])
    for cat in ("direct", "indirect", "overall"):
        assert res[cat]["f1"] == 1.0 and res[cat]["speaker_accuracy"] == 1.0, (cat, res[cat])
        assert res[cat]["kind_accuracy"] == 1.0 and res[cat]["lenient"]["f1"] == 1.0, (cat, res[cat])
    assert res["non_speech"]["extracted"] == 0


def test_a_null_gold_speaker_is_right_only_for_a_null_prediction():
    """README rule 23: a quotation whose author the article does not name scores right only
    when the engine names nobody; naming anyone (the reporter of the claim) is wrong."""
    ev = _load_eval()
    from types import SimpleNamespace

    by_text, nulls = {}, 0
    for art in _gold()["articles"]:
        quotes = []
        for q in art["quotes"]:
            nulls += q["speaker"] is None
            quotes.append(SimpleNamespace(start=q["start"], end=q["end"], text=q["text"],
                                          kind=q["kind"], cue=q.get("cue"),
                                          speaker=SimpleNamespace(name=q["speaker"] or "Qin Gang")))
        by_text[_article(art["file"])] = quotes
    res = ev.evaluate(GOLD, extract=lambda text, published=None: by_text[text])
    assert nulls == 2
    assert res["overall"]["tp"] - round(res["overall"]["speaker_accuracy"] * res["overall"]["tp"]) == 2


def test_engine_reaches_targets_on_seed_gold():
    """Acceptance: direct-quote span F1 >= 0.97 and speaker accuracy >= 0.95 on the hand-annotated seeds."""
    ev = _load_eval()
    res = ev.evaluate(GOLD)
    errors = [a["file"] for a in res["articles"] if a["error"]]
    assert not errors, f"extractor raised on {errors}"
    direct = res["direct"]
    report = ev.format_report(res, verbose=True)
    assert direct["f1"] >= 0.97, f"direct-quote span F1 {direct['f1']:.3f} < 0.97\n{report}"
    assert direct["speaker_accuracy"] >= 0.95, f"speaker accuracy {direct['speaker_accuracy']:.3f} < 0.95\n{report}"
