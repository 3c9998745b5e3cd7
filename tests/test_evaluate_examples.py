"""The bundled example corpus (examples/) and its gold: well formed, coherent, scoreable."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from evaluate_helpers import gold_to_preds
from vigie.evaluate import evaluate
from vigie.evaluate.matching import date_tolerance, haversine_km
from vigie.evaluate.records import load_gold_dir

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
GOLD = Path(__file__).resolve().parent / "fixtures" / "examples_gold"


def _gold_files() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]


def _source_texts() -> dict[str, str]:
    """Text of each example article, keyed by JSONL id or by file name."""
    texts = {}
    for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        texts[art["id"]] = art["title"] + "\n" + art["text"]
    for path in list(EXAMPLES.glob("*.txt")) + list(EXAMPLES.glob("*.html")):
        texts[path.name] = path.read_text(encoding="utf-8")
    return texts


def test_eight_articles_in_every_format() -> None:
    lines = (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    for line in lines:
        art = json.loads(line)
        assert {"id", "url", "outlet", "published", "title", "text", "language"} <= set(art)
    assert len(list(EXAMPLES.glob("*.txt"))) == 2 and len(list(EXAMPLES.glob("*.html"))) == 1
    capture = (EXAMPLES / "ex-05-kafr-nabouda-wire.txt").read_text(encoding="utf-8")
    assert capture.splitlines()[0].endswith("Jerusalem Timing")
    assert len(_gold_files()) == 8


def test_articles_are_120_to_350_words() -> None:
    for key, text in _source_texts().items():
        if key.endswith(".html"):
            continue  # markup inflates the count
        assert 120 <= len(text.split()) <= 360, key


def test_gold_loads_and_quotes_are_exact_substrings() -> None:
    assert len(load_gold_dir(GOLD)) == 8
    texts = _source_texts()
    for gold in _gold_files():
        key = gold["doc_id"] if gold["source_file"] == "articles.jsonl" else gold["source_file"]
        text = texts[key]
        for ev in gold["events"]:
            assert ev["quote"] in text, (key, ev["id"])
            for fig in ev["fatalities"]:
                assert fig["quote"] in text, (key, fig["quote"])


def test_clusters_span_articles_and_agree_on_date_place_type() -> None:
    members = defaultdict(list)
    for gold in _gold_files():
        for ev in gold["events"]:
            if "cluster" in ev:
                members[ev["cluster"]].append((gold["doc_id"], ev))
    assert set(members) == {"maarat-market-2018-03-12", "kafr-nabouda-2019-05-08"}
    core = {c: [(d, e) for d, e in m if not e.get("optional")] for c, m in members.items()}
    assert len({d for d, _ in core["maarat-market-2018-03-12"]}) == 2
    assert len({d for d, _ in core["kafr-nabouda-2019-05-08"]}) == 3
    from datetime import date
    for cluster, evs in core.items():
        first = evs[0][1]
        for _, ev in evs[1:]:
            assert ev["event_type"] == first["event_type"], cluster
            days = abs((date.fromisoformat(ev["date"]) - date.fromisoformat(first["date"])).days)
            assert days <= date_tolerance(first["date_precision"]), cluster
            a, b = ev["location"], first["location"]
            assert haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) <= 25, cluster


def test_sides_use_their_own_vocabulary() -> None:
    texts = _source_texts()
    progov, opposition = texts["ex-03-kafr-nabouda-progov"], texts["ex-04-kafr-nabouda-opposition"]
    assert "libéré" in progov and "terroristes" in progov and "révolutionnaires" not in progov
    assert "régime" in opposition and "révolutionnaires" in opposition and "terroristes" not in opposition


def test_gold_as_predictions_scores_perfect() -> None:
    s = evaluate(GOLD, gold_to_preds(GOLD)).summary()
    for key in ("event_f1", "subtype_acc", "actor_acc", "claim_f1", "place_recall", "date_acc"):
        assert s[key] == 1.0, key
    assert s["gold_events"] == 14 and s["optional_events"] == 3


def test_ingest_reads_every_example_with_gold_ids_and_dates() -> None:
    ingest = pytest.importorskip("vigie.ingest")
    from vigie.models import Article
    articles = [a for a in ingest.read_paths([EXAMPLES]) if isinstance(a, Article)]
    by_id = {a.id: a for a in articles}
    for gold in _gold_files():
        assert gold["doc_id"] in by_id, f"{gold['source_file']}: ingest id changed; regenerate doc_id"
        assert by_id[gold["doc_id"]].published.isoformat() == gold["published"], gold["doc_id"]
