"""The gazetteer: packaged data, additions file, GeoNames import, lookup tiers and speed."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vigie.cli.main import cli
from vigie.data import load_csv
from vigie.errors import DataFileError
from vigie.resolve import gazetteer_rows as gazetteer_module
from vigie.resolve.gazetteer import FEATURES, Gazetteer, bench
from vigie.resolve.geonames_import import import_geonames
from vigie.resolve.places import PlaceContext, PlaceResolver
from vigie.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "geonames"
SHARED_GEONAMES = Path(__file__).resolve().parents[2] / "shared" / "data" / "geonames"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_additions_file_rows_are_complete(gaz) -> None:
    rows = load_csv("gazetteer_additions.csv")
    # places of their own only for what the packaged sources lack (bases, airports, regions,
    # neighbours); a place the table holds gets its press spellings through same_as
    places = [row for row in rows if not row["same_as"]]
    assert len(places) >= 70 and len(rows) - len(places) >= 30
    by_id = {e.id: e for e in gaz.entries}
    for row in rows:
        assert row["source"].strip(), row
        if row["same_as"]:
            assert not (row["lat"] or row["lon"] or row["feature"]), row
            assert row["name"] in by_id[row["same_as"]].names, row
        else:
            assert row["feature"] in FEATURES, row
            assert 29 < float(row["lat"]) < 38.5 and 34 < float(row["lon"]) < 43, row


def test_additions_and_neighbours_are_loaded(gaz) -> None:
    ids = {e.id for e in gaz.entries}
    assert "vigie:Handarat camp" in ids and "vigie:Wadi al-Deif base" in ids
    # the village's hand row is folded into OCHA's: one entry, at OCHA's point
    assert "vigie:Handarat" not in ids and "ocha:C7444" in ids
    countries = {e.country_code for e in gaz.entries}
    assert {"SY", "LB", "TR", "IQ", "JO"} <= countries
    # neighbours only near the border: nothing from Istanbul or Baghdad's south
    assert all(e.latitude <= 38.0 for e in gaz.entries if e.country_code == "TR")


def test_lookup_tiers(gaz) -> None:
    assert gaz.lookup("Khanasir")[0].tier == "exact"
    assert gaz.lookup("Jisr al-Choghour")[0].tier in {"exact", "skeleton"}
    assert gaz.lookup("Andarate")[0].entry.id == "ocha:C7444"
    fuzzy = gaz.lookup("Tafrtanaz")
    assert fuzzy and fuzzy[0].tier == "fuzzy" and "Taftanaz" in fuzzy[0].entry.name
    assert gaz.lookup("Zzyxqwort") == []


def test_governorate_spellings(gaz) -> None:
    assert gaz.governorate("Lattaquié").name == "Latakia"
    assert gaz.governorate("Soueida").name == "As-Suwayda"
    assert gaz.governorate("درعا").name == "Daraa"
    assert gaz.governorate("Qousseir") is None


def test_a_city_governorate_names_the_governorate_around_it(gaz) -> None:
    assert gaz.governorate_by_name("Damascus").surroundings == "Rif Dimashq"
    assert gaz.governorate_by_name("Aleppo").surroundings is None
    named = [g.surroundings for g in map(gaz.governorate_by_name, ("Damascus", "Aleppo", "Homs")) if g and g.surroundings]
    assert all(gaz.governorate_by_name(n) is not None for n in named)


def test_bad_additions_row_is_a_data_file_error(monkeypatch) -> None:
    monkeypatch.setattr(gazetteer_module, "load_csv", lambda name: [
        {"name": "X", "alternate_names": "", "lat": "north", "lon": "36", "feature": "town",
         "country_code": "SY", "admin1": "Homs", "source": "test"}])
    with pytest.raises(DataFileError):
        gazetteer_module.additions()


def test_a_press_spelling_of_an_ocha_village_resolves_to_ocha(gaz) -> None:
    # "Boueida al-Charqiyah" only the hand row had, 5 km off OCHA's Eastern Buwayda; folded
    # into OCHA's entry it finds that entry and its point, even in an article placed elsewhere
    # (a spelling the press uses is not an obscure hamlet's)
    assert [c.entry.id for c in gaz.lookup("Boueida al-Charqiyah")] == ["ocha:C2715"]
    place = PlaceResolver(gaz).resolve("Boueida al-Charqiyah",
                                       context=PlaceContext(governorates=("Aleppo",)))
    assert place is not None and place.gazetteer_id == "ocha:C2715"
    assert (place.latitude, place.longitude) == (34.60431, 36.64392)
    assert all(not e.id.startswith("vigie:Al Buwaydah") for e in gaz.entries)


def _row(**values: str) -> dict[str, str]:
    row = dict.fromkeys(("name", "alternate_names", "lat", "lon", "feature", "country_code",
                         "admin1", "source", "same_as"), "")
    return {**row, **values}


def test_same_as_rows_are_checked(monkeypatch) -> None:
    spelling = _row(name="Marea", source="test", same_as="ocha:C1643")
    place = _row(name="Marea", lat="36.4", lon="37.1", feature="town", country_code="SY",
                 source="test")
    monkeypatch.setattr(gazetteer_module, "load_csv", lambda name: [spelling, place])
    with pytest.raises(DataFileError, match="has a row already"):
        gazetteer_module.additions()
    monkeypatch.setattr(gazetteer_module, "load_csv", lambda name: [{**spelling, "lat": "36.4"}])
    with pytest.raises(DataFileError, match="same_as"):
        gazetteer_module.spellings()
    monkeypatch.setattr(gazetteer_module, "load_csv", lambda name: [{**spelling, "same_as": "ocha:X9"}])
    with pytest.raises(DataFileError, match="names no entry"):
        gazetteer_module.with_spellings({}, gazetteer_module.spellings())


@pytest.mark.parametrize("name", ["SY.txt", "SY.zip"])
def test_import_fixture_then_resolve_an_imported_village(db, name) -> None:  # type: ignore[no-untyped-def]
    with Store.open(db) as store:
        result = import_geonames(store, FIXTURES / name, admin1_path=FIXTURES / "admin1CodesASCII.txt")
        again = import_geonames(store, FIXTURES / name)
        assert (result.rows, result.admin1_rows, again.rows) == (6, 4, 6)
        assert store.conn.execute("SELECT count(*) FROM gazetteer").fetchone()[0] == 6
    assert all(c.entry.id != "geonames:9000001" for c in Gazetteer.load().lookup("Kafr Sijnah"))
    gaz = Gazetteer.load(db)
    assert any(c.entry.id == "geonames:9000001" for c in gaz.lookup("Kafr Sijnah"))
    resolver = PlaceResolver(gaz)
    place = resolver.resolve("Kafersajna")
    # the packaged OCHA row (Kafrsajna) and the imported one are the same village
    assert place.admin1 == "Idlib" and place.gazetteer_id in {"geonames:9000001", "ocha:C4110"}
    airfield = resolver.resolve("Tell Roummane")
    assert airfield.feature == "airport" and airfield.geo_precision == 2


def test_malformed_dump_rolls_back(tmp_path, db) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.txt"
    good = (FIXTURES / "SY.txt").read_text(encoding="utf-8")
    bad.write_text(good + "123\tonly three\tcolumns\n", encoding="utf-8")
    with Store.open(db) as store:
        with pytest.raises(DataFileError, match="bad.txt:7"):
            import_geonames(store, bad)
        assert store.conn.execute("SELECT count(*) FROM gazetteer").fetchone()[0] == 0


def test_importing_twice_keeps_one_row_per_geonameid(db) -> None:  # type: ignore[no-untyped-def]
    with Store.open(db) as store:
        first = import_geonames(store, FIXTURES / "SY.txt")
        again = import_geonames(store, FIXTURES / "SY.txt")
        stored = store.conn.execute("SELECT COUNT(*) FROM gazetteer").fetchone()[0]
    assert first.rows == again.rows == stored > 0


def test_cli_import_and_lookup(db: str) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["--db", db, "gazetteer", "import", str(FIXTURES / "SY.zip"),
                              "--admin1", str(FIXTURES / "admin1CodesASCII.txt")])
    assert out.exit_code == 0, out.output
    assert "6 places and 4 governorates" in out.output
    out = runner.invoke(cli, ["--db", db, "gazetteer", "lookup", "Hamidiyé", "--governorate", "Idlib"])
    assert out.exit_code == 0, out.output
    assert "resolved: Hamidiyah base (Idlib), Idlib" in out.output
    assert "governorate Idlib named nearby" in out.output


@pytest.mark.skipif(not SHARED_GEONAMES.exists(), reason="shared GeoNames extract absent")
def test_import_shared_cities500_extract(db: str) -> None:
    with Store.open(db) as store:
        result = import_geonames(store, SHARED_GEONAMES / "cities500_SY.txt",
                                 admin1_path=SHARED_GEONAMES / "admin1CodesASCII_SY.txt")
    assert result.rows == 290 and result.admin1_rows == 14
    gaz = Gazetteer.load(db)
    imported = [e for e in gaz.entries if e.source.startswith("GeoNames cities500_SY")]
    assert len(imported) == 290
    assert all(e.admin1 for e in imported)  # every admin1 code maps to a canonical name


def test_bench_reports_its_figures() -> None:
    # Timings are checked by `vigie bench`, not here (they depend on the machine's load).
    result = bench(names=2_000)
    assert result["lookups"] == 2_000 and result["entries"] > 2_000
    assert result["resolved"] > 0.8 * result["lookups"]


def _tiny(*rows: tuple[str, str, float, float], fuzzy_threshold: float = 88) -> Gazetteer:
    """A gazetteer of a few invented places (name, country, lat, lon)."""
    from vigie.resolve.gazetteer import Entry
    from vigie.resolve.translit import Transliterator

    entries = [Entry(id=f"test:{n}", name=n, names=(n,), latitude=lat, longitude=lon,
                     feature="village", country_code=cc, admin1=None) for n, cc, lat, lon in rows]
    return Gazetteer(entries, [], translit=Transliterator.load(), home_country="SY",
                     fuzzy_threshold=fuzzy_threshold)


def test_skeleton_match_needs_a_similar_full_name() -> None:
    gaz = _tiny(("Kirkis", "TR", 36.9, 37.0), ("Kirkissa", "SY", 36.0, 37.0))
    assert gaz.keys("Croix").skeleton == gaz.keys("Kirkis").skeleton
    assert [c.entry.name for c in gaz.lookup("Croix")] == []          # "kruiks" vs "kirkis"
    assert gaz.lookup("Kirkiss")[0].entry.name == "Kirkis"           # a doubled letter is fine


def test_short_names_need_a_near_exact_key() -> None:
    gaz = _tiny(("Sadad", "SY", 34.3, 36.9), ("Sudah", "SY", 35.0, 36.0))
    assert [c.entry.name for c in gaz.lookup("Sud")] == ["Sudah"]
    assert gaz.lookup("Sid") == []


def test_country_filter_applies_to_loose_tiers_only() -> None:
    gaz = _tiny(("Zetan", "IL", 32.0, 34.9), ("Kilis", "TR", 36.7, 37.1),
                ("Tell Zitana", "SY", 36.0, 38.0))
    assert gaz.lookup("Zetana")[0].entry.country_code == "IL"
    assert gaz.lookup("Zetana", country="SY") == []
    # an exact name keeps its country whatever the filter
    assert gaz.lookup("Kilis", country="SY")[0].entry.name == "Kilis"


def test_fuzzy_search_skips_short_names() -> None:
    gaz = _tiny(("Tafas", "SY", 32.7, 36.1), ("Taftanaz", "SY", 35.99, 36.78), fuzzy_threshold=60)
    assert gaz.keys("Tafaz").skeleton != gaz.keys("Tafas").skeleton
    assert gaz.lookup("Tafaz") == []  # one letter off a five-letter name is another name
    assert gaz.lookup("Taftrnaz")[0].tier == "fuzzy"


def test_cli_lookup_explains_a_refusal_and_takes_the_article_country(tmp_path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "none.db")
    out = runner.invoke(cli, ["--db", db, "gazetteer", "lookup", "Samedi"])
    assert out.exit_code == 0, out.output
    assert "tier=skeleton" in out.output and "resolved: nothing" in out.output
    out = runner.invoke(cli, ["--db", db, "gazetteer", "lookup", "Roummana", "--country", "IL", "--json"])
    assert out.exit_code == 0, out.output
    import json

    data = json.loads(out.output)
    assert data["country"] == "IL" and data["resolved"]["country_code"] == "IL"


@pytest.mark.parametrize("text,named", [
    ("Des tirs ont visé un rassemblement dans la capitale.", ["Damascus"]),
    ("Des obus sont tombés sur la capitale syrienne jeudi.", ["Damascus"]),
    ("Les rebelles ont perdu la capitale provinciale en 2015.", []),
    ("Il s'est réfugié dans la capitale libanaise.", []),
    ("Raqqa était la capitale du califat.", []),
])
def test_an_epithet_names_its_governorate(gaz, text, named) -> None:
    assert [gov.name for _, gov in gaz.epithets(text)] == named
