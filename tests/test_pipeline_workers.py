"""``vigie ingest --workers N``: extraction on a pool, storing here; the store ends the same as
with one worker, and a bad file is still one error line that stops nothing."""
from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from vigie.cli.main import cli
from vigie.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _ingest(db: str, folder: Path, workers: int) -> str:
    result = CliRunner().invoke(cli, ["--db", db, "ingest", "-q", "--workers", str(workers), str(folder)])
    assert result.exit_code == 1, result.output  # the broken file
    return result.output


def _stored(db: str) -> tuple[list[dict], list[dict], list[tuple[str, str | None]]]:
    with Store.open(db) as store:
        events = sorted((asdict(e) for e in store.events()), key=lambda e: e["event_id"])
        for event in events:
            event["extra"].pop("timestamp")  # when it was merged
        reports = [r.to_dict() for r in store.reports()]
        articles = sorted((a.id, store.article_status(a.id)) for a in store.articles())
    return events, reports, articles


def test_two_workers_store_what_one_stores(tmp_path: Path, db_factory, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    (folder / "broken.html").write_bytes(b"\x00\x01\x02 not an article")
    monkeypatch.setenv("VIGIE_BATCH_SIZE", "2")  # several chunks per worker: order and boundaries exercised
    one_db, two_db = db_factory(), db_factory()
    one = _ingest(one_db, folder, 1)
    two = _ingest(two_db, folder, 2)
    assert two.replace(two_db, one_db).splitlines()[-1].split("(run")[0] == one.splitlines()[-1].split("(run")[0]
    assert [line for line in two.splitlines() if line.startswith("error:")] == \
        [line for line in one.splitlines() if line.startswith("error:")]
    assert any("broken.html" in line for line in one.splitlines() if line.startswith("error:"))
    events, reports, articles = _stored(one_db)
    assert events and reports and len(articles) >= 8
    assert _stored(two_db) == (events, reports, articles)
