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
        click.option("--admin1", help="Governorate, e.g. Idlib."),
        click.option("--type", "event_type", help="ACLED event type or sub-type, e.g. Battles or 'Air/drone strike'."),
        click.option("--actor", help="Canonical actor name, as actor 1, actor 2 or associated actor."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def filter_kwargs(date_from, date_to, admin1, event_type, actor) -> dict:  # type: ignore[no-untyped-def]
    """The keyword arguments of ``Store.events`` built from :func:`event_filters`' options;
    a reversed date range is a usage error, not an empty answer."""
    if date_from and date_to and date_from > date_to:
        raise click.BadParameter(
            f"--from {date_from.date()} is after --to {date_to.date()}", param_hint="--from/--to"
        )
    return {
        "date_from": date_from.date() if date_from else None,
        "date_to": date_to.date() if date_to else None,
        "admin1": admin1,
        "event_type": event_type,
        "actor": actor,
    }
