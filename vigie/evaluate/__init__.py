"""Scoring extracted events against gold annotations (design.md section 6).

Public API:
- ``evaluate(gold_dir, predictions) -> Evaluation``: predictions is a JSONL path or an
  iterable of event-report dicts (``EventReport.to_dict()``);
- ``Evaluation.summary()``: headline figures (event_f1, subtype_acc, actor_acc, claim_f1,
  place_recall, date_acc, counts);
- ``report.to_text`` / ``report.to_json``.
Modules: ``records`` (readers), ``normalise`` (source and governorate keys), ``matching``
(one-to-one event matching), ``scores`` (the figures), ``report`` (rendering).
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from vigie.evaluate.records import group_predictions, load_gold_dir, load_predictions
from vigie.evaluate.scores import Evaluation, evaluate_sets

__all__ = ["Evaluation", "evaluate"]


def evaluate(gold_dir: str | Path, predictions: str | Path | Iterable[dict[str, Any]]) -> Evaluation:
    """Load the gold directory and the predictions, match them article by article, score."""
    gold = load_gold_dir(gold_dir)
    if isinstance(predictions, (str, Path)):
        grouped = load_predictions(predictions)
    else:
        grouped = group_predictions((f"prediction {i}", d) for i, d in enumerate(predictions, 1))
    return evaluate_sets(gold, grouped)
