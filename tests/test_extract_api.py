"""The public Python API of design.md: ``vigie.extract(text, *, published, outlet)``."""
from __future__ import annotations

from datetime import date

import vigie.extract
from vigie.models import EventReport


def test_the_package_is_callable_and_returns_typed_reports() -> None:
    text = ("Au moins neuf civils ont été tués jeudi dans des frappes aériennes russes sur la ville "
            "de Saraqeb, dans la province d'Idleb, selon l'Observatoire syrien des droits de l'homme.")
    reports = vigie.extract(text, published=date(2016, 2, 12), outlet="AFP")
    assert reports == vigie.extract.extract(text, published=date(2016, 2, 12), outlet="AFP")
    assert reports and all(isinstance(r, EventReport) for r in reports)
    strike = reports[0]
    assert strike.sub_event_type == "Air/drone strike"
    assert strike.event_date == date(2016, 2, 11)
    assert [(c.count, c.source) for c in strike.claims] == [(9, "OSDH")]
    assert strike.place is not None and strike.place.admin1 == "Idlib"
