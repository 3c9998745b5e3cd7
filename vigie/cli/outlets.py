"""``vigie outlets``: each outlet's framing profile (loaded terms per camp per 1000 words)."""
from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from vigie.cli.options import get_db_path
from vigie.store import Store


@click.command("outlets")
@click.pass_context
def outlets_cmd(ctx: click.Context) -> None:
    """Show each outlet's framing: loaded terms per camp per 1000 words and its top terms."""
    from vigie.extract.attribution import SourceRegistry
    from vigie.merge import persist
    from vigie.merge.framing import FramingLexicon, outlet_profiles

    registry = SourceRegistry.load()
    with Store.open(get_db_path(ctx), create=False) as store:
        profiles = outlet_profiles(persist.framings(store), outlet_name=registry.canonical)
    sides = FramingLexicon.load().sides
    table = Table("outlet", "articles", "words", *(f"{s} /1000w" for s in sides), "top terms")
    for p in profiles:
        table.add_row(
            p.outlet, str(p.articles), str(p.words),
            *(f"{p.per_1000.get(s, 0.0):.2f}" for s in sides),
            ", ".join(f"{term} ({n})" for term, n in p.top_terms),
        )
    Console(width=160).print(table)
