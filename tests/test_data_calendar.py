"""The calendar data file: its words, its checks, and that every user reads the same names."""
from __future__ import annotations

import re
from datetime import date

import pytest

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.extract.casualty_lexicon import CasualtyLexicon
from vigie.extract.numbers import fold
from vigie.ingest.dates import find_full_dates, find_years, load_date_rules
from vigie.resolve.calendar_words import Calendar
from vigie.resolve.gazetteer import Gazetteer
from vigie.resolve.place_words import NonPlaceWords
from vigie.resolve.time_expressions import find_time_expressions, load_lexicon


@pytest.fixture(scope="module")
def cal() -> Calendar:
    return Calendar.load()


def test_loads_once_with_every_month_and_weekday(cal: Calendar) -> None:
    assert cal is Calendar.load()
    assert cal.month_names["août"] == cal.month_names["aout"] == 8
    assert cal.month_names["décembre"] == cal.month_names["decembre"] == 12
    assert cal.month_abbreviations["févr"] == 2 and cal.month_abbreviations["sept"] == 9
    assert set(cal.month_names.values()) == set(range(1, 13))
    assert cal.months == {**cal.month_names, **cal.month_abbreviations}
    assert cal.weekdays["lundi"] == 1 and cal.weekdays["dimanche"] == 7
    assert cal.weekday_indexes["lundi"] == 0 and cal.weekday_indexes["dimanche"] == 6


def test_weekday_numbers_agree_with_the_standard_calendar(cal: Calendar) -> None:
    monday = date(2014, 3, 10)
    days = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    for offset, name in enumerate(days):
        assert date.fromordinal(monday.toordinal() + offset).isoweekday() == cal.weekdays[name]


def test_ordinal_suffix_reads_the_first_of_the_month(cal: Calendar) -> None:
    assert re.fullmatch(rf"\d{{1,2}}{cal.ordinal}", "1er")
    assert re.fullmatch(rf"\d{{1,2}}{cal.ordinal}", "14")
    assert not re.fullmatch(rf"\d{{1,2}}{cal.ordinal}", "1re")


def _data(**changes: object) -> dict:
    return {**load_yaml("calendar.yml"), **changes}


@pytest.mark.parametrize("bad", [
    [],
    _data(months={1: {"names": ["janvier"]}}),
    _data(months={**load_yaml("calendar.yml")["months"], 13: {"names": ["brumaire"]}}),
    _data(months={**load_yaml("calendar.yml")["months"], 3: {"names": [""]}}),
    _data(months={**load_yaml("calendar.yml")["months"], 9: {"names": ["septembre"], "abbreviations": ["septembre"]}}),
    _data(weekdays={"lundi": 1, "mardi": 1}),
    _data(weekdays={"lundi": "un"}),
    {k: v for k, v in load_yaml("calendar.yml").items() if k != "ordinal_suffix"},
])
def test_malformed_calendar_is_a_data_file_error(bad) -> None:
    with pytest.raises(DataFileError, match="calendar.yml"):
        Calendar.from_data(bad)


def test_the_other_data_files_no_longer_list_months_or_weekdays(cal: Calendar) -> None:
    names = {fold(w) for w in [*cal.month_names, *cal.weekdays]}  # "sept" is also a number word

    def words(value: object) -> set[str]:
        if isinstance(value, dict):
            return set().union(*(words(k) | words(v) for k, v in value.items())) if value else set()
        if isinstance(value, list):
            return set().union(*(words(v) for v in value)) if value else set()
        return {fold(value).strip()} if isinstance(value, str) else set()

    for name in ("publication_dates.yml", "time_expressions.yml", "quantities.yml", "place_stopwords.yml"):
        assert not words(load_yaml(name)) & names, name


def test_every_user_reads_the_calendar(cal: Calendar) -> None:
    """The date finders, the casualty lexicon and the place stop-words take the same names."""
    assert load_date_rules().months == cal.months
    lex = load_lexicon()
    assert lex["months"] == cal.month_names and lex["weekdays"] == cal.weekday_indexes
    non_places = NonPlaceWords.load()
    for word in [*cal.weekdays, *cal.month_names]:
        assert non_places.rejects(word.capitalize()), word
    casualties = CasualtyLexicon.load()
    for word in cal.month_names:
        assert casualties.is_cumulative(fold(f"40 civils tués depuis le 3 {word}")), word


def test_publication_dates_read_abbreviations_but_event_dates_do_not() -> None:
    """Page stamps write "12 févr. 2014"; in running text "sept" is also a number."""
    hits = find_full_dates("Publié le 12 févr. 2014 à 10h05 - mis à jour le 1er sept. 2014")
    assert [h.date for h in hits] == [date(2014, 2, 12), date(2014, 9, 1)]
    assert find_years("Les combats de juil 2013 ont repris.") == [2013]
    exprs = find_time_expressions("Les sept blessés ont été évacués le 1er août 2013.")
    assert [(e.family, e.day, e.month, e.year) for e in exprs] == [("date", 1, 8, 2013)]
    assert find_time_expressions("Publié le 12 févr. 2014") == []


def test_no_calendar_word_is_the_main_name_of_a_syrian_town(cal: Calendar) -> None:
    """The stop-words win over the gazetteer: a weekday or month that is also the proper name
    of a Syrian town would make that town unreachable."""
    gaz = Gazetteer.load()
    clashes = []
    for word in [*cal.weekdays, *cal.month_names]:
        for c in gaz.lookup(word):
            e = c.entry
            if c.tier == "exact" and e.country_code == "SY" and e.feature == "town" \
                    and c.matched in (e.name, e.names[0]):
                clashes.append((word, e.name))
    assert clashes == []
