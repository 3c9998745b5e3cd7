"""Terminal tables for events and articles, shared by several commands."""
from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from vigie.ingest.labels import safe_label
from vigie.models import Article, Event

PIPE_WIDTH = 200


def console() -> Console:
    """A console as wide as the terminal, or wide enough for a readable table when piped."""
    probe = Console()
    return probe if probe.is_terminal else Console(width=PIPE_WIDTH)


def events_table(events: Sequence[Event], *, console: Console) -> None:
    """One row per merged event: when, what, who, where, how many (low-best-high), who says so."""
    doubtful = sum(ev.date_doubtful for ev in events)
    caption = f"? = date doubtful ({doubtful} events): see vigie event ID" if doubtful else None
    table = Table(show_lines=False, title=f"{len(events)} events", caption=caption)
    for col in ("id", "date", "sub-type", "actor 1", "actor 2", "location", "admin1", "deaths", "grade", "sources"):
        table.add_column(col, overflow="fold")
    for ev in events:
        place = ev.place
        deaths = (
            str(ev.fatalities_best) if ev.fatalities_low == ev.fatalities_high
            else f"{ev.fatalities_low}-{ev.fatalities_best}-{ev.fatalities_high}"
        )
        table.add_row(
            ev.event_id, ev.event_date.isoformat() + (" ?" if ev.date_doubtful else ""), ev.sub_event_type, ev.actor1 or "", ev.actor2 or "",
            place.name if place else "", place.admin1 or "" if place else "",
            deaths + (" (contested)" if ev.contested else ""), ev.grade, "; ".join(ev.sources),
        )
    console.print(table)


def articles_table(articles: Sequence[tuple[Article, str]], *, console: Console) -> None:
    """One row per stored article, with its status and the publication-date flag."""
    table = Table(title=f"{len(articles)} articles")
    for col in ("id", "published", "source of date", "outlet", "lang", "status", "title"):
        table.add_column(col, overflow="fold")
    for art, status in articles:
        published = art.published.isoformat() if art.published else "?"
        if art.published_doubtful:
            published += " (doubtful)"
        table.add_row(
            safe_label(art.id) or "", published, art.published_source, safe_label(art.outlet) or "",
            art.language, status, (safe_label(art.title) or "")[:60],
        )
    console.print(table)
