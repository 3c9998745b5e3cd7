"""Records the store returns about itself (runs, refused files, unknown sources, counts).

They are not pipeline records, so they live here rather than in ``vigie.models``.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class IngestRun:
    """One ``vigie ingest`` batch: what it read and what became of it."""

    id: int
    started: str
    finished: str | None
    paths: tuple[str, ...]
    read: int | None = None
    new: int | None = None
    duplicates: int | None = None
    failed: int | None = None


@dataclass(frozen=True)
class IngestFailure:
    """A file a run could not turn into an article, and why."""

    run_id: int
    path: str
    reason: str


@dataclass(frozen=True)
class UnknownSource:
    """A source name the attribution step met and the registry does not know."""

    name: str
    first_seen_article: str | None
    count: int  # number of distinct articles citing it


@dataclass(frozen=True)
class StoreCounts:
    """Row counts, for ``vigie status``-like summaries."""

    articles: int
    reports: int
    events: int
    runs: int
    articles_by_status: dict[str, int] = field(default_factory=dict)
