"""Terminal tables for events and articles, shared by several commands."""
from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from vigie.models import Article, Event

PIPE_WIDTH = 200


def console() -> Console:
    """A console as wide as the terminal, or wide enough for a readable table when piped."""
    probe = Console()
    return probe if probe.is_terminal else Console(width=PIPE_WIDTH)


WIDE = 140  # below this many columns the events table drops actors, admin1 and sources


def events_table(events: Sequence[Event], *, console: Console) -> None:
    """One row per merged event: when, what, who, where, how many, who says so. On a narrow
    terminal (an 80-column one) a compact layout keeps what fits; ``vigie event ID`` has the rest."""
    wide = console.width >= WIDE
    doubtful = sum(ev.date_doubtful for ev in events)
    notes = ["deaths: one figure, or low-best-high when sources differ"]
    if doubtful:
        notes.append(f"? = date doubtful ({doubtful} events): see vigie event ID")
    table = Table(show_lines=False, title=f"{len(events)} events", caption="; ".join(notes))
    columns = ("id", "date", "sub-type", "actor 1", "actor 2", "location", "admin1", "deaths", "grade", "sources")
    if not wide:
        columns = ("id", "date", "sub-type", "location", "deaths", "grade")
    for col in columns:
        table.add_column(col, overflow="fold")
    for ev in events:
        place = ev.place
        deaths = (
            str(ev.fatalities_best) if ev.fatalities_low == ev.fatalities_high
            else f"{ev.fatalities_low}-{ev.fatalities_best}-{ev.fatalities_high}"
        )
        cells = {
            "id": ev.event_id, "date": ev.event_date.isoformat() + (" ?" if ev.date_doubtful else ""),
            "sub-type": ev.sub_event_type, "actor 1": ev.actor1 or "", "actor 2": ev.actor2 or "",
            "location": place.name if place else "", "admin1": (place.admin1 or "") if place else "",
            "deaths": deaths + (" (contested)" if ev.contested else ""), "grade": ev.grade,
            "sources": "; ".join(ev.sources),
        }
        table.add_row(*(cells[c] for c in columns))
    console.print(table)


def articles_table(articles: Sequence[tuple[Article, str]], *, console: Console) -> None:
    """One row per stored article, with its status and the publication-date flag."""
    from vigie.ingest.labels import safe_label  # the ingest stage loads only for the commands that list articles

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
