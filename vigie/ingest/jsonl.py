"""Reader for JSON Lines: one article per line, ``{"id","url","outlet","published","title","text","language"}``.

Only ``text`` is required. A bad line is an IngestError naming ``file:line`` and the other
lines go on: one broken record must not cost a whole batch.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime

from vigie.errors import IngestError
from vigie.ingest.document import RawDocument

_STRING_FIELDS = ("id", "url", "outlet", "title", "language")


def parse_published(value: object) -> date | None:
    """The ``published`` field as a date: ISO date or datetime string; None when absent or empty."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be a string, got {type(value).__name__}")
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"invalid published date {value!r} (expected YYYY-MM-DD)") from None


def parse_record(line: str, *, path: str) -> RawDocument:
    """One JSON line as a RawDocument; raise IngestError naming ``path`` (already ``file:line``)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(path, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise IngestError(path, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(path, "missing or empty \"text\"")
    fields: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, (str, int)):
            raise IngestError(path, f"\"{name}\" must be a string")
        fields[name] = str(value) if value is not None and str(value).strip() else None
    try:
        given = parse_published(record.get("published"))
    except ValueError as exc:
        raise IngestError(path, str(exc)) from exc
    return RawDocument(
        path=path, raw_text=text, body=text, given=given,
        id=fields["id"], url=fields["url"], outlet=fields["outlet"],
        title=fields["title"], language=fields["language"],
    )


def read_jsonl(text: str, *, path: str) -> Iterator[RawDocument | IngestError]:
    """Every record of a JSON Lines file, or an IngestError for each bad line; blank lines are skipped."""
    if not text.strip():
        yield IngestError(path, "empty file")
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield parse_record(line, path=f"{path}:{lineno}")
        except IngestError as exc:
            yield exc
