"""Find French time expressions in a sentence, without resolving them.

Why separate from :mod:`vigie.resolve.dates`: finding is pure text work (word lists from
``data/time_expressions.yml`` and the month and weekday names of ``data/calendar.yml``, compiled
into patterns), resolving needs the publication date.
The extraction stage may also want the spans alone, e.g. to tell a start date ("depuis dimanche",
"lancée le 19 août") from the event day.

Each expression has a ``family`` (what grammar matched) and a ``kind`` (what it says about the event):

- ``event``: dates the event itself (a day, a week, a month): "mercredi matin", "hier",
  "le 3 mars", "la semaine passée", "il y a deux jours".
- ``start``: the start of a period ("depuis dimanche", "offensive lancée le 2 mai").
- ``span``: a recent duration ending at publication ("ces dernières 48 heures", "depuis deux jours").
- ``future``: after publication ("demain", "vendredi prochain").
- ``vague``: a year, season or era ("en 2011", "l'été dernier", "au début du conflit"): too coarse
  to date an event, used to recognise background.

Times of day ("vers 3H00 du matin", "à 7h heure locale") are not dates and are not returned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from text_to_num import text2num

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.resolve.calendar_words import Calendar

Kind = Literal["event", "start", "span", "future", "vague"]

_DATA_FILE = "time_expressions.yml"
_MEMO_LIMIT = 2048  # texts whose expressions are remembered (Lexicon.memo)
_REQUIRED_KEYS = (
    "day_parts", "weekday_modifiers", "weekday_blockers", "relative_days",
    "relative_periods", "month_parts", "month_leads", "units", "vague_amounts", "span_day_max",
    "span_week_max", "start_cues", "period_nouns", "start_cue_window", "start_max_age_days",
    "year_leads", "seasons", "season_leads", "background_phrases", "background_max_age_days",
    "background_month_grace_days",
)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a text: offsets into that text, and what was read from it.

    Only the fields of its ``family`` are set: ``weekday`` (0 = Monday) and ``modifier``
    (``last``/``next``/``this``/``""``) for weekdays; ``day``/``month``/``year`` for dates, months
    and years; ``offset`` (days) for relative days; ``unit``/``offset`` for named periods;
    ``amount`` (in days) and ``unit`` for spans and "il y a"; ``season`` for seasons.
    """

    start: int
    end: int
    text: str
    kind: Kind
    family: str
    weekday: int | None = None
    modifier: str = ""
    day: int | None = None
    month: int | None = None
    year: int | None = None
    offset: int = 0
    unit: str = ""
    amount: float = 0.0
    season: str = ""


@dataclass(frozen=True)
class Lexicon:
    """The word lists of ``time_expressions.yml`` and the patterns compiled from them.

    ``weekdays`` (numbered as ``date.weekday()``, Monday = 0) and ``months`` (full names, no
    abbreviations) are the calendar's, filled in by :func:`load_lexicon`.
    """

    data: dict[str, Any]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    cues: dict[str, re.Pattern[str]]  # the context checks of :func:`_is_start` and :func:`_blocked_weekday`
    # text -> its expressions: extraction asks about one clause, sentence or paragraph several
    # times (background check, event date, each frame's paragraph); bounded by _MEMO_LIMIT
    memo: dict[str, tuple[TimeExpression, ...]] = field(default_factory=dict, compare=False, repr=False)

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


