"""Scores of design.md section 6: optional events, actors, claims, place recall, date accuracy."""
from __future__ import annotations

from pathlib import Path

import pytest

from evaluate_helpers import (
    IDLIB, MAARRA, SARAQIB, claim, gold_event, gold_to_preds, pred, write_gold,
)
from vigie.evaluate import evaluate

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def run(tmp_path: Path, golds: list[dict], preds: list[dict]) -> dict:
    write_gold(tmp_path / "gold", "a1", golds)
    return evaluate(tmp_path / "gold", preds).summary()


def test_optional_gold_neither_rewarded_nor_punished(tmp_path: Path) -> None:
    golds = [gold_event("e1"), gold_event("e2", at=MAARRA, optional=True)]
    found = run(tmp_path / "found", golds, [pred(), pred(at=MAARRA)])
    assert (found["tp"], found["fp"], found["fn"], found["excused"]) == (1, 0, 0, 1)
    assert found["event_precision"] == 1.0
    missed = run(tmp_path / "missed", golds, [pred()])
    assert (missed["tp"], missed["fp"], missed["fn"]) == (1, 0, 0)
    assert missed["event_recall"] == 1.0


def test_optional_events_share_the_greedy_pass(tmp_path: Path) -> None:
    # The prediction is closer to the optional event: it goes there, and the core event is missed.
    golds = [gold_event("e1", at=IDLIB), gold_event("e2", at=SARAQIB, optional=True)]
    s = run(tmp_path, golds, [pred(at=SARAQIB)])
    assert (s["tp"], s["fp"], s["fn"], s["excused"]) == (0, 0, 1, 1)


def test_actor_accuracy_is_micro_over_gold_actors(tmp_path: Path) -> None:
    golds = [gold_event("e1", actor1="Military Forces of Syria", actor2="Islamic State"),
             gold_event("e2", at=MAARRA, actor1="Protesters (Syria)", actor2="")]
    preds = [pred(actor1="Islamic State", actor2="Hezbollah"),      # 1 of 2 (order ignored)
             pred(at=MAARRA, actor1="Protesters (Syria)", actor2=None)]  # 1 of 1
    assert run(tmp_path, golds, preds)["actor_acc"] == pytest.approx(2 / 3)


def test_unmatched_pairs_do_not_enter_actor_or_subtype(tmp_path: Path) -> None:
    s = run(tmp_path, [gold_event("e1")], [pred(at=MAARRA, actor1=None, actor2=None)])
    assert s["actor_acc"] is None and s["subtype_acc"] is None


def test_claims_vague_left_out_and_sources_normalised(tmp_path: Path) -> None:
    golds = [gold_event("e1", claims=[
        claim(12, "OSDH"), claim(None, "SANA", qualifier="vague"),
        claim(30, "Al-Mayadeen", qualifier="about"),
        claim(12, "YPG (via Military Media Facebook page)"),
    ])]
    preds = [pred(claims=[
        claim(12, "Observatoire syrien des droits de l'homme"),
        claim(30, "AlMayadeen", qualifier="about"),
        claim(12, "ypg"),
        claim(None, "l'agence Sana", qualifier="vague"),
        claim(10, "SANA", qualifier="vague"),           # vague is left out even with a count
    ])]
    s = run(tmp_path, golds, preds)
    assert (s["claim_tp"], s["claim_fp"], s["claim_fn"]) == (3, 0, 0)
    assert s["claim_f1"] == 1.0


def test_claims_are_a_multiset_on_count_and_source(tmp_path: Path) -> None:
    golds = [gold_event("e1", claims=[claim(5, "SOHR")])]
    preds = [pred(claims=[claim(5, "OSDH"), claim(5, "OSDH"), claim(6, "OSDH"), claim(5, "SANA")])]
    s = run(tmp_path, golds, preds)
    assert (s["claim_tp"], s["claim_fp"], s["claim_fn"]) == (1, 3, 0)
    assert s["claim_precision"] == 0.25 and s["claim_recall"] == 1.0


def test_claims_counted_per_article_even_on_unmatched_events(tmp_path: Path) -> None:
    # The figure is right even though the event's place is wrong: claims are per article.
    s = run(tmp_path, [gold_event("e1", claims=[claim(8, "AFP")])], [pred(at=MAARRA, claims=[claim(8, "afp")])])
    assert s["claim_tp"] == 1 and s["tp"] == 0


def test_claims_of_optional_events_not_required_not_penalised(tmp_path: Path) -> None:
    golds = [gold_event("e1", claims=[claim(3, "OSDH")]),
             gold_event("e2", at=MAARRA, optional=True, claims=[claim(9, "OSDH")])]
    s = run(tmp_path / "with", golds, [pred(claims=[claim(3, "OSDH"), claim(9, "SOHR")])])
    assert (s["claim_tp"], s["claim_fp"], s["claim_fn"]) == (1, 0, 0)
    s = run(tmp_path / "without", golds, [pred(claims=[claim(3, "OSDH")])])
    assert (s["claim_tp"], s["claim_fp"], s["claim_fn"]) == (1, 0, 0)


