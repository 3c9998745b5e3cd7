"""The current filter exported as ACLED CSV, JSON Lines or GeoJSON (the CLI's writers).

Why CSV cells are neutralised here too: a cell starting with ``=``, ``+``, ``-`` or ``@`` is
a formula to a spreadsheet, and article text reaches the notes and actor columns; the shared
writer (:func:`vigie.serve.export.write_acled_csv`) does it for the CLI as well.
"""
from __future__ import annotations

import io
from collections.abc import Iterator

from vigie.models import Event
from vigie.serve.export import write_acled_csv, write_geojson, write_jsonl
from vigie.store import Store
from vigie.store.loading import load_events
from vigie.web.query import EventQuery

FORMATS = {
    "csv": (write_acled_csv, "text/csv; charset=utf-8"),
    "jsonl": (write_jsonl, "application/x-ndjson; charset=utf-8"),
    "geojson": (write_geojson, "application/geo+json; charset=utf-8"),
}
_CHUNK = 500


def filtered_events(store: Store, query: EventQuery) -> Iterator[Event]:
    """Every event of the filter (no paging), in the query's order, loaded in chunks."""
    where, params = query.where()
    ids = [r[0] for r in store.conn.execute(
        f"SELECT e.seq FROM events e WHERE {where} ORDER BY {query.order}", params
    )]
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        rows = store.conn.execute(
            f"SELECT * FROM events WHERE seq IN ({', '.join('?' for _ in chunk)})", chunk
        ).fetchall()
        order = {seq: n for n, seq in enumerate(chunk)}
        yield from load_events(store.conn, sorted(rows, key=lambda r: order[r["seq"]]))


def export_text(store: Store, query: EventQuery, fmt: str) -> tuple[str, str]:
    """(body, media type) of the export of ``query`` in ``fmt``."""
    writer, media = FORMATS[fmt]
    out = io.StringIO()
    writer(filtered_events(store, query), out)
    return out.getvalue(), media
