"""The source registry's name scan: the first-word prefilter finds what the full alternation
finds, whatever the case, accents or separators of the name as written. Sentences ours."""
from __future__ import annotations

from vigie.extract.numbers import fold
from vigie.extract.source_registry import SourceRegistry

REGISTRY = SourceRegistry.from_data({"sources": [
    {"name": "RSDH", "type": "monitor", "country": "SY", "stance": "opposition",
     "aliases": ["Réseau syrien des droits de l'homme"]},
    {"name": "Watan", "type": "outlet", "country": "SY", "stance": "pro-government",
     "aliases": ["Al Watan", "al-Watan al-Souri"]},
    {"name": "Sana", "type": "state agency", "country": "SY", "stance": "pro-government",
     "aliases": ["SANA", "agence Sana"]},
]})


def names(sentence: str) -> list[tuple[str, str]]:
    return [(sentence[a:b], name) for a, b, name in REGISTRY.mentions(sentence)]


def test_a_first_word_written_with_other_accents_and_case_is_found() -> None:
    assert names("Selon le RESEAU Syrien des Droits de l'Homme, dix civils ont été tués.") == [
        ("RESEAU Syrien des Droits de l'Homme", "RSDH")]


def test_words_written_together_or_hyphenated_are_found() -> None:
    assert names("Le quotidien AlWatan, proche du pouvoir, cite l'Agence-Sana.") == [
        ("AlWatan", "Watan"), ("Agence-Sana", "Sana")]


def test_the_longest_alias_still_wins_and_a_word_merely_starting_like_one_is_not_a_name() -> None:
    assert names("Alors que al-Watan al-Souri et la SANA le disent, Sanaa se tait.") == [
        ("al-Watan al-Souri", "Watan"), ("SANA", "Sana")]


def test_the_prefiltered_scan_finds_what_the_full_alternation_finds() -> None:
    packaged = SourceRegistry.load()
    text = ("L'agence officielle Sana et l'Observatoire syrien des droits de l'homme (OSDH) ont fait "
            "état de 12 morts; selon l'AFP, AlManar et la télévision d'État syrienne en comptent moins. "
            "Les Casques blancs, la Défense civile syrienne, l'ONU et MSF démentent, d'après Reuters.")
    for pattern, scanned in ((packaged._folded, fold(text)), (packaged._exact, text)):
        assert [m.span() for m in pattern.finditer(scanned)] == [
            m.span() for m in pattern.alternation.finditer(scanned)]
    assert len(packaged.mentions(text)) >= 8