def test_injury_claims_are_not_fatality_claims(tmp_path: Path) -> None:
    s = run(tmp_path, [gold_event("e1", claims=[claim(4, "SANA")])],
            [pred(claims=[claim(4, "SANA"), claim(11, "SANA", who="injured")])])
    assert (s["claim_tp"], s["claim_fp"]) == (1, 0)


def test_place_recall_10_km_any_prediction_of_article(tmp_path: Path) -> None:
    golds = [gold_event("e1", at=IDLIB),                                  # hit (exact)
             gold_event("e2", at=MAARRA, event_type="Protests", sub="Peaceful protest"),  # hit, type ignored
             gold_event("e3", at=SARAQIB),                                # 17 km away: miss
             gold_event("e4", at=IDLIB, geo_precision=3),                 # precision 3: not counted
             gold_event("e5", at=(35.0, 38.0), optional=True)]            # optional: not counted
    s = run(tmp_path, golds, [pred(at=IDLIB), pred(at=(35.66, 36.69))])
    assert s["place_recall"] == pytest.approx(2 / 3)


def test_date_accuracy_exact_for_day_tolerance_for_week(tmp_path: Path) -> None:
    golds = [gold_event("e1", date="2015-03-10", precision="day"),
             gold_event("e2", date="2015-03-10", precision="week", at=MAARRA),
             gold_event("e3", date="2015-03-10", precision="day", at=(34.73, 36.71), admin1="Homs")]
    preds = [pred(date="2015-03-11"),                 # matches e1 (±1) but date not exact
             pred(date="2015-03-15", at=MAARRA),      # within the week: exact enough
             pred(date="2015-03-10", at=(34.73, 36.71), event_type="Protests")]  # wrong type
    s = run(tmp_path, golds, preds)
    assert s["tp"] == 2
    # e3 has no prediction of its type at its place: not found, so not counted (recall counts it)
    assert s["date_acc"] == pytest.approx(1 / 2)


def test_date_accuracy_counts_only_events_found_within_10_km(tmp_path: Path) -> None:
    golds = [gold_event("e1", date="2015-03-10"),
             gold_event("e2", date="2015-03-10", at=SARAQIB)]   # 17 km from IDLIB
    s = run(tmp_path, golds, [pred(date="2015-03-10")])
    assert s["date_acc"] == 1.0
    s = run(tmp_path, golds, [pred(date="2015-03-14")])
    assert s["date_acc"] == 0.0


def test_articles_without_predictions_are_all_missed_and_extra_ignored(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a1", [gold_event("e1")])
    write_gold(tmp_path / "gold", "a2", [gold_event("e1"), gold_event("e2", at=MAARRA)])
    result = evaluate(tmp_path / "gold", [pred("a1"), pred("zz"), pred("zz")])
    s = result.summary()
    assert (s["tp"], s["fp"], s["fn"]) == (1, 0, 2)
    assert result.ignored_articles == ["zz"] and s["ignored_predictions"] == 2


def test_no_predictions_at_all(tmp_path: Path) -> None:
    s = run(tmp_path, [gold_event("e1", claims=[claim(2, "OSDH")])], [])
    assert s["event_precision"] is None and s["event_recall"] == 0.0 and s["event_f1"] == 0.0
    assert s["claim_f1"] == 0.0 and s["place_recall"] == 0.0 and s["date_acc"] is None


def test_gold_as_predictions_scores_perfect_on_handmade_set(tmp_path: Path) -> None:
    golds = [gold_event("e1", claims=[claim(7, "OSDH"), claim(None, "SANA", qualifier="vague")]),
             gold_event("e2", at=MAARRA, precision="month", geo_precision=2),
             gold_event("e3", at=IDLIB, admin1="Idlib", geo_precision=3,
                        event_type="Explosions/Remote violence", sub="Air/drone strike"),
             gold_event("e4", at=SARAQIB, optional=True, claims=[claim(4, "AFP")])]
    write_gold(tmp_path / "gold", "a1", golds)
    s = evaluate(tmp_path / "gold", gold_to_preds(tmp_path / "gold")).summary()
    for key in ("event_f1", "subtype_acc", "actor_acc", "claim_f1", "place_recall", "date_acc"):
        assert s[key] == 1.0, key


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("sub", ["gold", "merge/gold"])
def test_gold_as_predictions_scores_perfect_on_shared_corpus(sub: str) -> None:
    gold_dir = SHARED / sub
    s = evaluate(gold_dir, gold_to_preds(gold_dir)).summary()
    for key in ("event_f1", "subtype_acc", "actor_acc", "claim_f1", "place_recall", "date_acc"):
        assert s[key] == 1.0, key
    assert s["fp"] == 0 and s["fn"] == 0


def test_errors_view_lists_actor_mismatches(tmp_path: Path) -> None:
    from vigie.evaluate.report import to_text

    write_gold(tmp_path / "gold", "a1", [gold_event("e1", actor1="Military Forces of Turkey",
                                                     actor2="YPG: People's Protection Units")])
    result = evaluate(tmp_path / "gold", [pred(actor1="Military Forces of Turkey", actor2="Hezbollah")])
    text = to_text(result, errors=True)
    assert ("ACTORS e1 Armed clash: gold Military Forces of Turkey vs YPG: People's Protection Units, "
            "predicted Military Forces of Turkey vs Hezbollah") in text
