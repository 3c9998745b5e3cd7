"""``vigie ingest``: files and folders into the database, with a progress bar and a summary."""
from __future__ import annotations

from datetime import datetime

import click

from vigie.cli.options import engine_options, engine_workers, get_db_path
from vigie.cli.progress import progress
from vigie.errors import IngestError
from vigie.store import Store


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--quiet", "-q", is_flag=True, help="No progress (bar on a terminal, a line every 100 items otherwise); only the summary.")
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Publication date (YYYY-MM-DD) of every article read, over what the files say.")
@click.option("--outlet", default=None, help="Outlet of every article read, over what the files say.")
@engine_options
@click.pass_context
def ingest_cmd(ctx: click.Context, paths: tuple[str, ...], quiet: bool,
               published: datetime | None, outlet: str | None, workers: int | None, scheduler: str | None) -> None:
    """Read articles from PATHS (files or folders: capture .txt, .txt, .html, .jsonl), extract
    their events, store them and merge them into events.

    Ingesting the same article twice changes nothing. Files that cannot be read are listed with
    their reason; the rest of the batch goes on and the exit code is 1.

    An article's date and outlet can be given beside it: a sidecar NAME.meta.json next to
    NAME.txt, or a meta.jsonl in its folder with one {"file": "NAME.txt", "published":
    "YYYY-MM-DD", "outlet": ..., "url": ..., "title": ...} per line. Events whose date rests
    on no trusted publication date are marked "date doubtful".

    Extraction runs on --workers processes or on a Dask cluster (--scheduler); this process
    reads, stores and merges, and the stored result is the same as with one worker.
    """
    # the ingest stage and the pipeline load when the command runs, not for every vigie command
    from vigie.ingest import ArticleMeta, count_articles
    from vigie.ingest.build import check_not_future
    from vigie.pipeline import ingest_paths

    day = published.date() if published else None
    try:
        check_not_future(day, path="--published")
    except IngestError as exc:
        raise click.BadParameter(exc.reason, param_hint="--published") from exc
    meta = ArticleMeta(published=day, outlet=(outlet or "").strip() or None)
    total = count_articles(paths)
    n = engine_workers(workers, scheduler, articles=total)
    with Store.open(get_db_path(ctx)) as store:
        with progress("ingest", total=total, quiet=quiet) as tick:
            summary = ingest_paths(store, paths, meta=meta, on_item=tick, workers=n, scheduler=scheduler)
    for error in summary.errors:
        click.echo(f"error: {error.path}: {error.reason}", err=True)
    _name_files("duplicate (already stored)", summary.duplicate_files)
    _name_files("not French (stored, not extracted)", summary.unsupported_files)
    click.echo(
        f"read {summary.read}, new {summary.new}, duplicates {summary.duplicates}, "
        f"replaced {summary.replaced}, "
        f"unsupported language {summary.unsupported}, failed {summary.failed}, "
        f"event reports {summary.reports} (run {summary.run_id})"
    )
    if summary.failed:
        ctx.exit(1)


def _name_files(what: str, names: list[str], *, shown: int = 10) -> None:
    """Name the first ``shown`` files of a kind on stderr, then how many more there are."""
    for name in names[:shown]:
        click.echo(f"{what}: {name}", err=True)
    if len(names) > shown:
        click.echo(f"{what}: ... and {len(names) - shown} more", err=True)
