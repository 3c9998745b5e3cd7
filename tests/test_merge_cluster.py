"""Grouping: order independence, one article never twice in an event, the store path, gold clusters."""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from merge_helpers import RASTAN, TALBISEH, claim, place, report
from vigie.merge import Merger, merge_pending, merge_reports
from vigie.merge.bench import bench_merge, synthetic_reports
from vigie.merge.cluster import event_id_for
from vigie.models import Article, Claim, EventReport, Place
from vigie.store import Store, report_id

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
QUSAYR = "qusayr-fall-2013-06-05"

SUBS = ["Armed clash", "Government regains territory", "Air/drone strike", "Peaceful protest"]
PLACES = [place(), place("Rastan", RASTAN), place("Talbiseh area", (34.86, 36.75), precision=2)]
ACTORS = ["Military Forces of Syria", "Syrian rebels (unspecified)", "Islamic State", None]

report_st = st.builds(
    lambda art, d, prec, sub, where, a1: report(
        f"art{art}", day=date(2016, 3, 8) + timedelta(days=d), precision=prec, sub=sub,
        where=PLACES[where], actor1=a1, actor2=None),
    st.integers(0, 5), st.integers(0, 4), st.sampled_from(["day", "day", "week"]),
    st.sampled_from(SUBS), st.integers(0, 2), st.sampled_from(ACTORS),
)


def snapshot(merger: Merger) -> dict[str, tuple]:
    return {
        eid: (e.sub_event_type, e.event_date, e.place, e.actor1, e.actor2, e.fatalities_best,
              e.notes, e.grade, frozenset(report_id(r) for r in e.reports))
        for eid, e in merger.events.items()
    }


@settings(max_examples=60, deadline=None)
@given(st.lists(report_st, min_size=2, max_size=12), st.randoms(use_true_random=False))
def test_events_do_not_depend_on_arrival_order(reports, rnd):
    one_by_one = Merger()
    for r in reports:
        one_by_one.add([r])
    shuffled = list(reports)
    rnd.shuffle(shuffled)
    other = Merger()
    for r in shuffled:
        other.add([r])
    at_once = Merger()
    at_once.add(reports)
    assert snapshot(one_by_one) == snapshot(other) == snapshot(at_once)
    for members in one_by_one.members.values():
        articles = [one_by_one.reports[m].article_id for m in members]
        assert len(articles) == len(set(articles))  # never two reports of one article


def test_a_third_report_does_not_glue_two_reports_of_one_article():
    week = report("c", precision="week", sub="Armed clash")
    a1 = report("a")
    a2 = report("a", day=date(2016, 3, 9), sub="Armed clash")
    events = merge_reports([a1, a2, week])
    assert sorted(len(e.reports) for e in events) == [1, 2]
    joined = next(e for e in events if len(e.reports) == 2)
    # links are taken strongest first: the same sub-type beats the same day
    assert {r.sub_event_type for r in joined.reports} == {"Armed clash"}


def test_event_id_is_a_hash_of_the_smallest_member_id():
    assert event_id_for(["b:2", "a:1"]) == event_id_for(["a:1"]) != event_id_for(["b:2"])
    assert event_id_for(["a:1"]).startswith("ev-")


def test_event_attributes_follow_the_stated_rules():
    members = [
        report("a", sub="Armed clash", where=place("Talbiseh area", TALBISEH, precision=2), precision="week"),
        report("b", sub="Government regains territory", assoc1=("Hezbollah",)),
        report("c", sub="Armed clash", day=date(2016, 3, 8), actor2=None),
    ]
    (event,) = merge_reports(members)
    assert event.sub_event_type == "Armed clash"  # most common
    assert event.place.geo_precision == 1 and event.date_precision == "day"
    assert event.actor1 == "Military Forces of Syria" and event.actor2 == "Syrian rebels (unspecified)"
    assert event.assoc_actor_1 == ("Hezbollah",)
    assert event.fatalities_low == event.fatalities_best == event.fatalities_high == 0


def _store_with(target: str, reports: list[EventReport]) -> Store:
    store = Store.open(target)
    for art in sorted({r.article_id for r in reports}, key=lambda a: [r.article_id for r in reports].index(a)):
        store.ingest_article(
            Article(id=art, text=f"texte {art}", outlet="SANA", content_hash=art),
            [r for r in reports if r.article_id == art],
        )
        merge_pending(store)
    return store


