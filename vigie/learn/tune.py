"""Choose the gate's two thresholds by what they do to events, not sentences.

For each article-grouped fold of the training split, a model fitted on the other folds gates
the fold's articles; every (drop_below, add_from) pair of the grid is scored with
``vigie evaluate``'s own event F1 over the whole split. The thresholds that extraction ships
with are therefore chosen on articles each model never saw, and the test split is never read.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from vigie.learn.dataset import CodedArticle, SentenceRow, article_input
from vigie.learn.train import fit, save

DROP_GRID = (0.0, 0.1, 0.2, 0.3, 0.4)
ADD_GRID = (0.5, 0.6, 0.7, 0.8, 1.01)  # 1.01: recover nothing
PARSIMONY = 0.005


def tune(coded: list[CodedArticle], rows: list[SentenceRow], gold_dir: Path, *, corpus: Path,
         folds: int = 5) -> tuple[dict[str, float], list[dict[str, float]]]:
    """The best thresholds by cross-validated event F1, and the whole grid's scores."""
    from sklearn.model_selection import GroupKFold

    from vigie.evaluate import evaluate
    from vigie.extract import build_assembler
    from vigie.extract.events import EventAssembler
    from vigie.extract.sentence_model import SentenceModel

    base = build_assembler()
    ids = np.array([c.article.id for c in coded])
    row_ids = np.array([r.doc_id for r in rows])
    gated: list[tuple[list[CodedArticle], EventAssembler]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, (train_idx, test_idx) in enumerate(GroupKFold(folds).split(ids, groups=ids)):
            held = set(ids[test_idx])
            fold_rows = [r for r, i in zip(rows, row_ids) if i not in held]
            directory = Path(tmp) / f"fold{k}"
            save(fit(fold_rows), fold_rows, directory, corpus=corpus, cv=None, thresholds={"drop_below": 0, "add_from": 1})
            assembler = EventAssembler(actors=base.actors, sources=base.sources, places=base.places, rules=base.rules,
                                       assembly=base.assembly, model=SentenceModel(directory))
            gated.append(([coded[i] for i in test_idx], assembler))
    table: list[dict[str, float]] = []
    for drop in DROP_GRID:
        for add in ADD_GRID:
            reports: list[dict[str, Any]] = []
            for articles, assembler in gated:
                assert assembler.model is not None
                assembler.model.drop_below, assembler.model.add_from = drop, add
                reports += [r.to_dict() for c in articles for r in assembler.reports(c.frames, article_input(c))]
            s = evaluate(gold_dir, reports).summary()
            table.append({"drop_below": drop, "add_from": add, "event_f1": round(s["event_f1"] or 0.0, 4),
                          "event_precision": round(s["event_precision"] or 0.0, 4),
                          "event_recall": round(s["event_recall"] or 0.0, 4)})
    top = max(row["event_f1"] for row in table)
    # the gentlest gate within PARSIMONY of the best: a threshold the folds barely tell apart
    # from a gentler one is noise, and the rules it overrides were right elsewhere
    close = [row for row in table if row["event_f1"] >= top - PARSIMONY]
    best = min(close, key=lambda row: (row["drop_below"], -row["add_from"]))
    return {"drop_below": best["drop_below"], "add_from": best["add_from"]}, table
