"""``vigie export``: merged events as ACLED CSV, JSON Lines or GeoJSON."""
from __future__ import annotations

import sys

import click

from vigie.cli.options import event_filters, filter_kwargs, format_option, get_db_path
from vigie.serve.export import write_acled_csv, write_geojson, write_jsonl
from vigie.store import Store

WRITERS = {"csv": write_acled_csv, "jsonl": write_jsonl, "geojson": write_geojson}


@click.command("export")
@format_option("csv", "jsonl", "geojson", default="csv")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="File to write (default: standard output).")
@event_filters
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, output: str | None, **filters: object) -> None:
    """Export merged events: csv (ACLED's columns and order), jsonl (events with their reports and
    claims) or geojson (points), filtered like ``vigie events``."""
    with Store.open(get_db_path(ctx), create=False) as store:
        events = store.events(**filter_kwargs(**filters))
    newline = "" if fmt == "csv" else None
    if output:
        with open(output, "w", encoding="utf-8", newline=newline) as fh:
            WRITERS[fmt](events, fh)
        click.echo(f"{len(events)} events written to {output}", err=True)
    else:
        WRITERS[fmt](events, sys.stdout)
