"""``vigie events`` (a filtered table of merged events) and ``vigie event ID`` (one event in full)."""
from __future__ import annotations

import click

from vigie.cli.options import event_filters, filter_kwargs, get_db_path
from vigie.cli.render import console, events_table
from vigie.store import Store


@click.command("events")
@event_filters
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many events.")
@click.pass_context
def events_cmd(ctx: click.Context, limit: int | None, **filters: object) -> None:
    """List merged events as a table, filtered by date range, governorate, type and actor."""
    with Store.open(get_db_path(ctx), create=False) as store:
        events = store.events(**filter_kwargs(**filters), limit=limit)
    events_table(events, console=console())


@click.command("event")
@click.argument("event_id")
@click.pass_context
def event_cmd(ctx: click.Context, event_id: str) -> None:
    """Show one merged event with all its reports, sources, claims and evidence sentences."""
    with Store.open(get_db_path(ctx), create=False) as store:
        event = store.event(event_id)
        if event is None:
            raise click.ClickException(f"no event {event_id!r}")
        outlets = {r.article_id: (store.article(r.article_id) or None) for r in event.reports}
    place = event.place
    click.echo(f"{event.event_id}  {event.event_date} ({event.date_precision})  {event.event_type} / {event.sub_event_type}")
    if event.date_doubtful:
        click.echo(f"  date doubtful: {event.date_note}")
    click.echo(f"  actors: {event.actor1} [{'; '.join(event.assoc_actor_1)}] vs {event.actor2} [{'; '.join(event.assoc_actor_2)}]")
    if place:
        click.echo(f"  place: {place.name}, {place.admin1}, {place.country} ({place.latitude:.4f}, {place.longitude:.4f}) precision {place.geo_precision}")
    click.echo(
        f"  fatalities: low {event.fatalities_low}, best {event.fatalities_best}, high {event.fatalities_high}"
        f"{' (contested)' if event.contested else ''}; grade {event.grade}"
    )
    click.echo(f"  sources: {'; '.join(event.sources)}")
    if event.notes:
        click.echo(f"  notes: {event.notes}")
    for report in event.reports:
        article = outlets.get(report.article_id)
        outlet = article.outlet if article else report.outlet
        click.echo(f"\n  report from {report.article_id} ({outlet or 'unknown outlet'}), {report.event_date}, {report.sub_event_type}")
        for claim in report.claims:
            count = claim.count if claim.count is not None else f"~{claim.estimate}"
            click.echo(f"    claim: {count} {claim.who} ({claim.qualifier}) according to {claim.source}: \"{claim.quote}\"")
        for ev in report.evidence:
            click.echo(f"    evidence [{ev.start}:{ev.end}]: {ev.text}")
