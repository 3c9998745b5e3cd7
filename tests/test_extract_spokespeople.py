"""A spokesperson named once with his role speaks for his source for the rest of the article:
"X Y, porte-parole des FDS" then "selon M. Y" or "M. Y a indiqué que" (RFI, Romandie, HuffPost
copy of real/train). Sentences ours."""
from __future__ import annotations

import vigie
from vigie.extract.attribution import SourceRegistry, person_sources, spokespeople

TEXT = ("Karim Haddad, un porte-parole des Forces démocratiques syriennes (FDS), a dénoncé mardi des "
        "frappes turques près de Hassaké.\n\n"
        "Selon M. Haddad, quatre combattants ont péri dans le bombardement d'un poste à Tal Tamr.\n\n"
        "La veille, M. Haddad avait indiqué que deux civils avaient été tués à Qamichli.")


def test_the_spokesperson_is_found_with_his_source() -> None:
    assert spokespeople(TEXT, registry=SourceRegistry.load()) == {"Haddad": "SDF"}


def test_his_later_words_are_his_sources_claims() -> None:
    persons = {"Haddad": "SDF"}
    assert [m.name for m in person_sources("Selon M. Haddad, quatre combattants ont péri.", persons)] == ["SDF"]
    assert [m.name for m in person_sources("M. Haddad a indiqué que deux civils ont été tués.", persons)] == ["SDF"]
    assert person_sources("Des frappes ont visé la maison de M. Haddad.", persons) == []
    # his first name and a title after an inverted verb (Press TV: "a annoncé le général X Y, chef du ...")
    found = person_sources("L'attaque a fait trois morts, a annoncé le général Karim Haddad.", persons)
    assert [m.name for m in found] == ["SDF"]


def test_claims_of_an_article() -> None:
    claims = {(c.count, c.source) for r in vigie.extract(TEXT, published="2022-11-22", outlet="Le Courrier du Nord")
              for c in r.claims}
    assert (4, "SDF") in claims and (2, "SDF") in claims


def test_no_role_no_spokesperson() -> None:
    assert spokespeople("Karim Haddad, un habitant de Tal Tamr, a vu les frappes.", registry=SourceRegistry.load()) == {}
