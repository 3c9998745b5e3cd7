"""Enumerations of places: one event per place (ACLED), whatever breaks the list on the page.
Sentences ours; each construction seen in several outlets of ``../shared/corpus/real/train``."""
from __future__ import annotations

import vigie
from vigie.extract.frame_places import ClauseWords, _list_gap
from vigie.extract.subtypes import EventRules


def places(text: str, published: str) -> list[tuple[str, str, int]]:
    return [(r.sub_event_type, r.place.name, r.place.geo_precision) for r in vigie.extract(text, published=published)]


def _clauses() -> ClauseWords:
    rules = EventRules.load()
    return ClauseWords.from_rules(list_words=rules.place_list_words, joiners=rules.place_list_joiners,
                                  after_comma=rules.place_clause_after_comma, anywhere=rules.place_clause_anywhere,
                                  coordinated_words=rules.place_list_coordinated_words)


def test_an_additive_adverb_after_the_deed_told_before_names_new_places() -> None:
    # "le raid a également touché A, B et C", "les frappes ont aussi visé X": the definite noun
    # points back to the raid, the adverb says it reached other places, each an event
    found = places("Mardi, cinq civils ont été blessés dans un raid de l'aviation du régime sur la ville de "
                   "Saraqeb. Le raid a également touché la localité de Binnish et les villages de Taftanaz et "
                   "de Sarmin.", "2019-11-20")
    assert [p for _, p, _ in found] == ["Saraqib", "Binnish", "Taftanaz", "Sarmin"]
    assert {sub for sub, _, _ in found} == {"Air/drone strike"}


def test_the_deed_told_again_at_its_own_place_stays_one_event() -> None:
    found = places("Dimanche, des raids ont visé la ville de Saraqeb. Le raid a tué six civils à Saraqeb, "
                   "selon l'OSDH.", "2019-11-20")
    assert [p for _, p, _ in found] == ["Saraqib"]


def test_a_bracketed_note_does_not_break_the_list() -> None:
    # "Douma (près de Damas), Lattaquié", "Inkhel (Deraa, sud)", "Talbissé (province de Homs)"
    found = places("Les services de sécurité ont arrêté dimanche des dizaines de militants à Banias (ouest), "
                   "Qamishli (nord-est) et Douma.", "2011-05-10")
    assert [p for _, p, _ in found] == ["Baniyas", "Al Qamishli", "Duma"]


def test_a_name_in_a_bracketed_note_is_no_place_of_the_list() -> None:
    found = places("Vendredi, les forces de sécurité ont tiré sur des manifestants à Hama, à Kafranbel "
                   "(province d'Idleb) ainsi qu'à Nawa (Deraa, sud).", "2012-03-10")
    assert [p for _, p, _ in found] == ["Hamah", "Kafranbel", "Nawa"]


def test_a_count_before_each_place_keeps_the_list() -> None:
    # "deux tués à X, un autre à Y", "cinq blessés à X, trois à Y": each place its own event
    found = places("Quatre personnes ont été tuées vendredi à Talbissé, deux autres à Douma.", "2012-03-10")
    assert [p for _, p, _ in found] == ["Tallbisah", "Duma"]
    assert _list_gap(", trois à ", _clauses()) and _list_gap(" et 12 autres à ", _clauses())


def test_a_governorate_named_town_in_a_list_is_its_city() -> None:
    # "à Homs et à Deir Ezzor": beside towns, the bare name is the city, not the province
    found = places("Vendredi, les forces de sécurité ont tiré sur des manifestants à Homs et à Deir Ezzor (est).",
                   "2012-03-10")
    assert [(p, prec) for _, p, prec in found] == [("Homs", 1), ("Deir ez-Zor", 1)]


def test_a_list_of_provinces_stays_at_the_province() -> None:
    found = places("Samedi, l'aviation turque a mené des frappes dans les provinces de Hassaké et de Deir Ezzor.",
                   "2022-11-20")
    assert all(prec == 3 for _, _, prec in found)


def test_a_comma_alone_still_takes_a_reference_for_the_place_before() -> None:
    # "Harasta, au nord de Damas": no list
    assert not _list_gap(", au nord de ", _clauses())


def test_a_coordinated_near_phrase_is_a_member_of_the_list() -> None:
    # "près de X et (sur) une autre près de Y", "à X, au sud de Z, et près de la localité de Y"
    found = places("Mardi, des frappes aériennes ont détruit un dépôt d'armes près de Mayadine et un autre près "
                   "d'Al-Boukamal.", "2023-03-25")
    assert [(p, prec) for _, p, prec in found] == [("Al Mayadin", 2), ("Albu Kamal", 2)]
    assert _list_gap(" et un autre près d'", _clauses()) and not _list_gap(", près de ", _clauses())
