"""Fit the learned sentence gate and write it into the package (``vigie train``).

Why these choices (measured on real/train by article-grouped cross-validation, and put beside
the rules on real/test): a linear model over TF-IDF word 1-2-grams and character 3-5-grams
with balanced class weights found event sentences better than spaCy's stock text classifiers
in short tries; the rules' findings enter as extra tokens, so the model learns when to trust
them. Two heads share the features: event vs none (binary), and the sub-type among event
sentences. Everything is written as plain arrays and JSON, so loading needs no pickle.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from vigie.learn.dataset import SentenceRow
from vigie.extract.sentence_model import NONE

VECTORISERS: tuple[dict[str, Any], ...] = (
    {"name": "words", "field": "text",
     "params": {"ngram_range": [1, 2], "min_df": 2, "sublinear_tf": True}},
    {"name": "chars", "field": "text",
     "params": {"analyzer": "char_wb", "ngram_range": [3, 5], "min_df": 3, "sublinear_tf": True, "max_features": 40000}},
    {"name": "rules", "field": "rules",
     "params": {"token_pattern": r"\S+", "lowercase": False}},
)
EVENT_C = 2.0
SUBTYPE_C = 4.0
# The frame statuses the model may overrule when it reads a sentence as an event: how far a
# background clause or a stative reading goes is a judgement; a negation or a plan is not.
OVERRULES = ("background", "reference", "state", "period", "claimed", "statistic", "habitual")


@dataclass
class Fitted:
    vectorisers: list[tuple[dict[str, Any], Any]]
    event: Any
    sub: Any


def _params(spec: dict[str, Any]) -> dict[str, Any]:
    params = dict(spec["params"])
    if "ngram_range" in params:
        params["ngram_range"] = tuple(params["ngram_range"])
    return params


def _matrix(vectorisers: list[tuple[dict[str, Any], Any]], rows: list[SentenceRow], *, fit: bool) -> Any:
    from scipy.sparse import hstack

    fields = {"text": [r.text for r in rows], "rules": [r.tokens for r in rows]}
    parts = [vec.fit_transform(fields[spec["field"]]) if fit else vec.transform(fields[spec["field"]])
             for spec, vec in vectorisers]
    return hstack(parts).tocsr()


def fit(rows: list[SentenceRow]) -> Fitted:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorisers = [(spec, TfidfVectorizer(**_params(spec))) for spec in VECTORISERS]
    x = _matrix(vectorisers, rows, fit=True)
    is_event = np.array([r.label != NONE for r in rows])
    event = LogisticRegression(C=EVENT_C, class_weight="balanced", solver="liblinear", random_state=0)
    event.fit(x, is_event)
    labels = np.array([r.label for r in rows])
    sub = LogisticRegression(C=SUBTYPE_C, class_weight="balanced", max_iter=2000)
    sub.fit(x[is_event], labels[is_event])
    return Fitted(vectorisers, event, sub)


def cross_validate(rows: list[SentenceRow], *, folds: int = 5) -> dict[str, float]:
    """Sentence-level scores of the model on articles it was not fitted on (grouped folds)."""
    from sklearn.model_selection import GroupKFold

    groups = np.array([r.doc_id for r in rows])
    truth = np.array([r.label for r in rows])
    p_event = np.zeros(len(rows))
    sub = np.empty(len(rows), dtype=object)
    for train_idx, test_idx in GroupKFold(folds).split(rows, truth, groups):
        model = fit([rows[i] for i in train_idx])
        x = _matrix(model.vectorisers, [rows[i] for i in test_idx], fit=False)
        p_event[test_idx] = model.event.predict_proba(x)[:, 1]
        sub[test_idx] = model.sub.predict(x)
    rules = np.array(["nokept" not in r.tokens.split() for r in rows])
    gold = truth != NONE
    scores: dict[str, float] = {}
    for name, found in (("model", p_event >= 0.5), ("rules", rules)):
        tp = float((gold & found).sum())
        p, r = tp / max(found.sum(), 1), tp / max(gold.sum(), 1)
        scores |= {f"{name}_event_precision": p, f"{name}_event_recall": r,
                   f"{name}_event_f1": 2 * p * r / (p + r) if p + r else 0.0}
    scores["model_subtype_accuracy_on_event_sentences"] = float((sub[gold] == truth[gold]).mean())
    return {k: round(v, 4) for k, v in scores.items()}


def save(model: Fitted, rows: list[SentenceRow], directory: Path, *, corpus: Path,
         cv: dict[str, float] | None, thresholds: dict[str, float], tuning: list[dict[str, float]] | None = None) -> None:
    import sklearn

    directory.mkdir(parents=True, exist_ok=True)
    vocab = {spec["name"]: {term: int(i) for term, i in sorted(vec.vocabulary_.items(), key=lambda kv: kv[1])}
             for spec, vec in model.vectorisers}
    arrays = {f"idf_{spec['name']}": vec.idf_.astype(np.float32) for spec, vec in model.vectorisers}
    arrays |= {
        "event_coef": model.event.coef_[0].astype(np.float16), "event_bias": np.float32(model.event.intercept_[0]),
        "sub_coef": model.sub.coef_.astype(np.float16), "sub_bias": model.sub.intercept_.astype(np.float32),
    }
    np.savez_compressed(directory / "weights.npz", **arrays)
    (directory / "vocabulary.json").write_text(json.dumps(vocab, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    docs = sorted({r.doc_id for r in rows})
    meta = {
        "component": "vigie.event_sentences.v1",
        "trained_on": {
            "corpus": f"{corpus.parent.name}/{corpus.name}",
            "articles": len(docs),
            "outlets": len({r.outlet for r in rows}),
            "doc_ids_sha256": hashlib.sha256("\n".join(docs).encode()).hexdigest(),
            "sentences": len(rows),
            "labels": dict(Counter(r.label for r in rows).most_common()),
            "date": date.today().isoformat(),
            "scikit_learn": sklearn.__version__,
        },
        "vectorisers": [{"name": s["name"], "field": s["field"], "params": s["params"]} for s in VECTORISERS],
        "thresholds": thresholds,
        "overrules_statuses": list(OVERRULES),
        "threshold_tuning": tuning,
        "sub_types": [str(c) for c in model.sub.classes_],
        "cross_validation": cv,
    }
    (directory / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
