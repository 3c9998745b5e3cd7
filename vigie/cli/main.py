"""The ``vigie`` command group. Each sub-command lives in its own module and is added here."""
from __future__ import annotations

import click

from vigie import settings
from vigie.errors import VigieError


class OneLineErrors(click.Group):
    """The group that turns every expected failure into one line on stderr and exit code 1.

    Why here: each command raising its own ClickException would leave the next one to forget;
    the domain errors (a bad database, a malformed data file), file-system errors (an
    unwritable folder, ``-o`` into a missing one) and SQLite errors all end here instead of
    in a traceback. Database errors are SQLite's or PostgreSQL's (psycopg's), whichever backend
    ``--db`` chose.
    """

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        from vigie.store.backend import database_errors  # here: `vigie --help` needs no store

        try:
            return super().invoke(ctx)
        except VigieError as exc:
            raise click.ClickException(str(exc)) from exc
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from exc
        except database_errors() as exc:
            raise click.ClickException(f"database error: {' '.join(str(exc).split())}") from exc


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db", envvar="VIGIE_DB", default=settings.get("db"), show_default=True,
    help="SQLite database file, or a PostgreSQL URL postgresql://user@host/dbname (env: VIGIE_DB).",
)
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """vigie: French conflict news in, geocoded source-attributed ACLED-style events out."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


# Commands register after the group is defined.
from vigie.cli.articles import articles_cmd  # noqa: E402
from vigie.cli.bench import bench_cmd  # noqa: E402
from vigie.cli.evaluate import evaluate_command  # noqa: E402
from vigie.cli.events import event_cmd, events_cmd  # noqa: E402
from vigie.cli.export import export_cmd  # noqa: E402
from vigie.cli.extract import extract_cmd  # noqa: E402
from vigie.cli.gazetteer import gazetteer_cmd  # noqa: E402
from vigie.cli.ingest import ingest_cmd  # noqa: E402

for _command in (
    ingest_cmd, extract_cmd, events_cmd, event_cmd, export_cmd, articles_cmd, evaluate_command, bench_cmd,
):
    cli.add_command(_command)
cli.add_command(gazetteer_cmd)

from vigie.cli.outlets import outlets_cmd  # noqa: E402
from vigie.cli.reextract import reextract_cmd  # noqa: E402
from vigie.cli.sources import sources_cmd  # noqa: E402
from vigie.cli.train import train_cmd  # noqa: E402

cli.add_command(sources_cmd)
cli.add_command(train_cmd)
cli.add_command(outlets_cmd)
cli.add_command(reextract_cmd)

from vigie.cli.serve import serve_cmd, token_cmd  # noqa: E402

cli.add_command(serve_cmd)
cli.add_command(token_cmd)
