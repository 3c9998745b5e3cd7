"""Rendering an Evaluation: a plain-text report for people, JSON for the quality gate.

Plain text (not a rich table) so the report diffs cleanly between two runs and pastes into
a commit message or an issue.
"""
from __future__ import annotations

import json
from typing import Any

from vigie.evaluate.causes import Breakdown
from vigie.evaluate.records import ScoredClaim
from vigie.evaluate.scores import ArticleResult, Evaluation, f1_or_none, ratio

_HEADLINE = (
    ("event_precision", "event precision"),
    ("event_recall", "event recall"),
    ("event_f1", "event F1"),
    ("subtype_acc", "sub-type accuracy"),
    ("actor_acc", "actor accuracy"),
    ("claim_precision", "claim precision"),
    ("claim_recall", "claim recall"),
    ("claim_f1", "claim F1"),
    ("place_recall", "place recall (10 km)"),
    ("date_acc", "date accuracy"),
)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _article_dict(a: ArticleResult) -> dict[str, Any]:
    return {
        "doc_id": a.doc_id,
        "gold_events": a.n_gold, "optional_events": a.n_optional, "predicted_events": a.n_pred,
        "tp": a.tp, "fp": a.fp, "fn": a.fn, "excused": a.excused,
        "event_f1": f1_or_none(a.tp, a.fp, a.fn),
        "subtype_acc": ratio(a.subtype_ok, a.tp),
        "actor_acc": ratio(a.actor_found, a.actor_total),
        "claim_tp": a.claim_tp, "claim_fp": a.claim_fp, "claim_fn": a.claim_fn,
        "claim_f1": f1_or_none(a.claim_tp, a.claim_fp, a.claim_fn),
        "place_recall": ratio(a.place_hits, a.place_total),
        "date_acc": ratio(a.date_hits, a.date_total),
    }


def to_json(evaluation: Evaluation, *, causes: Breakdown | None = None) -> str:
    """Summary, per-article figures, the ignored article ids (and the error breakdown), as one
    JSON object."""
    out: dict[str, Any] = {
        "summary": evaluation.summary(),
        "articles": [_article_dict(a) for a in evaluation.articles],
        "ignored_articles": evaluation.ignored_articles,
    }
    if causes is not None:
        out["causes"] = causes.to_dict()
    return json.dumps(out, ensure_ascii=False, indent=2)


def _claim_line(c: ScoredClaim) -> str:
    quote = f'  "{c.quote}"' if c.quote else ""
    return f"{c.count} ({c.qualifier}) per {c.source}{quote}"


def _errors(a: ArticleResult) -> list[str]:
    lines: list[str] = []
    for g in a.missed:
        lines.append(f"  MISSED {g.id} {g.date} {g.sub_event_type} @ {g.location} "
                     f"(precision {g.geo_precision})")
        if g.quote:
            lines.append(f'      gold: "{g.quote}"')
    for p in a.spurious:
        where = p.location or p.admin1 or "?"
        lines.append(f"  SPURIOUS #{p.index} {p.date} {p.sub_event_type} @ {where}")
        if p.evidence:
            lines.append(f'      pred: "{p.evidence}"')
    for pair in a.subtype_errors:
        lines.append(f"  SUB-TYPE {pair.gold.id}: gold {pair.gold.sub_event_type}, "
                     f"predicted {pair.pred.sub_event_type}")
    for pair in a.actor_errors:
        lines.append(f"  ACTORS {pair.gold.id} {pair.gold.sub_event_type}: gold {pair.gold.actor1} vs "
                     f"{pair.gold.actor2}, predicted {pair.pred.actor1} vs {pair.pred.actor2}")
    for c in a.claims_missed:
        lines.append(f"  CLAIM MISSED {_claim_line(c)}")
    for c in a.claims_spurious:
        lines.append(f"  CLAIM SPURIOUS {_claim_line(c)}")
    return lines


def to_text(evaluation: Evaluation, *, errors: bool = False, causes: Breakdown | None = None) -> str:
    """Summary table, the error breakdown by cause, per-article figures and, with ``errors``,
    every mismatch."""
    s = evaluation.summary()
    out = ["Summary"]
    out += [f"  {label:<22}{_fmt(s[key])}" for key, label in _HEADLINE]
    out.append(
        f"  events: {s['gold_events']} gold (+{s['optional_events']} optional), "
        f"{s['predicted_events']} predicted; TP {s['tp']}, FP {s['fp']}, FN {s['fn']}, "
        f"matched to optional {s['excused']}"
    )
    out.append(f"  claims: {s['gold_claims']} gold (non-vague); TP {s['claim_tp']}, "
               f"FP {s['claim_fp']}, FN {s['claim_fn']}")
    if evaluation.ignored_articles:
        out.append(f"  ignored: {s['ignored_predictions']} predictions for "
                   f"{len(evaluation.ignored_articles)} article(s) not in the gold: "
                   + ", ".join(evaluation.ignored_articles))
    if causes is not None:
        out += ["", causes.to_text()]
    out.append("")
    out.append("Per article")
    out.append(f"  {'article':<28}{'gold':>5}{'pred':>5}{'TP':>4}{'FP':>4}{'FN':>4}"
               f"{'F1':>7}{'claimF1':>9}{'place':>7}{'date':>7}")
    for a in evaluation.articles:
        d = _article_dict(a)
        out.append(
            f"  {a.doc_id[:27]:<28}{a.n_gold:>5}{a.n_pred:>5}{a.tp:>4}{a.fp:>4}{a.fn:>4}"
            f"{_fmt(d['event_f1']):>7}{_fmt(d['claim_f1']):>9}"
            f"{_fmt(d['place_recall']):>7}{_fmt(d['date_acc']):>7}"
        )
    if errors:
        out.append("")
        out.append("Errors")
        blocks = [(a.doc_id, _errors(a)) for a in evaluation.articles]
        blocks = [(doc_id, lines) for doc_id, lines in blocks if lines]
        for doc_id, lines in blocks:
            out.append(doc_id)
            out += lines
        if not blocks:
            out.append("  none")
    return "\n".join(out)
