"""French month and weekday names, read from ``data/calendar.yml``: the one list every stage uses.

Why one file: the publication-date finder (ingest), the time-expression finder (resolve), the
casualty lexicon (extract) and the place stop-words (resolve) all need the same calendar words;
kept in four copies, a spelling added to one ("aout" without its accent) was missing from the
others. Each user takes the view it needs (full names only, or names and abbreviations) from
:class:`Calendar`.

Named ``calendar_words`` rather than ``calendar`` so that ``import calendar`` (the standard
library, used by :mod:`vigie.resolve.dates`) never reads as this module.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from vigie.data import load_yaml
from vigie.errors import DataFileError

_DATA_FILE = "calendar.yml"


@dataclass(frozen=True)
class Calendar:
    """Month names (full spellings and abbreviations, with their number) and weekday names.

    ``month_names`` and ``month_abbreviations`` map a lowercase word to its month (1-12);
    ``weekdays`` maps a lowercase weekday to its ISO number (Monday = 1).
    """

    month_names: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    ordinal_suffix: str

    @classmethod
    def from_data(cls, data: Any) -> "Calendar":
        """Check and read the content of ``calendar.yml``; a malformed file is a DataFileError."""
        if not isinstance(data, dict):
            raise DataFileError(f"{_DATA_FILE}: expected a mapping at top level")
        try:
            names: dict[str, int] = {}
            abbreviations: dict[str, int] = {}
            for number, forms in data["months"].items():
                month = int(number)
                if not 1 <= month <= 12:
                    raise ValueError(f"month number {number!r} is not 1-12")
                names.update((_word(w), month) for w in forms["names"])
                abbreviations.update((_word(w), month) for w in forms.get("abbreviations") or [])
            weekdays = {_word(w): int(n) for w, n in data["weekdays"].items()}
            suffix = _word(data["ordinal_suffix"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataFileError(f"{_DATA_FILE}: {exc}") from exc
        if set(names.values()) != set(range(1, 13)):
            raise DataFileError(f"{_DATA_FILE}: every month 1-12 needs at least one name")
        if sorted(weekdays.values()) != list(range(1, 8)):
            raise DataFileError(f"{_DATA_FILE}: weekdays must be numbered 1 (lundi) to 7, once each")
        shared = set(names) & set(abbreviations)
        if shared:
            raise DataFileError(f"{_DATA_FILE}: listed both as name and abbreviation: {sorted(shared)}")
        return cls(names, abbreviations, weekdays, suffix)

    @classmethod
    def load(cls) -> "Calendar":
        """The calendar of ``data/calendar.yml``, read once on first use."""
        return _default_calendar()

    @property
    def months(self) -> dict[str, int]:
        """Every month word, full names and abbreviations."""
        return {**self.month_names, **self.month_abbreviations}

    @property
    def weekday_indexes(self) -> dict[str, int]:
        """Weekdays numbered as ``date.weekday()`` counts them (Monday = 0)."""
        return {w: n - 1 for w, n in self.weekdays.items()}

    @property
    def ordinal(self) -> str:
        """A regex for the optional ordinal suffix after a day number ("1er")."""
        return rf"(?:{re.escape(self.ordinal_suffix)})?"


def _word(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{value!r} is not a word")
    return value.strip().lower()


@cache
def _default_calendar() -> Calendar:
    return Calendar.from_data(load_yaml(_DATA_FILE))
