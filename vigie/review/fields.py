"""The event fields an analyst may correct, checked and written as ``events`` columns.

Why one table of fields: the edit form, the JSON API and :func:`vigie.review.apply` must agree
on what can be set and how a value is checked; a sub-type also fixes the event type (ACLED's
taxonomy, ``data/acled_taxonomy.yml``), so the two never disagree.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from vigie.data import load_yaml
from vigie.errors import ReviewError
from vigie.models import Event

GRADES = ("confirmed", "fair", "weak", "contested", "discounted")
PRECISIONS = ("day", "week", "month")
PLACE_FIELDS = ("location", "latitude", "longitude", "admin1", "admin2", "geo_precision")


@lru_cache(maxsize=1)
def taxonomy() -> dict[str, str]:
    """Sub-event type -> event type, from ACLED's codebook."""
    return {sub: etype for etype, subs in load_yaml("acled_taxonomy.yml").items() for sub in subs}


def _text(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, (list, tuple)) else str(value or "").split(";")
    return [s for s in (str(i).strip() for i in items) if s]


def _count(value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ReviewError(f"not a whole number: {value!r}") from exc
    if number < 0:
        raise ReviewError(f"a count cannot be negative: {number}")
    return number


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in options:
            raise ReviewError(f"{value!r} is not one of {', '.join(options)}")
        return str(value)
    return check


def _sub_type(value: Any) -> str:
    if value not in taxonomy():
        raise ReviewError(f"{value!r} is not an ACLED sub-event type")
    return str(value)


def _day(value: Any) -> str:
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise ReviewError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise ReviewError(f"not a number: {value!r}") from exc


def _flag(value: Any) -> bool:
    return value in (True, 1, "1", "true", "on", "yes")


def _precision(value: Any) -> int:
    number = _count(value)
    if number not in (1, 2, 3):
        raise ReviewError("geo_precision is 1, 2 or 3")
    return number


CHECKS: dict[str, Callable[[Any], Any]] = {
    "sub_event_type": _sub_type, "actor1": _text, "actor2": _text,
    "assoc_actor_1": _names, "assoc_actor_2": _names, "event_date": _day,
    "date_precision": _choice(PRECISIONS), "fatalities_low": _count, "fatalities_best": _count,
    "fatalities_high": _count, "grade": _choice(GRADES), "civilian_targeting": _flag,
    "notes": lambda v: str(v or ""), "location": _text, "latitude": _number,
    "longitude": _number, "admin1": _text, "admin2": _text, "geo_precision": _precision,
}
EDITABLE = tuple(CHECKS)


def snapshot(event: Event) -> dict[str, Any]:
    """The editable fields of ``event`` as JSON values (the audit log's before/after)."""
    place = event.place
    return {
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1, "actor2": event.actor2,
        "assoc_actor_1": list(event.assoc_actor_1), "assoc_actor_2": list(event.assoc_actor_2),
        "event_date": event.event_date.isoformat(), "date_precision": event.date_precision,
        "fatalities_low": event.fatalities_low, "fatalities_best": event.fatalities_best,
        "fatalities_high": event.fatalities_high, "grade": event.grade,
        "civilian_targeting": event.civilian_targeting, "notes": event.notes,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "admin1": place.admin1 if place else None, "admin2": place.admin2 if place else None,
        "geo_precision": place.geo_precision if place else None,
    }


def clean(changes: Mapping[str, Any], *, current: Mapping[str, Any]) -> dict[str, Any]:
    """Checked values of ``changes`` that differ from ``current``; unknown names are refused.

    The fatality range must stay ordered (low <= best <= high) once the change is made, and a
    place needs both coordinates.
    """
    unknown = set(changes) - set(CHECKS)
    if unknown:
        raise ReviewError(f"cannot edit {', '.join(sorted(unknown))}")
    out = {name: CHECKS[name](value) for name, value in changes.items()}
    out = {k: v for k, v in out.items() if current.get(k) != v}
    merged = {**current, **out}
    if "sub_event_type" in out:
        out["event_type"] = taxonomy()[out["sub_event_type"]]
    low, best, high = (merged["fatalities_low"], merged["fatalities_best"], merged["fatalities_high"])
    if not low <= best <= high:
        raise ReviewError(f"fatalities must be ordered low <= best <= high ({low}, {best}, {high})")
    if (merged.get("latitude") is None) != (merged.get("longitude") is None):
        raise ReviewError("a place needs both latitude and longitude")
    return out


def column_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """``fields`` as ``events`` column values (lists as JSON arrays, flags as 0/1)."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name in ("assoc_actor_1", "assoc_actor_2"):
            out[name] = json.dumps(value, ensure_ascii=False)
        elif name == "civilian_targeting":
            out[name] = int(bool(value))
        else:
            out[name] = value
    return out
