"""Which place an event takes: its own clause's, each of a list's, never a word of an institution.

The sentences are ours; each shows a construction seen in real reporting from several outlets
(``../shared/corpus/real/train``): a roundup sentence whose clauses name their own places, a
list of locative phrases told one by one, "le village de X" with a short name, and the OSDH's
full name ("droits de l'Homme").
"""
from __future__ import annotations

import pytest

import vigie
from vigie.resolve.gazetteer import Gazetteer
from vigie.models import Place
from vigie.resolve.places import PlaceContext, PlaceResolver


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.load())


def places_of(text: str) -> list[tuple[str, str | None]]:
    return [(r.sub_event_type, r.place.name if r.place else None) for r in vigie.extract(text, published="2013-05-10")]


@pytest.mark.parametrize("relation", ["le village de", "le village alaouite de", "à"])
def test_a_head_word_never_fuses_with_a_short_name_into_another_place(resolver, relation) -> None:
    # the keys of "de Maan" and "à Maan" are those of Damman and Amman
    place = resolver.resolve("Maan", context=PlaceContext(governorates=("Hama",), relation=relation))
    assert place is not None and place.name == "Maan" and place.admin1 == "Hama"


def test_a_whole_name_with_its_head_words_still_wins(resolver) -> None:
    place = resolver.resolve("Tabqa", context=PlaceContext(relation="le barrage de"))
    assert place is not None and place.feature == "dam"


def test_the_rights_of_man_are_not_a_place(resolver) -> None:
    assert resolver.resolve("Homme", context=PlaceContext(relation="droits de l'")) is None
    assert places_of("Selon l'Observatoire syrien des droits de l'Homme, des manifestants ont été "
                     "dispersés par les forces de sécurité vendredi.") == []


def test_an_event_takes_the_place_of_its_own_clause_before_a_later_clauses() -> None:
    found = places_of("Mardi, à Harasta, des combats ont opposé les rebelles à l'armée, et à Zabadani, "
                      "des obus sont tombés sur un marché.")
    assert ("Armed clash", "Harasta") in found
    assert ("Armed clash", "Az Zabadani") not in found


def test_a_list_of_locative_phrases_is_one_event_per_place() -> None:
    found = places_of("Vendredi, les forces de sécurité ont tiré sur des manifestants dans la ville de Hama "
                      "(centre), à Tafas ainsi qu'à Inkhel (sud), selon des militants.")
    assert sorted(name for _, name in found) == ["Hamah", "Inkhil", "Tafas"]


def test_a_coordinated_list_may_name_the_kind_of_each_place_again() -> None:
    # "A et la localité de B", "les villages de A au sud et B à l'ouest": with a coordination the
    # kind of place or a compass word between two names does not end the list
    found = places_of("Mardi, l'aviation a bombardé la ville de Saraqeb et la localité de Binnish, selon l'OSDH.")
    assert sorted(name for _, name in found) == ["Binnish", "Saraqib"]
    found = places_of("Mardi, l'armée a pilonné les villages de Taldo au sud et Kafr Laha à l'est, selon des militants.")
    assert sorted(name for _, name in found) == ["Kafr Laha", "Talldaww"]


def test_a_capital_in_apposition_is_the_city_not_its_government() -> None:
    # "Damas" also stands for the Syrian government (a source name); after "la capitale
    # (syrienne)" it is the city (real/train, five outlets)
    found = places_of("Lundi soir, une voiture piégée a explosé dans un quartier de la capitale syrienne Damas, selon l'OSDH.")
    assert [sub for sub, _ in found] == ["Remote explosive/landmine/IED"]
    found = places_of("Mercredi, des civils ont été tués dans une frappe de missiles près de la capitale Damas, selon l'agence officielle.")
    assert len(found) == 1 and found[0][1] == "Damascus"


def test_a_reference_place_after_a_noun_is_not_a_list_member() -> None:
    found = places_of("Mardi, des combats ont opposé les rebelles à l'armée à Harasta, dans la banlieue de Damas.")
    assert [name for _, name in found] == ["Harasta"]


