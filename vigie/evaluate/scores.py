"""The figures of design.md section 6, per article and summed over a gold set.

Choices the design leaves open, fixed here so two runs (or two implementations) agree:
- Every ratio is micro-averaged: counts are summed over all articles (and, for actors, over
  all matched pairs) before dividing, so a long article weighs more than a short one.
- A ratio whose denominator is 0 is None ("n/a"); F1 is 0 when precision or recall is None
  or both are 0, except that it is None when there is nothing on either side.
- Events: a matched core gold event is a true positive; a prediction matched to an optional
  gold event counts nowhere; an unmatched prediction is a false positive; an unmatched core
  gold event is a miss; an unmatched optional one is nothing.
- Sub-type and actor accuracy are taken over the core matched pairs only. Actor accuracy =
  gold actors (actor1/actor2, when not null) found among the predicted actor1/actor2,
  summed as found / total over all pairs (micro).
- Claims, per article, as multisets of (count, source key): gold claims come from the core
  events of the article (matched or not); claims whose qualifier is "vague" or whose count is
  null are left out on both sides; predicted claims come from all the article's predictions.
  A predicted claim equal to a gold claim is a hit; one equal only to a claim of an optional
  gold event is neither hit nor false positive; any other is a false positive.
- Place recall: core gold events of precision 1-2, each counted once, hit when any prediction
  of the same article lies within 10 km.
- Date accuracy: the right day among events found at the right place, as real/README.md
  defines it. Taken over the core gold events that have a prediction of the same article and
  event type within 10 km (the same governorate for a gold event of precision 3); hit when one
  of those has the exact date (equal for day precision; within the precision's tolerance for
  week and month). A missed event is counted once, by event recall, not a second time here.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from vigie.evaluate.matching import (
    Pair, date_tolerance, distance_km, match_events, places_agree, same_type,
)
from vigie.evaluate.normalise import Governorates, SourceNames
from vigie.evaluate.records import GoldArticle, GoldEvent, PredEvent, ScoredClaim

PLACE_RADIUS_KM = 10.0


@dataclass
class ArticleResult:
    """Counts for one gold article, and the items behind its errors."""

    doc_id: str
    n_gold: int = 0
    n_optional: int = 0
    n_pred: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    excused: int = 0
    subtype_ok: int = 0
    actor_found: int = 0
    actor_total: int = 0
    claim_tp: int = 0
    claim_fp: int = 0
    claim_fn: int = 0
    place_hits: int = 0
    place_total: int = 0
    date_hits: int = 0
    date_total: int = 0
    missed: list[GoldEvent] = field(default_factory=list)
    spurious: list[PredEvent] = field(default_factory=list)
    subtype_errors: list[Pair] = field(default_factory=list)
    actor_errors: list[Pair] = field(default_factory=list)
    claims_missed: list[ScoredClaim] = field(default_factory=list)
    claims_spurious: list[ScoredClaim] = field(default_factory=list)


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float:
    if not precision or not recall:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def f1_or_none(tp: int, fp: int, fn: int) -> float | None:
    if tp + fp + fn == 0:
        return None
    return f1(ratio(tp, tp + fp), ratio(tp, tp + fn))


def _scored(claim: ScoredClaim) -> bool:
    return claim.qualifier != "vague" and claim.count is not None


def _score_claims(result: ArticleResult, golds: list[GoldEvent], preds: list[PredEvent], *,
                  sources: SourceNames) -> None:
    def key(c: ScoredClaim) -> tuple[int | None, str]:
        return (c.count, sources.key(c.source))

    gold_claims = [c for g in golds if not g.optional for c in g.claims if _scored(c)]
    optional_claims = [c for g in golds if g.optional for c in g.claims if _scored(c)]
    pred_claims = [c for p in preds for c in p.claims if _scored(c)]

    remaining = Counter(key(c) for c in gold_claims)
    excusable = Counter(key(c) for c in optional_claims)
    for claim in pred_claims:
        k = key(claim)
        if remaining[k] > 0:
            remaining[k] -= 1
            result.claim_tp += 1
        elif excusable[k] > 0:
            excusable[k] -= 1
        else:
            result.claim_fp += 1
            result.claims_spurious.append(claim)
    for claim in gold_claims:
        k = key(claim)
        if remaining[k] > 0:
            remaining[k] -= 1
            result.claim_fn += 1
            result.claims_missed.append(claim)


def _date_exact(gold: GoldEvent, pred: PredEvent) -> bool:
    diff = abs((pred.date - gold.date).days)
    return diff == 0 if gold.date_precision == "day" else diff <= date_tolerance(gold.date_precision)


def score_article(article: GoldArticle, preds: list[PredEvent], *,
                  sources: SourceNames, governorates: Governorates) -> ArticleResult:
    """All counts of one article (see the module docstring for each rule)."""
    golds = list(article.events)
    result = ArticleResult(
        doc_id=article.doc_id,
        n_gold=sum(not g.optional for g in golds),
        n_optional=sum(g.optional for g in golds),
        n_pred=len(preds),
    )
    pairs = match_events(golds, preds, governorates=governorates)
    matched_gold = {id(p.gold) for p in pairs}
    matched_pred = {id(p.pred) for p in pairs}
    for pair in pairs:
        if pair.gold.optional:
            result.excused += 1
            continue
        result.tp += 1
        if same_type(pair.gold.sub_event_type, pair.pred.sub_event_type):
            result.subtype_ok += 1
        else:
            result.subtype_errors.append(pair)
        gold_actors = [a for a in (pair.gold.actor1, pair.gold.actor2) if a]
        pred_actors = {a.casefold() for a in (pair.pred.actor1, pair.pred.actor2) if a}
        found = sum(a.casefold() in pred_actors for a in gold_actors)
        result.actor_total += len(gold_actors)
        result.actor_found += found
        if found < len(gold_actors):
            result.actor_errors.append(pair)
    result.missed = [g for g in golds if not g.optional and id(g) not in matched_gold]
    result.spurious = [p for p in preds if id(p) not in matched_pred]
    result.fn = len(result.missed)
    result.fp = len(result.spurious)

    _score_claims(result, golds, preds, sources=sources)

    for gold in golds:
        if gold.optional:
            continue
        if gold.geo_precision in (1, 2) and gold.latitude is not None and gold.longitude is not None:
            result.place_total += 1
            if any((d := distance_km(gold, p)) is not None and d <= PLACE_RADIUS_KM for p in preds):
                result.place_hits += 1
        found = [p for p in preds if same_type(gold.event_type, p.event_type) and _found_at(gold, p, governorates)]
        if found:
            result.date_total += 1
            result.date_hits += any(_date_exact(gold, p) for p in found)
    return result


def _found_at(gold: GoldEvent, pred: PredEvent, governorates: Governorates) -> bool:
    """Whether ``pred`` stands at the gold event's place: within 10 km for a town or a spot
    near one, the same governorate for an event placed at governorate level."""
    if gold.geo_precision in (1, 2) and gold.latitude is not None and gold.longitude is not None:
        d = distance_km(gold, pred)
        return d is not None and d <= PLACE_RADIUS_KM
    return places_agree(gold, pred, governorates=governorates)


@dataclass
class Evaluation:
    """Per-article results plus what was left out of the comparison."""

    articles: list[ArticleResult]
    ignored_articles: list[str]
    ignored_predictions: int

    def _sum(self, name: str) -> int:
        return sum(getattr(a, name) for a in self.articles)

    def summary(self) -> dict[str, float | int | None]:
        """The headline figures; keys are the ones the quality baseline uses."""
        tp, fp, fn = self._sum("tp"), self._sum("fp"), self._sum("fn")
        ctp, cfp, cfn = self._sum("claim_tp"), self._sum("claim_fp"), self._sum("claim_fn")
        return {
            "event_precision": ratio(tp, tp + fp),
            "event_recall": ratio(tp, tp + fn),
            "event_f1": f1_or_none(tp, fp, fn),
            "subtype_acc": ratio(self._sum("subtype_ok"), tp),
            "actor_acc": ratio(self._sum("actor_found"), self._sum("actor_total")),
            "claim_precision": ratio(ctp, ctp + cfp),
            "claim_recall": ratio(ctp, ctp + cfn),
            "claim_f1": f1_or_none(ctp, cfp, cfn),
            "place_recall": ratio(self._sum("place_hits"), self._sum("place_total")),
            "date_acc": ratio(self._sum("date_hits"), self._sum("date_total")),
            "articles": len(self.articles),
            "gold_events": self._sum("n_gold"),
            "optional_events": self._sum("n_optional"),
            "predicted_events": self._sum("n_pred"),
            "tp": tp, "fp": fp, "fn": fn,
            "excused": self._sum("excused"),
            "claim_tp": ctp, "claim_fp": cfp, "claim_fn": cfn,
            "gold_claims": ctp + cfn,
            "ignored_articles": len(self.ignored_articles),
            "ignored_predictions": self.ignored_predictions,
        }


def evaluate_sets(gold: dict[str, GoldArticle], predictions: dict[str, list[PredEvent]], *,
                  sources: SourceNames | None = None,
                  governorates: Governorates | None = None) -> Evaluation:
    """Score predictions (grouped by article id) against gold articles (keyed by doc_id).

    Gold articles without predictions count as all missed; predictions for articles absent
    from the gold are ignored and reported as such.
    """
    sources = sources or SourceNames.load()
    governorates = governorates or Governorates.load()
    results = [
        score_article(gold[doc_id], predictions.get(doc_id, []),
                      sources=sources, governorates=governorates)
        for doc_id in sorted(gold)
    ]
    ignored = sorted(a for a in predictions if a not in gold)
    return Evaluation(
        articles=results,
        ignored_articles=ignored,
        ignored_predictions=sum(len(predictions[a]) for a in ignored),
    )
