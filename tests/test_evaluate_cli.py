"""`vigie evaluate` on the command line: text report, --errors, --format json, bad input."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluate_helpers import MAARRA, claim, gold_event, pred, write_gold, write_preds
from vigie.cli.main import cli


def setup(tmp_path: Path) -> tuple[str, str]:
    write_gold(tmp_path / "gold", "a1", [
        gold_event("e1", claims=[claim(6, "OSDH")], quote="Six combattants ont péri mardi."),
        gold_event("e2", at=MAARRA, quote="Un obus est tombé sur le marché."),
    ])
    preds = write_preds(tmp_path / "p.jsonl", [
        pred(claims=[claim(6, "SOHR"), claim(9, "SANA")]),
        pred(event_type="Protests", sub="Peaceful protest"),
        pred("elsewhere"),
    ])
    return str(tmp_path / "gold"), str(preds)


def test_text_report_with_errors(tmp_path: Path) -> None:
    gold, preds = setup(tmp_path)
    result = CliRunner().invoke(cli, ["evaluate", gold, preds, "--errors"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "event F1" in out and "0.500" in out
    assert "ignored: 1 predictions for 1 article(s) not in the gold: elsewhere" in out
    assert "MISSED e2" in out and "Un obus est tombé sur le marché." in out
    assert "SPURIOUS #1" in out and "Des combats ont éclaté." in out
    assert "CLAIM SPURIOUS 9 (exact) per SANA" in out


def test_json_format(tmp_path: Path) -> None:
    gold, preds = setup(tmp_path)
    result = CliRunner().invoke(cli, ["evaluate", gold, preds, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    s = data["summary"]
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 1)
    assert s["claim_precision"] == 0.5 and s["claim_recall"] == 1.0
    assert data["articles"][0]["doc_id"] == "a1"
    assert data["ignored_articles"] == ["elsewhere"]


def test_bad_prediction_line_is_one_line_error(tmp_path: Path) -> None:
    gold, _ = setup(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article_id": "a1", "event_date": "2015-13-45", "event_type": "Battles"}\n')
    result = CliRunner().invoke(cli, ["evaluate", gold, str(bad)])
    assert result.exit_code != 0
    assert "bad.jsonl:1" in result.output and "bad date" in result.output


def test_bad_gold_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.json").write_text('{"doc_id": "x", "events": [{"id": "e1"}]}')
    preds = write_preds(tmp_path / "p.jsonl", [])
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "gold"), str(preds)])
    assert result.exit_code != 0 and "x.json" in result.output
