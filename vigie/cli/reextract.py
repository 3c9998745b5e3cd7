"""``vigie reextract``: extraction and merging again over the stored articles, after the data
files (actors, triggers, sources, gazetteer additions) changed."""
from __future__ import annotations

import click

from vigie.cli.options import get_db_path
from vigie.cli.progress import progress
from vigie.store import Store


@click.command("reextract")
@click.option("--quiet", "-q", is_flag=True, help="No progress; only the summary.")
@click.pass_context
def reextract_cmd(ctx: click.Context, quiet: bool) -> None:
    """Re-run extraction and merging over every stored French article, so that changed data
    files reach the events already stored. Reports that do not change keep their events."""
    from vigie.pipeline import reextract  # loads extraction only when the command runs

    with Store.open(get_db_path(ctx), create=False) as store:
        total = store.counts().articles_by_status.get("ok", 0)
        with progress("reextract", total=total, quiet=quiet) as tick:
            summary = reextract(store, on_item=tick)
    for error in summary.errors:
        click.echo(f"error: {error.path}: {error.reason}", err=True)
    click.echo(f"articles {summary.read}, changed {summary.new}, event reports {summary.reports}, "
               f"failed {summary.failed} (run {summary.run_id})")
    if summary.failed:
        ctx.exit(1)
