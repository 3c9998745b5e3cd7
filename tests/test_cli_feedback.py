"""Feedback: progress lines in a log with a total, and ``vigie reextract`` after data changes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import vigie.extract
from vigie.cli.main import cli
from vigie.ingest import count_articles

LINE = ("Des avions du régime ont bombardé {day} la ville de Saraqeb, dans la province d'Idleb, "
        "faisant sept morts, selon l'Observatoire syrien des droits de l'homme.")


def _feed(folder: Path, days: tuple[str, ...] = ("lundi", "mardi", "mercredi")) -> Path:
    path = folder / "feed.jsonl"
    path.write_text("".join(json.dumps({"text": LINE.format(day=d), "published": "2015-06-12"}, ensure_ascii=False) + "\n"
                            for d in days), encoding="utf-8")
    (folder / "a.txt").write_text(LINE.format(day="jeudi"), encoding="utf-8")
    (folder / "a.meta.json").write_text('{"published": "2015-06-12"}', encoding="utf-8")
    return path


def test_the_total_counts_json_lines_and_files_not_metadata(tmp_path: Path) -> None:
    _feed(tmp_path)
    assert count_articles([tmp_path, tmp_path / "missing.txt"]) == 5


def test_a_log_gets_a_progress_line_with_the_total(tmp_path: Path, db: str) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _feed(src)
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(src)], catch_exceptions=False)
    assert "ingest: 4/4 items" in result.output


def test_reextract_applies_changed_extraction_to_stored_events(tmp_path: Path, db: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _feed(src)
    runner = CliRunner()
    runner.invoke(cli, ["--db", str(db), "ingest", "-q", str(src)], catch_exceptions=False)
    before = runner.invoke(cli, ["--db", str(db), "export", "--format", "jsonl"]).stdout
    same = runner.invoke(cli, ["--db", str(db), "reextract", "-q"], catch_exceptions=False)
    assert "articles 4, changed 0," in same.output
    assert runner.invoke(cli, ["--db", str(db), "export", "--format", "jsonl"]).stdout == before

    real = vigie.extract.extract_articles

    def forgets_mondays(articles, **kwargs):  # type: ignore[no-untyped-def]
        for art, reports in real(articles, **kwargs):
            yield art, [] if "lundi" in art.text else reports

    monkeypatch.setattr(vigie.extract, "extract_articles", forgets_mondays)
    changed = runner.invoke(cli, ["--db", str(db), "reextract", "-q"], catch_exceptions=False)
    assert "changed 1," in changed.output
    after = [json.loads(line) for line in runner.invoke(cli, ["--db", str(db), "export", "--format", "jsonl"]).stdout.splitlines()]
    assert after and not any("lundi" in e["evidence"][0]["text"] for e in after)
    assert len(after) == len(before.splitlines()) - 1
