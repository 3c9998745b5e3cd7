"""Choosing a place from the gazetteer when an analyst re-places an event.

Why through :class:`~vigie.resolve.places.PlaceResolver`: a name typed on the desk resolves by
the same rules (spellings, transliterations, governorates) as a name met in an article, and
gives the same place record (coordinates, governorate, ACLED precision).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from vigie.errors import ReviewError
from vigie.models import Place
from vigie.resolve.gazetteer import Gazetteer
from vigie.resolve.places import PlaceResolver
from vigie.store import Store


@lru_cache(maxsize=4)
def _resolver(db_path: str) -> PlaceResolver:
    return PlaceResolver(Gazetteer.load(None if db_path == ":memory:" else db_path))


def resolve(store: Store, name: str) -> Place | None:
    return _resolver(store.path).resolve(name)


def place_choices(store: Store, name: str) -> list[dict[str, Any]]:
    """The place ``name`` resolves to, as the edit form shows it (empty when unknown)."""
    place = resolve(store, name) if name.strip() else None
    return [_fields(place)] if place else []


def place_changes(store: Store, name: str) -> dict[str, Any]:
    """The edit fields that move an event to the place ``name``; unknown names are refused."""
    place = resolve(store, name)
    if place is None:
        raise ReviewError(f"no gazetteer place for {name!r}")
    return _fields(place)


def _fields(place: Place) -> dict[str, Any]:
    return {
        "location": place.name, "latitude": place.latitude, "longitude": place.longitude,
        "admin1": place.admin1, "admin2": place.admin2, "geo_precision": place.geo_precision,
    }
