"""Where the loss is: each missed and each spurious event put down to one cause.

Why a breakdown: "event F1 0.5" says nothing about what to fix. A missed event that had a
prediction of its type and date elsewhere is a place problem; one whose sentence the rules
never framed is an extraction problem; a spurious event that retells a found one is a folding
problem. The causes, checked in this order (the first that holds):

Missed core gold events
1. right type and date, wrong place (a prediction of the article has them; its place disagrees);
2. right type and place, wrong date;
3. right place and date, wrong type;
4. with a trace (``vigie extract --trace``): the fate of the gold quote's sentences, the most
   advanced one (reported elsewhere > dropped in assembly > dropped by the learned gate >
   dropped by the rules, with the frame status > no frame); without one, "not found".

Spurious predictions
1. duplicate telling: it fits a gold event that another prediction already matched;
2. the mirror of the first three above, against a missed gold event;
3. fragment: its evidence lies inside a gold event's quote (a detail, toll or retelling);
4. no gold event there (background, plan, figure-only, not codable).
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vigie.evaluate.matching import dates_agree, match_events, places_agree, same_type
from vigie.evaluate.normalise import MIN_QUOTE_CHARS, Governorates, quote_key
from vigie.evaluate.records import GoldArticle, GoldEvent, PredEvent, load_gold_dir, load_predictions
from vigie.extract.trace import ASSEMBLY, GATE, NO_FRAME, REPORTED

WRONG_PLACE = "right type and date, wrong place"
WRONG_DATE = "right type and place, wrong date"
WRONG_TYPE = "right place and date, wrong type"
NOT_FOUND = "not found (run vigie extract --trace for more)"
REPORTED_ELSEWHERE = "sentence reported, but with another place, date and type"
DUPLICATE = "duplicate telling of a found event"
FRAGMENT = "inside a gold event's quote (detail, toll or retelling)"
NO_GOLD = "no gold event there (background, plan, figure-only, not codable)"
_FATE_ORDER = (REPORTED, ASSEMBLY, GATE)


@dataclass
class Breakdown:
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        def table(c: Counter[str]) -> list[dict[str, Any]]:
            total = sum(c.values())
            return [{"cause": k, "count": v, "share": round(v / total, 3)} for k, v in c.most_common()]
        return {"missed": table(self.missed), "spurious": table(self.spurious)}

    def to_text(self) -> str:
        out = []
        for title, counter in (("Missed gold events by cause", self.missed), ("Spurious events by cause", self.spurious)):
            total = sum(counter.values())
            out.append(f"{title} ({total})")
            out += [f"  {v:>5}  {v / total:6.1%}  {k}" for k, v in counter.most_common()] or ["  none"]
        return "\n".join(out)


def _near(gold: GoldEvent, pred: PredEvent, gov: Governorates) -> str | None:
    typed = same_type(gold.event_type, pred.event_type)
    dated = dates_agree(gold, pred)
    placed = places_agree(gold, pred, governorates=gov)
    if typed and dated and not placed:
        return WRONG_PLACE
    if typed and placed and not dated:
        return WRONG_DATE
    if placed and dated and not typed:
        return WRONG_TYPE
    return None


def _first_cause(gold: GoldEvent, preds: list[PredEvent], gov: Governorates) -> str | None:
    causes = {_near(gold, p, gov) for p in preds} - {None}
    return next((c for c in (WRONG_PLACE, WRONG_DATE, WRONG_TYPE) if c in causes), None)


def _fate(gold: GoldEvent, sentences: list[dict[str, Any]]) -> str:
    quote = quote_key(gold.quote)
    fates = [s["fate"] for s in sentences
             if len(key := quote_key(s["text"])) >= MIN_QUOTE_CHARS and key in quote]
    if not fates:
        return NO_FRAME if sentences else NOT_FOUND
    for fate in _FATE_ORDER:
        if fate in fates:
            return REPORTED_ELSEWHERE if fate == REPORTED else fate
    ruled = [f for f in fates if f != NO_FRAME]
    return Counter(ruled).most_common(1)[0][0] if ruled else NO_FRAME


def explain_article(gold: GoldArticle, preds: list[PredEvent], gov: Governorates,
                    trace: list[dict[str, Any]] | None, into: Breakdown) -> None:
    golds = list(gold.events)
    pairs = match_events(golds, preds, governorates=gov)
    matched_gold = {id(p.gold) for p in pairs}
    matched_pred = {id(p.pred) for p in pairs}
    missed = [g for g in golds if not g.optional and id(g) not in matched_gold]
    for g in missed:
        cause = _first_cause(g, preds, gov)
        if cause is None:
            cause = _fate(g, trace) if trace is not None else NOT_FOUND
        into.missed[cause] += 1
    for p in preds:
        if id(p) in matched_pred:
            continue
        fits = [g for g in golds if same_type(g.event_type, p.event_type) and dates_agree(g, p)
                and places_agree(g, p, governorates=gov)]
        if any(id(g) in matched_gold for g in fits):
            into.spurious[DUPLICATE] += 1
            continue
        near = next((c for g in missed if (c := _near(g, p, gov))), None)
        if near is not None:
            into.spurious[near] += 1
        elif p.evidence and any(quote_key(p.evidence)[:60] in quote_key(g.quote) for g in golds if g.quote):
            into.spurious[FRAGMENT] += 1
        else:
            into.spurious[NO_GOLD] += 1


def load_traces(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    with Path(path).open(encoding="utf-8") as fh:
        return {t["article_id"]: t["sentences"] for t in (json.loads(line) for line in fh if line.strip())}


def explain(gold_dir: str | Path, pred: str | Path, *, trace: str | Path | None = None) -> Breakdown:
    """The breakdown of a prediction file against a gold directory (module docstring)."""
    gold = load_gold_dir(gold_dir)
    grouped = load_predictions(pred)
    traces = load_traces(trace) if trace else None
    gov = Governorates.load()
    out = Breakdown()
    for doc_id in sorted(gold):
        explain_article(gold[doc_id], grouped.get(doc_id, []), gov,
                        traces.get(doc_id, []) if traces is not None else None, out)
    return out
