"""Merging costs what the new reports cost: joining a large event tests one link per new report,
the store's queues (not scans) say what waits, and the events equal those of the full closure."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

import vigie.merge.cluster as cluster
from vigie.merge import MergeContext, Merger, merge_pending
from vigie.merge.bench import synthetic_reports
from vigie.merge.cluster import MemoryIndex, partition
from vigie.merge.compatible import make_key
from vigie.models import Article
from vigie.store import Store, report_id

from merge_helpers import claim, place, report


def _all_at_once(reports) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    """The reference: every report through the full closure in one go."""
    ctx = MergeContext.load()
    index = MemoryIndex(ctx.rules)
    keys = [make_key(report_id(r), r, rules=ctx.rules, side_of=ctx.side_of) for r in reports]
    for key in keys:
        index.add(key)
    return {frozenset(k.id for k in g.keys) for g in partition(keys, index, rules=ctx.rules)}


def _with_conflicts(n: int, seed: int) -> list:  # type: ignore[type-arg]
    """Synthetic reports plus articles telling one event twice (the split must decide)."""
    rng = random.Random(seed)
    reports = synthetic_reports(n, seed=seed)
    for i in range(n // 10):
        base = rng.choice(reports)
        twin = report(base.article_id, day=base.event_date, sub=base.sub_event_type, etype=base.event_type,
                      actor1=base.actor1, actor2=base.actor2, where=base.place)
        reports.append(twin)
    rng.shuffle(reports)
    return reports


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_one_at_a_time_gives_the_events_of_the_full_closure(seed: int) -> None:
    reports = _with_conflicts(300, seed)
    merger = Merger()
    for r in reports:
        merger.add([r])
    assert merger.partition() == _all_at_once(reports)


def test_a_split_event_sends_later_reports_through_the_closure() -> None:
    twice = [report("a", claims=(claim(3, "OSDH"),)), report("a", claims=(claim(5, "SANA"),))]
    bridge, later = report("b"), report("c", where=place("Talbiseh", (34.845, 36.73)))
    merger = Merger()
    for r in (*twice, bridge):
        merger.add([r])
    assert len(merger.split) == 2  # b could join either copy: the component holds two events
    merger.add([later])
    assert merger.partition() == _all_at_once([*twice, bridge, later])
    assert len(merger.partition()) == 2


def _dense(n: int) -> list[tuple[Article, list]]:  # type: ignore[type-arg]
    day = date(2016, 3, 8)
    return [(Article(id=f"art{i:04d}", text=f"dépêche {i}", published=day + timedelta(days=1),
                     published_source="input"), [report(f"art{i:04d}")]) for i in range(n)]


def test_joining_a_large_event_tests_one_link_per_new_report(tmp_path, monkeypatch, db_factory) -> None:  # type: ignore[no-untyped-def]
    calls = 0
    real = cluster.link_strength

    def counting(a, b, *, rules):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(a, b, rules=rules)

    monkeypatch.setattr(cluster, "link_strength", counting)
    n = 80
    with Store.open(db_factory()) as store:
        for article, reports in _dense(n):
            with store.transaction():
                store.ingest_article(article, reports)
                merge_pending(store)
        (event,) = store.events()
        assert len(event.reports) == n
        assert calls <= n  # the full closure made about n**3 / 6 of them
        for table in ("merge_queue", "merge_dirty", "framing_queue"):
            assert store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_an_event_losing_a_member_is_regrouped_from_the_queue(tmp_path, db_factory) -> None:  # type: ignore[no-untyped-def]
    with Store.open(db_factory()) as store:
        for article, reports in _dense(3):
            with store.transaction():
                store.ingest_article(article, reports)
                merge_pending(store)
        with store.transaction():
            store.delete_article("art0000")
            merge_pending(store)
        (event,) = store.events()
        assert sorted(r.article_id for r in event.reports) == ["art0001", "art0002"]
        assert event.extra["n_reports"] == 2


def test_a_run_cut_off_before_merging_is_mended_by_the_next_ingest(tmp_path, db_factory) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from vigie.cli.main import cli

    db = db_factory()
    with Store.open(db) as store:
        for article, reports in _dense(2):
            store.ingest_article(article, reports)  # stored, never merged: the run was killed
        assert store.events() == []
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert CliRunner().invoke(cli, ["--db", str(db), "ingest", "-q", str(empty)]).exit_code == 0
    with Store.open(db) as store:
        (event,) = store.events()
    assert len(event.reports) == 2


@pytest.mark.own_sqlite_store  # the bench measures the SQLite ingest path
def test_bench_prints_the_store_shapes_and_refuses_bad_sizes() -> None:
    from click.testing import CliRunner

    from vigie.cli.main import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["bench", "--skip", "extract", "--skip", "dask", "--skip", "gazetteer", "--skip", "merge",
                                 "--skip", "long", "--skip", "sqlite-store", "--skip", "pg-store",
                                 "--store-articles", "20", "--dense-reports", "10"])
    assert result.exit_code == 0, result.output
    assert "store merge, growing: 20 distinct articles" in result.output
    assert "store merge, dense: 10 articles of one event -> 1 event(s)" in result.output
    bad = runner.invoke(cli, ["bench", "--merge-sizes", "ten"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output and "--merge-sizes" in bad.output
