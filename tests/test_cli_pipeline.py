"""End to end through the CLI: files -> the store (each backend) -> events -> exports, and bad input in a batch."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import BACKENDS, fresh_targets
from vigie.cli.main import cli
from vigie.serve.acled import ACLED_COLUMNS
from vigie.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(db: str, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def _counts(db: str, *tables: str) -> tuple[int, ...]:
    with Store.open(db) as store:
        return tuple(store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables)


@pytest.fixture(scope="module", params=BACKENDS)
def demo_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    db = fresh_targets(request, request.param, tmp_path_factory.mktemp("demo"))()
    result = _run(db, "ingest", "--quiet", str(EXAMPLES))
    assert result.exit_code == 0, result.output
    return db


def test_ingest_examples_stores_articles_and_events(demo_db: str) -> None:
    articles, reports, events = _counts(demo_db, "articles", "event_reports", "events")
    assert articles >= 8
    assert reports >= articles
    assert 0 < events <= reports


def test_second_ingest_reports_nothing_new_and_changes_nothing(demo_db: str) -> None:
    def snapshot() -> tuple[int, ...]:
        return _counts(demo_db, "articles", "event_reports", "claims", "evidence", "events", "event_members")

    before = snapshot()
    result = _run(demo_db, "ingest", "--quiet", str(EXAMPLES))
    assert result.exit_code == 0
    assert "new 0," in result.output
    assert snapshot() == before


def test_export_csv_has_exactly_acleds_header(demo_db: str) -> None:
    result = _run(demo_db, "export", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) > 1


def test_export_jsonl_and_geojson(demo_db: str) -> None:
    lines = _run(demo_db, "export", "--format", "jsonl").stdout.splitlines()
    first = json.loads(lines[0])
    for key in ("event_id", "reports", "fatalities_low", "fatalities_best", "fatalities_high", "sources", "contested"):
        assert key in first
    geo = json.loads(_run(demo_db, "export", "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection" and geo["features"]


def test_events_table_and_filters(demo_db: str) -> None:
    everything = _run(demo_db, "events")
    assert everything.exit_code == 0
    none = _run(demo_db, "events", "--from", "1990-01-01", "--to", "1990-12-31")
    assert "0 events" in none.output


def test_event_shows_reports_claims_and_evidence(demo_db: str) -> None:
    first = json.loads(_run(demo_db, "export", "--format", "jsonl").stdout.splitlines()[0])
    shown = _run(demo_db, "event", first["event_id"])
    assert shown.exit_code == 0
    assert "evidence [" in shown.output
    assert _run(demo_db, "event", "no-such-event").exit_code != 0


def test_articles_list_and_show(demo_db: str) -> None:
    listing = _run(demo_db, "articles", "--format", "jsonl")
    rows = [json.loads(line) for line in listing.stdout.splitlines()]
    assert rows and all("published_doubtful" in r for r in rows)
    shown = _run(demo_db, "articles", rows[0]["id"])
    assert shown.exit_code == 0 and rows[0]["id"] in shown.output


def test_a_batch_with_bad_files_stores_the_good_ones_and_fails(tmp_path: Path, db_factory) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "broken.jsonl").write_text('{"id": "ok-1", "text": "Des combats ont opposé mardi l\'armée syrienne aux rebelles près de Hama, selon l\'OSDH, qui a fait état de 12 morts."}\n{not json\n', encoding="utf-8")
    db = db_factory()
    result = _run(db, "ingest", "--quiet", str(folder))
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "binary.txt" in result.output and "broken.jsonl:2" in result.output
    with Store.open(db) as store:
        assert [tuple(r) for r in store.conn.execute("SELECT id FROM articles")] == [("ok-1",)]
        assert store.conn.execute("SELECT COUNT(*) FROM ingest_errors").fetchone()[0] == 3
    again = _run(db, "ingest", "--quiet", str(folder))
    assert again.exit_code == 1
    with Store.open(db) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


def test_extract_prints_reports_without_a_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "unused.db"), "extract", "--format", "jsonl", str(EXAMPLES / "articles.jsonl")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {"article_id", "event_date", "sub_event_type", "claims", "evidence"} <= set(rows[0])
    assert not (tmp_path / "unused.db").exists()
