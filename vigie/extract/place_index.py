"""Indexes over one article's place state, so each question about it costs the same at the
end of a long article as at its start.

Why: :mod:`vigie.extract.locate` asks, for each mention, "which governorates are named nearest
this paragraph?" and "which candidate names lie in this sentence / before it in its
paragraph?". Answered by scanning every paragraph or every candidate, an article cost the square
of its length. These indexes are built once per article and give the very same answers.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter
from typing import Generic, Protocol, TypeVar


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...


S = TypeVar("S", bound=_Spanned)


class GovernorateIndex:
    """The governorates an article names, nearest a paragraph first.

    For paragraph ``p``: its own governorates, then those of the nearest paragraphs before it,
    then the later ones (nearest first), each governorate once, in its first place of that
    order (the order the resolver ranks them in)."""

    def __init__(self, governorates: dict[int, list[str]]) -> None:
        self._paragraphs: dict[str, list[int]] = {}  # governorate -> paragraphs naming it, ascending
        self._rank: dict[tuple[str, int], int] = {}  # (governorate, paragraph) -> its rank in that paragraph
        for par in sorted(governorates):
            for rank, gov in enumerate(governorates[par]):
                if (gov, par) not in self._rank:
                    self._rank[(gov, par)] = rank
                    self._paragraphs.setdefault(gov, []).append(par)
        self._near: dict[int, tuple[str, ...]] = {}

    def near(self, paragraph: int) -> tuple[str, ...]:
        """The governorates in the order paragraphs are read from ``paragraph`` outwards."""
        found = self._near.get(paragraph)
        if found is None:
            keyed = []
            for gov, pars in self._paragraphs.items():
                i = bisect_right(pars, paragraph)
                par = pars[i - 1] if i else pars[0]  # the nearest at or before, else the first after
                keyed.append(((par > paragraph, abs(paragraph - par)), self._rank[(gov, par)], gov))
            found = self._near[paragraph] = tuple(gov for *_, gov in sorted(keyed))
        return found


class StartIndex(Generic[S]):
    """Spans (in their given order) looked up by where they start."""

    def __init__(self, spans: Sequence[S]) -> None:
        self._spans = spans
        self._order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self._starts = [spans[i].start for i in self._order]

    def starting_in(self, lo: int, hi: int) -> list[S]:
        """The spans with ``lo <= start < hi``, in their given order."""
        found = self._order[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]
        return [self._spans[i] for i in sorted(found)]


class _Bounded(_Spanned, Protocol):
    @property
    def end(self) -> int: ...


B = TypeVar("B", bound=_Bounded)


def spans_within(spans: Sequence[B], start: int, end: int) -> list[B]:
    """The spans lying inside [start, end), in order; ``spans`` sorted by start, as
    ``place_candidates`` returns them (a bisection: each sentence does not scan the article's
    every candidate)."""
    lo = bisect_left(spans, start, key=_START)
    hi = bisect_right(spans, end, lo=lo, key=_START)
    return [s for s in spans[lo:hi] if s.end <= end]


_START = attrgetter("start")
