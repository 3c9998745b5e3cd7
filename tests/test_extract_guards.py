"""Guards an analyst expects on real copy: who protests never fights, a protest never carries
the toll of the fighting told next to it, an unnamed security official is a generic source."""
from __future__ import annotations

from datetime import date

import vigie.extract as X

PUBLISHED = date(2016, 3, 10)


def test_a_toll_told_after_a_protest_is_not_the_protests_and_its_fighting_has_no_protester_author():
    reports = X.extract("Des milliers de manifestants ont défilé vendredi à Hama contre le régime. "
                        "La veille, des combats à Rastan avaient fait 30 morts.", published=PUBLISHED, outlet="AFP")
    for r in reports:
        if r.event_type == "Protests":
            assert r.claims == () and r.fatalities == 0
        else:
            assert r.actor1 != "Protesters (Syria)"


def test_an_official_of_the_security_services_is_credited_as_security_sources():
    reports = X.extract("Un attentat à la voiture piégée a tué cinq personnes jeudi à Homs, a indiqué "
                        "un responsable des services de sécurité.", published=PUBLISHED, outlet="AFP")
    assert [(c.count, c.source) for r in reports for c in r.claims] == [(5, "security sources")]


def test_a_syrian_security_official_is_a_syrian_official_source():
    reports = X.extract("Douze soldats ont été tués mardi dans une attaque rebelle contre un barrage à Ariha, "
                        "selon un responsable de la sécurité syrienne.", published=PUBLISHED, outlet="AFP")
    assert [c.source for r in reports for c in r.claims] == ["Syrian official sources"]


def test_the_author_of_an_aimed_bombardment_is_its_de_complement():
    reports = X.extract("Au moins huit civils ont été tués mercredi dans des bombardements de l'armée sur Douma, "
                        "selon des militants.", published=PUBLISHED, outlet="AFP")
    assert [(r.actor1, r.actor2) for r in reports] == [("Military Forces of Syria", "Civilians (Syria)")]
    assert [(c.count, c.source) for r in reports for c in r.claims] == [(8, "Syrian activists")]


def test_the_de_complement_is_the_author_before_a_target_and_the_patient_without_one():
    from vigie.nlp.pipeline import load_nlp

    frames = load_nlp()("Les raids de l'aviation russe contre des positions rebelles ont fait douze morts.")._.vigie_frames.frames
    raid = next(f for f in frames if f.trigger.text == "raids")
    assert [a.text for a in raid.agent] == ["de l'aviation russe"]
    assert [p.text for p in raid.patient] == ["contre des positions rebelles"]
    frames = load_nlp()("Le bombardement de Homs a fait dix morts mardi.")._.vigie_frames.frames
    assert [p.text for f in frames if f.trigger.text == "bombardement" for p in f.patient] == ["de Homs"]