def _alt(words: list[str] | dict[str, Any]) -> str:
    """A regex alternation of phrases, longest first; spaces match any run of spaces and
    apostrophes match the typographic one too (the text is normalised the same way)."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _build_patterns(d: dict[str, Any], *, ordinal: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    wd = _alt(d["weekdays"])
    mo = _alt(d["months"])
    part = _alt(d["day_parts"])
    wmod = _alt(d["weekday_modifiers"])
    unit = _alt(d["units"])
    num = r"\d+|[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*"
    last = r"derni(?:er|ère|ers|ères)"
    b, e = r"(?<![\w-])", r"(?![\w-])"
    day_num = rf"(?P<day>\d{{1,2}}){ordinal}"
    grammar = [
        ("night", rf"{b}(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+(?P<wd1>{wd})\s+(?:à|au)\s+(?P<wd2>{wd}){e}"),
        ("date", rf"{b}(?:(?:le|du|au)\s+)?(?:(?P<wd>{wd})\s+)?{day_num}\s+(?P<month>{mo})"
                 rf"(?:\s+(?P<year>\d{{4}}))?(?:\s+(?P<last>{last}))?{e}"),
        ("numeric_date", rf"{b}(?P<day>\d{{1,2}})[/.](?P<month>\d{{1,2}})[/.](?P<year>\d{{4}}){e}"),
        ("month", rf"{b}(?:(?P<part>{_alt(d['month_parts'])})\s*-?\s*(?:de\s+|d')?|(?P<lead>{_alt(d['month_leads'])})\s+)?"
                  rf"(?P<month>{mo})(?:\s+(?P<year>\d{{4}}))?(?:\s+(?P<last>{last}))?{e}"),
        ("relative_period", rf"{b}(?P<phrase>{_alt(d['relative_periods'])}){e}"),
        ("relative_day", rf"{b}(?P<phrase>{_alt(d['relative_days'])})(?:\s+(?P<part>{part}))?{e}"),
        ("weekday", rf"{b}(?:(?P<this>ce|cette)\s+)?(?:(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+)?(?P<wd>{wd})"
                    rf"(?:\s+(?P<mod1>{wmod}))?(?:\s+(?P<part>{part}))?(?:\s+(?P<mod2>{wmod}))?{e}"),
        ("ago", rf"{b}il\s+y\s+a\s+(?:(?:plus|moins)\s+d(?:e\s+|'))?(?P<n>{num})\s+(?P<unit>{unit}){e}"),
        ("span", rf"{b}(?P<lead>ces|les|des|depuis|en|pendant|durant|au\s+cours\s+des|dans\s+les)\s+"
                 rf"(?:(?:plus|moins|près)\s+d(?:e\s+|'))?(?:(?:ces|les)\s+)?(?:(?P<last1>{last})\s+)?"
                 rf"(?:(?P<n>{num})\s+)?(?:(?P<last2>{last})\s+)?(?P<unit>{unit})(?:\s+(?P<last3>{last}))?{e}"),
        ("year", rf"{b}(?P<lead>{_alt(d['year_leads'])})\s+(?P<year>(?:19[5-9]|20[0-4])\d){e}"),
        ("season", rf"{b}(?P<lead>{_alt(d['season_leads'])})\s*(?P<season>{_alt(d['seasons'])})"
                   rf"(?:\s+(?P<last>{last}|passé|(?:19|20)\d\d))?{e}"),
        ("era", rf"{b}(?P<phrase>{_alt(d['background_phrases'])}){e}"),
    ]
    return tuple((name, re.compile(rx)) for name, rx in grammar)


def _build_cues(d: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """The patterns that read the words before an expression, compiled once (not per match)."""
    cues = d["start_cues"]
    article = r"(?:\s+(?:le|du|la|l'|son|sa|leur|ce|cette))?"
    participles = [c for c in cues if c.endswith(("é", "ée", "és", "ées"))]
    return {
        "start": re.compile(rf"(?<![\w-])(?:{_alt(cues)}){article}\s*$"),
        "participle": re.compile(rf"(?<![\w-])(?:{_alt(participles)})(?:\s+[^\s,;.()]+){{0,4}}\s*$"),
        "period_noun": re.compile(rf"(?<![\w-])(?:{_alt(d['period_nouns'])})(?![\w-])"),
        "weekday_blocker": re.compile(rf"(?<![\w-])(?:{_alt(d['weekday_blockers'])})\s+$"),
    }


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read ``time_expressions.yml`` and the calendar once (at first use) and compile the patterns."""
    data = load_yaml(_DATA_FILE)
    if not isinstance(data, dict):
        raise DataFileError(f"{_DATA_FILE}: expected a mapping at top level")
    missing = [k for k in _REQUIRED_KEYS if k not in data]
    if missing:
        raise DataFileError(f"{_DATA_FILE}: missing keys {', '.join(missing)}")
    calendar = Calendar.load()
    data = {**data, "weekdays": calendar.weekday_indexes, "months": calendar.month_names}
    return Lexicon(data=data, patterns=_build_patterns(data, ordinal=calendar.ordinal), cues=_build_cues(data))


def normalise(text: str) -> str:
    """Lowercase, typographic apostrophes and non-breaking spaces made plain; same length as ``text``
    so offsets found in the result are offsets into ``text``. Per character, so one
    ``str.translate`` pass over a table filled on first sight of each character."""
    return text.translate(_NORMALISE_TABLE)


def _normalise_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if low in "’‘`´":
        return "'"
    if low in "\u00a0\u202f\u2009":
        return " "
    return low


class _NormaliseTable(dict[int, str]):
    """Code point -> normalised character, computed the first time a character is met."""

    def __missing__(self, code: int) -> str:
        low = self[code] = _normalise_char(chr(code))
        return low


_NORMALISE_TABLE = _NormaliseTable()


def read_amount(word: str | None, lex: Lexicon) -> float | None:
    """A count in digits or French words ("48", "deux", "quarante-huit", "quelques")."""
    if not word:
        return None
    if word.isdigit():
        return float(word)
    if word in lex["vague_amounts"]:
        return float(lex["vague_amounts"][word])
    try:
        return float(text2num(word, "fr"))
    except ValueError:
        return None


def _is_start(norm: str, start: int, lex: Lexicon) -> bool:
    """Does the text just before ``start`` make the date a period's start?

    Yes after a start cue ("depuis dimanche", "dès le 2 mai"), after a participle cue a few words
    back ("lancée par l'armée le 19 août"), or for a date in parentheses after a period noun
    ("une offensive de trois semaines (2 mai)").
    """
    window = norm[max(0, start - int(lex["start_cue_window"])):start]
    if lex.cues["start"].search(window) or lex.cues["participle"].search(window):
        return True
    if window.rstrip().endswith("("):
        return bool(lex.cues["period_noun"].search(window))
    return False


