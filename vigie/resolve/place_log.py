"""The places an article has resolved so far, as place resolution reads them.

Why a log and not a tuple: the context of each mention is "every place resolved before it"
(``PlaceContext.places``, most recent first). Rebuilt as a tuple on each resolution, then
hashed for the resolver's cache and scanned for its located points and countries, it made an
article cost the square of its length (a 1M-character article took minutes). The log keeps
those summaries up to date as places are appended; a :class:`PlacesSeen` snapshot answers the
same questions as the tuple of its first ``n`` places, in time that does not grow with the
article, and hashes in constant time.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import count

from vigie.models import Place

_LOGS = count()  # a log's identity for snapshot equality (``id()`` is reused once a log is freed)


class PlaceLog:
    """Append-only list of resolved places (in the order they were resolved)."""

    def __init__(self, places: Iterable[Place] = ()) -> None:
        self._token = next(_LOGS)
        self._places: list[Place] = []
        self._points: list[tuple[float, float]] = []  # distinct located points, first seen first
        self._point_at: list[int] = []  # index of the place that first located each point
        self._known_points: set[tuple[float, float]] = set()
        self._by_country: dict[str, list[int]] = {}  # country code -> indices of its places
        for place in places:
            self.append(place)

    def append(self, place: Place) -> None:
        i = len(self._places)
        self._places.append(place)
        if place.geo_precision < 3:
            point = (place.latitude, place.longitude)
            if point not in self._known_points:
                self._known_points.add(point)
                self._points.append(point)
                self._point_at.append(i)
        self._by_country.setdefault(place.country_code, []).append(i)

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __reversed__(self) -> Iterator[Place]:
        return reversed(self._places)

    def seen(self) -> PlacesSeen:
        """The places resolved so far, most recent first, frozen at this length."""
        return PlacesSeen(self, len(self._places))

    def most_common_country(self) -> str | None:
        """``Counter(p.country_code for p in log if p.country_code).most_common(1)``: ties go to
        the country met first."""
        best: tuple[int, int] | None = None
        winner = None
        for code, at in self._by_country.items():
            if code and (best is None or (-len(at), at[0]) < best):
                best, winner = (-len(at), at[0]), code
        return winner


class PlacesSeen:
    """The first ``n`` places of a log, most recent first: a sequence equal to
    ``tuple(reversed(log[:n]))`` for every reader of :class:`vigie.resolve.places.PlaceContext`."""

    __slots__ = ("_log", "_n")

    def __init__(self, log: PlaceLog, n: int) -> None:
        self._log = log
        self._n = n

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[Place]:
        places = self._log._places
        return (places[i] for i in range(self._n - 1, -1, -1))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlacesSeen) and (self._log._token, self._n) == (other._log._token, other._n)

    def __hash__(self) -> int:
        return hash((self._log._token, self._n))

    def __repr__(self) -> str:
        return f"PlacesSeen({self._n} places)"

    def located(self) -> list[tuple[float, float]]:
        """The distinct points of its places of precision 1 or 2 (order: first located first)."""
        return self._log._points[:bisect_left(self._log._point_at, self._n)]

    def country_counts(self) -> dict[str, int]:
        """Places per country code, in the order a most-recent-first scan meets the countries."""
        counts: list[tuple[int, str, int]] = []
        for code, at in self._log._by_country.items():
            k = bisect_left(at, self._n)
            if k:
                counts.append((-at[k - 1], code, k))
        return {code: k for _, code, k in sorted(counts)}
