"""One merged ``Event`` as one row of ACLED's CSV format (its columns, in its order).

Why exactly ACLED's layout: analysts already have R and pandas code reading ACLED files;
a vigie export must drop into that code unchanged. Where vigie knows more than ACLED's
columns hold (the low/high fatality range, the grade), it goes into ``tags``.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.models import Event
from vigie.serve.countries import Countries

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

InterOf = Callable[[str], int | None]


def registry_inter() -> InterOf:
    """ACLED inter codes from the actor registry (``vigie.resolve.actors``), loaded once."""
    from vigie.resolve.actors import ActorRegistry  # the resolve stage, loaded on first use

    registry = ActorRegistry.load()

    def inter_of(name: str) -> int | None:
        try:
            actor = registry.get(name)
        except KeyError:
            return None
        return actor.inter if actor is not None else None

    return inter_of


@lru_cache(maxsize=1)
def _source_registry():  # type: ignore[no-untyped-def]
    from vigie.extract.attribution import SourceRegistry

    return SourceRegistry.load()


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction code: both inter codes, the smaller first ("17"); "10"-style alone."""
    if inter1 is None:
        return ""
    if not inter2:
        return f"{inter1}0"
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


@dataclass(frozen=True)
class AcledFormat:
    """The ACLED coding tables (time precision, disorder types) from ``acled_export.yml``."""

    time_precision: dict[str, int]
    disorder_by_sub_event_type: dict[str, str]
    disorder_by_event_type: dict[str, str]
    scale_by_type: dict[str, str]
    scale_foreign: str
    scale_order: tuple[str, ...]

    @classmethod
    def load(cls, name: str = "acled_export.yml") -> "AcledFormat":
        raw = load_yaml(name)
        try:
            return cls(
                time_precision={k: int(v) for k, v in raw["time_precision"].items()},
                disorder_by_sub_event_type=dict(raw["disorder_by_sub_event_type"]),
                disorder_by_event_type=dict(raw["disorder_by_event_type"]),
                scale_by_type=dict(raw["source_scale"]["by_type"]),
                scale_foreign=str(raw["source_scale"]["foreign"]),
                scale_order=tuple(raw["source_scale"]["order"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataFileError(f"{name}: malformed: {exc!r}") from exc

    def disorder_type(self, event_type: str, sub_event_type: str) -> str:
        return self.disorder_by_sub_event_type.get(
            sub_event_type, self.disorder_by_event_type.get(event_type, "")
        )


class AcledRows:
    """Turns events into ACLED rows. Built once per export: it loads the data files."""

    def __init__(
        self, *, inter_of: InterOf | None = None, countries: Countries | None = None,
        acled: AcledFormat | None = None, timestamp: int, default_country: str = "SY",
    ) -> None:
        self.inter_of = inter_of or registry_inter()
        self.countries = countries or Countries.load()
        self.acled = acled or AcledFormat.load()
        self.timestamp = timestamp
        self.default_country = default_country

    def row(self, event: Event) -> dict[str, Any]:
        from vigie.resolve.gazetteer import admin_units

        place = event.place
        admin2, admin3 = admin_units().get(place.gazetteer_id or "", ("", "")) if place else ("", "")
        country = self.countries.get(place.country_code if place else None) or (
            self.countries.get(place.country if place else self.default_country)
        )
        inter1 = self.inter_of(event.actor1) if event.actor1 else None
        inter2 = self.inter_of(event.actor2) if event.actor2 else None
        prefix = country.iso3 if country else "XXX"
        return {
            "event_id_cnty": f"{prefix}{self.number(event)}",
            "event_date": event.event_date.isoformat(),
            "year": event.event_date.year,
            "time_precision": self.acled.time_precision.get(event.date_precision, ""),
            "disorder_type": self.acled.disorder_type(event.event_type, event.sub_event_type),
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type,
            "actor1": event.actor1 or "",
            "assoc_actor_1": "; ".join(event.assoc_actor_1),
            "inter1": "" if inter1 is None else inter1,
            "actor2": event.actor2 or "",
            "assoc_actor_2": "; ".join(event.assoc_actor_2),
            "inter2": (inter2 or "") if event.actor2 else 0,
            "interaction": interaction(inter1, inter2 if event.actor2 else None),
            "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
            "iso": country.iso if country else "",
            "region": country.region if country else "",
            "country": country.name if country else (place.country if place else ""),
            "admin1": (place.admin1 if place else None) or "",
            "admin2": (place.admin2 if place else None) or admin2,
            "admin3": admin3 if place and place.geo_precision < 3 else "",
            "location": place.name if place else "",
            "latitude": f"{place.latitude:.4f}" if place else "",
            "longitude": f"{place.longitude:.4f}" if place else "",
            "geo_precision": place.geo_precision if place else "",
            "source": "; ".join(event.sources),
            "source_scale": self.source_scale(event, home=country.code if country else None),
            "notes": event.notes,
            "fatalities": event.fatalities_best,
            "tags": self.tags(event),
            "timestamp": int(event.extra.get("timestamp") or self.timestamp),
        }

    def source_scale(self, event: Event, *, home: str | None) -> str:
        """ACLED's source_scale from the registry's type and country of each of the event's
        sources ("National-International"); "" when the registry knows none of them."""
        from vigie.merge.grades import registry_lookup  # the registry, loaded once

        registry = _source_registry()
        scales = set()
        for name in event.sources:
            info = registry_lookup()(name)
            source = registry.get(info.name) if info.known else None
            if source is None:
                continue
            foreign = bool(source.country) and home is not None and source.country != home
            if foreign and source.type in ("outlet", "state agency", "government", "military"):
                scales.add(self.acled.scale_foreign)
            elif source.type in self.acled.scale_by_type:
                scales.add(self.acled.scale_by_type[source.type])
        order = self.acled.scale_order
        return "-".join(sorted(scales, key=lambda s: order.index(s) if s in order else len(order)))

    @staticmethod
    def number(event: Event) -> int:
        """A number hashed from the event id, which derives from its reports: rebuilding the
        store from the same articles, in any order, gives every event the same number (the
        store's ``seq`` follows the order of ingest, so it would not)."""
        return int(hashlib.sha1(event.event_id.encode("utf-8")).hexdigest()[:8], 16) % 10**8

    @staticmethod
    def tags(event: Event) -> str:
        """What ACLED's columns cannot hold: grade, contested, the fatality range, report count,
        and an analyst's review (accepted, edited), and a date resting on an untrusted publication
        date ("date doubtful")."""
        tags = [f"grade={event.grade}", f"reports={len(event.reports)}"]
        if event.date_doubtful:
            tags.append("date doubtful")
        if event.contested:
            tags.append("contested")
        if event.fatalities_low != event.fatalities_high:
            tags.append(f"fatalities range={event.fatalities_low}-{event.fatalities_high}")
        if event.extra.get("review"):
            tags.append(f"review={event.extra['review']}")
        return "; ".join(tags)
