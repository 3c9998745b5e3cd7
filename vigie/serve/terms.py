"""What an analyst types in a filter, read the way extraction reads an article.

Why: events store canonical names ("Idlib", "Hezbollah", "OSDH"); an analyst types "Idleb",
"Damas", "Hezbollah libanais", "SOHR". Filters go through the same gazetteer, actor registry
and source registry as extraction, so both spellings find the same events. A term nothing
recognises is kept as typed (compared ignoring case).
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=64)
def canonical_admin1(name: str) -> str:
    """"Idleb" -> "Idlib", "Damas" -> "Damascus", "Rif Damas" -> "Rif Dimashq"."""
    from vigie.resolve.gazetteer import Gazetteer
    from vigie.resolve.places import PlaceResolver

    return PlaceResolver(Gazetteer.load()).governorate(name) or name.strip()


@lru_cache(maxsize=64)
def canonical_actor(name: str) -> str:
    """"Hezbollah libanais" -> "Hezbollah", "Daech" -> "Islamic State"."""
    from vigie.resolve.actors import ActorRegistry

    actor = ActorRegistry.load().match(name)
    return actor.name if actor is not None else name.strip()


@lru_cache(maxsize=64)
def canonical_source(name: str) -> str:
    """"SOHR" or "Observatoire syrien des droits de l'homme" -> "OSDH"."""
    from vigie.extract.attribution import SourceRegistry

    return SourceRegistry.load().canonical(name) or name.strip()
