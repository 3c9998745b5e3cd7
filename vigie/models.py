"""Typed records passed between the pipeline stages.

Every stage takes the records of the stage before and returns new ones; no spaCy ``Doc``
or loose dict crosses a stage boundary. Records are frozen so a stage can never mutate
what an earlier stage produced; use :func:`dataclasses.replace` to derive a new one.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date, datetime
from collections.abc import Iterable
from typing import Any, Literal, Protocol

DatePrecision = Literal["day", "week", "month"]
Qualifier = Literal[
    "exact", "at_least", "more_than", "less_than", "up_to", "about", "vague"
]


@dataclass(frozen=True)
class Article:
    """One news report as ingested: the cleaned text is what every offset refers to."""

    id: str
    text: str
    raw_text: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    published_source: str = "none"  # input | dateline | text | comment | capture_header | none
    published_confidence: float = 0.0
    published_doubtful: bool = False
    published_note: str | None = None
    captured: datetime | None = None
    language: str = "fr"
    source_path: str | None = None
    content_hash: str = ""


@dataclass(frozen=True)
class Evidence:
    """A sentence supporting an event: character offsets into ``Article.text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Claim:
    """One casualty figure as the text gives it, with whoever the text attributes it to.

    ``who`` is the counted group ("civilians", "militants", "soldiers", "people"...);
    injuries are claims with ``who == "injured"`` and never count as fatalities.
    ``count`` is None only for vague wording ("des dizaines", "un grand nombre"), whose
    ACLED-rule value is kept in ``estimate``.
    """

    count: int | None
    qualifier: Qualifier
    who: str
    source: str
    quote: str
    estimate: int | None = None
    subfigures: tuple["Claim", ...] = ()
    start: int | None = None
    end: int | None = None
    flag: str | None = None  # why the figure is not counted (vigie.resolve.plausible)

    @property
    def is_fatality(self) -> bool:
        return self.who != "injured"

    @property
    def value(self) -> int | None:
        """The count ACLED's rule takes from this claim (vague words -> their estimate)."""
        return self.count if self.count is not None else self.estimate

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "count": self.count,
            "qualifier": self.qualifier,
            "who": self.who,
            "source": self.source,
            "quote": self.quote,
        }
        if self.subfigures:
            # "49 civils dont 6 enfants" is one figure of 49 with a sub-figure, not 55 (design.md).
            out["subfigures"] = [s.to_dict() for s in self.subfigures]
        if self.flag:
            out["flag"] = self.flag
        return out


class Counted(Protocol):
    """Anything carrying a casualty figure: a report's Claim or a merged event's claim."""

    @property
    def count(self) -> int | None: ...

    @property
    def value(self) -> int | None: ...


def credible_figures(claims: Iterable[Counted]) -> list[int]:
    """The fatality figures ACLED's lowest-credible-figure rule chooses from, sorted.

    The precise figures when anyone gives one; a vague word's ACLED value ("un grand nombre"
    = 3) stands in only for a figure nobody gave - beside "plus de 1.000" it is not credible.
    The caller passes fatality claims only (no injuries, no denials).
    """
    claims = list(claims)
    precise = sorted(c.count for c in claims if c.count is not None)
    return precise or sorted(v for c in claims if (v := c.value) is not None)


@dataclass(frozen=True)
class Place:
    """A resolved place: gazetteer entry, coordinates, governorate and ACLED precision."""

    name: str
    latitude: float
    longitude: float
    admin1: str | None
    country: str
    country_code: str
    geo_precision: int  # 1 the town, 2 near a town / part of a region, 3 governorate only
    mention: str = ""
    feature: str = "populated place"
    gazetteer_id: str | None = None
    admin2: str | None = None

    @property
    def pcode(self) -> str | None:
        """The UN OCHA P-code of the place ("C4110", "N0268") when the gazetteer entry is an
        OCHA community or neighbourhood: what humanitarian datasets join on."""
        gid = self.gazetteer_id or ""
        return gid[5:] if _OCHA_PCODE.match(gid) else None


_OCHA_PCODE = re.compile(r"^ocha:[CN]\d{4}$")


def place_fields(place: Place | None) -> dict[str, Any]:
    """The flat place columns of design.md section 3 (all None when the place is unknown),
    plus the district (admin2) and OCHA P-code when the gazetteer knows them."""
    return {
        "location": place.name if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "pcode": place.pcode if place else None,
        "country": place.country if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
    }


@dataclass(frozen=True)
class Actor:
    """A canonical actor from ``data/actors.yml``."""

    name: str
    kind: str  # state | rebel | militia | identity_militia | civilians | protesters | rioters | external
    side: str  # government | opposition | jihadist | kurdish | neutral | foreign
    inter: int  # ACLED inter code (1 state forces ... 8 external/other forces)
    country: str | None = None


@dataclass(frozen=True)
class EventReport:
    """One event as one article reports it (design.md section 3)."""

    article_id: str
    event_date: date
    date_precision: DatePrecision
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    place: Place | None
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    fatalities: int = 0
    claims: tuple[Claim, ...] = ()
    civilian_targeting: bool = False
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    trigger: str = ""
    outlet: str | None = None
    # True when event_date rests on a publication date nobody vouches for (the day of ingest,
    # a page-capture header, conflicting evidence); ``date_note`` says why. Doubtful reports
    # never merge with confidently dated ones (vigie.merge.compatible).
    date_doubtful: bool = False
    date_note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The fixed JSON shape of design.md section 3 (tools read these names)."""
        return {
            "article_id": self.article_id,
            "event_date": self.event_date.isoformat(),
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1,
            "assoc_actor_1": list(self.assoc_actor_1),
            "actor2": self.actor2,
            "assoc_actor_2": list(self.assoc_actor_2),
            **place_fields(self.place),
            "fatalities": self.fatalities,
            "claims": [c.to_dict() for c in self.claims],
            "civilian_targeting": self.civilian_targeting,
            "evidence": [
                {"start": e.start, "end": e.end, "text": e.text} for e in self.evidence
            ],
            "confidence": round(self.confidence, 3),
            "date_doubtful": self.date_doubtful,
            "date_note": self.date_note,
        }


@dataclass(frozen=True)
class Event:
    """A real event: one or more event reports merged, their claims kept side by side."""

    event_id: str
    reports: tuple[EventReport, ...]
    event_date: date
    date_precision: DatePrecision
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    place: Place | None
    assoc_actor_1: tuple[str, ...] = ()
    assoc_actor_2: tuple[str, ...] = ()
    civilian_targeting: bool = False
    fatalities_low: int = 0
    fatalities_best: int = 0
    fatalities_high: int = 0
    sources: tuple[str, ...] = ()
    contested: bool = False
    grade: str = "weak"  # confirmed | fair | weak | contested | discounted
    notes: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    date_doubtful: bool = False  # its reports' dates rest on an untrusted publication date
    date_note: str | None = None
