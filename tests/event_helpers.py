"""Test helper: one report as its own merged event, built by the merge stage's own rules."""
from __future__ import annotations

from dataclasses import replace

from vigie.merge import merge_reports
from vigie.models import Event, EventReport


def event_from_report(report: EventReport, *, event_id: str | None = None) -> Event:
    """The event that merging makes of ``report`` alone, optionally renamed ``event_id``."""
    (event,) = merge_reports([report])
    return replace(event, event_id=event_id) if event_id else event
