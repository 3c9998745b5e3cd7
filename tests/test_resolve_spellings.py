"""Spellings reach the right entry, and nothing else: the vowel class, the OCHA name forms the
build unfolds, the head words dropped for an unknown name, and the guards that keep running
text (first names, titles, linkers) from landing on a village. Sentences are our own."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from vigie.resolve.gazetteer import Entry, Gazetteer
from vigie.resolve.gazetteer_build import Builder, alternatives
from vigie.resolve.gazetteer_rows import qualifier_keys
from vigie.resolve.place_words import NonPlaceWords
from vigie.resolve.places import PlaceContext, PlaceResolver


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def resolver(gaz: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gaz)


def test_the_vowel_class_brings_vowel_variants_together(gaz: Gazetteer) -> None:
    t = gaz.translit
    for a, b in [("Kokab", "Kawkab"), ("Iblin", "Ablin"), ("Buwayr", "Boyer")]:
        assert t.vowel_class(t.keys(a).vkey) == t.vowel_class(t.keys(b).vkey), (a, b)


def test_the_vowel_class_keeps_the_nisba_ending(gaz: Gazetteer) -> None:
    t = gaz.translit
    assert t.vowel_class(t.keys("Jobar").vkey) != t.vowel_class(t.keys("Jaberiyeh").vkey)


def test_a_vowel_variant_is_a_loose_candidate_only(gaz: Gazetteer) -> None:
    loose = gaz.lookup("Kokab", country="SY", loose=True)
    assert any(c.tier == "vowels" and c.entry.name == "Kawkab" and c.entry.admin1 == "Hama" for c in loose)
    assert not any(c.tier == "vowels" for c in gaz.lookup("Kokab", country="SY"))


def test_a_vowel_variant_counts_where_the_article_is_and_after_a_place_word(resolver: PlaceResolver) -> None:
    # "Les habitants du village de Kokab, dans la province de Hama, ont fui."
    place = resolver.resolve("Kokab", context=PlaceContext(governorates=("Hama",), relation="du village de"))
    assert place is not None and place.name == "Kawkab" and place.admin1 == "Hama"
    # the same two consonants with no word saying it is a place, or no context: not enough
    assert resolver.resolve("Kokab", context=PlaceContext(governorates=("Hama",))) is None
    assert resolver.resolve("Kokab") is None


@pytest.mark.parametrize("word", ["Bachar", "Abou", "Imam", "Cheikh"])
def test_first_names_and_titles_alone_are_no_place(resolver: PlaceResolver, word: str) -> None:
    # "Des manifestants scandaient « Bachar, dégage » à Hama."
    assert NonPlaceWords.load().rejects(word)
    assert resolver.resolve(word, context=PlaceContext(governorates=("Hama", "Idlib"))) is None


def test_a_name_made_with_a_linker_is_no_whole_name(resolver: PlaceResolver) -> None:
    # "L'armée a repris le contrôle du village de Maan, au nord de Hama." "de Maan" read as one
    # name had the key of Damman, a village 190 km away.
    place = resolver.resolve("Maan", context=PlaceContext(governorates=("Hama",), relation="du village de"))
    assert place is not None and place.admin1 == "Hama" and place.name == "Maan"


def test_a_look_alike_village_does_not_outrank_a_governorate_named_exactly(resolver: PlaceResolver) -> None:
    # "Un commandant a été tué dans la Bekaa, selon une source proche du Hezbollah."
    place = resolver.resolve("Bekaa", context=PlaceContext(governorates=("Damascus", "Beqaa"),
                                                           relation="proche du Hezbollah dans la"))
    assert place is not None and place.name == "Beqaa" and place.geo_precision == 3


def test_ocha_alternatives_and_appended_districts_become_names(tmp_path: Path) -> None:
    assert alternatives("Bab Khir \\ tall Tamer") == ["Bab Khir \\ tall Tamer", "Bab Khir", "tall Tamer"]
    assert alternatives("قزل/غزل")[1:] == ["قزل", "غزل"]
    b = Builder(tmp_path)
    assert b.without_admin("Mreimin Afrin", b.admin_keys("Afrin", "Sharan")) == "Mreimin"
    assert b.without_admin("Btoshiyet Manbaj", b.admin_keys("Menbij", "Menbij")) == "Btoshiyet"
    # the district's name without its head word ("Jebel Saman" -> "Saman") counts too
    assert b.without_admin("Abin Samaan", b.admin_keys("Jebel Saman", "Daret Azza")) == "Abin"
    # what is left must be a name of its own, not a head word
    assert b.without_admin("Deir Samaan", b.admin_keys("Jebel Saman", "Daret Azza")) is None
    assert b.without_admin("Tall Abyad", b.admin_keys("Tell Abiad", "Tell Abiad")) is None


def test_the_packaged_table_holds_the_short_forms(gaz: Gazetteer) -> None:
    found = gaz.lookup("Mreimin")
    assert any(c.entry.name == "Mreimin Afrin" and c.tier == "exact" for c in found)


def test_an_unknown_hill_or_farm_falls_back_to_its_village(gaz: Gazetteer) -> None:
    """Head words of hills and farms are dropped when the whole name is unknown."""
    rasha = Entry(id="t:rasha", name="Rasha", names=("Rasha",), latitude=36.0, longitude=38.0,
                  feature="village", country_code="SY", admin1="Raqqa")
    small = Gazetteer([rasha], gaz.governorates, translit=gaz.translit, home_country="SY",
                      qualifiers=qualifier_keys(gaz.translit))
    for name in ("Tall Rasha", "Mazraat Rasha", "Khirbet Rasha"):
        assert [c.entry.id for c in small.lookup(name)] == ["t:rasha"], name
    assert small.lookup("Kafr Rasha") == []  # "Kafr" makes another village


def test_osm_coverage_counts_settlements_and_localities_apart(tmp_path: Path) -> None:
    from vigie.resolve.coverage import osm_coverage

    path = tmp_path / "osm.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["osm_id", "name", "type", "population", "latitude", "longitude"])
        w.writerow(["1", "القصير", "town", "", "34.509", "36.580"])
        w.writerow(["2", "لامكان", "village", "", "34.0", "38.0"])
        w.writerow(["3", "", "village", "", "34.0", "38.0"])
        w.writerow(["4", "تل لامكان", "locality", "", "34.0", "38.0"])
    figures = osm_coverage(path)
    assert figures["settlements"] == 2 and figures["coverage_settlements"] == 0.5
    assert figures["localities"] == 1 and figures["coverage_localities"] == 0.0
