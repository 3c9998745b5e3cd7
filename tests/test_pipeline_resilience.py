"""No single article stops a batch: implausible figures are flagged, not counted, and any
exception while reading, extracting or storing one article becomes that article's error line."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import vigie.extract
import vigie.ingest
from vigie.cli.main import cli
from vigie.errors import one_line
from vigie.resolve.plausible import PlausibleRange, vet_claim, vet_reports
from vigie.store import Store

from merge_helpers import claim, report

STRIKE = ("Des avions du régime ont bombardé {day} la ville de Saraqeb, dans la province d'Idleb, "
          "faisant {toll} morts, selon l'Observatoire syrien des droits de l'homme.")


def _line(day: str, toll: str, *, published: str = "2015-06-10") -> str:
    return json.dumps({"text": STRIKE.format(day=day, toll=toll), "published": published}, ensure_ascii=False)


def _ingest(db: Path, *paths: Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), "ingest", "-q", *map(str, paths)], catch_exceptions=False)


def _stored_texts(db: Path) -> list[str]:
    with Store.open(db) as store:
        return [a.text for a in store.articles()]


def test_an_absurd_figure_is_flagged_kept_as_text_and_not_counted(tmp_path: Path, db_factory) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(_line("mardi", "999999999999999999999999") + "\n" + _line("lundi", "sept") + "\n", encoding="utf-8")
    db = db_factory()
    result = _ingest(db, feed)
    assert result.exit_code == 0, result.output
    assert "new 2," in result.output
    with Store.open(db) as store:
        reports = store.reports()
    absurd = next(r for r in reports if any(c.flag for c in r.claims))
    (flagged,) = absurd.claims
    assert flagged.count is None and "999999999999999999999999" in flagged.quote
    assert "implausible" in (flagged.flag or "") and absurd.fatalities == 0
    assert any(r.fatalities == 7 for r in reports)


def test_vetting_rules() -> None:
    limits = PlausibleRange(1000)
    assert vet_claim(claim(12, "OSDH"), limits=limits) == claim(12, "OSDH")
    vague = vet_claim(claim(None, "OSDH", qualifier="vague", estimate=5000), limits=limits)
    assert vague.estimate is None and vague.flag
    inner = vet_claim(claim(40, "OSDH", subfigures=(claim(10**9, "OSDH"),)), limits=limits)
    assert inner.count == 40 and inner.flag is None and inner.subfigures[0].flag
    mixed = replace(report("a"), claims=(claim(10**12, "SANA"), claim(30, "OSDH")), fatalities=10**12)
    (vetted,) = vet_reports([mixed], limits=limits)
    assert vetted.fatalities == 30 and [c.count for c in vetted.claims] == [None, 30]
    assert PlausibleRange.load().max_count > 1000


def test_an_article_whose_extraction_raises_is_one_error_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_factory,
) -> None:
    real = vigie.extract.extract_articles

    def flaky(articles, **kwargs):  # type: ignore[no-untyped-def]
        for art, reports in real(articles, **kwargs):
            if "dimanche" in art.text:
                raise RuntimeError("the frames component fell over\nwith a second line")
            yield art, reports

    monkeypatch.setattr(vigie.extract, "extract_articles", flaky)
    feed = tmp_path / "a.jsonl"
    feed.write_text("\n".join(_line(d, "neuf") for d in ("lundi", "dimanche", "mardi")) + "\n", encoding="utf-8")
    after = tmp_path / "b.jsonl"
    after.write_text(_line("jeudi", "cinq") + "\n", encoding="utf-8")
    db = db_factory()
    result = _ingest(db, feed, after)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "extraction failed: RuntimeError: the frames component fell over with a second line" in errors[0]
    assert "new 3," in result.output and "failed 1" in result.output
    stored = _stored_texts(db)
    assert len(stored) == 3 and not any("dimanche" in t for t in stored)


def test_an_article_the_store_refuses_is_rolled_back_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_factory) -> None:
    real = vigie.extract.extract_articles

    def unvetted(articles, **kwargs):  # type: ignore[no-untyped-def]
        for art, reports in real(articles, **kwargs):
            if "lundi" in art.text:  # what vetting prevents: a figure no backend can hold
                reports = [replace(r, fatalities=10**30) for r in reports]
            yield art, reports

    monkeypatch.setattr(vigie.extract, "extract_articles", unvetted)
    feed = tmp_path / "a.jsonl"
    feed.write_text(_line("lundi", "neuf") + "\n" + _line("mardi", "six") + "\n", encoding="utf-8")
    db = db_factory()
    result = _ingest(db, feed)
    assert result.exit_code == 1
    # SQLite's driver and PostgreSQL's server name the overflow their own way
    assert re.search(r"a\.jsonl:1: not stored: (OverflowError|NumericValueOutOfRange)", result.output)
    stored = _stored_texts(db)
    assert len(stored) == 1 and "mardi" in stored[0]
    again = _ingest(db, feed)  # the refused article is retried, the stored one is a duplicate
    assert "duplicates 1" in again.output


def test_a_reader_that_crashes_costs_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(html: str, *, path: str):  # type: ignore[no-untyped-def]
        raise ValueError("parser exploded")

    import vigie.ingest.html

    monkeypatch.setattr(vigie.ingest.html, "read_html", broken)
    (tmp_path / "a.html").write_text("<html><body><p>texte</p></body></html>", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(_line("mardi", "six") + "\n", encoding="utf-8")
    items = list(vigie.ingest.read_paths([tmp_path]))
    assert "could not be read: ValueError: parser exploded" in items[0].reason  # type: ignore[union-attr]
    assert items[1].text.startswith("Des avions")  # type: ignore[union-attr]


def test_one_line_keeps_an_error_on_one_short_line() -> None:
    assert one_line(ValueError("a\nb")) == "ValueError: a b"
    assert len(one_line(ValueError("x" * 1000))) == 200
