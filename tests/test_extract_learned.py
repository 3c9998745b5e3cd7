"""Extraction with the packaged learned gate: plain wire sentences the rules alone dropped."""
from __future__ import annotations

from datetime import date

import pytest

import vigie.extract as X
from vigie.extract.sentence_model import SentenceModel

pytestmark = pytest.mark.skipif(SentenceModel.load() is None, reason="no packaged model (run vigie train)")


def _one(text: str):
    reports = X.extract(text, published=date(2016, 3, 10), outlet="AFP")
    assert len(reports) == 1, [r.to_dict() for r in reports]
    return reports[0]


def test_a_strike_with_no_named_author_takes_the_air_force_the_article_names():
    r = _one("Syrie : nouveaux raids sur Idleb\n\n"
             "L'aviation russe poursuit ses opérations dans le nord-ouest de la Syrie, selon l'OSDH.\n\n"
             "Mardi, des raids aériens ont tué douze civils à Ariha, dans la province d'Idleb, a indiqué l'OSDH.")
    assert (r.sub_event_type, r.actor1, r.actor2) == ("Air/drone strike", "Military Forces of Russia", "Civilians (Syria)")
    assert r.place is not None and r.place.admin1 == "Idlib"
    assert r.event_date == date(2016, 3, 8) and [(c.count, c.source) for c in r.claims] == [(12, "OSDH")]


@pytest.mark.parametrize(("text", "sub_type"), [
    ("Des frappes aériennes ont tué sept civils lundi à Saraqeb, selon l'OSDH.", "Air/drone strike"),
    ("Au moins 9 personnes ont été tuées dimanche dans des bombardements sur Douma, selon l'OSDH.",
     "Shelling/artillery/missile attack"),
])
def test_a_wire_toll_with_no_author_at_all_is_an_event_by_an_unidentified_group(text: str, sub_type: str):
    r = _one(text)
    assert r.sub_event_type == sub_type and r.actor1 == "Unidentified Armed Group (Syria)"
    assert r.claims and r.claims[0].source == "OSDH"


def test_without_the_gate_the_rules_alone_decide(monkeypatch):
    monkeypatch.setenv("VIGIE_LEARNED_GATE", "0")
    X._assembler.cache_clear()
    try:
        assert X.extract("Des frappes aériennes ont tué sept civils lundi à Saraqeb, selon l'OSDH.",
                         published=date(2016, 3, 10)) == []
    finally:
        monkeypatch.delenv("VIGIE_LEARNED_GATE")
        X._assembler.cache_clear()
