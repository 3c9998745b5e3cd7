"""``vigie bench``: throughput figures against the targets of design.md section 7."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click


if TYPE_CHECKING:
    from vigie.bench import ProfileLine
    from vigie.models import Article

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "examples"


@click.command("bench")
@click.option(
    "--corpus", "corpus", type=click.Path(exists=True), default=str(DEFAULT_CORPUS), show_default=True,
    help="Articles to time extraction on (files or a folder).",
)
@click.option("--repeat", type=int, default=10, show_default=True, help="Times the corpus is repeated, to time a realistic batch.")
@click.option("--rounds", type=int, default=3, show_default=True, help="Timed runs per measure; the best is kept.")
@click.option("--merge-sizes", default="10000,100000", show_default=True, help="Comma-separated numbers of synthetic reports to merge.")
@click.option("--store-articles", type=click.IntRange(min=2), default=5000, show_default=True,
              help="Distinct articles stored and merged through SQLite (growing-store shape).")
@click.option("--dense-reports", type=click.IntRange(min=2), default=1000, show_default=True,
              help="Articles all reporting one event, stored and merged through SQLite (dense shape).")
@click.option("--long-chars", default="100000,1000000", show_default=True,
              help="Comma-separated sizes (characters) of the long articles to extract.")
@click.option("--skip", type=click.Choice(["extract", "dask", "gazetteer", "merge", "store", "long", "desk", "sqlite-store", "pg-store"]), multiple=True,
              help="Measures to leave out.")
@click.option("--desk-events", type=int, default=100_000, show_default=True, help="Synthetic events in the web desk's load test.")
@click.option("--backend-reports", type=click.IntRange(min=100), default=155_000, show_default=True,
              help="Synthetic reports ingested into each backend (about 100,000 events) before timing filtered queries.")
@click.option("--pg", "pg_url", default=None, metavar="URL",
              help="A PostgreSQL database to measure in (a schema of its own, dropped after)  [default: a throwaway server when PostgreSQL's binaries are installed].")
@click.option("--profile", "profile", is_flag=True, help="Also profile one extraction run and list vigie's own top functions.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Also time extraction on this many worker processes against one  [default: the cores available].")
@click.option("--workers-articles", type=click.IntRange(min=1), default=320, show_default=True,
              help="Articles (the corpus repeated) timed on --workers against one process: enough chunks that "
                   "the last one leaves no worker idle for long.")
@click.option("--dask-articles", type=click.IntRange(min=1), default=400, show_default=True,
              help="Articles (the corpus repeated) extracted on a local Dask cluster against --workers; the issue's figure is 5000.")
def bench_cmd(corpus: str, repeat: int, rounds: int, merge_sizes: str, store_articles: int,
              dense_reports: int, long_chars: str, skip: tuple[str, ...], desk_events: int,
              backend_reports: int, pg_url: str | None, profile: bool, workers: int | None,
              workers_articles: int, dask_articles: int) -> None:
    """Print extraction speed against the spaCy parse vigie runs (fr_core_news_md without its NER,
    same batches, same process: articles/s, words/s, ratio, peak memory; --profile: vigie's own
    top functions), gazetteer load and lookup speed, merge throughput at several store sizes (in
    memory), merging through the SQLite ingest path (a growing store, one dense event), the
    cost of long articles, a local Dask cluster against as many worker processes, the web desk's
    latencies (p50/p95/p99) on a synthetic store, and each store backend (SQLite, PostgreSQL)
    ingesting about 100,000 events then answering filtered `vigie events` queries (p50/p95)."""
    merge_counts = _sizes(merge_sizes, "--merge-sizes")
    long_sizes = _sizes(long_chars, "--long-chars")
    if "extract" not in skip or "dask" not in skip:
        from vigie.errors import IngestError
        from vigie.ingest import read_paths

        articles = [a for a in read_paths([corpus]) if not isinstance(a, IngestError) and a.language == "fr"]
        if not articles:
            raise click.ClickException(f"{corpus}: no French article to time")
    if "extract" not in skip:
        from vigie.bench import bench_extract

        result = bench_extract(articles * repeat, rounds=rounds, profile=profile)
        click.echo(f"extraction: {result.articles} articles, {result.words} words (corpus {corpus} x{repeat})")
        click.echo(f"  bare parse = vigie's pipeline without its own components: {', '.join(result.bare_pipes)}")
        click.echo(
            f"  bare parse : {result.bare_seconds:7.2f} CPU s  {result.articles / result.bare_seconds:7.1f} articles/s"
            f"  {result.words / result.bare_seconds:9.0f} words/s  peak {result.bare_peak_mb:.0f} MiB"
        )
        click.echo(
            f"  vigie      : {result.full_seconds:7.2f} CPU s  {result.articles / result.full_seconds:7.1f} articles/s"
            f"  {result.words / result.full_seconds:9.0f} words/s  peak {result.full_peak_mb:.0f} MiB"
        )
        click.echo(f"  ratio vigie / bare parse: {result.ratio:.2f} (target <= 1.30); per round "
                   + ", ".join(f"{r:.2f}" for r in result.round_ratios) + f" (median {result.median_round_ratio:.2f})")
        if result.profile:
            _echo_profile(result.profile)
        _bench_workers(_repeated(articles, workers_articles), workers=workers, rounds=rounds)
    if "dask" not in skip:
        _bench_dask(_repeated(articles, dask_articles), workers=workers, rounds=rounds)
    if "gazetteer" not in skip:
        from vigie.resolve.gazetteer import bench as bench_gazetteer

        from vigie.resolve.coverage import (
            OSM_PLACES, UCDP_GED, osm_coverage, package_megabytes, ucdp_coverage,
        )

        g = bench_gazetteer(names=10_000)
        click.echo(
            f"gazetteer: {g['entries']} entries loaded in {g['load_seconds']:.2f} s (target < 1 s); "
            f"{g['lookups']} names ({g['distinct_names']} distinct, {g['resolved']} resolved) in "
            f"{g['lookup_seconds']:.2f} s = {g['lookups_per_second']:.0f}/s (target: 10,000 in < 1 s)"
        )
        click.echo(f"  package size: {package_megabytes():.1f} MB (target < 30 MB)")
        if UCDP_GED.exists():
            c = ucdp_coverage(UCDP_GED)
            click.echo(
                f"  UCDP GED coverage: {c['coverage']:.3f} of {c['names']} place names have an entry "
                f"within 10 km (target >= 0.80; {c['coverage_prec1']:.3f} of the {c['names_prec1']} "
                f"of precision-1 events); resolved with the governorate: {c['resolved']:.3f} "
                f"({c['resolved_prec1']:.3f})"
            )
        else:
            click.echo(f"  UCDP GED coverage: skipped ({UCDP_GED} absent)")
        if OSM_PLACES.exists():
            o = osm_coverage(OSM_PLACES)
            click.echo(
                f"  OSM 2014 coverage (independent check, Arabic names): {o['coverage_settlements']:.3f} "
                f"of {o['settlements']} settlements have an entry of that name within 10 km "
                f"({o['coverage_localities']:.3f} of {o['localities']} localities)"
            )
        else:
            click.echo(f"  OSM 2014 coverage: skipped ({OSM_PLACES} absent)")
    if "merge" not in skip:
        from vigie.merge.bench import bench_merge

        for size in merge_counts:
            m = bench_merge(size)
            click.echo(
                f"merge: {int(m['reports'])} synthetic reports -> {int(m['events'])} events in "
                f"{m['seconds']:.1f} s ({m['reports_per_second']:.0f} reports/s; "
                f"{m['ms_per_report_last']:.3f} ms per new report at the end)"
            )
        click.echo("  (target: 100,000 reports in < 30 s; time per new report flat as the store grows)")
    if "store" not in skip:
        from vigie.merge.bench_store import bench_store, dense_articles, distinct_articles

        block = max(1, store_articles // 5)
        grow = bench_store(distinct_articles(store_articles), block=block)
        click.echo(
            f"store merge, growing: {grow.articles} distinct articles -> {grow.events} events; ms per "
            f"article by block of {block}: {', '.join(f'{b:.1f}' for b in grow.ms_per_article)}; "
            f"last/first {grow.growth:.2f} (target <= 1.20)"
        )
        dense = bench_store(dense_articles(dense_reports), block=dense_reports)
        distinct = grow.ms_per_article[0]
        click.echo(
            f"store merge, dense: {dense.articles} articles of one event -> {dense.events} event(s) in "
            f"{dense.mean_ms:.1f} ms per article; x{dense.mean_ms / distinct:.2f} the distinct articles' "
            f"{distinct:.1f} ms (target <= 2; merging only, before the extraction each article also costs)"
        )
    if "long" not in skip and long_sizes:
        from vigie.bench import bench_long

        runs = bench_long(long_sizes)
        for run in runs:
            click.echo(f"long article: {run.chars} characters extracted in {run.seconds:.1f} CPU s, peak {run.peak_mb:.0f} MiB")
        if len(runs) > 1:
            click.echo(f"  largest / smallest: x{runs[-1].seconds / runs[0].seconds:.1f} the time for "
                       f"x{runs[-1].chars / runs[0].chars:.1f} the text (target: 1M chars <= 12x 100k, < 1.5 GB)")
    if "desk" not in skip:
        _bench_desk(desk_events)
    if "sqlite-store" not in skip or "pg-store" not in skip:
        from vigie.cli.bench_backends import bench_backends

        bench_backends(backend_reports, pg_url=pg_url, sqlite="sqlite-store" not in skip,
                       postgres="pg-store" not in skip)


def _repeated(articles: Sequence[Article], count: int) -> list[Article]:
    """``count`` articles: the corpus over and over."""
    return (list(articles) * -(-count // len(articles)))[:count]


def _bench_workers(articles: list, *, workers: int | None, rounds: int) -> None:  # type: ignore[type-arg]
    from vigie.bench import bench_workers
    from vigie.extract.parallel import available_workers

    n = workers or available_workers()
    if n <= 1:
        click.echo("  workers: one core available, no parallel figure")
        return
    w = bench_workers(articles, workers=n, rounds=rounds)
    click.echo(f"  {w.workers} workers: {w.articles / w.many_seconds:7.1f} articles/s against {w.articles / w.one_seconds:.1f} "
               f"with one process = {w.speedup:.2f}x (target >= 1.7x with 2 workers on 2 cores)")


def _bench_dask(articles: Sequence[Article], *, workers: int | None, rounds: int) -> None:
    from vigie.bench import bench_dask
    from vigie.extract.parallel import available_workers

    d = bench_dask(articles, workers=workers or max(2, available_workers()), rounds=rounds)
    click.echo(f"dask: {d.articles} articles on a local cluster of {d.workers} worker processes: "
               f"{d.articles / d.dask_seconds:.1f} articles/s against {d.articles / d.pool_seconds:.1f} with "
               f"--workers {d.workers} = {d.ratio:.2f} (target >= 0.85); same output: {'yes' if d.same_output else 'NO'}")


def _echo_profile(lines: Sequence[ProfileLine], *, top: int = 15) -> None:
    """vigie's own functions: where the time goes (cumulative) and the hot spots (own time)."""
    click.echo("  profile, vigie's functions by cumulative time (share of the profiled run):")
    for p in lines[:top]:
        click.echo(f"    {p.share:6.1%} {p.cumulative_seconds:7.2f} s {p.calls:8d} calls  {p.function}")
    click.echo("  profile, vigie's functions by own time:")
    for p in sorted(lines, key=lambda p: -p.own_seconds)[:top]:
        click.echo(f"    {p.own_seconds:7.2f} s own {p.calls:8d} calls  {p.function}")


def _bench_desk(events: int) -> None:
    """The web desk's bounded load test (4 clients, 200 requests per endpoint) on loopback."""
    import tempfile

    from vigie.web.bench import bench_desk

    with tempfile.TemporaryDirectory() as folder:
        built, results = bench_desk(Path(folder) / "desk.db", events=events)
    click.echo(f"web desk: {events} synthetic events written in {built:.1f} s; 4 clients on loopback")
    for r in results:
        click.echo(f"  {r.name:24s} {r.requests} requests, {r.errors} errors: p50 {r.p50:.0f} ms, "
                   f"p95 {r.p95:.0f} ms, p99 {r.p99:.0f} ms (target p95 < 200 ms)")


def _sizes(text: str, option: str) -> list[int]:
    """Comma-separated positive integers, or a one-line usage error naming ``option``."""
    try:
        sizes = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise click.BadParameter(f"{text!r} is not a comma-separated list of numbers", param_hint=option) from None
    if any(s <= 0 for s in sizes):
        raise click.BadParameter("sizes must be positive", param_hint=option)
    return sizes
