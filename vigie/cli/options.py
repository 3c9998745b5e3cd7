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
