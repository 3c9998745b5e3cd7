"""Every command, given bad arguments, answers with one line and a non-zero exit code, never a
traceback; read commands never create a database; a missing path is one file's error."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vigie.cli.main import cli
from vigie.store.backend import connect, is_postgres

STRIKE = json.dumps({"text": "Des avions du régime ont bombardé mardi la ville de Saraqeb, dans la "
                             "province d'Idleb, faisant sept morts, selon l'OSDH.", "published": "2015-06-10"},
                    ensure_ascii=False)
READS = [["events"], ["event", "ev-x"], ["export"], ["articles"], ["articles", "x"], ["sources", "--unknown"], ["outlets"]]


def _run(*args: str):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _one_error_line(result) -> str:  # type: ignore[no-untyped-def]
    lines = [line for line in result.output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error")]
    assert result.exit_code != 0 and len(errors) == 1, result.output
    return errors[0]


def _holds_a_store(db: str) -> bool:
    if not is_postgres(db):
        return Path(db).exists()
    conn = connect(db)
    try:
        return conn.has_schema()
    finally:
        conn.close()


@pytest.mark.parametrize("command", READS, ids=lambda c: " ".join(c))
def test_read_commands_on_a_missing_database_say_so_and_create_nothing(db: str, command: list[str]) -> None:
    line = _one_error_line(_run("--db", db, *command))
    assert "no such database" in line or "no vigie store there" in line
    assert not _holds_a_store(db)


@pytest.mark.own_sqlite_store
@pytest.mark.parametrize("command", [*READS, ["ingest", "x.txt"]], ids=lambda c: " ".join(c))
def test_a_file_that_is_not_a_database_is_one_line(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    assert "not a database" in _one_error_line(_run("--db", str(db), *command))


@pytest.mark.own_sqlite_store
def test_a_database_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")  # a file where the folder should be: even root fails
    line = _one_error_line(_run("--db", str(blocker / "sub" / "v.db"), "ingest", str(tmp_path)))
    assert "cannot create its folder" in line


def test_bad_options_are_one_line(tmp_path: Path, db: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(STRIKE + "\n", encoding="utf-8")
    assert _run("--db", str(db), "ingest", "-q", str(feed)).exit_code == 0
    assert "No such file or directory" in _one_error_line(
        _run("--db", str(db), "export", "-o", str(tmp_path / "missing" / "out.csv")))
    assert "is after" in _one_error_line(_run("--db", str(db), "events", "--from", "2015-02-01", "--to", "2015-01-01"))
    _one_error_line(_run("--db", str(db), "events", "--limit", "0"))
    _one_error_line(_run("--db", str(db), "events", "--from", "yesterday"))
    _one_error_line(_run("bench", "--repeat", "many"))
    _one_error_line(_run("--db", str(db), "ingest", "--published", "2015-13-45", str(feed)))
    _one_error_line(_run("evaluate", str(tmp_path / "nogold"), str(feed)))


def test_a_missing_path_is_one_files_error_and_the_rest_is_stored(tmp_path: Path, db: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(STRIKE + "\n", encoding="utf-8")
    result = _run("--db", str(db), "ingest", "-q", str(tmp_path / "gone.txt"), str(feed))
    assert result.exit_code == 1
    assert "gone.txt: no such file or directory" in result.output and "new 1," in result.output
    extracted = _run("extract", str(tmp_path / "gone.txt"), str(feed))
    assert extracted.exit_code == 1 and "Saraqeb" in extracted.output
