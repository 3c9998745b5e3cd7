"""The ``vigie`` command group. Each sub-command lives in its own module and is added here."""
from __future__ import annotations

import click

from vigie import settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db", envvar="VIGIE_DB", default=settings.get("db"), show_default=True,
    type=click.Path(dir_okay=False), help="SQLite database file (env: VIGIE_DB).",
)
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """vigie: French conflict news in, geocoded source-attributed ACLED-style events out."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


from vigie.cli.evaluate import evaluate_command  # noqa: E402  (commands register after the group)

cli.add_command(evaluate_command)
