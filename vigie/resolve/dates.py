"""Date an event from the time expressions of its sentence, against the publication date.

The rules are explicit (they are the contract the extraction stage relies on), not left to a
generic parser's heuristics for French relative dates:

1. Weekdays: "mercredi", "ce dimanche", "samedi soir" -> the most recent such day on or before
   publication (the publication day itself counts); "lundi dernier" -> strictly before;
   "vendredi prochain" -> strictly after (kind ``future``); "la nuit de samedi à dimanche" -> the
   morning the night ended (dimanche, the most recent one on or before publication: the coders of
   the real corpus date a night so in 8 of its 11 nights). With ``wire=False`` (periodicals, retrospective pieces) a bare weekday equal to the
   publication's weekday means a week earlier; "ce mercredi" is always the same day.
2. Relative days: "hier" -1, "avant-hier" -2, "aujourd'hui" / "ce matin" / "ce soir" 0,
   "cette nuit" 0 (the night ending on the publication morning: the report does not say when it
   began), "la veille" -1.
3. Explicit dates: "le 19 août", "19 août 2013", "le 3 mars dernier", "1er juin"; without a year,
   the most recent such date on or before publication.
4. Months and named periods: "en mai" / "le mois dernier" -> the month's midpoint, precision month
   (never after publication); "début mai" / "mi-mai" / "fin mai" -> the 5th / 15th / 25th, precision
   week; "la semaine dernière" / "passée" -> the Thursday of the previous Monday-Sunday week,
   precision week; "il y a deux jours" -> day; "il y a trois semaines" -> week; "il y a deux mois"
   -> month.
5. Starts: "depuis dimanche", "lancée le 19 août", "(19 mai 2013)" after "offensive" are kind
   ``start``. A start at most ``start_max_age_days`` (7) old dates the event (precision day for a
   day). An older start does not: the event is reported by its outcome, dated on publication with
   precision week.
6. Recent spans: "ces dernières 48 heures", "au cours des dernières 24 heures", "depuis deux jours"
   (<= 2 days) -> publication date, precision day; "ces derniers jours", "depuis une semaine"
   (<= 10 days) -> the span's middle day, precision week; longer spans date nothing.
7. Nothing found: the publication date with precision week (design: undated events the article
   treats as current news), ``is_default=True``.

Several expressions: a day-precision event expression wins over a week/month one, which wins over
a start, a span, then a future one; ties go to the expression nearest ``anchor`` (the trigger's
offset) when given, else to the first.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from vigie.models import DatePrecision
from vigie.resolve.time_expressions import Kind, TimeExpression, find_time_expressions, load_lexicon

_RANK = {"event": 0, "start": 2, "span": 3, "future": 4}


@dataclass(frozen=True)
class DateResolution:
    """The date of an event, its ACLED precision, and the expression it came from (None if default)."""

    date: date
    precision: DatePrecision
    expression: TimeExpression | None
    is_default: bool = False
    kind: Kind | None = None


def _month_midpoint(year: int, month: int) -> date:
    return date(year, month, (calendar.monthrange(year, month)[1] + 1) // 2)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _weekday_date(expr: TimeExpression, published: date, *, wire: bool) -> date:
    back = (published.weekday() - (expr.weekday or 0)) % 7
    if expr.modifier == "next":
        return published + timedelta(days=(7 - back) if back else 7)
    if back == 0 and (expr.modifier == "last" or (not wire and expr.modifier != "this")):
        back = 7
    return published - timedelta(days=back)


def _recent_date(year: int | None, month: int, day: int, published: date) -> date | None:
    """The given day of ``year``, else its most recent occurrence on or before publication."""
    try:
        if year is not None:
            return date(year, month, day)
        found = date(published.year, month, day)
        return found if found <= published else date(published.year - 1, month, day)
    except ValueError:
        return None


def _recent_month(expr: TimeExpression, published: date) -> tuple[int, int]:
    if expr.year is not None:
        return expr.year, expr.month or 1
    month = expr.month or 1
    return (published.year, month) if month <= published.month else (published.year - 1, month)


def resolve_expression(
    expr: TimeExpression, published: date, *, wire: bool = True
) -> tuple[date, DatePrecision] | None:
    """The date and precision one expression gives, or None when it cannot date an event
    (years, seasons, eras, "l'an dernier", long spans)."""
    lex = load_lexicon()
    fam = expr.family
    if fam == "night":
        # the expression holds the later weekday, the morning the night ended on
        return _weekday_date(expr, published, wire=True), "day"
    if fam == "weekday":
        return _weekday_date(expr, published, wire=wire), "day"
    if fam == "relative_day":
        return published + timedelta(days=expr.offset), "day"
    if fam in ("date", "numeric_date"):
        found = _recent_date(expr.year, expr.month or 1, expr.day or 1, published)
        return (found, "day") if found else None
    if fam == "month":
        year, month = _recent_month(expr, published)
        if expr.day is not None:
            return min(date(year, month, expr.day), published), "week"
        return min(_month_midpoint(year, month), published), "month"
    if fam == "relative_period":
        if expr.unit == "week":
            monday = published - timedelta(days=published.weekday() - 7 * expr.offset)
            return min(monday + timedelta(days=3), published), "week"
        if expr.unit == "month":
            year, month = _shift_month(published.year, published.month, expr.offset)
            return min(_month_midpoint(year, month), published), "month"
        if expr.unit == "weekend":
            back = (published.weekday() - 5) % 7
            if expr.offset < 0 and back < 2:
                back += 7
            return published - timedelta(days=back), "day"
        return None
    if fam == "ago":
        if expr.amount >= 365:
            return None
        found = published - timedelta(days=round(expr.amount))
        precision: DatePrecision = "day" if expr.amount < 7 else ("week" if expr.amount < 30 else "month")
        return found, precision
    if fam == "span":
        days = expr.amount
        if days <= float(lex["span_day_max"]):
            return published, "day"
        if days <= float(lex["span_week_max"]):
            return published - timedelta(days=int(days) // 2), "week"
        return None
    return None


def _candidate(
    expr: TimeExpression, published: date, *, wire: bool
) -> tuple[int, DateResolution] | None:
    resolved = resolve_expression(expr, published, wire=wire)
    if resolved is None or expr.kind not in _RANK:
        return None
    when, precision = resolved
    if expr.kind == "start" and (published - when).days > int(load_lexicon()["start_max_age_days"]):
        return _RANK["start"], DateResolution(published, "week", expr, kind="start")
    rank = _RANK[expr.kind] + (1 if expr.kind == "event" and precision != "day" else 0)
    return rank, DateResolution(when, precision, expr, kind=expr.kind)


def resolve_event_date(
    text: str, published: date, *, wire: bool = True, anchor: int | None = None
) -> DateResolution:
    """Date the event a sentence reports (see the module docstring for the rules).

    ``anchor``: offset in ``text`` of the event's trigger; among equally ranked expressions the
    nearest wins. When this returns ``is_default=True`` the caller may retry with the paragraph.
    """
    best: tuple[int, int, DateResolution] | None = None
    for expr in find_time_expressions(text):
        found = _candidate(expr, published, wire=wire)
        if found is None:
            continue
        rank, resolution = found
        distance = abs(expr.start - anchor) if anchor is not None else expr.start
        if best is None or (rank, distance) < best[:2]:
            best = (rank, distance, resolution)
    if best is None:
        return DateResolution(published, "week", None, is_default=True)
    return best[2]


def _season_bounds(season: str, year: int) -> tuple[date, date]:
    """First and last day of a season starting in ``year`` (winter ends the next year)."""
    months = load_lexicon()["seasons"][season]
    first, last = months[0], months[-1]
    end_year = year + 1 if last < first else year
    return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])


def _season_end(expr: TimeExpression, published: date) -> date:
    """Last day of the season meant: the given year's, else the most recent one begun by
    publication ("l'été dernier": the most recent one already over)."""
    if expr.year is not None:
        return _season_bounds(expr.season, expr.year)[1]
    year = published.year
    begin, end = _season_bounds(expr.season, year)
    while begin > published or (expr.modifier == "last" and end >= published):
        year -= 1
        begin, end = _season_bounds(expr.season, year)
    return end


def _background_of(expr: TimeExpression, published: date, *, max_age: int) -> str | None:
    lex = load_lexicon()
    if expr.kind in ("start", "future", "span"):
        return None
    if expr.family == "era":
        return f"history of the war: {expr.text!r}"
    if expr.family == "year":
        if expr.year is not None and expr.year < published.year:
            return f"year {expr.year} before publication: {expr.text!r}"
        return None
    if expr.family == "season":
        end = _season_end(expr, published)
        if (published - end).days > int(lex["background_month_grace_days"]):
            return f"season over before publication: {expr.text!r}"
        return None
    if expr.family == "relative_period" and expr.unit == "year":
        return f"previous year: {expr.text!r}" if expr.offset < 0 else None
    if expr.family == "ago" and expr.amount >= 365:
        return f"years ago: {expr.text!r}"
    whole_month = expr.family == "month" and expr.day is None
    if whole_month or (expr.family == "relative_period" and expr.unit == "month"):
        if whole_month:
            year, month = _recent_month(expr, published)
        else:
            year, month = _shift_month(published.year, published.month, expr.offset)
        end = date(year, month, calendar.monthrange(year, month)[1])
        if (published - end).days > int(lex["background_month_grace_days"]):
            return f"month over before publication: {expr.text!r}"
        return None
    resolved = resolve_expression(expr, published)
    if resolved is not None and (published - resolved[0]).days > max_age:
        return f"{(published - resolved[0]).days} days before publication: {expr.text!r}"
    return None


def background_reason(text: str, published: date, *, max_age_days: int | None = None) -> str | None:
    """Why ``text`` is about history rather than current news, or None.

    Background: a date, month, season, year or era clearly older than the news (a day more than
    ``max_age_days``, default 30, before publication; a whole month or season over more than a week
    before; an earlier year; "il y a deux ans"; "au début du conflit") and nothing in the text that
    dates current news (an event expression within ``max_age_days``, or a recent span). Starts
    ("depuis 2014") are not background by themselves: an ongoing state is current.
    """
    lex = load_lexicon()
    max_age = int(lex["background_max_age_days"]) if max_age_days is None else max_age_days
    expressions = find_time_expressions(text)
    for expr in expressions:
        if expr.kind not in ("event", "span", "future"):
            continue
        resolved = resolve_expression(expr, published)
        recent = resolved is not None and (published - resolved[0]).days <= max_age
        if recent and _background_of(expr, published, max_age=max_age) is None:
            return None
    for expr in expressions:
        reason = _background_of(expr, published, max_age=max_age)
        if reason:
            return reason
    return None


def is_background(text: str, published: date, *, max_age_days: int | None = None) -> bool:
    """True when ``text`` refers to history older than the news (see :func:`background_reason`)."""
    return background_reason(text, published, max_age_days=max_age_days) is not None
