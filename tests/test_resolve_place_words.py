"""Words that are never places: the packaged lists, folding, proper-name shape, bad data."""
from __future__ import annotations

import pytest

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.resolve.gazetteer import Gazetteer
from vigie.resolve.place_words import NonPlaceWords, fold_words, has_proper_name_shape


@pytest.fixture(scope="module")
def words() -> NonPlaceWords:
    return NonPlaceWords.load()


def test_fold_words_drops_case_accents_articles_and_hyphens() -> None:
    assert fold_words("l'État islamique") == ("etat", "islamique")
    assert fold_words("le Nord-Ouest") == ("nord", "ouest")
    assert fold_words("al-Nosra") == ("nosra",)
    assert fold_words("  ") == ()


@pytest.mark.parametrize("text,shape", [
    ("Samedi", True), ("samedi", False), ("al-Tall", True), ("T4", True), ("القصير", True),
    ("ville de", False), ("Ëzra", True), ("", False),
])
def test_proper_name_shape(text, shape) -> None:
    assert has_proper_name_shape(text) is shape


@pytest.mark.parametrize("core", ["Samedi", "Dimanche soir", "Sud", "Nord-Est", "Hezbollah",
                                  "Daech", "Russes", "Libanais", "Moscou", "Astana", "Facebook",
                                  "Etat", "Armée", "régime", "Euphrate", "Centre russe"])
def test_listed_words_are_rejected(words, core) -> None:
    assert words.rejects(core)


@pytest.mark.parametrize("core", ["Qousseir", "Damas", "Samad", "Deraa al-Balad", "Bosra al-Cham",
                                  "Hama", "T4", "Tell Abyad", "Ghouta orientale"])
def test_place_names_pass(words, core) -> None:
    assert not words.rejects(core)


def test_no_listed_word_is_the_main_name_of_a_syrian_town() -> None:
    """The lists win over the gazetteer: a word that is also the proper name of a Syrian town
    would make that town unreachable."""
    gaz = Gazetteer.load()
    clashes = []
    for section, entries in load_yaml("place_stopwords.yml").items():
        for word in entries:
            for c in gaz.lookup(word):
                e = c.entry
                if c.tier == "exact" and e.country_code == "SY" and e.feature == "town" \
                        and c.matched in (e.name, e.names[0]):
                    clashes.append((section, word, e.name))
    assert clashes == []


def test_every_list_has_words() -> None:
    spec = load_yaml("place_stopwords.yml")
    assert {"calendar", "directions", "generic", "actors", "nationalities"} <= set(spec)
    assert all(len(v) >= 5 for v in spec.values())


@pytest.mark.parametrize("bad", [[], {"days": "lundi"}, {"days": ["lundi", ""]}, {"days": [3]}])
def test_malformed_lists_are_a_data_file_error(bad) -> None:
    with pytest.raises(DataFileError):
        NonPlaceWords(bad)


def test_custom_lists() -> None:
    words = NonPlaceWords({"test": ["Zorglub", "mer rouge"]})
    assert words.rejects("Zorglub") and words.rejects("la Mer Rouge")
    assert not words.rejects("Mer") and not words.rejects("Rouge Mer Zorglub")