def test_a_toll_in_a_later_clause_is_told_at_its_own_place() -> None:
    # a sentence whose strong trigger tells one scene, then "tandis que N personnes ont été tuées à
    # X": the second clause's toll is an event at X, not a detail of the first
    found = places_of("Mardi, les forces de sécurité ont tiré sur des manifestants à Douma, tandis que trois "
                      "personnes ont été tuées à Talbissé, selon l'OSDH.")
    assert {name for _, name in found} == {"Duma", "Tallbisah"}


def test_a_toll_in_the_clause_of_the_deed_stays_with_it() -> None:
    found = places_of("Mardi, à Tartous, au moins 48 personnes ont été tuées lorsque trois attentats ont "
                      "secoué une gare routière, selon l'OSDH.")
    assert found == [("Remote explosive/landmine/IED", "Tartus")]


def test_the_clause_and_list_words_load_from_the_rules_file() -> None:
    from vigie.extract.frame_places import ClauseWords
    from vigie.extract.subtypes import EventRules

    rules = EventRules.load()
    clauses = ClauseWords.from_rules(list_words=rules.place_list_words, joiners=rules.place_list_joiners,
                                     after_comma=rules.place_clause_after_comma, anywhere=rules.place_clause_anywhere,
                                     coordinated_words=rules.place_list_coordinated_words)
    text = "À Harasta, des combats ont eu lieu, et à Zabadani, des obus sont tombés alors qu'à Douma tout était calme."
    assert [m.group(0).strip() for m in clauses.breaks.finditer(text)] == [", et", "alors qu"]
    assert clauses.joiners.search(" ainsi qu'à ") and not clauses.joiners.search(" dans la banlieue de ")
    assert {"à", "ainsi", "qu"} <= clauses.list_words
    assert {"localité", "ouest"} <= clauses.coordinated_words and not {"banlieue", "périphérie"} & clauses.coordinated_words


def test_naming_damascus_names_its_countryside_too() -> None:
    # admin1.yml `surroundings`: "la province de Damas" is Rif Dimashq, so Douma there is the
    # town of Rif Dimashq, not the village of Hama the paragraph's other governorate would pick
    text = ("Un attentat a visé mercredi un poste de police dans la province de Damas. À Douma, quatre "
            "civils ont été tués mercredi par des obus. Des villages de la province de Hama ont été "
            "pilonnés mercredi par des hélicoptères.")
    douma = [r.place for r in vigie.extract(text, published="2012-06-28") if r.place and r.place.mention == "Douma"]
    assert douma and all(p.admin1 == "Rif Dimashq" for p in douma)


def test_the_countryside_of_a_city_governorate_ranks_with_the_city(resolver) -> None:
    # "Madaya et Zabadani, assiégées ... dans la province de Damas" in an article about Idlib:
    # Rif Dimashq, named through Damascus, counts as much as Damascus itself
    foua = Place("Al-Fu'ah", 35.97, 36.70, "Idlib", "Syria", "SY", 1, gazetteer_id="foua")
    context = PlaceContext(governorates=("Damascus", "Rif Dimashq", "Idlib"), places=(foua,), theatre="Idlib")
    place = resolver.resolve("Madaya", context=context)
    assert place is not None and place.admin1 == "Rif Dimashq"


def test_the_capital_names_damascus_for_the_homonyms_of_its_paragraph() -> None:
    # "la capitale" names no place of its own, yet it says which Tadamon is meant: the Damascus
    # neighbourhood, not the Idlib village the governorate named just before would pick
    text = ("La veille, des avions avaient bombardé plusieurs villages de la province d'Idleb. Dans la "
            "capitale, les forces de sécurité ont tiré vendredi sur un cortège funèbre dans le quartier "
            "d'Al-Tadamone, tuant deux personnes.")
    found = [(r.place.name, r.place.admin1) for r in vigie.extract(text, published="2012-06-01") if r.place]
    assert ("Tadamon", "Damascus") in found and not any(name == "Al Tadammon" for name, _ in found)
