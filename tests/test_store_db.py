"""The store API: articles, reports, filters, crash-safe batches, runs, events, unknown sources."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from vigie.errors import StoreError
from vigie.models import Article, Claim, Event, EventReport, Evidence, Place
from event_helpers import event_from_report
from vigie.store import Store, report_id

TEXT_A = (
    "Des avions ont bombardé mardi le village de Kafranbel, tuant sept civils selon l'OSDH. "
    "L'agence Sana évoque pour sa part cinq morts."
)
TEXT_B = "Les forces gouvernementales ont repris jeudi le contrôle de la colline de Tal Rifaat."


def article(aid: str, text: str, **kw: object) -> Article:
    return Article(
        id=aid, text=text, raw_text="RAW " + text, title="Titre " + aid, url=f"http://ex.org/{aid}",
        outlet="AlManar", published=date(2014, 12, 9), published_source="input",
        published_confidence=0.9, published_note="date donnée",
        captured=datetime(2024, 11, 28, 1, 35), source_path=f"/in/{aid}.txt",
        content_hash="h-" + aid, **kw,  # type: ignore[arg-type]
    )


def place(name: str = "Kafranbel", admin1: str = "Idlib") -> Place:
    return Place(
        name=name, latitude=35.61, longitude=36.56, admin1=admin1, country="Syria",
        country_code="SY", geo_precision=1, mention=name, gazetteer_id="170000", admin2="Maarrat",
    )


def report(aid: str, **kw: object) -> EventReport:
    base = EventReport(
        article_id=aid, event_date=date(2014, 12, 9), date_precision="day",
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor1="Military Forces of Syria", actor2="Civilians (Syria)", place=place(),
        assoc_actor_1=("Military Forces of Russia",), fatalities=5,
        claims=(
            Claim(count=7, qualifier="exact", who="civilians", source="OSDH",
                  quote="tuant sept civils selon l'OSDH", start=47, end=77,
                  subfigures=(Claim(count=2, qualifier="exact", who="children", source="OSDH",
                                    quote="deux enfants"),)),
            Claim(count=5, qualifier="exact", who="people", source="SANA", quote="cinq morts"),
            Claim(count=None, qualifier="vague", who="injured", source="OSDH",
                  quote="des dizaines de blessés", estimate=12),
        ),
        civilian_targeting=True, evidence=(Evidence(0, 86, TEXT_A[:86]),), confidence=0.8,
        trigger="bombarder", outlet="AlManar",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


@pytest.fixture
def store(db: str) -> Store:
    with Store.open(db) as opened:
        yield opened  # type: ignore[misc]


def test_article_round_trip_and_duplicates(store: Store) -> None:
    a = article("a1", TEXT_A)
    assert store.add_article(a, status="ok") is True
    assert store.article("a1") == a
    assert store.has_article("a1") and store.has_article("h-a1")
    assert not store.has_article("zz")
    assert store.add_article(a) is False
    assert store.add_article(replace(a, id="other")) is False  # same content hash
    assert store.add_article(replace(a, content_hash="h-new")) is False  # same id
    assert [x.id for x in store.articles()] == ["a1"]


def test_article_status_and_listing(store: Store) -> None:
    store.add_article(article("a1", TEXT_A))
    store.add_article(article("a2", "Un texte en anglais."), status="unsupported_language")
    store.add_article(article("a3", TEXT_B))
    assert store.article_status("a2") == "unsupported_language"
    assert store.article_status("nope") is None
    assert [a.id for a in store.articles(status="ok")] == ["a1", "a3"]
    assert [a.id for a in store.articles(limit=2)] == ["a1", "a2"]
    assert store.counts().articles_by_status == {"ok": 2, "unsupported_language": 1}


def test_reports_round_trip_exactly(store: Store) -> None:
    store.add_article(article("a1", TEXT_A))
    r = report("a1")
    no_place = report("a1", place=None, event_type="Strategic developments",
                      sub_event_type="Agreement", claims=(), evidence=())
    store.set_reports("a1", [r, no_place])
    assert store.reports() == [r, no_place]


def test_set_reports_is_idempotent_and_replaces(store: Store) -> None:
    store.add_article(article("a1", TEXT_A))
    r1, r2 = report("a1"), report("a1", fatalities=7)
    store.set_reports("a1", [r1, r2, r1])
    store.set_reports("a1", [r1, r2])
    assert store.reports() == [r1, r2]
    assert store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == 6
    store.set_reports("a1", [r2])
    assert store.reports() == [r2]
    assert store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == 3
    assert store.conn.execute("SELECT COUNT(*) FROM evidence").fetchone()[0] == 1


def test_set_reports_refuses_unknown_article_and_foreign_reports(store: Store) -> None:
    with pytest.raises(StoreError, match="no article"):
        store.set_reports("ghost", [report("ghost")])
    store.add_article(article("a1", TEXT_A))
    with pytest.raises(StoreError, match="given for"):
        store.set_reports("a1", [report("a2")])


def test_report_filters(store: Store) -> None:
    store.add_article(article("a1", TEXT_A))
    store.add_article(article("a2", TEXT_B))
    strike = report("a1")
    battle = report(
        "a2", event_date=date(2015, 2, 3), event_type="Battles",
        sub_event_type="Government regains territory", actor2="Jabhat al-Nusra",
        assoc_actor_1=("Hezbollah",), place=place("Tal Rifaat", "Aleppo"), claims=(),
    )
    store.set_reports("a1", [strike])
    store.set_reports("a2", [battle])
    assert store.reports(date_from="2015-01-01") == [battle]
    assert store.reports(date_to=date(2014, 12, 31)) == [strike]
    assert store.reports(admin1="idlib") == [strike]
    assert store.reports(event_type="Battles") == [battle]
    assert store.reports(event_type="air/drone strike") == [strike]
    assert store.reports(actor="Hezbollah") == [battle]
    assert store.reports(actor="Military Forces of Syria") == [strike, battle]
    assert store.reports(actor="Jabhat al-Nusra", admin1="Idlib") == []
    assert store.reports(article_id="a2") == [battle]
    with pytest.raises(ValueError):
        store.reports(date_from="9 décembre")


def test_crash_in_a_batch_keeps_committed_articles_and_rerun_completes(store: Store) -> None:
    batch = [(article(f"a{i}", f"{TEXT_B} Bilan numéro {i}."), [report(f"a{i}")]) for i in range(5)]

    class Crash(Exception):
        pass

    with pytest.raises(Crash):
        for i, (a, reports) in enumerate(batch):
            with store.transaction():
                store.add_article(a)
                if i == 3:
                    raise Crash  # dies after the article row, before its reports
                store.set_reports(a.id, reports)
    assert [a.id for a in store.articles()] == ["a0", "a1", "a2"]
    assert {r.article_id for r in store.reports()} == {"a0", "a1", "a2"}

    added = [store.ingest_article(a, reports) for a, reports in batch]
    assert added == [False, False, False, True, True]
    assert [a.id for a in store.articles()] == [f"a{i}" for i in range(5)]
    assert len(store.reports()) == 5


def test_ingesting_twice_changes_nothing(store: Store) -> None:
    a = article("a1", TEXT_A)
    assert store.ingest_article(a, [report("a1")]) is True
    before = store.conn.execute(
        "SELECT * FROM articles JOIN event_reports ON event_reports.article_id = articles.id"
    ).fetchall()
    assert store.ingest_article(a, [report("a1", fatalities=99)]) is False
    after = store.conn.execute(
        "SELECT * FROM articles JOIN event_reports ON event_reports.article_id = articles.id"
    ).fetchall()
    assert [tuple(r) for r in before] == [tuple(r) for r in after]
    assert store.counts().reports == 1


def test_runs_and_errors(store: Store) -> None:
    run = store.start_run(["/in/a", Path("/in/b.jsonl")])
    store.record_error(run, "/in/a/vide.txt", "empty file")
    store.add_article(article("a1", TEXT_A), run_id=run)
    store.finish_run(run, read=2, new=1, duplicates=0, failed=1)
    second = store.start_run(["/in/c"])
    runs = store.runs()
    assert [r.id for r in runs] == [second, run]
    done = runs[1]
    assert done.paths == ("/in/a", "/in/b.jsonl")
    assert (done.read, done.new, done.duplicates, done.failed) == (2, 1, 0, 1)
    assert done.finished is not None and runs[0].finished is None
    assert [(e.path, e.reason) for e in store.run_errors(run)] == [("/in/a/vide.txt", "empty file")]
    assert store.run_errors(second) == []
    with pytest.raises(StoreError):
        store.finish_run(12345, read=0, new=0, duplicates=0, failed=0)


def test_unknown_sources_count_each_article_once(store: Store) -> None:
    store.record_unknown_source("Radio Rozana", "a1")
    store.record_unknown_source("Radio Rozana", "a1")
    store.record_unknown_source("Radio Rozana", "a2")
    store.record_unknown_source("Halab News", "a2")
    found = store.unknown_sources()
    assert [(u.name, u.first_seen_article, u.count) for u in found] == [
        ("Radio Rozana", "a1", 2), ("Halab News", "a2", 1)
    ]


def test_events_round_trip_with_reports_and_filters(store: Store) -> None:
    store.add_article(article("a1", TEXT_A))
    store.add_article(article("a2", TEXT_B))
    r1, r2 = report("a1"), report("a2", fatalities=6, assoc_actor_1=("Hezbollah",))
    store.set_reports("a1", [r1])
    merged = replace(
        event_from_report(r1, event_id="ev-1"), reports=(r1, r2), sources=("OSDH", "SANA"),
        fatalities_low=5, fatalities_best=5, fatalities_high=7, grade="fair",
        assoc_actor_1=("Military Forces of Russia", "Hezbollah"), extra={"method": "test"},
    )
    store.save_events([merged])  # r2 not stored yet: save_events stores it
    got = store.event("ev-1")
    assert got is not None
    assert got.reports == (r1, r2)
    assert replace(got, extra={}) == replace(merged, extra={})
    assert got.extra["method"] == "test" and got.extra["seq"] >= 1 and got.extra["timestamp"] > 0
    assert store.event("nope") is None
    assert store.events(actor="Hezbollah") == [got]
    assert store.events(admin1="Aleppo") == []
    assert store.events(date_from="2014-12-09", date_to="2014-12-09", event_type="Explosions/Remote violence") == [got]


def test_save_events_upserts_keeps_seq_and_replace_all(store: Store) -> None:
    store.add_article(article("a1", TEXT_A))
    r = report("a1")
    store.set_reports("a1", [r])
    e1 = event_from_report(r, event_id="ev-1")
    e2 = event_from_report(replace(r, fatalities=6), event_id="ev-2")
    store.save_events([e1, e2])
    first = {e.event_id: e.extra for e in store.events()}
    store.conn.execute("UPDATE events SET updated = 1")  # pretend the rows are old
    store.save_events([e1, e2])  # unchanged: nothing rewritten
    assert {e.extra["timestamp"] for e in store.events()} == {1}
    store.save_events([replace(e1, notes="Bilan revu.")])
    again = {e.event_id: e for e in store.events()}
    assert again["ev-1"].notes == "Bilan revu." and again["ev-1"].extra["timestamp"] > 1
    assert again["ev-1"].extra["seq"] == first["ev-1"]["seq"]
    store.save_events([e2], replace_all=True)
    assert [e.event_id for e in store.events()] == ["ev-2"]


def test_rewriting_same_reports_keeps_event_membership(store: Store) -> None:
    store.add_article(article("a1", TEXT_A))
    r = report("a1")
    store.set_reports("a1", [r])
    store.save_events([event_from_report(r, event_id="ev-1")])
    store.set_reports("a1", [r])
    got = store.event("ev-1")
    assert got is not None and got.reports == (r,)
    store.set_reports("a1", [])
    got = store.event("ev-1")
    assert got is not None and got.reports == ()


def test_save_events_needs_the_articles(store: Store) -> None:
    with pytest.raises(StoreError, match="no article"):
        store.save_events([event_from_report(report("ghost"), event_id="ev")])
    assert store.events() == []


def test_actor_names_differing_only_in_case_are_accepted(store: Store) -> None:
    store.add_article(article("a1", TEXT_A))
    r = report("a1", assoc_actor_1=("Hezbollah", "hezbollah"))
    store.set_reports("a1", [r])
    store.save_events([event_from_report(r, event_id="ev")])
    assert store.reports(actor="HEZBOLLAH") == [r]
    assert [e.event_id for e in store.events(actor="hezbollah")] == ["ev"]