def _blocked_weekday(norm: str, start: int, lex: Lexicon) -> bool:
    before = norm[max(0, start - 20):start]
    return bool(lex.cues["weekday_blocker"].search(before))


def _expression(name: str, m: re.Match[str], text: str, norm: str, lex: Lexicon) -> TimeExpression | None:
    """Turn one pattern match into an expression, or None when the match is not a date."""
    g = m.groupdict()
    s, t = m.start(), m.end()
    base: dict[str, Any] = {"start": s, "end": t, "text": text[s:t], "family": name}
    start_cue = _is_start(norm, s, lex)
    weekdays, months = lex["weekdays"], lex["months"]
    if name == "night":
        return TimeExpression(kind="event", weekday=weekdays[g["wd2"]], **base)
    if name == "weekday":
        if not g["this"] and _blocked_weekday(norm, s, lex):
            return None
        mod = lex["weekday_modifiers"].get(g["mod1"] or g["mod2"] or "", "")
        mod = mod or ("this" if g["this"] else "")
        kind: Kind = "future" if mod == "next" else ("start" if start_cue else "event")
        return TimeExpression(kind=kind, weekday=weekdays[g["wd"]], modifier=mod, **base)
    if name in ("date", "numeric_date"):
        month = int(g["month"]) if name == "numeric_date" else months[g["month"]]
        day = int(g["day"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        year = int(g["year"]) if g.get("year") else None
        return TimeExpression(kind="start" if start_cue else "event", day=day, month=month, year=year,
                              modifier="last" if g.get("last") else "", **base)
    if name == "month":
        if not (g["part"] or g["lead"] or g["year"] or g["last"]):
            return None
        part = lex["month_parts"].get(g["part"] or "")
        kind = "start" if start_cue or (g["lead"] or "").startswith(("depuis", "dès", "à partir")) else "event"
        return TimeExpression(kind=kind, month=months[g["month"]], day=part,
                              year=int(g["year"]) if g["year"] else None,
                              modifier="last" if g["last"] else "", **base)
    if name == "relative_period":
        spec = lex["relative_periods"][re.sub(r"\s+", " ", g["phrase"])]
        kind = "vague" if spec["unit"] == "year" else "event"
        return TimeExpression(kind=kind, unit=spec["unit"], offset=int(spec["offset"]), **base)
    if name == "relative_day":
        offset = int(lex["relative_days"][re.sub(r"\s+", " ", g["phrase"])])
        return TimeExpression(kind="future" if offset > 0 else "event", offset=offset, **base)
    if name == "ago":
        amount = read_amount(g["n"], lex)
        if amount is None:
            return None
        days = amount * float(lex["units"][g["unit"]]) / 24
        return TimeExpression(kind="vague" if days >= 365 else "event", amount=days, unit=g["unit"], **base)
    if name == "span":
        amount = read_amount(g["n"], lex)
        recent = bool(g["last1"] or g["last2"] or g["last3"])
        lead = re.sub(r"\s+", " ", g["lead"])
        if g["n"] and amount is None:
            return None
        if not recent and (amount is None or lead in ("les", "des", "dans les")):
            return None
        days = (amount if amount is not None else float(lex["vague_amounts"]["quelques"])) * float(lex["units"][g["unit"]]) / 24
        return TimeExpression(kind="span", amount=days, unit=g["unit"], **base)
    if name == "year":
        lead = g["lead"]
        kind = "start" if lead in ("depuis", "dès", "à partir de") else "vague"
        return TimeExpression(kind=kind, year=int(g["year"]), **base)
    if name == "season":
        if g["lead"] in ("au", "en") and not g["last"]:
            return None
        last = g["last"] or ""
        year = int(last) if last.isdigit() else None
        return TimeExpression(kind="vague", season=g["season"], year=year,
                              modifier="last" if last and not last.isdigit() else "", **base)
    if name == "era":
        return TimeExpression(kind="vague", **base)
    raise ValueError(f"unknown time-expression family {name!r}")


def find_time_expressions(text: str) -> list[TimeExpression]:
    """Every time expression of ``text``, in text order, without overlaps (the longest wins)."""
    lex = load_lexicon()
    found = lex.memo.get(text)
    if found is None:
        if len(lex.memo) >= _MEMO_LIMIT:
            lex.memo.clear()
        found = lex.memo[text] = tuple(_find(text, lex))
    return list(found)


def _find(text: str, lex: Lexicon) -> list[TimeExpression]:
    norm = normalise(text)
    found: list[TimeExpression] = []
    for name, pattern in lex.patterns:
        for m in pattern.finditer(norm):
            expr = _expression(name, m, text, norm, lex)
            if expr is not None:
                found.append(expr)
    kept: list[TimeExpression] = []
    for expr in sorted(found, key=lambda x: -(x.end - x.start)):
        if all(expr.end <= k.start or expr.start >= k.end for k in kept):
            kept.append(expr)
    return sorted(kept, key=lambda x: x.start)
