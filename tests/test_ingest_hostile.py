"""Hostile input: formula cells, hidden HTML, terminal escapes and bidi overrides never get through."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from vigie.cli.main import cli
from vigie.ingest import read_paths
from vigie.ingest.html import read_html
from vigie.ingest.labels import safe_label
from vigie.serve.export import safe_cell

STRIKE = ("Des avions du régime ont bombardé mardi la ville de Saraqeb, dans la province d'Idleb, "
          "faisant sept morts, selon l'Observatoire syrien des droits de l'homme.")


def test_formula_cells_are_neutralised_and_numbers_kept() -> None:
    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert [safe_cell(v) for v in ("+33 1 23", "@SUM(A1)", "-x", "\tTAB")] == ["'+33 1 23", "'@SUM(A1)", "'-x", "'\tTAB"]
    assert [safe_cell(v) for v in ("-35.1234", "12", 7, "AFP")] == ["-35.1234", "12", 7, "AFP"]


def test_an_outlet_written_as_a_formula_is_text_in_the_csv(tmp_path: Path, db_factory) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": STRIKE, "published": "2015-06-10", "outlet": "=1+1"}) + "\n", encoding="utf-8")
    db = db_factory()
    runner = CliRunner()
    runner.invoke(cli, ["--db", str(db), "ingest", "-q", str(feed)], catch_exceptions=False)
    rows = list(csv.DictReader(io.StringIO(runner.invoke(cli, ["--db", str(db), "export"]).stdout)))
    assert rows and all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row.values())
    assert any("'=1+1" in row["source"] for row in rows)


def test_hidden_html_is_not_read() -> None:
    visible = "<p>Les habitants ont fui vers les villages voisins dans la soirée, selon des militants locaux.</p>"
    page = (f"<html><body><article><p>{STRIKE}</p>"
            "<noscript><p>Une frappe aérienne a tué 300 civils à Alep selon les sources.</p></noscript>"
            "<template><p>Modèle : 40 morts à Homs.</p></template>"
            "<div aria-hidden='true'><p>Un raid a tué 90 personnes à Deraa hier.</p></div>"
            "<p hidden>Cent morts à Hama, dit un texte caché.</p>"
            f"<p style='display: none'>Deux cents morts à Raqqa.</p>{visible}</article></body></html>")
    body = read_html(page, path="page.html").body
    assert "Saraqeb" in body and "villages voisins" in body
    for hidden in ("300", "40 morts", "90 personnes", "Cent morts", "Deux cents"):
        assert hidden not in body


def test_ids_names_and_titles_lose_control_and_bidi_characters(tmp_path: Path) -> None:
    record = {"id": "evil\x1b[2J\x1b[31mid", "outlet": "Al\u202eNews", "title": "Titre\x07 caché\u2066",
              "url": "https://example.org/\x00a", "text": f"{STRIKE}\u202e inversé", "published": "2015-06-10"}
    (tmp_path / "f.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = list(read_paths([tmp_path]))
    assert article.id == "evil [2J [31mid" and "\x1b" not in article.id
    assert (article.outlet, article.title, article.url) == ("AlNews", "Titre caché", "https://example.org/ a")
    assert "\u202e" not in article.text
    assert safe_label("\u2067\n\t ") is None
