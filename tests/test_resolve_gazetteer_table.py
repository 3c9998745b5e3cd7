"""The packaged gazetteer table: built from the open sources, loaded with its precomputed keys,
reaching every spelling of a place, carrying district and P-code into the exports."""
from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from vigie.data import data_path, load_yaml
from vigie.models import place_fields
from vigie.resolve import gazetteer_rows as gazetteer_module
from vigie.resolve.gazetteer import Gazetteer, translit_fingerprint
from vigie.resolve.gazetteer_build import build, clean_name, spellings
from vigie.resolve.places import PlaceContext, PlaceResolver

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.load())


def test_packaged_table_holds_every_ocha_community_with_admin_codes() -> None:
    with data_path("gazetteer.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
    ocha = [r for r in rows if r["id"].startswith("ocha:C") and "-" not in r["id"]]
    assert len(ocha) >= 7500
    assert all(r["admin2_pcode"].startswith(r["admin1"]) and r["admin3_pcode"] for r in ocha)
    assert sum(1 for r in rows if r["id"].startswith("ocha:N")) >= 400
    assert {r["cc"] for r in rows} >= {"SY", "LB", "TR", "IQ", "JO"}
    assert all(r["source"] for r in rows)


def test_precomputed_keys_match_the_transliteration_rules() -> None:
    """Rebuild (``vigie gazetteer build``) after editing translit.yml: the loader would compute
    the keys itself, right but too slow for the bench target."""
    header = data_path("gazetteer_keys.tsv").open(encoding="utf-8").readline().split()
    assert header[-1] == translit_fingerprint()
    assert gazetteer_module.table_keys()


def test_stale_keys_are_recomputed_not_trusted(monkeypatch) -> None:
    monkeypatch.setattr(gazetteer_module, "translit_fingerprint", lambda: "changed")
    assert gazetteer_module.table_keys() == {}


def test_names_lose_ocha_disambiguators_and_gain_press_forms() -> None:
    assert clean_name("Jafr (Tal Tamer)") == "Jafr"
    assert clean_name("Fardos - Damascus (ne)") == "Fardos"
    assert clean_name("الكفير - مركز أريحا") == "الكفير"
    assert "Ein El hara" in spellings("Ein Elhara")
    qualifiers = load_yaml("place_qualifiers.yml")["qualifiers"]
    forms = spellings("Western Atshana", qualifiers)
    assert {"Atshana", "Atshana Gharbi"} <= set(forms)
    assert spellings("Upper", qualifiers) == ["Upper"]


@pytest.mark.parametrize("mention,pcode", [
    # French press, English, OCHA and Arabic spellings of the same places
    ("Kafranbel", "C4068"), ("Kafr Nboudé", "C3209"), ("كفرنبل", "C4068"),
    ("Jisr al-Choghour", "C4199"), ("Khan Cheikhoun", "C3987"), ("Qousseir", "C2733"),
    ("Khanaser", "C2169"), ("Kafr Batna", "C2319"), ("Ras al-Aïn", "C4988"),
    ("Maaret al-Noomane", "C3985"), ("Tall Tamr", "C4409"),
])
def test_spellings_reach_the_ocha_entry(resolver, mention, pcode) -> None:
    place = resolver.resolve(mention)
    assert place is not None and place.pcode == pcode, place


def test_qualifier_and_dropped_h_spellings(resolver) -> None:
    """"Bagouz" (OCHA drops the h of gh) and "Baghouz Fawqani" (the press keeps the Arabic
    qualifier OCHA translates as "Upper") reach the Abu Kamal villages."""
    for mention in ("Baghouz", "Baghouz Fawqani", "Atshana Charki"):
        place = resolver.resolve(mention)
        assert place is not None, mention
    assert resolver.resolve("Baghouz Fawqani").pcode == "C5184"
    assert resolver.resolve("Atshana Charki").name == "Eastern Atshana"


def test_homonyms_prefer_the_spelling_as_written(resolver) -> None:
    """"Kassab" and "Qasab" share every key; the one written "Kassab" is meant."""
    place = resolver.resolve("Kassab", context=PlaceContext(governorates=("Latakia",)))
    assert place.pcode == "C3557"


def test_place_carries_district_and_pcode_into_report_fields(resolver) -> None:
    place = resolver.resolve("Saraqeb")
    fields = place_fields(place)
    assert fields["admin2"] == "Idleb" and fields["pcode"] == place.pcode and place.pcode.startswith("C")
    governorate = resolver.resolve("province d'Idleb")
    assert governorate.pcode is None and place_fields(None)["pcode"] is None


def test_acled_csv_fills_admin3_from_the_gazetteer(resolver) -> None:
    from vigie.serve import write_acled_csv
    from test_serve_export import merged_event

    place = resolver.resolve("Saraqeb")
    event = merged_event()
    event = replace(event, place=place)
    out = io.StringIO()
    write_acled_csv([event], out, inter_of=lambda name: None)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["admin2"] == "Idleb" and row["admin3"] == "Saraqab"


@pytest.mark.skipif(not (SHARED_DATA / "ocha_pplp_syria").exists(), reason="shared data absent")
def test_build_from_the_raw_sources_is_reproducible(tmp_path) -> None:
    out = tmp_path / "gazetteer.tsv"
    counts = build(SHARED_DATA, out)
    assert counts["ocha"] >= 8000 and counts["names"] > 30000
    assert out.read_text(encoding="utf-8") == data_path("gazetteer.tsv").read_text(encoding="utf-8")
    assert (tmp_path / "gazetteer_keys.tsv").read_text(encoding="utf-8") == \
        data_path("gazetteer_keys.tsv").read_text(encoding="utf-8")


def test_a_qualifier_the_gazetteer_lacks_is_dropped(resolver) -> None:
    """A report's "al-Jadida" / "ash-Sharqiya" after a name OCHA lists bare."""
    assert resolver.resolve("Kafranbel al-Jadida").pcode == "C4068"
    assert resolver.resolve("Saraqeb ash-Sharqiya").pcode == "C3916"
    # the qualifier alone is no name
    assert resolver.resolve("al-Jadida ash-Sharqiya") is None or \
        resolver.resolve("al-Jadida ash-Sharqiya").pcode != "C4068"


def test_arabic_names_count_by_their_consonants() -> None:
    """Arabic script has no short vowels: a Latin spelling shares only the consonants."""
    from vigie.resolve.gazetteer import Entry

    gaz = Gazetteer([Entry(id="t:1", name="قرية", names=("قرية", "السمّاقية"), latitude=35.0,
                           longitude=36.0, feature="village", country_code="SY", admin1="Hama")],
                    [], translit=Gazetteer.load().translit, home_country="SY")
    found = gaz.lookup("Soummaqiya")
    assert found and found[0].entry.id == "t:1" and found[0].tier != "exact"


def test_a_known_town_is_not_taken_for_a_village_of_the_article(resolver) -> None:
    """A district seat named in an article about another governorate stays itself: the
    loose look-alikes where the article is are for names with no exact match there."""
    place = resolver.resolve("Yabroud", context=PlaceContext(governorates=("Homs",), theatre="Homs"))
    assert place.admin1 == "Rif Dimashq"


def test_loose_spellings_compete_by_closeness_first(resolver) -> None:
    """"Hammouriyé" is nearer OCHA's "Hammura" (Ghouta) than the better-known Hamra towns:
    only the closest loose spellings are ranked by fame and context."""
    place = resolver.resolve("Hammouriyé")
    assert place is not None and place.admin1 == "Rif Dimashq"


def test_an_obscure_exact_homonym_far_from_the_article_is_refused(resolver) -> None:
    """A one-source hamlet of the same name 300 km from every governorate the paragraph names
    is not the place meant ("Taara" in As-Suwayda, for a name in an Idlib roundup)."""
    assert resolver.resolve("Taara").admin1 == "As-Suwayda"
    place = resolver.resolve("Taara", context=PlaceContext(governorates=("Idlib",), theatre="Idlib"))
    assert place is None or place.admin1 != "As-Suwayda"


def test_the_governorate_named_nearest_counts_most(resolver) -> None:
    """"Ayyache" is a village of Deir ez-Zor and one of Aleppo: the governorate the paragraph's
    section names first wins over one named elsewhere in the article."""
    dez = resolver.resolve("Ayyache", context=PlaceContext(governorates=("Deir ez-Zor", "Aleppo")))
    alep = resolver.resolve("Ayyache", context=PlaceContext(governorates=("Aleppo", "Deir ez-Zor")))
    assert dez.admin1 == "Deir ez-Zor" and alep.admin1 == "Aleppo"


def test_a_village_hint_accepts_an_ocha_neighbourhood(resolver) -> None:
    """OCHA files villages absorbed by a city as its neighbourhoods; "le village de X" still
    reaches them."""
    place = resolver.resolve("al-Jafrat", context=PlaceContext(
        relation="une attaque contre le village", governorates=("Deir ez-Zor", "Idlib")))
    assert place.admin1 == "Deir ez-Zor"


def test_a_foreign_town_under_an_alternate_name_is_not_a_syrian_village(resolver) -> None:
    """GeoNames gives a Turkish town the alternate name "Samra"; in a Syrian article naming
    Latakia the name is a Latakia village, and no article makes the Turkish town of it
    unless it is about Turkey."""
    place = resolver.resolve("Samra", context=PlaceContext(governorates=("Latakia",)))
    assert place is None or place.country_code == "SY"
    kilis = resolver.resolve("Kilis", context=PlaceContext(theatre="Aleppo"))
    assert kilis.country_code == "TR"


def test_a_syrian_town_before_a_foreign_governorate_of_the_same_key(resolver) -> None:
    place = resolver.resolve("Kara", context=PlaceContext(governorates=("Rif Dimashq",)))
    assert place.country_code == "SY" and place.admin1 == "Rif Dimashq"


def test_two_places_kept_as_one_mention_give_the_first(resolver) -> None:
    place = resolver.resolve("Saraqeb et Kafranbel")
    assert place is not None and place.pcode == "C3916"
    assert resolver.resolve("Kafranbel, Saraqeb").pcode == "C4068"


def test_a_letter_doubled_across_two_words_is_one() -> None:
    t = Gazetteer.load().translit
    assert t.keys("Kafr Rouma") == t.keys("Kafruma")


def test_ucdp_coverage_reads_the_ged_format(tmp_path) -> None:
    """Names are the first of "A/B", without UCDP's type words; a bracketed spelling counts."""
    import gzip

    from vigie.resolve.coverage import ucdp_coverage, ucdp_places

    path = tmp_path / "ged.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["where_coordinates", "where_prec", "adm_1", "latitude", "longitude"])
        w.writerow(["Saraqib town", "1", "Idlib governorate", "35.864", "36.806"])
        w.writerow(["Kafr Nabl (Kafranbel) village/Hass", "1", "Idlib governorate", "35.614", "36.561"])
        w.writerow(["Nowhereville village", "2", "", "34.0", "38.0"])
        w.writerow(["Syria", "6", "", "35.0", "38.0"])
    names = {n for n, *_ in ucdp_places(path)}
    assert names == {"Saraqib", "Kafr Nabl (Kafranbel)", "Nowhereville"}
    figures = ucdp_coverage(path)
    assert figures["names"] == 3 and figures["names_prec1"] == 2
    assert figures["coverage_prec1"] == 1.0 and figures["coverage"] == round(2 / 3, 3)


def test_geojson_and_jsonl_carry_the_pcode(resolver) -> None:
    import json

    from vigie.serve import write_geojson, write_jsonl
    from test_serve_export import merged_event

    event = replace(merged_event(), place=resolver.resolve("Saraqeb"))
    out = io.StringIO()
    write_geojson([event], out)
    props = json.loads(out.getvalue())["features"][0]["properties"]
    assert props["pcode"] == "C3916" and props["admin2"] == "Idleb"
    out = io.StringIO()
    write_jsonl([event], out)
    assert json.loads(out.getvalue())["pcode"] == "C3916"
