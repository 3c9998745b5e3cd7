"""Place resolution with context: transliterations, ambiguity, precision, governorates."""
from __future__ import annotations

from pathlib import Path

import pytest

from vigie.resolve.gazetteer import Gazetteer
from vigie.resolve.places import PlaceContext, PlaceResolver, distance_km

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.load())


def near(place, lat: float, lon: float, km: float = 10) -> bool:
    return place is not None and distance_km(place.latitude, place.longitude, lat, lon) <= km


@pytest.mark.parametrize("mention", ["Qousseir", "Qoussair", "Al Qusayr", "Koussaïr", "القصير"])
def test_every_spelling_of_qusayr_resolves_to_the_town(resolver, mention) -> None:
    place = resolver.resolve(mention)
    assert near(place, 34.51, 36.58, 3)
    assert place.admin1 == "Homs" and place.geo_precision == 1 and place.country == "Syria"


@pytest.mark.parametrize("mention,admin1", [
    ("Hassaké", "Al-Hasakah"), ("Khanacer", "Aleppo"), ("Handarate", "Aleppo"),
    ("Andarate", "Aleppo"), ("Jisr al-Choghour", "Idlib"), ("Noubbol", "Aleppo"),
    ("Aïn al-Arab", "Aleppo"), ("Kobané", "Aleppo"), ("Sarakeb", "Idlib"), ("Azzaz", "Aleppo"),
    ("Chaïtate", "Deir ez-Zor"), ("Mouadamyat al-Cham", "Rif Dimashq"), ("Jobar", "Damascus"),
    ("Deir Ezzor", "Deir ez-Zor"), ("Boueida al-Charqiya", "Homs"), ("Arihaa", "Idlib"),
])
def test_french_spellings_find_the_right_governorate(resolver, mention, admin1) -> None:
    place = resolver.resolve(mention)
    assert place is not None and place.admin1 == admin1


def test_paragraph_governorate_disambiguates_hamidiyah(resolver) -> None:
    idlib = resolver.resolve("Hamidiyé", context=PlaceContext(governorates=("Idlib",)))
    dez = resolver.resolve("Hamidiyé", context=PlaceContext(governorates=("Deir ez-Zor",)))
    tartus = resolver.resolve("Hamidiyé", context=PlaceContext(governorates=("Tartus",)))
    assert (idlib.admin1, dez.admin1, tartus.admin1) == ("Idlib", "Deir ez-Zor", "Tartus")
    assert idlib.feature == "base" and idlib.geo_precision == 2


def test_head_words_choose_the_base_without_any_governorate(resolver) -> None:
    place = resolver.resolve("Hamidiyé", context=PlaceContext(relation="la base militaire de"))
    assert place.admin1 == "Idlib" and place.feature == "base"


def test_nearest_resolved_place_wins_when_no_governorate_is_named(resolver) -> None:
    maarat = resolver.resolve("Maaret al-Noomane")
    place = resolver.resolve("Hamidiyé", context=PlaceContext(places=(maarat,)))
    assert place.admin1 == "Idlib"


def test_main_theatre_breaks_a_tie(resolver) -> None:
    place = resolver.resolve("Hamidiyé", context=PlaceContext(theatre="Deir ez-Zor"))
    assert place.admin1 == "Deir ez-Zor"


def test_village_and_airport_of_the_same_name(resolver) -> None:
    village = resolver.resolve("Dabaa")
    airport = resolver.resolve("l'aéroport de Dabaa")
    assert village.feature == "village" and village.geo_precision == 1
    assert airport.feature == "airport" and airport.geo_precision == 2
    assert village.gazetteer_id != airport.gazetteer_id
    assert distance_km(village.latitude, village.longitude, airport.latitude, airport.longitude) < 10


def test_airport_without_its_own_entry_is_near_the_town(resolver) -> None:
    place = resolver.resolve("Saraqib", context=PlaceContext(relation="l'aéroport de"))
    assert place.name == "Saraqib" and place.feature == "airport" and place.geo_precision == 2


@pytest.mark.parametrize("relation", ["près de", "au nord de", "à la périphérie de",
                                      "aux abords de"])
def test_relation_words_give_precision_two(resolver, relation) -> None:
    place = resolver.resolve("Qousseir", context=PlaceContext(relation=relation))
    assert place.geo_precision == 2 and near(place, 34.51, 36.58, 3)


def test_governorate_alone_is_precision_three_at_its_capital(resolver) -> None:
    place = resolver.resolve("Idleb", context=PlaceContext(relation="dans la province d'"))
    assert place.geo_precision == 3 and place.admin1 == "Idlib" and near(place, 35.93, 36.63, 5)
    rif = resolver.resolve("Rif Damas")
    assert rif.geo_precision == 3 and rif.admin1 == "Rif Dimashq"


def test_town_named_like_its_governorate_is_the_town(resolver) -> None:
    place = resolver.resolve("Idleb")
    assert place.geo_precision == 1 and place.feature == "town"


@pytest.mark.parametrize("mention", ["Syrie", "la Syrie", "Liban", "", "   "])
def test_a_country_or_nothing_is_never_coded(resolver, mention) -> None:
    assert resolver.resolve(mention) is None


def test_unknown_name_is_none(resolver) -> None:
    assert resolver.resolve("Zzyxqwort") is None


def test_regions_are_precision_two(resolver) -> None:
    ghouta = resolver.resolve("Ghouta orientale")
    assert ghouta.geo_precision == 2 and ghouta.admin1 == "Rif Dimashq"
    assert resolver.resolve("fermes Mallah").geo_precision == 2


def test_governorate_detection(resolver) -> None:
    assert resolver.governorate("province d'Idleb") == "Idlib"
    assert resolver.governorate("Hassaké") == "Al-Hasakah"
    assert resolver.governorate("Rif Damas") == "Rif Dimashq"
    assert resolver.governorate("Deir Ezzor") == "Deir ez-Zor"
    assert resolver.governorate("Qousseir") is None


def test_neighbouring_country_places_resolve_with_their_country(resolver) -> None:
    arsal = resolver.resolve("Ersal")
    assert arsal.country_code == "LB" and arsal.country == "Lebanon"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus absent")
def test_gold_place_names_resolve_within_10_km(resolver) -> None:
    """Gold places (precision 1-2) resolved from the first words of their gold name."""
    import json
    import re
    from collections import Counter

    hits = total = 0
    for path in sorted(CORPUS.glob("gold/*.json")) + sorted(CORPUS.glob("merge/gold/*.json")):
        events = json.loads(path.read_text(encoding="utf-8"))["events"]
        theatre = Counter(e["location"].get("admin1") for e in events).most_common(1)[0][0]
        places: list = []
        for event in events:
            loc = event["location"]
            if loc.get("geo_precision") not in (1, 2) or loc.get("lat") is None:
                continue
            surface = re.split(r" \((?![a-z]+\))| - |, ", loc["name"])[0].strip()
            place = resolver.resolve(surface, context=PlaceContext(places=tuple(places), theatre=theatre))
            total += 1
            if place is not None:
                places.append(place)
                hits += distance_km(place.latitude, place.longitude, loc["lat"], loc["lon"]) <= 10
    assert total > 30 and hits / total >= 0.95
