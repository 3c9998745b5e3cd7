"""``vigie extract``: event reports straight from files, no database (design.md section 3)."""
from __future__ import annotations

import csv
import json
import sys

import click

from vigie.cli.options import engine_options, engine_workers, format_option

CSV_COLUMNS = (
    "article_id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "assoc_actor_2", "location", "admin1", "country", "latitude",
    "longitude", "geo_precision", "fatalities", "claims", "civilian_targeting", "evidence", "confidence",
)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@format_option("jsonl", "json", "csv", default="jsonl")
@click.option("--trace", "trace_path", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Also write, per article, what became of each sentence (JSON Lines), for vigie evaluate --trace.")
@engine_options
@click.pass_context
def extract_cmd(ctx: click.Context, paths: tuple[str, ...], fmt: str, trace_path: str | None, workers: int | None,
                scheduler: str | None) -> None:
    """Print the event reports of the articles in PATHS, one per article and event, without
    storing anything. Unreadable files are reported on stderr and make the exit code 1."""
    from vigie.errors import IngestError
    from vigie.extract.parallel import extract_articles_parallel
    from vigie.ingest import count_articles, read_paths  # deferred, as every library: `vigie --help` reads no article
    from vigie.serve.export import safe_cell

    failed = 0

    def articles():  # type: ignore[no-untyped-def]
        nonlocal failed
        for item in read_paths(paths):
            if isinstance(item, IngestError):
                failed += 1
                click.echo(f"error: {item.path}: {item.reason}", err=True)
            elif item.language != "fr":
                click.echo(f"skipped: {item.source_path or item.id}: unsupported language {item.language!r}", err=True)
            else:
                yield item

    trace: list[dict] | None = [] if trace_path else None
    n = engine_workers(workers, scheduler, articles=count_articles(paths))
    if scheduler is not None:
        from vigie.extract.cluster import extract_articles_cluster

        extracted = extract_articles_cluster(articles(), scheduler=scheduler, trace=trace)
    else:
        extracted = extract_articles_parallel(articles(), workers=n, trace=trace)
    rows = (r.to_dict() for _, reports in extracted for r in reports)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(list(rows), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: safe_cell(value) for key, value in _flat(row).items()})
    if trace is not None and trace_path:
        with open(trace_path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(t, ensure_ascii=False) + "\n" for t in trace)
    if failed:
        ctx.exit(1)


def _flat(row: dict) -> dict:  # type: ignore[no-untyped-def]
    """Lists joined with "; " and nested records as compact JSON, so a spreadsheet can open it."""
    out = dict(row)
    for key in ("assoc_actor_1", "assoc_actor_2"):
        out[key] = "; ".join(row[key])
    out["claims"] = json.dumps(row["claims"], ensure_ascii=False)
    out["evidence"] = " | ".join(e["text"] for e in row["evidence"])
    return out
