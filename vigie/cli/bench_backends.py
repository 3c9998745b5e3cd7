"""``vigie bench``'s store backends section: SQLite and PostgreSQL at about 100,000 events."""
from __future__ import annotations

import tempfile
from pathlib import Path

import click

from vigie.store.bench import QUERIES, BackendBench, bench_backend, postgres_target


def bench_backends(reports: int, *, pg_url: str | None, sqlite: bool = True, postgres: bool = True) -> None:
    """Print each chosen backend's ingest time and filtered-query latencies; PostgreSQL is
    measured in ``pg_url``, else on a throwaway server, else skipped with the reason."""
    from vigie.store.pgcluster import server_binaries

    click.echo(f"store backends: {reports} synthetic reports through the real ingest path (one "
               f"transaction per article, merged every merge_batch), then {len(QUERIES)} filtered "
               "`vigie events` queries x5")
    if sqlite:
        with tempfile.TemporaryDirectory() as folder:
            _echo(bench_backend(str(Path(folder) / "bench.db"), reports=reports))
    if not postgres:
        return
    if pg_url is None and server_binaries() is None:
        click.echo("  postgresql: skipped (no --pg URL and no PostgreSQL binaries to start a throwaway server)")
        return
    with postgres_target(pg_url) as target:
        _echo(bench_backend(target, reports=reports))


def _echo(b: BackendBench) -> None:
    click.echo(
        f"  {b.backend:10s}: {b.articles} articles, {b.reports} reports -> {b.events} events ingested in "
        f"{b.ingest_seconds:.0f} s ({1000 * b.ingest_seconds / b.reports:.2f} ms per report); filtered "
        f"events ({b.mean_rows:.0f} events each on average): p50 {b.p50_ms:.1f} ms, p95 {b.p95_ms:.1f} ms "
        "(target p95 < 100 ms)"
    )
