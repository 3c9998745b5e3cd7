"""``vigie ingest``: files and folders into the database, with a progress bar and a summary."""
from __future__ import annotations

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from vigie.cli.options import get_db_path
from vigie.pipeline import ingest_paths
from vigie.store import Store


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; print only the summary.")
@click.pass_context
def ingest_cmd(ctx: click.Context, paths: tuple[str, ...], quiet: bool) -> None:
    """Read articles from PATHS (files or folders: capture .txt, .txt, .html, .jsonl), extract
    their events, store them and merge them into events.

    Ingesting the same article twice changes nothing. Files that cannot be read are listed with
    their reason; the rest of the batch goes on and the exit code is 1.
    """
    err = Console(stderr=True)
    with Store.open(get_db_path(ctx)) as store:
        with Progress(
            SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
            TextColumn("{task.completed} items"), TimeElapsedColumn(),
            console=err, disable=quiet, transient=True,
        ) as progress:
            task = progress.add_task("ingesting", total=None)
            summary = ingest_paths(
                store, paths, on_item=lambda label: progress.update(task, advance=1, description=label[:40]),
            )
    for error in summary.errors:
        click.echo(f"error: {error.path}: {error.reason}", err=True)
    click.echo(
        f"read {summary.read}, new {summary.new}, duplicates {summary.duplicates}, "
        f"unsupported language {summary.unsupported}, failed {summary.failed}, "
        f"event reports {summary.reports} (run {summary.run_id})"
    )
    if summary.failed:
        ctx.exit(1)
