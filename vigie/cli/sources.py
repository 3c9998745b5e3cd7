"""``vigie sources [--unknown]``: the source registry, or the sources met that it does not know."""
from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from vigie.cli.options import get_db_path
from vigie.store import Store


@click.command("sources")
@click.option("--unknown", is_flag=True, help="List the sources met in articles that the registry does not know, most cited first.")
@click.pass_context
def sources_cmd(ctx: click.Context, unknown: bool) -> None:
    """List the source registry (name, type, stance, country), or with --unknown the unknown sources met."""
    console = Console()
    if unknown:
        with Store.open(get_db_path(ctx), create=False) as store:
            rows = store.unknown_sources()
        table = Table("source", "articles", "first seen in")
        for row in rows:
            table.add_row(row.name, str(row.count), row.first_seen_article or "")
        console.print(table)
        return
    from vigie.extract.attribution import SourceRegistry

    table = Table("source", "type", "stance", "country")
    for source in sorted(SourceRegistry.load(), key=lambda s: s.name.casefold()):
        table.add_row(source.name, source.type, source.stance, source.country or "")
    console.print(table)
