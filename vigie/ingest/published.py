"""When was an article published? Weighing the input, the text, reader comments and the capture time.

Why this matters: every relative date downstream ("mercredi", "la semaine passée") is resolved
against the publication date, so a wrong one moves every event. Captured pages carry the time
of the capture (often years later), which is not a publication date and must never be trusted
silently. The cascade, best evidence first:

1. ``given``: the date the input states (JSON Lines ``published``, HTML metadata) - source "input".
2. A wire dateline at a paragraph start ("Damas, 12 mars 2014 (AFP) -") - source "dateline".
3. A full date announced as the page's own ("Publié le 12/03/2014") - source "text".
4. The earliest reader-comment timestamp: a page is published before its first comment - "comment".
5. The latest full date named in the text that is not after the capture - "text", lower confidence:
   news is rarely published before the dates it reports.
6. The capture header - "capture_header", low confidence, and doubtful unless the text
   corroborates it.

A date found in the text after today is a misreading (or a bogus page) and is never chosen.
A date is marked ``doubtful`` with a ``note`` saying why when the evidence disagrees: a capture
header years after the years the text names or after the comments, or a page date later than
its own capture.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from vigie.ingest.dates import (
    DateRules,
    find_dateline,
    find_full_dates,
    find_marked_date,
    find_years,
    load_date_rules,
)


@dataclass(frozen=True)
class Publication:
    """The publication date chosen for an article and how far to trust it."""

    date: date | None
    source: str  # input | dateline | text | comment | capture_header | none
    confidence: float
    doubtful: bool = False
    note: str | None = None


def _header_doubts(captured: date, *, years: list[int], comment_dates: list[date], rules: DateRules) -> list[str]:
    """Reasons to distrust a capture header, from the years the text names and the comments."""
    reasons = []
    old_years = [y for y in years if y <= captured.year - rules.doubt_years]
    if old_years:
        reasons.append(
            f"the text names {', '.join(str(y) for y in sorted(set(old_years)))}, "
            f"years before the capture header ({captured.isoformat()})"
        )
    old_comments = [d for d in comment_dates if d.year <= captured.year - rules.doubt_years]
    if old_comments:
        reasons.append(
            f"reader comments are dated {min(old_comments).isoformat()}, years before the capture "
            f"header ({captured.isoformat()})"
        )
    return reasons


def infer_publication(
    *,
    given: date | None,
    text: str,
    comments: list[str],
    captured: datetime | None,
    rules: DateRules | None = None,
    today: date | None = None,
) -> Publication:
    """Choose the publication date of an article (cascade in the module docstring)."""
    rules = rules or load_date_rules()
    conf = rules.confidence
    if given is not None:
        return Publication(given, "input", conf["input"])
    cap = captured.date() if captured is not None else None
    latest_possible = (today or date.today()) + timedelta(days=1)

    def after_capture(d: date) -> bool:
        return cap is not None and d > cap

    for kind, hit, source in (
        ("dateline", find_dateline(text, rules=rules), "dateline"),
        ("marker", find_marked_date(text, rules=rules), "text"),
    ):
        if hit is None or hit.date > latest_possible:
            continue
        if after_capture(hit.date):
            note = f"the {kind} date {hit.date.isoformat()} is after the page's capture ({cap.isoformat()})"
            return Publication(hit.date, source, conf[kind] / 2, True, note)
        return Publication(hit.date, source, conf[kind])

    comment_dates = sorted(h.date for c in comments for h in find_full_dates(c, rules=rules))
    comment_dates = [d for d in comment_dates if not after_capture(d) and d <= latest_possible]
    years = find_years(text, rules=rules)
    doubts = _header_doubts(cap, years=years, comment_dates=comment_dates, rules=rules) if cap else []

    if comment_dates:
        first = comment_dates[0]
        note = f"earliest reader comment ({first.isoformat()})"
        if doubts:
            note += "; capture header not used: " + "; ".join(doubts)
        return Publication(first, "comment", conf["comment"], bool(doubts), note)

    mentions = [h.date for h in find_full_dates(text, rules=rules)
                if not after_capture(h.date) and h.date <= latest_possible]
    if mentions:
        latest = max(mentions)
        note = f"latest full date named in the text ({latest.isoformat()}); publication is on or after it"
        corroborated = cap is not None and (cap - latest).days <= rules.corroborate_days
        doubtful = cap is not None and not corroborated
        if doubtful:
            note += f"; capture header ({cap.isoformat()}) not used: it is {(cap - latest).days} days later"
        return Publication(latest, "text", conf["text_mention"], doubtful, note)

    if cap is not None:
        corroborated = cap.year in years and not doubts
        if corroborated:
            return Publication(cap, "capture_header", conf["capture_header"], False,
                               f"capture time only; the text names {cap.year}")
        reasons = doubts or ["no date or year in the text corroborates it"]
        note = "capture time, not a publication date: " + "; ".join(reasons)
        return Publication(cap, "capture_header", conf["capture_header_doubtful"], True, note)

    return Publication(None, "none", 0.0, False, "no date found")
