"""Queries an analyst can use: filters read names as extraction does, more filters, a stable
event_id_cnty, and an events table that fits 80 columns."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from conftest import BACKENDS, fresh_targets
from vigie.cli.main import cli
from vigie.cli.render import events_table
from vigie.serve.terms import canonical_actor, canonical_admin1, canonical_source
from vigie.store import Store

STRIKE = ("Des avions du régime ont bombardé mardi la ville de Saraqeb, dans la province d'Idleb, "
          "faisant {toll} morts, selon {source}.")


def _feed(folder: Path, order: tuple[int, ...] = (0, 1)) -> Path:
    records = [{"id": "afp-1", "outlet": "AFP", "published": "2015-06-10", "text": STRIKE.format(toll="sept", source="l'Observatoire syrien des droits de l'homme")},
               {"id": "rtr-1", "outlet": "Reuters", "published": "2015-06-10", "text": STRIKE.format(toll="vingt", source="l'agence officielle Sana")}]
    path = folder / f"feed-{''.join(map(str, order))}.jsonl"
    path.write_text("".join(json.dumps(records[i], ensure_ascii=False) + "\n" for i in order), encoding="utf-8")
    return path


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """One store, on each backend, for the whole module (ingesting costs an NLP run)."""
    folder = tmp_path_factory.mktemp("queries")
    path = fresh_targets(request, request.param, folder)()
    assert CliRunner().invoke(cli, ["--db", path, "ingest", "-q", str(_feed(folder))]).exit_code == 0
    return path


def _count(db: str, *args: str) -> int:
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "--format", "jsonl", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return len(result.stdout.splitlines())


def test_names_are_read_as_extraction_reads_them() -> None:
    assert [canonical_admin1(n) for n in ("Idleb", "Damas", "Rif Damas")] == ["Idlib", "Damascus", "Rif Dimashq"]
    assert canonical_actor("Hezbollah libanais") == "Hezbollah"
    assert canonical_source("SOHR") == "OSDH"
    assert canonical_admin1("Nowhere") == "Nowhere"


def test_filters_accept_any_spelling_and_more_criteria(db: str) -> None:
    everything = _count(db)
    assert everything >= 1
    assert _count(db, "--admin1", "Idleb") == _count(db, "--admin1", "idlib") == everything
    assert _count(db, "--admin1", "Damas") == 0
    assert _count(db, "--actor", "l'armée syrienne") == everything
    assert _count(db, "--source", "SOHR") == everything
    assert _count(db, "--outlet", "afp") == everything and _count(db, "--outlet", "Le Monde") == 0
    contested = _count(db, "--contested")
    assert contested + _count(db, "--uncontested") == everything and contested >= 1
    grades = ("confirmed", "fair", "weak", "contested", "discounted")
    assert sum(_count(db, "--grade", g) for g in grades) == everything


def test_event_id_cnty_does_not_depend_on_the_order_of_ingest(tmp_path: Path, db_factory) -> None:  # type: ignore[no-untyped-def]
    ids = []
    for order in ((0, 1), (1, 0)):
        path = db_factory()
        CliRunner().invoke(cli, ["--db", str(path), "ingest", "-q", str(_feed(tmp_path, order))], catch_exceptions=False)
        out = CliRunner().invoke(cli, ["--db", str(path), "export"]).stdout
        ids.append(sorted(row["event_id_cnty"] for row in csv.DictReader(io.StringIO(out))))
    assert ids[0] == ids[1] and ids[0]


def test_the_events_table_fits_80_columns_and_explains_ranges(db: str) -> None:
    with Store.open(db) as store:
        events = store.events()
    narrow = Console(width=80, record=True, file=io.StringIO())
    events_table(events, console=narrow)
    text = narrow.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "low-best-high" in text and "actor 1" not in text
    wide = Console(width=200, record=True, file=io.StringIO())
    events_table(events, console=wide)
    assert "actor 1" in wide.export_text()
    assert date(2015, 6, 9).isoformat() in text


def test_source_scale_comes_from_the_registry(db: str) -> None:
    out = CliRunner().invoke(cli, ["--db", str(db), "export"]).stdout
    scales = {row["source_scale"] for row in csv.DictReader(io.StringIO(out))}
    words = {"Local", "Subnational", "National", "Regional", "International", "Other", "New media"}
    assert scales and all(s and set(s.split("-")) <= words for s in scales)
    assert any("International" in s for s in scales)  # AFP and Reuters are foreign outlets in Syria
