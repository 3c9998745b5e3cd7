"""Claims lineage, the fatality range and its policy, contested figures, grades and notes."""
from __future__ import annotations

import pytest

from merge_helpers import claim, report
from vigie.merge import merge_reports
from vigie.merge.build import MergeContext
from vigie.merge.claims import merge_claims, reconcile
from vigie.merge.compatible import MergeRules
from vigie.merge.framing import FramingLexicon

RULES = MergeRules.load()


def test_identical_claims_from_several_reports_are_one_claim_with_its_carriers():
    sana = claim(40, "SANA", qualifier="more_than", who="militants")
    merged = merge_claims([("r2", [sana]), ("r1", [sana, claim(25, "OSDH")])])
    assert [(c.source, c.count, c.reports) for c in merged] == [("OSDH", 25, ("r1",)), ("SANA", 40, ("r1", "r2"))]


def test_low_best_high_exclude_injuries_and_subfigures_and_follow_the_policy():
    nine = claim(9, "OSDH", who="civilians")
    claims = merge_claims([("r", [
        claim(25, "OSDH", qualifier="at_least", subfigures=(nine,)), claim(40, "SANA", who="militants"),
        claim(70, "OSDH", who="injured"), claim(None, "AFP", qualifier="vague", estimate=30),
    ])])
    lowest = reconcile(claims, rules=RULES, policy="lowest")
    assert (lowest.low, lowest.best, lowest.high) == (25, 25, 40)
    assert reconcile(claims, rules=RULES, policy="median").best == 25
    with pytest.raises(ValueError):
        reconcile(claims, rules=RULES, policy="highest")


def test_vague_words_count_only_when_nobody_gives_a_figure():
    grand_nombre = claim(None, "SANA", qualifier="vague", estimate=3)
    with_figure = merge_claims([("r", [grand_nombre, claim(1000, "Syria Truth", qualifier="more_than")])])
    assert (reconcile(with_figure, rules=RULES, policy="lowest").low) == 1000
    alone = merge_claims([("r", [grand_nombre, claim(None, "AFP", qualifier="vague", estimate=12)])])
    f = reconcile(alone, rules=RULES, policy="lowest")
    assert (f.low, f.best, f.high) == (3, 3, 12)


def test_policy_is_read_from_the_setting(monkeypatch):
    claims = merge_claims([("r", [claim(10, "A"), claim(20, "B"), claim(30, "C")])])
    monkeypatch.setenv("VIGIE_FATALITIES_POLICY", "median")
    assert reconcile(claims, rules=RULES).best == 20
    monkeypatch.setenv("VIGIE_FATALITIES_POLICY", "lowest")
    assert reconcile(claims, rules=RULES).best == 10


def test_no_claims_means_zero_range():
    f = reconcile([], rules=RULES, policy="lowest")
    assert (f.low, f.best, f.high, f.contested) == (0, 0, 0, False)


@pytest.mark.parametrize("a,b,contested", [(25, 40, True), (25, 37, False), (2, 6, False), (100, 151, True)])
def test_contested_rule_ratio_and_gap(a, b, contested):
    claims = merge_claims([("r1", [claim(a, "OSDH")]), ("r2", [claim(b, "SANA")])])
    assert reconcile(claims, rules=RULES, policy="lowest").contested is contested


def test_one_source_disagreeing_with_itself_is_not_contested_but_a_denial_is():
    same = merge_claims([("r1", [claim(10, "OSDH")]), ("r2", [claim(50, "OSDH")])])
    assert not reconcile(same, rules=RULES, policy="lowest").contested
    denied = merge_claims([("r1", [claim(10, "OSDH")]), ("r2", [claim(None, "SANA", who="denial")])])
    assert reconcile(denied, rules=RULES, policy="lowest").reason == "denied by SANA"


def grade_of(*reports):
    (event,) = merge_reports(reports)
    return event.grade


def test_grades_on_airwars_scale():
    army_action = dict(actor1="Military Forces of Syria")
    assert grade_of(report("a", claims=(claim(5, "AFP"),), **army_action)) == "weak"
    assert grade_of(report("a", claims=(claim(5, "AFP"),)), report("b", claims=(claim(5, "Reuters"),))) == "fair"
    assert grade_of(report("a", claims=(claim(5, "SANA"),), **army_action)) == "confirmed"
    russian = dict(sub="Air/drone strike", actor1="Military Forces of Russia", actor2=None)
    assert grade_of(report("a", claims=(claim(5, "Russian Ministry of Defence"),), **russian)) == "confirmed"
    rebels = dict(actor1="Syrian rebels (unspecified)", actor2=None, sub="Attack")
    assert grade_of(report("a", claims=(claim(5, "SANA"),), **rebels),
                    report("b", claims=(claim(5, "OSDH"),), **rebels)) == "confirmed"  # opposed sides agree
    assert grade_of(report("a", claims=(claim(25, "OSDH"),)), report("b", claims=(claim(40, "SANA"),))) == "contested"
    assert grade_of(report("a", claims=(claim(5, "OSDH"),), **rebels),
                    report("b", claims=(claim(None, "Jaish al-Islam spokesman", who="denial"),), **rebels)) == "discounted"


def test_notes_are_neutral_and_list_competing_figures():
    lexicon = FramingLexicon.load()
    progov = report("a", outlet="SANA", claims=(claim(40, "SANA", qualifier="more_than", who="terroristes"),))
    opposition = report("b", sub="Armed clash", outlet="Orient Presse",
                        claims=(claim(25, "OSDH", qualifier="at_least"),))
    (event,) = merge_reports([progov, opposition])
    assert event.notes.startswith("On 8 March 2016, Military Forces of Syria regained Talbiseh (Homs) from Syrian rebels (unspecified).")
    assert "OSDH: at least 25" in event.notes and "SANA: more than 40 militants" in event.notes
    assert lexicon.find(event.notes) == []
    for name in (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2):
        assert name is None or lexicon.find(name) == []
    assert event.sources == ("Orient Presse", "OSDH", "SANA")
    assert [c["reports"] for c in event.extra["claims"]] and event.contested


def test_context_loads_policy_from_settings(monkeypatch):
    monkeypatch.setenv("VIGIE_FATALITIES_POLICY", "median")
    assert MergeContext.load().policy == "median"
