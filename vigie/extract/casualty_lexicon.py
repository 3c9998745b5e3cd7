"""The compiled casualty vocabulary of ``data/quantities.yml``, and the shape tests built on it.

Why a module of its own: ``casualties`` reads a figure step by step; each step asks this
lexicon a narrow question ("is a qualifier in front?", "is this a campaign total?",
"does a casualty verb follow?"). Keeping the regexes here keeps the reading order readable
there. Nothing is compiled at import: ``CasualtyLexicon.load()`` reads the file once. Month and
weekday names are not in ``quantities.yml``: they come from ``data/calendar.yml``.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any, Literal

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.extract.numbers import NumberLexicon, Quantity, fold, phrase_regex
from vigie.resolve.calendar_words import Calendar

Kind = Literal["killed", "injured", "captured", "other"]
KINDS: tuple[Kind, ...] = ("killed", "injured", "captured")
_WINDOW_WORDS = 5
_BEFORE_GAP_WORDS = 3


class CasualtyLexicon:
    """The compiled vocabulary of ``data/quantities.yml`` (qualifiers, groups, casualty words)."""

    def __init__(self, data: dict[str, Any], numbers: NumberLexicon, *, calendar: Calendar | None = None) -> None:
        self.numbers = numbers
        cal = calendar or Calendar.load()
        months, weekdays = list(cal.month_names), list(cal.weekdays)
        try:
            self.qualifiers = {fold(p).strip(): q for q, ps in data["qualifiers"].items() for p in ps}
            self.groups = {" ".join(fold(w).split()): label for label, ws in data["groups"].items() for w in ws}
            kinds = data["kinds"]
            self._qual = re.compile(rf"({phrase_regex(self.qualifiers)})\s*$")
            self._qual_inside = re.compile(phrase_regex(self.qualifiers))
            self._group = re.compile(rf"\s*(?:de\s+|d')?({phrase_regex(self.groups)})")
            self._group_link = re.compile(rf"\s*{phrase_regex(data['group_links'])}\s*")
            self._entre_eux = re.compile(r"\s*d'entre\s+(?:eux|elles)(?![\w])")
            self._noun = {k: re.compile(rf"\s*(?:de\s+|d')?({phrase_regex(kinds[k]['nouns'])})") for k in KINDS}
            self._participle = {k: re.compile(phrase_regex(kinds[k]["participles"])) for k in KINDS}
            self._intransitive = {k: re.compile(phrase_regex(kinds[k]["intransitive"])) for k in KINDS}
            self._before = {k: re.compile(rf"({phrase_regex(kinds[k]['before'])})") for k in KINDS}
            self._before_group = {
                k: re.compile(rf"({phrase_regex(kinds[k]['before_needs_group'])})") for k in KINDS
            }
            self._active = re.compile(rf"{phrase_regex(data['active_auxiliaries'])}\s*(?:{phrase_regex(self.qualifiers)}\s*)?$")
            self._filler = re.compile(rf"(?:\s*{phrase_regex(data['fillers'] + weekdays + list(self.qualifiers))})*\s*")
            self._not_before = re.compile(rf"{phrase_regex(data['not_figure_before'])}\s*$")
            self._not_after = re.compile(rf"\s*{phrase_regex(data['not_figure_after'] + months)}")
            self._background = re.compile(rf"\s*{phrase_regex(data['background_after'])}")
            self._cumulative = re.compile(_template_regex(data["cumulative"], numbers, "phrases", months=months))
            self._cumulative_before = re.compile(
                _template_regex(data["cumulative"], numbers, "phrases_before", months=months)
            )
            self._background_before = re.compile(rf"{phrase_regex(data['background_before'])}\s*$")
            self._lone = re.compile(rf"\s*{phrase_regex(data['lone_attackers'])}")
            self._subordinator = re.compile(phrase_regex(data["subordinators"]))
            self._incise = re.compile(rf"\s*,\s*{phrase_regex(data['incise_openers'])}[^,;:.()]*,")
            self._anaphoric = re.compile(rf"{phrase_regex(data['anaphoric_before'])}\s*$")
            self._own_verb = re.compile(rf"\s*{phrase_regex(data['finite_auxiliaries'])}")
            self._finite = re.compile(phrase_regex(data["finite_auxiliaries"]))
            self._ellipsis = re.compile(rf"(?:,\s*)?{phrase_regex(data['ellipsis_links'])}\s*$")
            plus_one = data["plus_one"]
            self._plus_one = re.compile(
                rf"{phrase_regex(plus_one['singular'])}.{{0,60}}?{phrase_regex(plus_one['links'])}\s*$"
            )
            speech = data["speech_tolls"]
            self._speech = re.compile(rf"{phrase_regex(speech['verbs'])}\s*$")
            self._speech_groups = frozenset(speech["groups"])
            self._speech_end = re.compile(rf"\s*(?:$|[,;:.!?()«»\"]|{phrase_regex(speech['followed_by'] + weekdays)})")
            among = data["counted_among"]
            self._among = re.compile(
                rf"(?:\s+(?!{phrase_regex(among['verbs'])})[\w'-]+){{0,3}}?\s+(?:aussi\s+|egalement\s+)?"
                rf"{phrase_regex(among['verbs'])}\s+(?:(?:lui|elle|eux|elles)\s+)?(?:aussi\s+|egalement\s+|notamment\s+)?parmi\s+(?:les|ces)\s+"
                rf"(?:({phrase_regex(among['killed'])})|({phrase_regex(among['injured'])}))"
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataFileError(f"quantities.yml: bad casualty section: {exc}") from exc

    @classmethod
    def load(cls) -> "CasualtyLexicon":
        return _default_lexicon()

    # -- pieces -------------------------------------------------------------------------
    def qualifier_before(self, f: str, start: int) -> tuple[str | None, int]:
        m = self._qual.search(f, max(0, start - 40), start)
        return (self.qualifiers[" ".join(m.group(1).split())], m.start(1)) if m else (None, start)

    def is_trap(self, f: str, q: Quantity) -> bool:
        """Ages, clock times, dates, distances, document numbers, counted objects."""
        if self._not_after.match(f, q.end):
            return True
        if self._not_before.search(f, max(0, q.start - 25), q.start):
            return True
        return q.base == "exact" and q.value is not None and 1900 <= q.value <= 2100 and not self._noun_after(f, q.end)

    def is_background(self, f: str, pos: int) -> bool:
        """A whole-war toll ("... plus de 100.000 morts depuis mars 2011")."""
        return bool(self._background.match(f, pos))

    def repeats_a_toll(self, f: str, start: int) -> bool:
        """'parmi les onze morts', 'ces 14 victimes': a toll named again (caller checks the noun)."""
        return bool(self._anaphoric.search(f, max(0, start - 15), start))

    def recalls_earlier_event(self, f: str, start: int) -> bool:
        """'... un attentat, qui avait fait une cinquantaine de morts': a past event's toll."""
        return bool(self._background_before.search(f, max(0, start - 40), start))

    def is_cumulative(self, f: str, start: int = 0, end: int | None = None, *, figure: int | None = None) -> bool:
        """A campaign or period marker ("depuis le 30 avril", "en huit ans de guerre") in f[start:end].

        ``figure``: where the figure starts; a war-as-subject marker ("le conflit a fait") only
        counts in front of it. Without it the whole stretch is searched for both kinds.
        """
        stop = len(f) if end is None else end
        if self._cumulative.search(f, start, stop):
            return True
        before = self._cumulative_before.search(f, start, stop if figure is None else figure)
        return before is not None and (figure is None or _same_clause(f, before.end(), figure))

    def is_lone_attacker(self, f: str, pos: int) -> bool:
        """'un kamikaze', 'un assaillant': the article names one attacker, not a toll."""
        return bool(self._lone.match(f, pos))

    def heads_own_clause(self, f: str, pos: int, sentence: str) -> bool:
        """'... et 40 rebelles ont pris la fuite': the number is the subject of its own verb.

        ``sentence`` is the unfolded text: folding turns the preposition "à" into the verb "a".
        """
        m = self._own_verb.match(f, pos)
        return bool(m) and sentence[m.end() - 1] != "à"

    def skip_incise(self, f: str, pos: int) -> int:
        """Past ', parmi lesquelles des enfants,' between a figure's group and its verb."""
        m = self._incise.match(f, pos)
        return m.end() if m else pos

    def continues_figure(self, f: str, previous_end: int, start: int) -> bool:
        """'27 morts parmi les soldats, et 16 dans les rangs ...': an elided casualty word."""
        gap = f[previous_end:start]
        return (
            len(gap.split()) <= 12
            and not re.search(r"[\d;:.()]", gap)
            and not self._subordinator.search(gap)
            and bool(self._ellipsis.search(gap))
        )

    def starts_clause(self, gap: str) -> bool:
        """A subordinator or a finite auxiliary in ``gap``: a clause of its own starts there."""
        return bool(self._subordinator.search(gap) or self._finite.search(gap))

    def names_one_more(self, f: str, start: int) -> bool:
        """'le juge a été tué ainsi que 9 autres': the others plus the one named before."""
        return bool(self._plus_one.search(f, max(0, start - 120), start))

    def speaks_of_toll(self, f: str, start: int, who: str | None, pos: int) -> bool:
        """'l'ONG parle de 49 civils dont 6 enfants dans le village': a speaker's death toll.

        ``start``: where the figure (its qualifier included) starts; ``pos``: past its group and
        subfigures. The group must be a victim group and the clause must not go on with a verb.
        """
        return (
            who in self._speech_groups
            and bool(self._speech.search(f, max(0, start - 40), start))
            and bool(self._speech_end.match(f, pos))
        )

    def counted_among(self, f: str, pos: int) -> tuple[Kind, int] | None:
        """'Un Saoudien aussi figure parmi les tués': the ones named are counted among the dead."""
        m = self._among.match(f, pos)
        if not m or re.search(r"[\d,;:.()]", f[pos:m.start(1) if m.group(1) else m.start(2)]):
            return None
        return ("killed" if m.group(1) else "injured"), m.end()

    def group_after(self, f: str, pos: int) -> tuple[str | None, int]:
        m = self._group.match(f, pos)
        if m:
            return self.groups[" ".join(m.group(1).split())], m.end()
        m = self._entre_eux.match(f, pos)
        return ("antecedent", m.end()) if m else (None, pos)

    def _noun_after(self, f: str, pos: int) -> tuple[Kind, int] | None:
        for kind in KINDS:
            m = self._noun[kind].match(f, pos)
            if m:
                return kind, m.end()
        return None

    def linked_group(self, f: str, pos: int) -> tuple[str | None, int]:
        """'dans les rangs des miliciens', 'parmi les civils' after a casualty noun."""
        m = self._group_link.match(f, pos)
        if not m:
            return None, pos
        return self.group_after(f, m.end())

    def verb_after(self, f: str, pos: int) -> tuple[Kind, int, str | None] | None:
        """A passive/intransitive casualty verb a few words after ``pos`` in the same clause."""
        limit = _clause_end(f, pos)
        best: tuple[int, Kind, int, bool] | None = None
        for kind in KINDS:
            for table, transitive in ((self._participle, True), (self._intransitive, False)):
                m = table[kind].search(f, pos, limit)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), kind, m.end(), transitive)
        if best is None:
            return None
        start, kind, end, transitive = best
        gap = f[pos:start]
        if len(gap.split()) > _WINDOW_WORDS or _has_number(gap) or (transitive and self._active.search(gap)):
            return None
        qm = self._qual_inside.search(gap)
        return kind, end, self.qualifiers[" ".join(qm.group(0).split())] if qm else None

    def verb_before(
        self, f: str, start: int, *, has_group: bool, attached: bool = False
    ) -> tuple[Kind, int] | None:
        """A casualty verb ending a few words before ``start`` ("ont tué mardi au moins 20").

        ``attached``: the verb must end right before the number ("a tué un soldat"), as for a
        bare "un"/"une", which is an article unless a casualty word is glued to it.
        """
        lo = max(0, start - 90, f.rfind(".", 0, start) + 1, f.rfind(";", 0, start) + 1)
        best: tuple[int, Kind, int] | None = None
        tables = [self._before] + ([self._before_group] if has_group else [])
        for table in tables:
            for kind in KINDS:
                for m in table[kind].finditer(f, lo, start):
                    gap = f[m.end():start]
                    if len(gap.split()) > _BEFORE_GAP_WORDS or _has_number(gap) or re.search(r"[,(:\"«»]", gap):
                        continue
                    if (attached and gap.strip()) or self._subordinator.search(gap):
                        continue
                    if best is None or m.end() > best[0]:
                        best = (m.end(), kind, m.start())
        return (best[1], best[2]) if best else None


