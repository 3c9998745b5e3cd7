"""The desk's load test runs end to end on a small synthetic store (figures are not asserted)."""
from __future__ import annotations

from vigie.store import Store
from vigie.web.bench import bench_desk


def test_the_load_test_answers_every_request(db: str) -> None:
    path = db
    _built, results = bench_desk(path, events=300, clients=2, requests=10)
    with Store.open(path) as store:
        assert store.counts().events == 300
    assert [r.name for r in results] == ["events page (filtered)", "GET /api/events"]
    assert all(r.requests == 10 and r.errors == 0 for r in results)
    assert all(r.p50 <= r.p95 <= r.p99 for r in results)
