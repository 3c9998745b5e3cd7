"""Transliteration keys: each spelling family of a place reaches the same key."""
from __future__ import annotations

import pytest

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.resolve.translit import MentionReader, Transliterator, keys

FAMILIES = [
    ["Qousseir", "Qoussair", "Al Qusayr", "Koussaïr", "القصير", "Al Quşayr"],
    ["Hassaké", "al-Hasakah", "Al Ḩasakah", "الحسكة"],
    ["Idleb", "Idlib", "إدلب"],
    ["Deir Ez-Zor", "Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "دير الزور"],
    ["Khanacer", "Khanasir", "Khanaser"],
    ["Jisr al-Choghour", "Jisr al-Shughur", "Jisr ash Shughūr"],
    ["Noubbol", "Nubl"],
    ["Aïn al-Arab", "Ayn al-Arab", "‘Ayn al ‘Arab"],
    ["Sarakeb", "Saraqib"],
    ["Azzaz", "Azaz", "I‘zāz"],
    ["Chaïtate", "al-Shaitat"],
    ["Hatlat", "Hatla"],
    ["Jamiliyyat", "al-Jamiliyah"],
    ["Dabaa", "ad-Dab'a"],
    ["Dawoudiyya", "al-Dawudiyah", "Daoudiyé"],
    ["Mouadamyat al-Cham", "Moadamiyat al-Sham", "Mu'adamiyat ash-Sham"],
    ["Boueida al-Charqiya", "al-Buwaydah al-Sharqiyah"],
    ["Maaret al-Noomane", "Maarat al-Numan", "Ma'arrat an-Nu'man"],
    ["Hamidiyé", "Hamidiyah", "al-Hamidiyeh"],
]


@pytest.mark.parametrize("family", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_spelling_family_shares_a_skeleton(family: list[str]) -> None:
    skeletons = {keys(name).skeleton for name in family}
    assert len(skeletons) == 1, {name: keys(name) for name in family}


def test_h_dropping_meets_on_the_bare_key_only() -> None:
    handarat, andarate = keys("Handarat"), keys("Andarate")
    assert handarat.skeleton != andarate.skeleton
    assert handarat.bare == andarate.bare == keys("Handarate").bare


def test_french_and_arabic_vowelled_keys_agree_where_spelling_only_differs() -> None:
    assert keys("Qousseir").vkey == keys("Al Qusayr").vkey == keys("Koussaïr").vkey
    assert keys("Hassaké").vkey == keys("al-Hasakah").vkey


def test_different_places_keep_different_keys() -> None:
    assert keys("Homs").skeleton != keys("Hama").skeleton
    assert keys("Idlib").skeleton != keys("Daraa").skeleton
    assert keys("Beit Jinn").skeleton != keys("Jinn").skeleton  # short words keep their -t


def test_bad_rules_are_a_data_file_error() -> None:
    rules = load_yaml("translit.yml")
    rules["substitutions"] = [["(unclosed", "x"]]
    with pytest.raises(DataFileError):
        Transliterator(rules)


@pytest.fixture(scope="module")
def reader() -> MentionReader:
    return MentionReader(load_yaml("translit.yml"))


@pytest.mark.parametrize("mention,relation,core,feature,near,province", [
    ("l'aéroport de Dabaa", "", "Dabaa", "airport", False, False),
    ("Dabaa", "aux abords du village de", "Dabaa", "village", True, False),
    ("province d'Idleb", "", "Idleb", None, False, True),
    ("Idleb", "dans la province d’", "Idleb", None, False, True),
    ("nord de Qousseir", "", "Qousseir", None, True, False),
    ("banlieue rebelle de Damas", "", "Damas", None, True, False),
    ("Tiyas airbase", "", "Tiyas", "airport", False, False),
    ("quartier de Jamiliyyat", "", "Jamiliyyat", "neighbourhood", False, False),
    ("Ghouta orientale", "", "Ghouta orientale", None, False, False),
])
def test_mention_reader_splits_head_words(reader, mention, relation, core, feature, near,
                                          province) -> None:
    read = reader.read(mention, relation=relation)
    assert (read.core, read.feature, read.near, read.province) == (core, feature, near, province)


def test_countries_are_recognised(reader) -> None:
    assert reader.is_country("Syrie") and reader.is_country("Liban")
    assert not reader.is_country("Qousseir")
