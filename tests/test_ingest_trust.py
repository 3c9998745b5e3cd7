"""Dates nobody vouches for: marked on the events, in every export, never merged with trusted ones;
dates and outlets the user gives (--published/--outlet, sidecars, meta.jsonl); future dates refused."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from vigie.cli.main import cli
from vigie.ingest import read_paths
from vigie.ingest.trust import date_doubt, mark_reports
from vigie.merge import merge_reports
from vigie.models import Article
from vigie.store import Store

from merge_helpers import report

STRIKE = ("Au moins onze civils ont été tués mardi dans des frappes aériennes russes sur la ville de "
          "Saraqeb, dans la province d'Idleb, selon l'Observatoire syrien des droits de l'homme.")
CAPTURE_HEADER = "28-11-2024 01:35 AM Jerusalem Timing"


def _src(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    return folder


def _run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def _events(db: Path) -> list[dict]:
    return [json.loads(line) for line in _run(db, "export", "--format", "jsonl").stdout.splitlines()]


def test_an_article_without_date_gets_doubtful_events_in_every_output(tmp_path: Path, db_factory) -> None:
    (tmp_path / "undated.txt").write_text(STRIKE, encoding="utf-8")
    db = db_factory()
    assert _run(db, "ingest", "-q", str(tmp_path / "undated.txt")).exit_code == 0
    events = _events(db)
    assert events and all(e["date_doubtful"] for e in events)
    assert "day of ingest" in events[0]["date_note"]
    rows = list(csv.DictReader(io.StringIO(_run(db, "export", "--format", "csv").stdout)))
    assert all("date doubtful" in r["tags"] for r in rows)
    geo = json.loads(_run(db, "export", "--format", "geojson").stdout)
    assert all(f["properties"]["date_doubtful"] for f in geo["features"])
    table = _run(db, "events").output
    assert " ?" in table and "date doubtful" in table
    assert "date doubtful:" in _run(db, "event", events[0]["event_id"]).output


def test_a_capture_header_date_is_always_marked(tmp_path: Path, db_factory) -> None:
    src = _src(tmp_path)
    (src / "capture.txt").write_text(f"{CAPTURE_HEADER}\nFrappes sur Saraqeb\n\n{STRIKE}\n", encoding="utf-8")
    db = db_factory()
    _run(db, "ingest", "-q", str(src))
    events = _events(db)
    assert events and all(e["date_doubtful"] and "capture header" in e["date_note"] for e in events)


def test_a_date_the_user_gives_on_the_command_line_is_trusted(tmp_path: Path, db_factory) -> None:
    src = _src(tmp_path)
    (src / "undated.txt").write_text(STRIKE, encoding="utf-8")
    db = db_factory()
    result = _run(db, "ingest", "-q", "--published", "2015-06-10", "--outlet", "AFP", str(src))
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        (article,) = store.articles()
    assert (article.published, article.published_source, article.outlet) == (date(2015, 6, 10), "input", "AFP")
    events = _events(db)
    assert events and not any(e["date_doubtful"] for e in events)
    assert events[0]["event_date"] == "2015-06-09"  # "mardi" before Wednesday 10 June 2015


def test_sidecar_and_folder_meta_give_date_and_outlet_and_are_not_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STRIKE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2014-03-12", "outlet": "Le Monde"}', encoding="utf-8")
    (tmp_path / "b.txt").write_text(STRIKE.replace("onze", "treize"), encoding="utf-8")
    (tmp_path / "c.txt").write_text(STRIKE.replace("onze", "quinze"), encoding="utf-8")
    (tmp_path / "meta.jsonl").write_text(
        '{"file": "b.txt", "published": "2013-07-01", "url": "https://example.org/b"}\n'
        '{"file": "a.txt", "published": "2001-01-01", "outlet": "ignored: the sidecar wins"}\n',
        encoding="utf-8",
    )
    got = {Path(a.source_path or "").name: a for a in read_paths([tmp_path])}
    assert set(got) == {"a.txt", "b.txt", "c.txt"}
    assert (got["a.txt"].published, got["a.txt"].outlet) == (date(2014, 3, 12), "Le Monde")
    assert (got["b.txt"].published, got["b.txt"].url) == (date(2013, 7, 1), "https://example.org/b")
    assert got["c.txt"].published is None


def test_a_malformed_sidecar_is_one_error_for_its_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STRIKE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "le 12 mars"}', encoding="utf-8")
    (item,) = list(read_paths([tmp_path]))
    assert not isinstance(item, Article)
    assert "a.txt" in item.path and "YYYY-MM-DD" in item.reason


def test_future_publication_dates_are_refused_with_one_line(tmp_path: Path, db_factory) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": STRIKE, "published": "2999-01-01"}) + "\n"
                    + json.dumps({"text": STRIKE.replace("onze", "neuf"), "published": "2015-06-10"}) + "\n",
                    encoding="utf-8")
    db = db_factory()
    result = _run(db, "ingest", "-q", str(feed))
    assert result.exit_code == 1
    assert "2999-01-01 is in the future" in result.output
    assert "new 1," in result.output
    bad_option = _run(db, "ingest", "-q", "--published", "2999-01-01", str(feed))
    assert bad_option.exit_code == 2 and "in the future" in bad_option.output
    assert "Traceback" not in bad_option.output


def test_doubtful_reports_never_merge_into_a_confidently_dated_event() -> None:
    trusted = [report("a1"), report("a2")]
    doubtful = report("a3")
    doubtful = mark_reports(Article(id="a3", text="x"), [doubtful])[0]
    assert doubtful.date_doubtful
    events = merge_reports([*trusted, doubtful])
    assert sorted(len(e.reports) for e in events) == [1, 2]
    lone = next(e for e in events if len(e.reports) == 1)
    assert lone.date_doubtful and not any(e.date_doubtful for e in events if e is not lone)
    two_doubtful = [mark_reports(Article(id=a, text="x"), [report(a)])[0] for a in ("d1", "d2")]
    assert [len(e.reports) for e in merge_reports(two_doubtful)] == [2]


def test_what_makes_a_date_doubtful() -> None:
    assert date_doubt(Article(id="x", text="t", published=date(2015, 1, 2), published_source="input")) is None
    assert "capture header" in (date_doubt(Article(
        id="x", text="t", published=date(2024, 1, 2), published_source="capture_header")) or "")
    assert "doubtful" in (date_doubt(Article(
        id="x", text="t", published=date(2015, 1, 2), published_source="text", published_doubtful=True)) or "")
    assert "2020-05-05" in (date_doubt(Article(id="x", text="t"), today=date(2020, 5, 5)) or "")


@pytest.mark.own_sqlite_store  # a SQLite file left by an old vigie
def test_upgrading_a_store_marks_the_reports_of_doubtfully_dated_articles(tmp_path: Path) -> None:
    from vigie.store.backend import SqliteConnection
    from vigie.store.migrations import migrate

    conn = SqliteConnection(str(tmp_path / "old.db"))
    migrate(conn, upto=6)
    conn.execute("INSERT INTO articles (id, content_hash, published, published_source, text, ingested_at) "
                 "VALUES ('cap', 'h', '2024-11-28', 'capture_header', 'x', 'now')")
    conn.execute("INSERT INTO event_reports (id, article_id, idx, event_date, date_precision, event_type, "
                 "sub_event_type) VALUES ('cap:1', 'cap', 0, '2024-11-26', 'day', 'Battles', 'Armed clash')")
    conn.close()
    with Store.open(tmp_path / "old.db") as store:
        (marked,) = store.reports()
    assert marked.date_doubtful and "upgraded" in (marked.date_note or "")