def test_merge_pending_in_the_store_is_order_independent_and_idempotent(db_factory):
    reports = [
        report("a", claims=(claim(40, "SANA", qualifier="more_than", who="militants"),), outlet="SANA"),
        report("b", sub="Armed clash", claims=(claim(25, "OSDH", qualifier="at_least"),), outlet="Orient"),
        report("c", sub="Air/drone strike", where=place("Rastan", RASTAN), outlet="AFP"),
        report("d", precision="week", sub="Armed clash", outlet="Reuters"),
    ]
    first = _store_with(db_factory(), reports)
    second = _store_with(db_factory(), list(reversed(reports)))
    view = lambda s: sorted((e.event_id, e.notes, e.grade, len(e.reports)) for e in s.events())
    assert view(first) == view(second)
    assert sorted(len(e.reports) for e in first.events()) == [1, 3]
    before = view(first)
    assert merge_pending(first) == []
    assert view(first) == before
    assert first.counts().events == 2


def test_merge_pending_records_unknown_sources(db):
    r = report("a", claims=(claim(3, "Comité local de Bidon-sur-Oronte"),), outlet="SANA")
    store = _store_with(db, [r])
    assert [u.name for u in store.unknown_sources()] == ["Comité local de Bidon-sur-Oronte"]


def test_bench_is_deterministic_and_counts_reports():
    assert synthetic_reports(50) == synthetic_reports(50)
    result = bench_merge(300, last=100)
    assert result["reports"] == 300 and 0 < result["events"] < 300
    assert result["reports_per_second"] > 0


# --- gold clusters of the shared merge corpus -------------------------------------------

def gold_reports(path: Path) -> list[EventReport]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for ev in doc["events"]:
        loc = ev["location"]
        out.append(EventReport(
            article_id=doc["doc_id"], event_date=date.fromisoformat(ev["date"]),
            date_precision=ev["date_precision"], event_type=ev["event_type"],
            sub_event_type=ev["sub_event_type"], actor1=ev["actor1"] or None,
            actor2=ev["actor2"] or None, assoc_actor_1=tuple(ev["assoc_actor_1"]),
            place=Place(name=loc["name"], latitude=loc["lat"], longitude=loc["lon"],
                        admin1=loc["admin1"], country="Syria", country_code="SY",
                        geo_precision=loc["geo_precision"]),
            claims=tuple(Claim(count=f["count"], qualifier=f["qualifier"], who="people",
                               source=f["source"], quote="", estimate=None if f["count"] else 12)
                         for f in ev["fatalities"]),
        ))
    return out


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared corpus absent")
def test_gold_reports_come_out_as_exactly_the_gold_clusters(tmp_path):
    from vigie.merge import cluster_scores

    files = sorted((CORPUS / "merge" / "gold").glob("*.json"))
    qusayr_doc = next((CORPUS / "gold").glob("000_*.json"))
    reports = [r for f in files for r in gold_reports(f)] + gold_reports(qusayr_doc)
    events = merge_reports(reports)
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / qusayr_doc.name).write_text(qusayr_doc.read_text(encoding="utf-8"), encoding="utf-8")
    scores = cluster_scores([CORPUS / "merge" / "gold", tmp_path / "g"], events,
                            assign={f"{qusayr_doc.stem}#e1": QUSAYR})
    assert scores.clusters == 2
    assert (scores.precision, scores.recall, scores.split, scores.merged) == (1.0, 1.0, (), ())
    multi = [e for e in events if len(e.reports) > 1]
    assert sorted(len(e.reports) for e in multi) == [4, 5]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared corpus absent")
def test_cluster_scores_count_splits_and_wrong_merges():
    from vigie.merge import cluster_scores

    files = sorted((CORPUS / "merge" / "gold").glob("*.json"))
    singles = [e for f in files for r in gold_reports(f) for e in merge_reports([r])]
    split = cluster_scores([CORPUS / "merge" / "gold"], singles)
    assert split.recall == 0.0 and len(split.split) == 2 and split.merged == ()
    everything = merge_reports([r for f in files for r in gold_reports(f)])
    lumped = [everything[0].__class__(**{**everything[0].__dict__,
                                         "reports": tuple(r for e in everything for r in e.reports)})]
    merged = cluster_scores([CORPUS / "merge" / "gold"], lumped)
    assert merged.recall == 1.0 and merged.precision < 0.5 and len(merged.merged) >= 2
