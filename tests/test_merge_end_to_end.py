"""End to end through extraction: the same event from both sides merges, its neighbour stays apart."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from vigie.merge import cluster_scores
from vigie.pipeline import ingest_paths
from conftest import BACKENDS, fresh_targets
from vigie.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "merge" / "articles.jsonl"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_both_sides_of_one_capture_merge_and_the_nearby_strike_stays_apart(tmp_path, db_factory):
    with Store.open(db_factory()) as store:
        ingest_paths(store, [FIXTURES])
        events = store.events()
    capture = [e for e in events if {r.article_id for r in e.reports} >= {"fx-merge-progov", "fx-merge-opposition"}]
    assert len(capture) == 1
    (event,) = capture
    assert "fx-merge-nearby" not in {r.article_id for r in event.reports}
    assert (event.fatalities_low, event.fatalities_high, event.contested) == (25, 40, True)
    assert {"OSDH", "SANA"} <= set(event.sources)
    assert "terroristes" not in event.notes and "régime" not in event.notes


@pytest.fixture(scope="module", params=BACKENDS)
def shared_merge_scores(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The merge corpus (8 outlets) plus the al-Qusayr report of the dev corpus, ingested end to end."""
    if not CORPUS.exists():
        pytest.skip("../shared corpus absent")
    tmp_path = tmp_path_factory.mktemp("merge-corpus")
    qusayr = [line for line in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
              if json.loads(line)["id"].startswith("000_")]
    data = tmp_path / "in.jsonl"
    data.write_text((CORPUS / "merge" / "articles.jsonl").read_text(encoding="utf-8").rstrip("\n")
                    + "\n" + "\n".join(qusayr) + "\n", encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    doc = next((CORPUS / "gold").glob("000_*.json"))
    (gold / doc.name).write_text(doc.read_text(encoding="utf-8"), encoding="utf-8")
    with Store.open(fresh_targets(request, request.param, tmp_path)()) as store:
        ingest_paths(store, [data])
        events = store.events()
    return cluster_scores([CORPUS / "merge" / "gold", gold], events,
                          assign={f"{doc.stem}#e1": "qusayr-fall-2013-06-05"})


def test_shared_merge_corpus_keeps_the_qusayr_reports_together(shared_merge_scores) -> None:  # type: ignore[no-untyped-def]
    assert "qusayr-fall-2013-06-05" not in shared_merge_scores.split
    assert shared_merge_scores.precision is not None and shared_merge_scores.precision >= 0.8


def test_shared_merge_corpus_makes_one_ghouta_event_and_merges_no_two_clusters(shared_merge_scores) -> None:  # type: ignore[no-untyped-def]
    assert "ghouta-chemical-2013-08-21" not in shared_merge_scores.split
    assert shared_merge_scores.merged == ()
    assert shared_merge_scores.recall == 1.0
