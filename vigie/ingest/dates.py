"""Finding explicit dates in French text: full dates, datelines, "publié le" stamps, cued years.

Why a module of its own: publication-date inference (``published.py``) weighs several kinds of
evidence, and each kind is one finder here, tested on its own. Only explicit dates are found
(a day, a month and a year, or a cued year): relative expressions ("mercredi", "la semaine
passée") need an anchor, which is what this stage is trying to establish.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from vigie.data import load_yaml
from vigie.resolve.calendar_words import Calendar


@dataclass(frozen=True)
class DateHit:
    """A date named in a text, with its character span."""

    date: date
    start: int
    end: int


@dataclass(frozen=True)
class DateRules:
    """Compiled patterns built from ``data/publication_dates.yml`` and the month names of
    ``data/calendar.yml`` (full names and abbreviations: page stamps write "févr.")."""

    full_date: re.Pattern[str]
    numeric_date: re.Pattern[str]
    marker: re.Pattern[str]
    dateline: re.Pattern[str]
    year: re.Pattern[str]
    months: dict[str, int]
    year_range: tuple[int, int]
    doubt_years: int
    corroborate_days: int
    confidence: dict[str, float]

    @classmethod
    def from_data(cls, data: dict, *, calendar: Calendar | None = None) -> "DateRules":
        cal = calendar or Calendar.load()
        months = cal.months
        month_alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
        day = rf"(?P<day>[0-3]?\d){cal.ordinal}"
        full = rf"\b{day}\s+(?P<month>{month_alt})\.?\s+(?P<year>\d{{4}})\b"
        numeric = r"\b(?P<day>[0-3]?\d)[/.-](?P<month>[01]?\d)[/.-](?P<year>\d{4})\b"
        markers = "|".join(sorted((re.escape(m) for m in data["publish_markers"]), key=len, reverse=True))
        agencies = "|".join(re.escape(a) for a in data["agencies"])
        place_max = int(data["dateline_place_max"])
        dateline = (
            rf"^[^\W\d][^,\n]{{0,{place_max}}},\s*(?:le\s+)?(?:\w+\s+)?{day}\s+(?P<month>{month_alt})\.?\s+"
            rf"(?P<year>\d{{4}})\s*(?:\((?P<agency>{agencies})\)|-|–|—)"
        )
        cue_words = [*data["year_cues"], *months]
        cues = "|".join(sorted((re.escape(c) for c in cue_words), key=len, reverse=True))
        low, high = data["year_range"]
        return cls(
            full_date=re.compile(full, re.IGNORECASE),
            numeric_date=re.compile(numeric),
            marker=re.compile(rf"(?:{markers})\s*(?:le\s*)?:?\s*$", re.IGNORECASE),
            dateline=re.compile(dateline, re.IGNORECASE | re.MULTILINE),
            year=re.compile(rf"\b(?:{cues})[\s-]+(?:l'an\s+)?(?P<year>\d{{4}})\b", re.IGNORECASE),
            months=months,
            year_range=(int(low), int(high)),
            doubt_years=int(data["doubt_years"]),
            corroborate_days=int(data["corroborate_days"]),
            confidence={k: float(v) for k, v in data["confidence"].items()},
        )


@lru_cache(maxsize=1)
def load_date_rules() -> DateRules:
    """The date rules, read once from ``data/publication_dates.yml`` on first use."""
    return DateRules.from_data(load_yaml("publication_dates.yml"))


def _make_date(rules: DateRules, year: str, month: str, day: str) -> date | None:
    month_no = int(month) if month.isdigit() else rules.months.get(month.casefold())
    low, high = rules.year_range
    if month_no is None or not low <= int(year) <= high:
        return None
    try:
        return date(int(year), month_no, int(day))
    except ValueError:
        return None


def find_full_dates(text: str, *, rules: DateRules | None = None) -> list[DateHit]:
    """Every explicit day-month-year date in ``text`` ("12 mars 2014", "1er juin 2013", "12/03/2014")."""
    rules = rules or load_date_rules()
    hits = []
    for pattern in (rules.full_date, rules.numeric_date):
        for m in pattern.finditer(text):
            found = _make_date(rules, m["year"], m["month"], m["day"])
            if found is not None:
                hits.append(DateHit(found, m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def find_dateline(text: str, *, rules: DateRules | None = None) -> DateHit | None:
    """The first wire dateline ("Damas, 12 mars 2014 (AFP) -") at the start of a paragraph."""
    rules = rules or load_date_rules()
    for m in rules.dateline.finditer(text):
        found = _make_date(rules, m["year"], m["month"], m["day"])
        if found is not None:
            return DateHit(found, m.start(), m.end())
    return None


def find_marked_date(text: str, *, rules: DateRules | None = None) -> DateHit | None:
    """The first full date announced as the page's own ("Publié le 12/03/2014 à 10h05")."""
    rules = rules or load_date_rules()
    for hit in find_full_dates(text, rules=rules):
        before = text[max(0, hit.start - 40):hit.start]
        if rules.marker.search(before):
            return hit
    return None


def find_years(text: str, *, rules: DateRules | None = None) -> list[int]:
    """Years the text names, from full dates and cued years ("en 2013", "depuis 2011")."""
    rules = rules or load_date_rules()
    years = [h.date.year for h in find_full_dates(text, rules=rules)]
    low, high = rules.year_range
    for m in rules.year.finditer(text):
        year = int(m["year"])
        if low <= year <= high:
            years.append(year)
    return sorted(years)
