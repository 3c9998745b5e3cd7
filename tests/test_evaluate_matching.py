"""Event matching rules of design.md section 6: dates by gold precision, 25 km, governorate, one-to-one."""
from __future__ import annotations

from pathlib import Path

import pytest

from evaluate_helpers import HAMA, IDLIB, MAARRA, SARAQIB, gold_event, pred, write_gold
from vigie.evaluate import evaluate
from vigie.evaluate.matching import haversine_km


def run(tmp_path: Path, golds: list[dict], preds: list[dict]) -> dict:
    write_gold(tmp_path / "gold", "a1", golds)
    return evaluate(tmp_path / "gold", preds).summary()


def test_haversine_known_distance() -> None:
    # Damascus -> Aleppo is about 310 km as the crow flies.
    assert 300 < haversine_km(33.51, 36.29, 36.20, 37.13) < 320
    assert haversine_km(*IDLIB, *IDLIB) == 0


@pytest.mark.parametrize("precision, ok_days, bad_days", [
    ("day", 1, 2), ("week", 7, 8), ("month", 31, 32),
])
def test_date_tolerance_follows_gold_precision(tmp_path: Path, precision: str,
                                               ok_days: int, bad_days: int) -> None:
    from datetime import date, timedelta
    base = date(2015, 3, 10)
    ok = (base + timedelta(days=ok_days)).isoformat()
    bad = (base - timedelta(days=bad_days)).isoformat()
    s = run(tmp_path / "ok", [gold_event("e1", precision=precision)], [pred(date=ok)])
    assert s["tp"] == 1
    s = run(tmp_path / "bad", [gold_event("e1", precision=precision)], [pred(date=bad)])
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 1)


def test_predicted_precision_does_not_widen_tolerance(tmp_path: Path) -> None:
    s = run(tmp_path, [gold_event("e1", precision="day")], [pred(date="2015-03-14", precision="month")])
    assert s["tp"] == 0


def test_place_within_25_km(tmp_path: Path) -> None:
    assert run(tmp_path / "near", [gold_event("e1", at=IDLIB)], [pred(at=SARAQIB)])["tp"] == 1
    assert run(tmp_path / "far", [gold_event("e1", at=IDLIB)], [pred(at=MAARRA)])["tp"] == 0


def test_event_type_must_agree(tmp_path: Path) -> None:
    s = run(tmp_path, [gold_event("e1")],
            [pred(event_type="Explosions/Remote violence", sub="Air/drone strike")])
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 1)


def test_subtype_may_differ_but_is_scored(tmp_path: Path) -> None:
    s = run(tmp_path, [gold_event("e1", sub="Government regains territory")], [pred(sub="Armed clash")])
    assert s["tp"] == 1
    assert s["subtype_acc"] == 0.0


def test_precision3_gold_matches_by_governorate(tmp_path: Path) -> None:
    gold = [gold_event("e1", at=IDLIB, admin1="Idlib", geo_precision=3)]
    # Same governorate written another way, coordinates far from the capital: a match.
    assert run(tmp_path / "a", gold, [pred(at=MAARRA, admin1="Idleb Governorate")])["tp"] == 1
    # No coordinates at all: still a match by governorate.
    assert run(tmp_path / "b", gold, [pred(at=None, admin1="Muḩāfaz̧at Idlib")])["tp"] == 1
    # Another governorate, even if close: no match.
    assert run(tmp_path / "c", gold, [pred(at=IDLIB, admin1="Hama")])["tp"] == 0


def test_prediction_without_coordinates_cannot_match_precise_gold(tmp_path: Path) -> None:
    s = run(tmp_path, [gold_event("e1", geo_precision=1)], [pred(at=None, admin1="Idlib")])
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 1)


def test_one_to_one_two_predictions_one_gold(tmp_path: Path) -> None:
    s = run(tmp_path, [gold_event("e1")], [pred(), pred()])
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 0)
    assert s["event_precision"] == 0.5 and s["event_recall"] == 1.0


def test_greedy_prefers_same_subtype_then_closest(tmp_path: Path) -> None:
    # Two golds 17 km apart; the prediction at Saraqib with sub-type "Armed clash" is admissible
    # for both, but must go to the gold of the same sub-type even though the other is closer.
    golds = [gold_event("e1", at=SARAQIB, sub="Government regains territory"),
             gold_event("e2", at=IDLIB, sub="Armed clash")]
    write_gold(tmp_path / "gold", "a1", golds)
    result = evaluate(tmp_path / "gold", [pred(at=SARAQIB, sub="Armed clash")])
    assert [g.id for g in result.articles[0].missed] == ["e1"]
    assert result.summary()["subtype_acc"] == 1.0


def test_greedy_closest_first_gives_best_assignment(tmp_path: Path) -> None:
    golds = [gold_event("e1", at=IDLIB), gold_event("e2", at=SARAQIB)]
    preds = [pred(at=SARAQIB), pred(at=IDLIB)]
    s = run(tmp_path, golds, preds)
    assert (s["tp"], s["fp"], s["fn"]) == (2, 0, 0)


def test_articles_are_matched_separately(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a1", [gold_event("e1")])
    write_gold(tmp_path / "gold", "a2", [gold_event("e1", at=HAMA, admin1="Hama")])
    result = evaluate(tmp_path / "gold", [pred("a2", at=IDLIB), pred("a1", at=HAMA)])
    s = result.summary()
    assert (s["tp"], s["fp"], s["fn"]) == (0, 2, 2)
