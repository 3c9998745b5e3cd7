"""A stored page that repeats a sentence word for word (the lead printed twice, as several
pages of real/train do: RTBF, Le Midi Libre, Leral, RIA Novosti) tells its figures once.
Sentences ours."""
from __future__ import annotations

import vigie
from vigie.extract.claim_attach import _repeats

def fatality_claims(text: str) -> list[tuple[int | None, str]]:
    """(count, source) of the fatality claims extraction finds, in their order."""
    return [(c.count, c.source) for r in vigie.extract(text, published="2018-09-04", outlet="Le Courrier du Nord")
            for c in r.claims if c.is_fatality]


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


def test_a_toll_the_same_source_retells_is_one_claim() -> None:
    """The lead gives the toll and credits it; the quote below retells it (Press TV, Sputnik,
    Europe 1 copy of real/train; the gold codes one claim)."""
    text = ("Des tirs d'obus ont fait trois morts mardi parmi les soldats à Lattaquié, a annoncé "
            "le ministère russe de la Défense.\n\n"
            "« Trois soldats ont trouvé la mort dans cette attaque », a-t-il indiqué.")
    assert fatality_claims(text) == [(3, "Russian Ministry of Defence")]


def test_the_same_count_from_two_sources_is_two_claims() -> None:
    text = ("Des tirs d'obus ont fait trois morts mardi parmi les soldats à Lattaquié, a annoncé "
            "le ministère russe de la Défense.\n\n"
            "L'Observatoire syrien des droits de l'homme a lui aussi fait état de trois soldats tués.")
    assert sorted(fatality_claims(text)) == [(3, "OSDH"), (3, "Russian Ministry of Defence")]


def test_a_bare_retelling_of_a_named_sources_figure_is_not_the_outlets() -> None:
    """"... a fait trois morts, a annoncé X" then "Trois soldats ont été tués à ..." with no one
    named: X's figure retold, not a second claim by the outlet (Press TV, Sputnik Afrique,
    Courrier arabe, Institut kurde copy of real/train)."""
    text = ("Des tirs d'obus ont fait trois morts mardi parmi les soldats à Lattaquié, a annoncé le "
            "ministère russe de la Défense.\n\n"
            "Trois soldats ont été tués à un poste de contrôle de l'armée.")
    assert fatality_claims(text) == [(3, "Russian Ministry of Defence")]
