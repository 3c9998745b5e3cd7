"""The same report twice (a raw capture and its JSON line, or two scrapes a caption apart) is one
article: the copy with better metadata is kept and its events re-merged, in whatever order."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vigie.cli.main import cli
from vigie.ingest.sketch import bands, near_identical
from vigie.store import Store

BODY = (
    "Des avions du régime ont bombardé mardi la ville de Saraqeb, dans la province d'Idleb, "
    "faisant onze morts, selon l'Observatoire syrien des droits de l'homme.\n\n"
    "Les frappes ont visé un marché couvert en fin de matinée, à l'heure où les habitants "
    "font leurs courses, et plusieurs immeubles voisins se sont effondrés.\n\n"
    "Les secouristes fouillaient encore les décombres dans la soirée à la recherche de "
    "survivants, ont rapporté des militants joints par téléphone.\n\n"
    "La ville, tenue par les rebelles depuis deux ans, avait déjà été visée la semaine "
    "précédente par des tirs d'artillerie venus des positions de l'armée au sud."
)
TITLE = "Saraqeb sous les bombes"


def _capture(folder: Path, *, extra: str = "") -> Path:
    path = folder / "capture.txt"
    path.write_text(f"28-11-2024 01:35 AM Jerusalem Timing\n{TITLE}\n{TITLE}\n\n{BODY}\n{extra}", encoding="utf-8")
    return path


def _jsonl(folder: Path) -> Path:
    path = folder / "feed.jsonl"
    record = {"id": "afp-saraqeb", "outlet": "AFP", "published": "2015-06-10", "title": TITLE,
              "url": "https://example.org/saraqeb", "text": f"{TITLE}\n\n{BODY}"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def _state(db: Path) -> tuple[list[tuple[str, str | None, str | None]], str]:
    with Store.open(db) as store:
        articles = [(a.id, a.outlet, a.published.isoformat() if a.published else None) for a in store.articles()]
    return articles, _run(db, "export", "--format", "jsonl").stdout


@pytest.mark.parametrize("extra", ["", "Photo d'archives : un marché de Saraqeb en 2013.\n"])
def test_a_capture_and_its_json_line_are_one_article_whatever_the_order(tmp_path: Path, extra: str, db_factory) -> None:
    src = tmp_path / "in"
    src.mkdir()
    capture, feed = _capture(src, extra=extra), _jsonl(src)
    states = []
    for name, order in (("raw_first", (capture, feed)), ("jsonl_first", (feed, capture))):
        db = db_factory()
        outputs = [_run(db, "ingest", "-q", str(path)).output for path in order]
        states.append(_state(db))
        again = [_run(db, "ingest", "-q", str(path)).output for path in order]
        assert all("new 0," in out and "replaced 0," in out for out in again)
        assert _state(db) == states[-1]
        if name == "raw_first":
            assert "replaced 1," in outputs[1]
        else:
            assert "duplicates 1," in outputs[1] and "duplicate (already stored)" in outputs[1]
    (articles, export), other = states
    assert other == states[0]
    assert articles == [("afp-saraqeb", "AFP", "2015-06-10")]
    events = [json.loads(line) for line in export.splitlines()]
    assert events and all(e["reports"] == ["afp-saraqeb"] and not e["date_doubtful"] for e in events)
    assert any(e["event_date"] == "2015-06-09" for e in events)


def test_both_copies_in_one_batch_keep_the_better_one(tmp_path: Path, db_factory) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _capture(src, extra="Photo d'archives.\n")
    _jsonl(src)
    db = db_factory()
    result = _run(db, "ingest", "-q", str(src))
    assert result.exit_code == 0, result.output
    articles, export = _state(db)
    assert articles == [("afp-saraqeb", "AFP", "2015-06-10")]
    assert all(json.loads(line)["reports"] == ["afp-saraqeb"] for line in export.splitlines())


def test_near_identical_means_near_identical() -> None:
    edited = BODY.replace("fin de matinée", "fin de la matinée") + "\nLire aussi : notre dossier."
    assert near_identical(BODY, edited)
    assert set(bands(BODY)) & set(bands(edited))
    other = BODY.replace("Saraqeb", "Maarat al-Nouman").replace("onze", "six").split("\n\n")[:2]
    assert not near_identical(BODY, "\n\n".join(other))
    assert bands("") == []
