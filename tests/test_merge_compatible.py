"""Pairwise rules: when two reports of different articles can be one event."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from merge_helpers import RASTAN, place, report
from vigie.errors import DataFileError
from vigie.merge.compatible import MergeRules, actor_sides, compatible, make_key
from vigie.data import load_yaml

RULES = MergeRules.load()
SIDES = actor_sides()


def key(r, rid=None):
    return make_key(rid or f"{r.article_id}:x", r, rules=RULES, side_of=SIDES)


def ok(a, b) -> bool:
    return compatible(key(a), key(b), rules=RULES)


def test_rules_load_and_reject_bad_grid():
    assert RULES.subtypes_compatible("Armed clash", "Government regains territory")
    data = load_yaml("merge_rules.yml")
    data["grid_degrees"] = 0.05
    with pytest.raises(DataFileError):
        MergeRules.from_data(data)


def test_same_battle_reported_as_clash_and_as_capture_is_compatible():
    assert ok(report("a"), report("b", sub="Armed clash"))


def test_air_strike_and_protest_are_not_compatible():
    assert not ok(report("a", sub="Air/drone strike"), report("b", sub="Peaceful protest"))


def test_reports_of_the_same_article_never_match():
    assert not ok(report("a"), report("a", claims=()))


def test_day_precision_needs_the_same_day_but_a_week_spans_it():
    later = date(2016, 3, 9)
    assert not ok(report("a"), report("b", day=later))
    assert ok(report("a"), report("b", day=date(2016, 3, 10), precision="week"))
    assert not ok(report("a"), report("b", day=date(2016, 3, 8) + timedelta(days=5), precision="week"))


def test_distance_depends_on_precision_and_gazetteer_entry():
    rastan = place("Rastan", RASTAN)  # ~9 km north
    assert not ok(report("a"), report("b", where=rastan))
    assert ok(report("a"), report("b", where=place("Rastan", RASTAN, precision=2)))
    far_same_entry = place("Talbiseh", (34.9, 36.8), gid="g1")
    assert ok(report("a", where=place(gid="g1")), report("b", where=far_same_entry))


def test_governorate_only_reports_match_only_each_other():
    gov = place("Homs", (34.73, 36.72), precision=3)
    assert ok(report("a", where=gov), report("b", where=gov))
    assert not ok(report("a", where=gov), report("b"))


def test_actors_on_opposite_sides_contradict_but_swapped_battle_pairs_do_not():
    rebels_first = report("b", actor1="Syrian rebels (unspecified)", actor2="Military Forces of Syria",
                          sub="Non-state actor overtakes territory")
    assert ok(report("a"), rebels_first)  # a battle seen from either side
    strike_a = report("a", sub="Air/drone strike", actor1="Military Forces of Russia", actor2=None)
    strike_b = report("b", sub="Air/drone strike", actor1="Military Forces of the United States", actor2=None)
    assert not ok(strike_a, strike_b)
    unknown = report("c", sub="Air/drone strike", actor1=None, actor2=None)
    assert ok(strike_a, unknown)


def test_unspecified_rebels_stand_for_any_opposition_or_jihadist_group():
    nusra = report("b", actor1="Jabhat al-Nusra", actor2=None, sub="Attack")
    rebels = report("a", actor1="Syrian rebels (unspecified)", actor2=None, sub="Attack")
    army = report("c", actor1="Military Forces of Syria", actor2=None, sub="Attack")
    assert ok(rebels, nusra)
    assert not ok(rebels, army)
