"""A stored page that repeats a sentence word for word (the lead printed twice, as several
pages of real/train do: RTBF, Le Midi Libre, Leral, RIA Novosti) tells its figures once.
Sentences ours."""
from __future__ import annotations

import vigie
from vigie.extract.claim_attach import _repeats

LEAD = "Des frappes aériennes ont tué au moins 14 civils mardi à Ariha, selon l'Observatoire syrien des droits de l'homme."


def test_a_repeated_lead_gives_one_claim() -> None:
    text = f"{LEAD}\n\n{LEAD}\n\nLes secours fouillaient encore les décombres mercredi."
    claims = [(c.count, c.source) for r in vigie.extract(text, published="2016-04-19", outlet="Le Courrier du Nord")
              for c in r.claims]
    assert claims == [(14, "OSDH")]


def test_only_the_same_words_repeat() -> None:
    told: set[str] = set()
    assert not _repeats("Trois civils ont été tués à Ariha.", told)
    assert _repeats("Trois civils  ont été tués\nà Ariha.", told)
    assert not _repeats("Trois civils ont été tués à Saraqeb.", told)
