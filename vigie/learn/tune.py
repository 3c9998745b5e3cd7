"""Choose the gate's thresholds by what they do to events, not sentences.

For each article-grouped fold of the training split, a model fitted on the other folds gates
the fold's articles; every (drop_below, add_from) pair of the grid, then every retype_from with
the pair chosen, then every keep_from with those, is scored with ``vigie evaluate``'s own event
F1 over the whole split. Guards (our own regression sets, with their floors) veto thresholds
that would break them. The thresholds that extraction ships with are therefore chosen on
articles each model never saw, and the test split is never read.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from vigie.learn.dataset import CodedArticle, SentenceRow, article_input, parse_corpus
from vigie.learn.train import fit, save

DROP_GRID = (0.0, 0.1, 0.2, 0.3, 0.4)
ADD_GRID = (0.5, 0.6, 0.7, 0.8, 1.01)  # 1.01: recover nothing
RETYPE_GRID = (0.5, 0.6, 0.7, 0.8, 1.01)  # 1.01: the rules' type stands
KEEP_GRID = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3)  # 0.0: every assembled event stands
PARSIMONY = 0.005
GUARDED = ("event_f1", "subtype_acc", "actor_acc", "claim_f1", "place_recall", "date_acc")
RULES_ALONE = {"drop_below": 0.0, "add_from": 1.01, "event_f1": 0.0}


@dataclass(frozen=True)
class Guard:
    """A regression set the shipped model must keep at its floors (our own seed and held-out
    articles): a threshold that breaks one is never chosen, however well the folds score it."""

    name: str
    articles: list[CodedArticle]
    gold_dir: Path
    floors: dict[str, float]


def load_guard(split: Path, floors: Path) -> Guard:
    """``split`` holds articles.jsonl and gold/; ``floors`` is a quality baseline JSON file."""
    values = json.loads(floors.read_text(encoding="utf-8"))
    return Guard(split.name, parse_corpus(split), split / "gold",
                 {k: float(v) for k, v in values.items() if not k.startswith("_") and k in GUARDED})


def tune(coded: list[CodedArticle], rows: list[SentenceRow], gold_dir: Path, *, corpus: Path,
         folds: int = 5, guards: tuple[Guard, ...] = ()) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """The best thresholds by cross-validated event F1 among those that keep every guard at
    its floors (with the model fitted on all the rows, the one that ships), and the grid."""
    from sklearn.model_selection import GroupKFold

    from vigie.extract import build_assembler
    from vigie.extract.events import EventAssembler
    from vigie.extract.sentence_model import SentenceModel

    base = build_assembler()
    ids = np.array([c.article.id for c in coded])
    row_ids = np.array([r.doc_id for r in rows])
    gated: list[tuple[list[CodedArticle], EventAssembler]] = []
    with tempfile.TemporaryDirectory() as tmp:

        def gated_by(fitted_on: list[SentenceRow], name: str) -> EventAssembler:
            """The rules' assembler with a model fitted on ``fitted_on`` (saved and loaded the way
            the shipped one is)."""
            directory = Path(tmp) / name
            save(fit(fitted_on), fitted_on, directory, corpus=corpus, cv=None, thresholds={"drop_below": 0, "add_from": 1})
            return EventAssembler(actors=base.actors, sources=base.sources, places=base.places, rules=base.rules,
                                  assembly=base.assembly, model=SentenceModel(directory))

        for k, (_, test_idx) in enumerate(GroupKFold(folds).split(ids, groups=ids)):
            held = set(ids[test_idx])
            fold_rows = [r for r, i in zip(rows, row_ids) if i not in held]
            gated.append(([coded[i] for i in test_idx], gated_by(fold_rows, f"fold{k}")))
        shipped = gated_by(rows, "all")

    def row(thresholds: dict[str, float]) -> dict[str, Any]:
        out = _score(gated, gold_dir, thresholds)
        below = {g.name: k for g in guards
                 for k, v in _score([(g.articles, shipped)], g.gold_dir, thresholds, keys=tuple(g.floors)).items()
                 if k in g.floors and v < g.floors[k]}
        return dict(out, guards_below=below)

    table = [row({"drop_below": drop, "add_from": add}) for drop in DROP_GRID for add in ADD_GRID]
    chosen = _parsimonious(table)
    table += [row(dict(chosen, retype_from=retype)) for retype in RETYPE_GRID]
    chosen = _parsimonious(table)
    table += [row(dict(chosen, keep_from=keep)) for keep in KEEP_GRID]
    return _parsimonious(table), table


def _score(gated: list[tuple[list[CodedArticle], Any]], gold_dir: Path, thresholds: dict[str, float], *,
           keys: tuple[str, ...] = ()) -> dict[str, Any]:
    """Event scores of one set of thresholds, each group of articles gated by its own model (a
    fold's, for cross-validation); ``keys``: the summary figures to return instead."""
    from vigie.evaluate import evaluate

    reports: list[dict[str, Any]] = []
    for articles, assembler in gated:
        model = assembler.model
        model.drop_below, model.add_from = thresholds["drop_below"], thresholds["add_from"]
        model.retype_from = thresholds.get("retype_from", 1.01)
        model.keep_from = thresholds.get("keep_from", 0.0)
        reports += [r.to_dict() for c in articles for r in assembler.reports(c.frames, article_input(c))]
    summary = evaluate(gold_dir, reports).summary()
    if keys:
        return {k: summary[k] or 0.0 for k in keys}
    return _row(summary, thresholds)


def _row(summary: dict[str, Any], thresholds: dict[str, float]) -> dict[str, float]:
    return dict(thresholds, event_f1=round(summary["event_f1"] or 0.0, 4),
                event_precision=round(summary["event_precision"] or 0.0, 4),
                event_recall=round(summary["event_recall"] or 0.0, 4))


def _parsimonious(table: list[dict[str, Any]]) -> dict[str, float]:
    table = [row for row in table if not row.get("guards_below")] or [RULES_ALONE]
    top = max(row["event_f1"] for row in table)
    # the gentlest gate within PARSIMONY of the best: a threshold the folds barely tell apart
    # from a gentler one is noise, and the rules it overrides were right elsewhere
    close = [row for row in table if row["event_f1"] >= top - PARSIMONY]
    best = min(close, key=lambda row: (row["drop_below"], -row["add_from"], -row.get("retype_from", 1.01),
                                       row.get("keep_from", 0.0)))
    return {k: best[k] for k in ("drop_below", "add_from", "retype_from", "keep_from") if k in best}
