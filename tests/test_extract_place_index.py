"""The article indexes of place resolution give the very answers of the scans they replace."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from vigie.extract.frame_records import TextSpan
from vigie.extract.place_index import GovernorateIndex, StartIndex, spans_within
from vigie.models import Place
from vigie.resolve.place_log import PlaceLog
from vigie.resolve.places import PlaceContext, _country_counts, _located

GOVS = ("Idlib", "Aleppo", "Hama", "Homs", "Damascus")


def _scan_governorates(governorates: dict[int, list[str]], paragraph: int) -> tuple[str, ...]:
    """The former scan: paragraphs sorted by nearness, their governorates flattened, once each."""
    order = sorted(governorates, key=lambda p: (p > paragraph, abs(paragraph - p)))
    return tuple(dict.fromkeys(g for p in order for g in governorates[p]))


@pytest.mark.parametrize("seed", range(20))
def test_governorates_near_a_paragraph_are_those_of_the_scan(seed: int) -> None:
    rng = random.Random(seed)
    governorates = {p: rng.sample(GOVS, rng.randint(1, 3)) for p in rng.sample(range(30), rng.randint(1, 12))}
    index = GovernorateIndex(governorates)
    for paragraph in range(-1, 32):
        assert index.near(paragraph) == _scan_governorates(governorates, paragraph)


@pytest.mark.parametrize("seed", range(10))
def test_spans_in_a_range_are_those_of_the_scan(seed: int) -> None:
    rng = random.Random(seed)
    spans = [TextSpan(s, s + rng.randint(0, 9), "x") for s in (rng.randint(0, 200) for _ in range(40))]
    ordered = sorted(spans, key=lambda s: s.start)
    index = StartIndex(spans)
    for _ in range(50):
        lo = rng.randint(-5, 205)
        hi = lo + rng.randint(0, 60)
        assert index.starting_in(lo, hi) == [s for s in spans if lo <= s.start < hi]
        assert spans_within(ordered, lo, hi) == [s for s in ordered if lo <= s.start and s.end <= hi]


def _place(rng: random.Random, i: int) -> Place:
    return Place(name=f"p{i % 7}", latitude=float(i % 5), longitude=float(i % 3), admin1=None,
                 country=None, country_code=rng.choice(("SY", "SY", "LB", "TR", "")),
                 geo_precision=rng.choice((1, 2, 3)))


@pytest.mark.parametrize("seed", range(10))
def test_a_snapshot_of_the_log_reads_as_the_tuple_of_its_places(seed: int) -> None:
    rng = random.Random(seed)
    places = [_place(rng, rng.randint(0, 30)) for _ in range(25)]
    log = PlaceLog()
    snapshots = []
    for p in places:
        snapshots.append(log.seen())
        log.append(p)
    for n, seen in enumerate(snapshots):
        as_tuple = tuple(reversed(places[:n]))
        assert tuple(seen) == as_tuple and len(seen) == n
        assert set(_located(PlaceContext(places=seen))) == set(_located(PlaceContext(places=as_tuple)))
        assert list(_country_counts(seen).items()) == list(_country_counts(as_tuple).items())
    counts = Counter(p.country_code for p in places if p.country_code)
    assert log.most_common_country() == (counts.most_common(1)[0][0] if counts else None)


def test_snapshots_are_equal_only_for_the_same_log_and_length() -> None:
    rng = random.Random(0)
    log, other = PlaceLog(), PlaceLog()
    first = log.seen()
    log.append(_place(rng, 1))
    assert first != other.seen()  # another article's log, though as empty: no stale cache hit
    assert first != log.seen()  # the same log, grown
    assert log.seen() == log.seen() and hash(log.seen()) == hash(log.seen())
    assert PlaceContext(places=log.seen()) == PlaceContext(places=log.seen())


@pytest.mark.parametrize("seed", range(10))
def test_the_actor_names_kept_are_those_of_the_scan(seed: int) -> None:
    from vigie.resolve.actors import _disjoint

    rng = random.Random(seed)
    found = [(i, i + rng.randint(1, 4), None) for i in (rng.randint(0, 60) for _ in range(40))]
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    taken: list = []  # type: ignore[type-arg]
    for f in found:
        if all(f[1] <= t[0] or f[0] >= t[1] for t in taken):
            taken.append(f)
    assert _disjoint(found) == sorted(taken, key=lambda t: t[0])  # type: ignore[arg-type]


def test_the_frames_of_a_sentence_are_those_of_the_scan() -> None:
    from dataclasses import dataclass

    from vigie.extract.frame_records import DocFrames

    @dataclass(frozen=True)
    class F:
        sentence: int

    frames = tuple(F(s) for s in (0, 2, 2, 1, 2, 5))
    df = DocFrames(frames=frames, sentences=(), places=(), actors=(), sources=())  # type: ignore[arg-type]
    for i in range(7):
        assert df.frames_in(i) == tuple(f for f in frames if f.sentence == i)
