"""A bare figure is the monitor's when the article credits its figures to one, unless a partisan
outlet gives it (its own count). Sentences ours; the wire convention was seen in many outlets of
``../shared/corpus/real/train`` (AFP copy in Libération, L'Orient-Le Jour, Le Soir, APS...)."""
from __future__ import annotations

import vigie
from vigie.extract.attribution import SourceRegistry, standing_source

WIRE = ("Au moins neuf civils ont été tués mardi dans des raids aériens sur Saraqeb, dans la province "
        "d'Idleb, selon l'Observatoire syrien des droits de l'homme (OSDH).\n\n"
        "Plus au sud, quatre rebelles ont péri dans des combats avec l'armée près de Khan Cheikhoun.")


def sources(text: str, outlet: str) -> list[tuple[int, str]]:
    return [(c.count, c.source) for r in vigie.extract(text, published="2016-04-19", outlet=outlet) for c in r.claims]


def test_a_wire_figure_given_bare_is_the_monitors_it_credits() -> None:
    assert sources(WIRE, "AFP") == [(9, "OSDH"), (4, "OSDH")]


def test_a_partisan_outlet_citing_the_monitor_keeps_its_own_figures() -> None:
    found = sources(WIRE, "Al-Manar")
    assert (9, "OSDH") in found and (4, "AlManar") in found


def test_no_monitor_credited_leaves_the_outlet() -> None:
    registry = SourceRegistry.load()
    assert standing_source("Quatre rebelles ont péri près de Khan Cheikhoun, a indiqué l'agence Sana.",
                           outlet="AFP", registry=registry) is None
    assert sources("Quatre rebelles ont péri mardi dans des combats avec l'armée près de Khan Cheikhoun.",
                   "AFP") == [(4, "AFP")]


def test_the_names_found_by_the_nlp_stage_are_reused_at_their_exact_offsets() -> None:
    """The standing source reads the source ruler's mentions instead of scanning the article
    again: they must be the registry's own, character for character, and give the same answer."""
    from vigie.nlp.pipeline import load_nlp

    registry = SourceRegistry.load()
    kept = load_nlp()(WIRE)._.vigie_frames.source_mentions
    assert kept == tuple(registry.mentions(WIRE)) and kept
    assert standing_source(WIRE, outlet="AFP", registry=registry, mentions=kept) == "OSDH"
    assert standing_source(WIRE, outlet="AFP", registry=registry, mentions=()) is None
