"""What a reader hands to the article builder: the raw text and whatever the input said about it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class RawDocument:
    """One article as read, before cleaning. ``path`` names it in messages ("file" or "file:line")."""

    path: str
    raw_text: str
    body: str
    title: str | None = None
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    given: date | None = None
    captured: datetime | None = None
    language: str | None = None
    comments: tuple[str, ...] = ()