def _template_regex(data: dict[str, Any], numbers: NumberLexicon, key: str, *, months: list[str]) -> str:
    """The ``cumulative`` phrases of ``key`` with {num}, {month} (one of ``months``), {year},
    {war} filled in, as one alternation."""
    slots = {
        "num": rf"(?:\d+(?:er)?|premier|{numbers.word_pattern})",
        "month": phrase_regex(months),
        "year": r"(?:1[89]|20)\d\d",
        "war": rf"{phrase_regex(data['wars'])}(?:\s+{phrase_regex(data['war_places'])})?",
    }
    parts = []
    for phrase in sorted(data[key], key=len, reverse=True):
        pieces = re.split(r"(\{\w+\})", fold(phrase).strip())
        body = "".join(
            slots[p[1:-1]] if p.startswith("{") else r"\s+".join(re.escape(w) for w in p.split(" "))
            for p in pieces
        )
        parts.append(rf"{body}(?![\w])")
    # one position test in front of all the phrases (see phrase_regex); no phrase: the empty group
    return r"(?<![\w])(?:" + "|".join(parts) + ")" if parts else "(?:)"


@cache
def _default_lexicon() -> CasualtyLexicon:
    return CasualtyLexicon(load_yaml("quantities.yml"), NumberLexicon.load())


def _same_clause(f: str, pos: int, figure: int) -> bool:
    """No clause boundary (";", "alors que", a second verb after "et") between a marker and a figure."""
    return not re.search(r";|\s(?:alors|tandis|mais)\s|\set\s", f[pos:figure])


def _clause_end(f: str, pos: int) -> int:
    m = re.compile(r"[,;:.!?()«»\"]|\s(?:et|mais|alors|tandis)\s").search(f, pos)
    return m.start() if m else len(f)


def _has_number(text: str) -> bool:
    return bool(re.search(r"\d", text))
