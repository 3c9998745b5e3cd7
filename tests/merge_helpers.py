"""Builders of EventReports for the merge tests (our own places, actors and figures)."""
from __future__ import annotations

from datetime import date

from vigie.models import Claim, EventReport, Place

TALBISEH = (34.84, 36.73)
RASTAN = (34.92, 36.73)


def place(name: str = "Talbiseh", latlon: tuple[float, float] = TALBISEH, *, admin1: str = "Homs",
          precision: int = 1, gid: str | None = None) -> Place:
    return Place(name=name, latitude=latlon[0], longitude=latlon[1], admin1=admin1, country="Syria",
                 country_code="SY", geo_precision=precision, gazetteer_id=gid)


def claim(count: int | None, source: str, *, qualifier: str = "exact", who: str = "people",
          estimate: int | None = None, subfigures: tuple[Claim, ...] = ()) -> Claim:
    return Claim(count=count, qualifier=qualifier, who=who, source=source, quote=f"{count} morts",  # type: ignore[arg-type]
                 estimate=estimate, subfigures=subfigures)


def report(article: str, *, day: date = date(2016, 3, 8), precision: str = "day",
           sub: str = "Government regains territory", etype: str | None = None,
           actor1: str | None = "Military Forces of Syria",
           actor2: str | None = "Syrian rebels (unspecified)", where: Place | None = None,
           claims: tuple[Claim, ...] = (), outlet: str | None = None,
           assoc1: tuple[str, ...] = ()) -> EventReport:
    types = {"Government regains territory": "Battles", "Armed clash": "Battles",
             "Non-state actor overtakes territory": "Battles", "Peaceful protest": "Protests",
             "Attack": "Violence against civilians"}
    return EventReport(
        article_id=article, event_date=day, date_precision=precision,  # type: ignore[arg-type]
        event_type=etype or types.get(sub, "Explosions/Remote violence"), sub_event_type=sub,
        actor1=actor1, actor2=actor2, place=where or place(), claims=claims, outlet=outlet,
        assoc_actor_1=assoc1,
    )
