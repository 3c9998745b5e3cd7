"""Option decorators shared by several commands, so each flag is spelled and documented once."""
from __future__ import annotations

import click

from vigie import settings


def format_option(*choices: str, default: str) -> click.Option:
    """``--format`` restricted to ``choices``."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
        help="Output format.",
    )


def get_db_path(ctx: click.Context) -> str:
    """The database path chosen by ``--db`` / ``VIGIE_DB`` on the top-level group."""
    root = ctx.find_root()
    return (root.obj or {}).get("db") or settings.get("db")


def event_filters(func):  # type: ignore[no-untyped-def]
    """The filters shared by ``vigie events`` and ``vigie export`` (see ``vigie.store.Filters``)."""
    options = [
        click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="First event date (YYYY-MM-DD)."),
        click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Last event date (YYYY-MM-DD)."),
        click.option("--admin1", help="Governorate, any spelling: Idlib, Idleb, Damas, Rif Damas..."),
        click.option("--type", "event_type", help="ACLED event type or sub-type, e.g. Battles or 'Air/drone strike'."),
        click.option("--actor", help="Actor, any alias the registry knows (Hezbollah libanais, Daech...), as actor 1, actor 2 or associated actor."),
        click.option("--source", help="A source among the event's (any alias: SOHR = OSDH)."),
        click.option("--outlet", help="The outlet of one of the event's reports."),
        click.option("--grade", type=click.Choice(["confirmed", "fair", "weak", "contested", "discounted"]),
                     help="The event's grade."),
        click.option("--contested/--uncontested", default=None, help="Only contested (or only uncontested) events."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def filter_kwargs(date_from, date_to, admin1, event_type, actor, source, outlet,  # type: ignore[no-untyped-def]
                  grade, contested) -> dict:
    """The keyword arguments of ``Store.events`` built from :func:`event_filters`' options;
    a reversed date range is a usage error, not an empty answer."""
    from vigie.serve.terms import canonical_actor, canonical_admin1, canonical_source  # read as extraction reads

    if date_from and date_to and date_from > date_to:
        raise click.BadParameter(
            f"--from {date_from.date()} is after --to {date_to.date()}", param_hint="--from/--to"
        )
    return {
        "date_from": date_from.date() if date_from else None,
        "date_to": date_to.date() if date_to else None,
        "admin1": canonical_admin1(admin1) if admin1 else None,
        "event_type": event_type,
        "actor": canonical_actor(actor) if actor else None,
        "source": canonical_source(source) if source else None,
        "outlet": outlet,
        "grade": grade,
        "contested": contested,
    }


def engine_options(func):  # type: ignore[no-untyped-def]
    """``--workers`` and ``--scheduler``, shared by ``vigie extract`` and ``vigie ingest``."""
    func = click.option(
        "--scheduler", metavar="ADDRESS", default=None,
        help="Extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786) instead of "
             "local processes; this process still reads and writes. Output identical to one worker.",
    )(func)
    return click.option(
        "--workers", type=click.IntRange(min=1), default=None,
        help="Worker processes extracting in parallel, each loading the model (about 1 GB); output "
             "identical to one worker.  [default: the cores available, at most one per GB of available "
             "memory, and in this process when the input fits in one chunk of two batches]",
    )(func)


def engine_workers(workers: int | None, scheduler: str | None, *, articles: int) -> int:
    """The worker processes to run for ``articles`` articles: ``--workers`` as given, else
    :func:`vigie.extract.parallel.default_workers` (a pool that costs more to start than it
    saves on a small input is not started). With ``--scheduler`` the cluster's workers do the work."""
    from vigie.extract.parallel import default_workers, workers_for

    if scheduler is not None:
        if workers is not None:
            raise click.BadParameter("give --workers or --scheduler, not both", param_hint="--workers")
        return 1
    return workers if workers is not None else workers_for(articles, default_workers())
