"""Quality gate: extraction over the development corpus must not fall below the pinned floors.

Why a gate: a change that quietly loses events, places or claims fails CI instead of shipping.
Floors live in tests/quality_baseline.json; raising one records progress, lowering one is a
deliberate commit that says why. A score that cannot be computed (n/a) counts as 0.
"""
from __future__ import annotations

import importlib
import json
from datetime import date
from pathlib import Path

import pytest

from vigie.evaluate import evaluate

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
BASELINE = Path(__file__).with_name("quality_baseline.json")
KEYS = ("event_f1", "subtype_acc", "actor_acc", "claim_f1", "place_recall", "date_acc")


def _extract_module():
    try:
        return importlib.import_module("vigie.extract")
    except ImportError as exc:
        pytest.skip(f"vigie.extract cannot be imported yet: {exc}")


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/corpus is absent")
def test_extraction_meets_quality_floors() -> None:
    module = _extract_module()
    extract = getattr(module, "extract", None)
    if extract is None:
        pytest.skip("vigie.extract has no extract() yet")
    reports = []
    with (SHARED / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            published = date.fromisoformat(art["published"]) if art.get("published") else None
            try:
                found = extract(art["text"], published=published, outlet=art.get("outlet"),
                                article_id=art["id"])
            except ModuleNotFoundError as exc:
                # A vigie stage extract relies on is not written yet: nothing to measure.
                if not (exc.name or "").startswith("vigie"):
                    raise
                pytest.skip(f"extraction needs {exc.name}, not written yet")
            reports.extend(report.to_dict() for report in found)
    summary = evaluate(SHARED / "gold", reports).summary()
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    print(json.dumps({k: summary[k] for k in KEYS}, indent=2))
    below = {k: (summary[k], floors[k]) for k in KEYS if (summary[k] or 0.0) < floors[k]}
    assert not below, f"scores below their floors (score, floor): {below}"


def test_baseline_lists_every_score() -> None:
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert set(KEYS) <= set(floors)
    assert all(0.0 <= floors[k] <= 1.0 for k in KEYS)
