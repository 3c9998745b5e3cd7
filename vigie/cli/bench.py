"""``vigie bench``: throughput figures against the targets of design.md section 7."""
from __future__ import annotations

from pathlib import Path

import click

from vigie.errors import IngestError
from vigie.ingest import read_paths

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "examples"


@click.command("bench")
@click.option(
    "--corpus", "corpus", type=click.Path(exists=True), default=str(DEFAULT_CORPUS), show_default=True,
    help="Articles to time extraction on (files or a folder).",
)
@click.option("--repeat", type=int, default=10, show_default=True, help="Times the corpus is repeated, to time a realistic batch.")
@click.option("--rounds", type=int, default=3, show_default=True, help="Timed runs per measure; the best is kept.")
@click.option("--merge-sizes", default="10000,100000", show_default=True, help="Comma-separated numbers of synthetic reports to merge.")
@click.option("--skip", type=click.Choice(["extract", "gazetteer", "merge", "desk"]), multiple=True, help="Measures to leave out.")
@click.option("--desk-events", type=int, default=100_000, show_default=True, help="Synthetic events in the web desk's load test.")
def bench_cmd(corpus: str, repeat: int, rounds: int, merge_sizes: str, skip: tuple[str, ...], desk_events: int) -> None:
    """Print extraction speed against the bare fr_core_news_md parse (articles/s, words/s, ratio,
    peak memory), gazetteer load and lookup speed, merge throughput at several store sizes, and the
    web desk's latencies (p50/p95/p99) on a synthetic store."""
    if "extract" not in skip:
        from vigie.bench import bench_extract

        articles = [a for a in read_paths([corpus]) if not isinstance(a, IngestError) and a.language == "fr"]
        if not articles:
            raise click.ClickException(f"{corpus}: no French article to time")
        result = bench_extract(articles * repeat, rounds=rounds)
        click.echo(f"extraction: {result.articles} articles, {result.words} words (corpus {corpus} x{repeat})")
        click.echo(
            f"  bare parse : {result.bare_seconds:7.2f} s  {result.articles / result.bare_seconds:7.1f} articles/s"
            f"  {result.words / result.bare_seconds:9.0f} words/s  peak {result.bare_peak_mb:.0f} MiB"
        )
        click.echo(
            f"  vigie      : {result.full_seconds:7.2f} s  {result.articles / result.full_seconds:7.1f} articles/s"
            f"  {result.words / result.full_seconds:9.0f} words/s  peak {result.full_peak_mb:.0f} MiB"
        )
        click.echo(f"  ratio vigie / bare parse: {result.ratio:.2f} (target <= 1.30)")
    if "gazetteer" not in skip:
        from vigie.resolve.gazetteer import bench as bench_gazetteer

        from vigie.resolve.coverage import UCDP_GED, package_megabytes, ucdp_coverage

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
    if "merge" not in skip:
        from vigie.merge.bench import bench_merge

        for size in (int(s) for s in merge_sizes.split(",") if s.strip()):
            m = bench_merge(size)
            click.echo(
                f"merge: {int(m['reports'])} synthetic reports -> {int(m['events'])} events in "
                f"{m['seconds']:.1f} s ({m['reports_per_second']:.0f} reports/s; "
                f"{m['ms_per_report_last']:.3f} ms per new report at the end)"
            )
        click.echo("  (target: 100,000 reports in < 30 s; time per new report flat as the store grows)")
    if "desk" not in skip:
        _bench_desk(desk_events)


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
