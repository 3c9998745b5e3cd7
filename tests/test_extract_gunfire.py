"""Gunfire is coded by its weapon, then by whom it was aimed at.

"Tirer sur" and "ouvrir le feu" are small arms unless the sentence names an aircraft or
artillery: on a crowd they are excessive force against protesters (the force actor1, the
protesters actor2, as ACLED and the real gold code it), on civilians an attack, else a clash.
Before, every "tirer" was shelling. The sentences are ours; the constructions were seen in
real reporting of several outlets (``../shared/corpus/real/train``).
"""
from __future__ import annotations

import pytest

import vigie


def coded(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(r.sub_event_type, r.actor1, r.actor2) for r in vigie.extract(text, published="2012-05-10")]


def test_opening_fire_on_protesters_is_excessive_force_by_the_force() -> None:
    assert coded("Dimanche, les forces de sécurité ont ouvert le feu sur des manifestants à Banias, "
                 "faisant au moins quatre morts, selon des témoins.") == [
        ("Excessive force against protesters", "Police Forces of Syria", "Protesters (Syria)")]


def test_shots_on_a_gathering_are_excessive_force() -> None:
    found = coded("Un jeune homme a été tué mardi lorsque la police a tiré sur un rassemblement à Deraa.")
    assert ("Excessive force against protesters", "Police Forces of Syria", "Protesters (Syria)") in found


def test_shots_on_civilians_are_an_attack() -> None:
    found = coded("Des hommes armés ont tiré sur un minibus transportant des civils près de Salamiyé, "
                  "tuant trois personnes.")
    assert [sub for sub, _, _ in found] == ["Attack"]


def test_civilians_killed_by_gunfire_are_an_attack_not_shelling() -> None:
    found = coded("Deux civils ont été tués mardi par les tirs des forces de sécurité à Homs, selon l'OSDH.")
    assert [sub for sub, _, _ in found] == ["Attack"]


@pytest.mark.parametrize("text,sub_type", [
    ("Les hélicoptères du régime ont mitraillé mardi les quartiers rebelles d'Alep.", "Air/drone strike"),
    ("Les chars de l'armée ont tiré des obus mardi sur Rastane, selon l'OSDH.", "Shelling/artillery/missile attack"),
])
def test_a_gun_of_the_air_or_of_the_artillery_decides_first(text, sub_type) -> None:
    assert [sub for sub, _, _ in coded(text)] == [sub_type]


def test_drawing_lessons_is_no_gunfire() -> None:
    assert coded("Le ministre a tiré les leçons de la défaite de mardi à Alep.") == []


def test_protesters_killed_by_a_force_are_excessive_force() -> None:
    # no gunfire verb: the killing of a crowd is told with "tuer" (real/train, two outlets)
    reports = vigie.extract("Six manifestants ont été tués mardi par les forces de l'ordre à Hama, selon des "
                            "militants.", published="2012-05-04")
    assert [(r.sub_event_type, r.actor1, r.actor2) for r in reports] == [
        ("Excessive force against protesters", "Police Forces of Syria", "Protesters (Syria)")]
