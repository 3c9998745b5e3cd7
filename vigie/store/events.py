"""Wrap one event report into a single-report ``Event``.

Why here: the store and the exports speak ``Event``; before (or without) the merge stage,
each stored report is its own event, and this is the one place deciding how its fields
become an event's (fatality range, sources, notes), so ``vigie export`` behaves the same
with or without merging.
"""
from __future__ import annotations

from vigie.models import Event, EventReport
from vigie.store.codec import report_id


def event_from_report(report: EventReport, *, event_id: str | None = None) -> Event:
    """An ``Event`` holding only ``report`` (``event_id`` defaults to the report's own id).

    Fatalities: best is the report's ACLED-rule figure; low and high span it and every
    non-vague fatality claim. The event is contested when two named sources give different
    fatality figures. Sources are the claims' sources in order, else the outlet. Notes are
    the evidence sentences, which is what an analyst reads first.
    """
    figures = [
        c for c in report.claims if c.is_fatality and c.qualifier != "vague" and c.value is not None
    ]
    values = [report.fatalities, *(c.value for c in figures if c.value is not None)]
    by_source: dict[str, set[int]] = {}
    for claim in figures:
        if claim.value is not None:
            by_source.setdefault(claim.source.casefold(), set()).add(claim.value)
    contested = len(by_source) > 1 and len(set().union(*by_source.values())) > 1
    sources = tuple(dict.fromkeys(c.source for c in report.claims if c.source))
    if not sources and report.outlet:
        sources = (report.outlet,)
    return Event(
        event_id=event_id or report_id(report),
        reports=(report,),
        event_date=report.event_date,
        date_precision=report.date_precision,
        event_type=report.event_type,
        sub_event_type=report.sub_event_type,
        actor1=report.actor1,
        actor2=report.actor2,
        place=report.place,
        assoc_actor_1=report.assoc_actor_1,
        assoc_actor_2=report.assoc_actor_2,
        civilian_targeting=report.civilian_targeting,
        fatalities_low=min(values),
        fatalities_best=report.fatalities,
        fatalities_high=max(values),
        sources=sources,
        contested=contested,
        grade="contested" if contested else "weak",
        notes=" ".join(e.text.strip() for e in report.evidence),
    )
