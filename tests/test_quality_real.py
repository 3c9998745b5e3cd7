"""Quality gate on real reporting: ../shared/corpus/real/{train,test}, hand-coded articles that
no one on the team wrote (see its README).

Why: these are the scores that say whether vigie works on copy it was not written from; the
self-written sets (test_quality_gate.py, test_quality_heldout.py) stay as regression tests.
The articles go through the same path as ``vigie extract`` (readers, cleaning, nlp.pipe).
Floors live in tests/quality_real_baseline.json, one block per split; raising one records
progress, lowering one is a deliberate commit that says why. The test split is measured
here, never read to tune a rule.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vigie.errors import IngestError
from vigie.evaluate import evaluate

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
BASELINE = Path(__file__).with_name("quality_real_baseline.json")
KEYS = ("event_precision", "event_recall", "event_f1", "subtype_acc", "actor_acc", "claim_f1",
        "place_recall", "date_acc")


def _summary(split: str) -> dict[str, Any]:
    from vigie.extract import extract_articles
    from vigie.ingest import read_paths

    articles = [a for a in read_paths([str(REAL / split / "articles.jsonl")])
                if not isinstance(a, IngestError) and a.language == "fr"]
    reports = [r.to_dict() for _, found in extract_articles(articles) for r in found]
    return evaluate(REAL / split / "gold", reports).summary()


@pytest.mark.skipif(not REAL.exists(), reason="../shared/corpus/real is absent")
@pytest.mark.parametrize("split", ["train", "test"])
def test_real_reporting_meets_its_floors(split: str) -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))[split]
    summary = _summary(split)
    print(split, json.dumps({k: summary[k] for k in KEYS}, indent=2))
    below = {k: (summary[k], floors[k]) for k in KEYS if (summary[k] or 0.0) < floors[k]}
    assert not below, f"real/{split} scores below their floors (score, floor): {below}"


def test_real_baseline_lists_every_score_for_both_splits() -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    for split in ("train", "test"):
        assert set(KEYS) <= set(floors[split])
        assert all(0.0 <= floors[split][k] <= 1.0 for k in KEYS)
