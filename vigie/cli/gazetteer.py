"""``vigie gazetteer import FILE`` and ``vigie gazetteer lookup NAME``."""
from __future__ import annotations

import json
from pathlib import Path

import click

from vigie.cli.options import get_db_path
from vigie.errors import VigieError


@click.group("gazetteer")
def gazetteer_cmd() -> None:
    """The place gazetteer: import a GeoNames dump, look names up, rebuild the packaged table."""


@gazetteer_cmd.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--admin1", "admin1", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="GeoNames admin1CodesASCII.txt, for governorate names.")
@click.pass_context
def import_cmd(ctx: click.Context, file: Path, admin1: Path | None) -> None:
    """Load a GeoNames dump (SY.zip, SY.txt, allCountries format) into the database."""
    from vigie.resolve.geonames_import import import_geonames
    from vigie.store import Store

    try:
        with Store.open(get_db_path(ctx)) as store:
            result = import_geonames(store, file, admin1_path=admin1)
    except VigieError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{result.rows} places and {result.admin1_rows} governorates imported from {file}")


@gazetteer_cmd.command("build")
@click.option("--data", "data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/data"), show_default=True,
              help="Folder of the raw sources (ocha_pplp_syria/, ocha_cod_syria/, opensyria_geography/, geonames/).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Table to write (default: the packaged vigie/data/gazetteer.tsv).")
def build_cmd(data: Path, output: Path | None) -> None:
    """Maintainers: rebuild the packaged gazetteer table (and its keys) from the raw open sources."""
    from vigie.data import data_path
    from vigie.resolve.gazetteer_build import build

    out = output or data_path("gazetteer.tsv")
    try:
        counts = build(data, out)
    except (OSError, KeyError, ValueError) as exc:
        raise click.ClickException(f"gazetteer build from {data}: {exc}") from exc
    click.echo(f"{out}: " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))


@gazetteer_cmd.command("lookup")
@click.argument("name")
@click.option("--governorate", "governorates", multiple=True,
              help="A governorate named near the mention (repeatable), e.g. Idlib.")
@click.option("--relation", default="", help="Words before the mention, e.g. \"près de\".")
@click.option("--country", default=None,
              help="ISO code of the country the article is about (default: from the governorates, else SY).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def lookup_cmd(ctx: click.Context, name: str, governorates: tuple[str, ...], relation: str,
               country: str | None, as_json: bool) -> None:
    """The candidates for NAME (key, score, governorate, population, feature) and why one wins."""
    from vigie.resolve.gazetteer import Gazetteer
    from vigie.resolve.places import PlaceContext, PlaceResolver

    try:
        gaz = Gazetteer.load(get_db_path(ctx))
    except VigieError as exc:
        raise click.ClickException(str(exc)) from exc
    resolver = PlaceResolver(gaz)
    context = PlaceContext(governorates=governorates, relation=relation, country=country)
    read = gaz.reader.read(name, relation=relation)
    keys = gaz.keys(read.core)
    article_country = resolver.article_country(context)
    ranked = resolver.rank(gaz.lookup(read.core, country=article_country), context=context,
                           feature=read.feature)
    place = resolver.resolve(name, context=context)
    if as_json:
        click.echo(json.dumps({
            "mention": name, "core": read.core, "feature": read.feature, "near": read.near,
            "province": read.province, "keys": keys.__dict__, "country": article_country,
            "never_a_place": resolver.non_places.rejects(read.core) if read.core else False,
            "candidates": [{
                "name": s.candidate.entry.name, "id": s.candidate.entry.id,
                "tier": s.candidate.tier, "key": s.candidate.key, "score": s.candidate.score,
                "admin1": s.candidate.entry.admin1, "population": s.candidate.entry.population,
                "feature": s.candidate.entry.feature, "rank_score": round(s.score, 2),
                "reasons": list(s.reasons)} for s in ranked],
            "resolved": place.__dict__ if place else None,
        }, ensure_ascii=False, indent=2))
        return
    click.echo(f"mention {name!r}: core {read.core!r}, feature {read.feature}, near {read.near}, "
               f"province {read.province}")
    click.echo(f"keys: vkey={keys.vkey} skeleton={keys.skeleton} bare={keys.bare}; "
               f"loose matches kept in {article_country}")
    for s in ranked:
        e = s.candidate.entry
        click.echo(f"  {s.score:6.2f}  {e.name} [{e.id}] {e.feature}, {e.admin1 or '-'} "
                   f"({e.country_code}), pop {e.population}, {e.latitude:.4f},{e.longitude:.4f}"
                   f"  tier={s.candidate.tier} key={s.candidate.key}")
        click.echo(f"          {'; '.join(s.reasons)}")
    if place is None:
        click.echo("resolved: nothing (unknown name, a word that is never a place, a whole "
                   "country, or only loose matches abroad or far from the article's places)")
    else:
        click.echo(f"resolved: {place.name}, {place.admin1}, {place.country} "
                   f"({place.latitude:.4f}, {place.longitude:.4f}) precision {place.geo_precision}")
