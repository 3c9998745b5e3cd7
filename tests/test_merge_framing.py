"""The loaded-term lexicon, per-article framing, outlet profiles, persistence and the CLI."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from vigie.cli.main import cli
from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.merge import merge_pending, persist
from vigie.merge.framing import FramingLexicon, frame_article, outlet_profiles
from vigie.models import Article
from vigie.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "merge"
LEX = FramingLexicon.load()


def fixture_articles() -> list[Article]:
    out = []
    for line in (FIXTURES / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        out.append(Article(id=d["id"], text=d["text"], title=d["title"], outlet=d["outlet"],
                           published=date.fromisoformat(d["published"]), content_hash=d["id"]))
    return out


def test_lexicon_loads_every_side_and_rejects_a_form_under_two_terms():
    assert {t.favours for t in LEX.terms} == set(LEX.sides)
    data = load_yaml("framing.yml")
    data["terms"][1]["forms"].append("terroristes")
    with pytest.raises(DataFileError):
        FramingLexicon.from_data(data)


def test_hits_carry_offsets_into_the_text_despite_accents_and_apostrophes():
    text = "Le régime d’Assad a bombardé ; l'armée a libéré la ville tenue par des takfiristes."
    hits = LEX.find(text)
    assert [(h.term, h.favours) for h in hits] == [
        ("régime", "opposition"), ("libération", "partisan"), ("takfiris", "government")]
    assert all(text[h.start:h.end] == h.text for h in hits)
    assert hits[0].text == "régime d’Assad"  # the longest spelling wins


def test_neutralise_replaces_loaded_words():
    assert LEX.neutralise("40 terroristes tués par le régime syrien") == "40 militants tués par le Syrian government"


def test_each_side_of_the_fixture_uses_its_own_vocabulary():
    progov, opposition, _ = (frame_article(a) for a in fixture_articles())
    assert progov.counts.get("government", 0) >= 2 and "opposition" not in progov.counts
    assert opposition.counts.get("opposition", 0) >= 2 and "government" not in opposition.counts
    profiles = {p.outlet: p for p in outlet_profiles([progov, opposition])}
    assert profiles["SANA"].top_terms[0] == ("terroristes", 2)
    assert profiles["Orient Presse"].per_1000["opposition"] == pytest.approx(
        round(1000 * opposition.counts["opposition"] / opposition.words, 2))


def test_framing_is_stored_once_per_article_and_shown_by_vigie_outlets(tmp_path, db_factory):
    db = db_factory()
    with Store.open(db) as store:
        for article in fixture_articles():
            store.ingest_article(article, [])
            merge_pending(store)
        stored = persist.framings(store)
        assert [f.article_id for f in stored] == [a.id for a in fixture_articles()]
        assert stored[0].hits == frame_article(fixture_articles()[0]).hits
        merge_pending(store)
        assert store.conn.execute("SELECT COUNT(*) FROM article_framing").fetchone()[0] == 3
    result = CliRunner().invoke(cli, ["--db", str(db), "outlets"])
    assert result.exit_code == 0, result.output
    assert "SANA" in result.output and "terroristes (2)" in result.output


def test_vigie_sources_lists_registry_and_unknown_sources(tmp_path, db_factory):
    db = db_factory()
    with Store.open(db) as store:
        store.add_article(Article(id="x", text="t", content_hash="x"))
        store.record_unknown_source("Comité de Bidon", "x")
    runner = CliRunner()
    listed = runner.invoke(cli, ["--db", str(db), "sources"])
    assert listed.exit_code == 0 and "OSDH" in listed.output and "pro-government" in listed.output
    unknown = runner.invoke(cli, ["--db", str(db), "sources", "--unknown"])
    assert "Comité de Bidon" in unknown.output and "OSDH" not in unknown.output
