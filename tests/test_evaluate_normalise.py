"""Source and governorate keys used by the evaluator, and their data files."""
from __future__ import annotations

import pytest

from vigie.evaluate.normalise import Governorates, SourceNames


@pytest.fixture(scope="module")
def sources() -> SourceNames:
    return SourceNames.load()


@pytest.fixture(scope="module")
def govs() -> Governorates:
    return Governorates.load()


@pytest.mark.parametrize("a, b", [
    ("OSDH", "SOHR"),
    ("OSDH", "Observatoire syrien des droits de l'homme"),
    ("l'OSDH", "Syrian Observatory for Human Rights"),
    ("Al-Mayadeen", "AlMayadeen"),
    ("al-Akhbar", "Akhbar"),
    ("YPG (via Military Media Facebook page)", "ypg"),
    ("Al-Ikhbariya", "al Ikhbariya"),
    ("Agence France-Presse", "agence france presse"),
    ("Le Monde", "monde"),
    ("the Guardian", "Guardian"),
    ("Syrian Ministry of Health", "syrian ministry of health."),
    ("Télévision d'État", "television d'etat"),
])
def test_equal_sources(sources: SourceNames, a: str, b: str) -> None:
    assert sources.key(a) == sources.key(b)


@pytest.mark.parametrize("a, b", [("OSDH", "SANA"), ("AFP", "Reuters"), ("AlManar", "AlMayadeen")])
def test_different_sources(sources: SourceNames, a: str, b: str) -> None:
    assert sources.key(a) != sources.key(b)


def test_article_alone_is_kept(sources: SourceNames) -> None:
    # A name that is only an article must not collapse to the empty key.
    assert sources.key("La") == "la"


@pytest.mark.parametrize("a, b", [
    ("Al-Hasakah", "Hasakah"),
    ("Al-Hasakah", "Muḩāfaz̧at al Ḩasakah"),
    ("Hassaké", "al-Hasakah"),
    ("Deir ez-Zor", "Dayr az Zawr"),
    ("Deir ez-Zor", "Deir Ezzor"),
    ("Idlib", "Idleb Governorate"),
    ("Rif Dimashq", "Rif-Dimashq"),
    ("Rif Dimashq", "Damascus Countryside"),
    ("Daraa", "Dar'a"),
    ("Lattaquié", "Latakia"),
    ("As-Suwayda", "Soueida"),
    ("Aleppo", "Alep"),
])
def test_same_governorate(govs: Governorates, a: str, b: str) -> None:
    assert govs.key(a) == govs.key(b)


@pytest.mark.parametrize("a, b", [("Damascus", "Rif Dimashq"), ("Hama", "Homs"), ("Idlib", "Aleppo")])
def test_different_governorates(govs: Governorates, a: str, b: str) -> None:
    assert govs.key(a) != govs.key(b)


def test_missing_governorate_never_equal(govs: Governorates) -> None:
    assert govs.key(None) is None and govs.key("  ") is None


def test_unknown_governorate_compares_by_folded_name(govs: Governorates) -> None:
    assert govs.key("Hatay") == govs.key("hatay") != govs.key("Idlib")
