"""Casualty figures in one sentence: "20 terroristes ont été tués", "faisant 3 morts et 7 blessés".

Why regex and a word list rather than the parser: the figure grammar of wire copy is narrow
(a number, the group it counts, a casualty word before or after) and this runs on every
sentence of every article, so it must cost microseconds. The vocabulary is in
``data/quantities.yml``; this module only knows the shapes:

1. find every number expression (digits, words, "une trentaine", "des dizaines");
2. drop the ones that measure something else (ages, hours, dates, distances, vehicles);
3. read its qualifier in front ("au moins", "plus de") or inside the verb ("ont au moins péri");
4. read the counted group after it ("civils", "de terroristes", "d'entre eux");
5. read the casualty word: a noun right after ("8 morts"), a passive or intransitive verb
   after ("ont été tués", "ont péri"), or a verb before ("ont tué", "la mort de");
6. a "dont" clause after the group gives subfigures ("49 civils dont 6 enfants").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterable, Literal

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.models import Claim
from vigie.extract.attribution import (
    AttributionContext,
    AttributionCues,
    SourceMention,
    SourceRegistry,
    attributed_sources,
    choose_source,
)
from vigie.extract.numbers import NumberLexicon, Quantity, fold, phrase_regex

Kind = Literal["killed", "injured", "captured", "other"]
_KINDS: tuple[Kind, ...] = ("killed", "injured", "captured")
_WINDOW_WORDS = 5
_BEFORE_GAP_WORDS = 3


@dataclass(frozen=True)
class Figure:
    """One casualty figure; ``start``/``end`` are absolute (sentence offset + local)."""

    count: int | None
    qualifier: str
    who: str
    kind: Kind
    estimate: int | None
    start: int
    end: int
    quote: str
    subfigures: tuple["Figure", ...] = ()

    @property
    def value(self) -> int | None:
        return self.count if self.count is not None else self.estimate


class CasualtyLexicon:
    """The compiled vocabulary of ``data/quantities.yml`` (qualifiers, groups, casualty words)."""

    def __init__(self, data: dict[str, Any], numbers: NumberLexicon) -> None:
        self.numbers = numbers
        try:
            self.qualifiers = {fold(p).strip(): q for q, ps in data["qualifiers"].items() for p in ps}
            self.groups = {" ".join(fold(w).split()): label for label, ws in data["groups"].items() for w in ws}
            kinds = data["kinds"]
            self._qual = re.compile(rf"({phrase_regex(self.qualifiers)})\s*$")
            self._qual_inside = re.compile(phrase_regex(self.qualifiers))
            self._group = re.compile(rf"\s*(?:de\s+|d')?({phrase_regex(self.groups)})")
            self._group_link = re.compile(rf"\s*{phrase_regex(data['group_links'])}\s*")
            self._entre_eux = re.compile(r"\s*d'entre\s+(?:eux|elles)(?![\w])")
            self._noun = {k: re.compile(rf"\s*(?:de\s+|d')?({phrase_regex(kinds[k]['nouns'])})") for k in _KINDS}
            self._participle = {k: re.compile(phrase_regex(kinds[k]["participles"])) for k in _KINDS}
            self._intransitive = {k: re.compile(phrase_regex(kinds[k]["intransitive"])) for k in _KINDS}
            self._before = {k: re.compile(rf"({phrase_regex(kinds[k]['before'])})") for k in _KINDS}
            self._before_group = {
                k: re.compile(rf"({phrase_regex(kinds[k]['before_needs_group'])})") for k in _KINDS
            }
            self._active = re.compile(rf"{phrase_regex(data['active_auxiliaries'])}\s*(?:{phrase_regex(self.qualifiers)}\s*)?$")
            self._filler = re.compile(rf"(?:\s*{phrase_regex(data['fillers'] + list(self.qualifiers))})*\s*")
            self._not_before = re.compile(rf"{phrase_regex(data['not_figure_before'])}\s*$")
            self._not_after = re.compile(rf"\s*{phrase_regex(data['not_figure_after'])}")
            self._background = re.compile(rf"\s*{phrase_regex(data['background_after'])}")
            self._cumulative = re.compile(_template_regex(data["cumulative"], numbers))
            self._background_before = re.compile(rf"{phrase_regex(data['background_before'])}\s*$")
            self._lone = re.compile(rf"\s*{phrase_regex(data['lone_attackers'])}")
            self._subordinator = re.compile(phrase_regex(data["subordinators"]))
            self._incise = re.compile(rf"\s*,\s*{phrase_regex(data['incise_openers'])}[^,;:.()]*,")
            self._anaphoric = re.compile(rf"{phrase_regex(data['anaphoric_before'])}\s*$")
            self._ellipsis = re.compile(rf"(?:,\s*)?{phrase_regex(data['ellipsis_links'])}\s*$")
            plus_one = data["plus_one"]
            self._plus_one = re.compile(
                rf"{phrase_regex(plus_one['singular'])}.{{0,60}}?{phrase_regex(plus_one['links'])}\s*$"
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
        if self._anaphoric.search(f, max(0, q.start - 15), q.start):
            return True
        return q.base == "exact" and q.value is not None and 1900 <= q.value <= 2100 and not self._noun_after(f, q.end)

    def is_background(self, f: str, pos: int) -> bool:
        """A whole-war toll ("... plus de 100.000 morts depuis mars 2011")."""
        return bool(self._background.match(f, pos))

    def recalls_earlier_event(self, f: str, start: int) -> bool:
        """'... un attentat, qui avait fait une cinquantaine de morts': a past event's toll."""
        return bool(self._background_before.search(f, max(0, start - 40), start))

    def is_cumulative(self, f: str, start: int = 0, end: int | None = None) -> bool:
        """A campaign or period marker ("depuis le 30 avril", "en huit ans de guerre") in f[start:end]."""
        return bool(self._cumulative.search(f, start, len(f) if end is None else end))

    def is_lone_attacker(self, f: str, pos: int) -> bool:
        """'un kamikaze', 'un assaillant': the article names one attacker, not a toll."""
        return bool(self._lone.match(f, pos))

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

    def names_one_more(self, f: str, start: int) -> bool:
        """'le juge a été tué ainsi que 9 autres': the others plus the one named before."""
        return bool(self._plus_one.search(f, max(0, start - 120), start))

    def group_after(self, f: str, pos: int) -> tuple[str | None, int]:
        m = self._group.match(f, pos)
        if m:
            return self.groups[" ".join(m.group(1).split())], m.end()
        m = self._entre_eux.match(f, pos)
        return ("antecedent", m.end()) if m else (None, pos)

    def _noun_after(self, f: str, pos: int) -> tuple[Kind, int] | None:
        for kind in _KINDS:
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
        for kind in _KINDS:
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
            for kind in _KINDS:
                for m in table[kind].finditer(f, lo, start):
                    gap = f[m.end():start]
                    if len(gap.split()) > _BEFORE_GAP_WORDS or _has_number(gap) or re.search(r"[,(:\"«»]", gap):
                        continue
                    if (attached and gap.strip()) or self._subordinator.search(gap):
                        continue
                    if best is None or m.end() > best[0]:
                        best = (m.end(), kind, m.start())
        return (best[1], best[2]) if best else None


def _template_regex(data: dict[str, Any], numbers: NumberLexicon) -> str:
    """The ``cumulative`` phrases with {num}, {month}, {year} filled in, as one alternation."""
    slots = {
        "num": rf"(?:\d+(?:er)?|premier|{numbers.word_pattern})",
        "month": phrase_regex(data["months"]),
        "year": r"(?:1[89]|20)\d\d",
    }
    parts = []
    for phrase in sorted(data["phrases"], key=len, reverse=True):
        pieces = re.split(r"(\{\w+\})", fold(phrase).strip())
        body = "".join(
            slots[p[1:-1]] if p.startswith("{") else r"\s+".join(re.escape(w) for w in p.split(" "))
            for p in pieces
        )
        parts.append(rf"(?<![\w]){body}(?![\w])")
    return "(?:" + "|".join(parts) + ")"


@cache
def _default_lexicon() -> CasualtyLexicon:
    return CasualtyLexicon(load_yaml("quantities.yml"), NumberLexicon.load())


def _clause_end(f: str, pos: int) -> int:
    m = re.compile(r"[,;:.!?()«»\"]|\s(?:et|mais|alors|tandis)\s").search(f, pos)
    return m.start() if m else len(f)


_CLAUSE_BREAK = re.compile(r";|\s(?:alors|tandis|mais)\s")


def _clause_around(
    lex: CasualtyLexicon,
    f: str,
    quantities: list[Quantity],
    i: int,
    span: tuple[int, int],
    previous: list[Figure],
    offset: int,
) -> tuple[int, int]:
    """The stretch a figure's time markers sit in: from the previous figure (or a clause break)
    to the next possible figure (or a clause break), so one figure's "depuis 2011" never drops
    another. Dates and durations ("le 30 avril", "huit ans") are not figures and do not stop it."""
    start, end = span
    lo = max([0] + [p.end - offset for p in previous if p.end - offset <= start])
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(f, lo, start)]
    lo = breaks[-1] if breaks else lo
    nxt = next((q.start for q in quantities[i + 1:] if q.start >= end and not lex.is_trap(f, q)), len(f))
    stop = _CLAUSE_BREAK.search(f, end, nxt)
    return lo, stop.start() if stop else nxt


def is_cumulative(sentence: str, *, start: int = 0, end: int | None = None) -> bool:
    """Whether ``sentence[start:end]`` dates a figure to a campaign or period, not one event.

    "près de 300 civils ont été tués depuis le 30 avril", "depuis 2011", "en huit ans de guerre"
    count many events; ``claims_from_sentence`` drops such figures. The markers are the
    ``cumulative`` phrases of ``data/quantities.yml``.
    """
    return CasualtyLexicon.load().is_cumulative(fold(sentence), start, end)


def _has_number(text: str) -> bool:
    return bool(re.search(r"\d", text))


def find_figures(
    sentence: str,
    *,
    offset: int = 0,
    kinds: Iterable[str] = ("killed", "injured"),
    lexicon: CasualtyLexicon | None = None,
) -> list[Figure]:
    """The casualty figures of ``sentence`` (killed and injured by default), in text order."""
    lex = lexicon or CasualtyLexicon.load()
    wanted = set(kinds)
    f = fold(sentence)
    quantities = lex.numbers.quantities(f)
    consumed: set[int] = set()
    figures: list[Figure] = []
    for i, q in enumerate(quantities):
        if i in consumed:
            continue
        figure = _read_figure(lex, sentence, f, quantities, i, consumed, offset, figures)
        if figure is not None and figure.kind in wanted:
            figures.append(figure)
    return figures


def _read_figure(
    lex: CasualtyLexicon,
    sentence: str,
    f: str,
    quantities: list[Quantity],
    i: int,
    consumed: set[int],
    offset: int,
    previous: list[Figure],
) -> Figure | None:
    q = quantities[i]
    if lex.is_trap(f, q):
        return None
    qualifier, start = lex.qualifier_before(f, q.start)
    who, pos = lex.group_after(f, q.end)
    kind: Kind | None = None
    end = pos
    noun = lex._noun_after(f, pos)
    if noun:
        kind, end = noun
        if who is None:
            who, end = _or_keep(lex.linked_group(f, end), end)
    if q.bare_article and ((who is None and noun is None) or lex.is_lone_attacker(f, q.end)):
        return None
    subs, pos = _subfigures(lex, sentence, f, quantities, i, pos if not noun else end, offset)
    if kind is None:
        after = lex.verb_after(f, lex.skip_incise(f, pos))
        if after:
            kind, end, inner = after
            qualifier = qualifier or inner
    if kind is None:
        before = lex.verb_before(f, start, has_group=who is not None, attached=q.bare_article)
        if before:
            kind, start = before
            end = max(pos, end)
    if kind is None and previous and lex.continues_figure(f, previous[-1].end - offset, start):
        linked, linked_end = lex.linked_group(f, q.end)
        if who is not None or linked is not None:
            kind, who, end = previous[-1].kind, who or linked, max(pos, linked_end)
    if kind is None:
        return None
    if lex.is_background(f, end) or lex.recalls_earlier_event(f, start):
        kind = "other"
    elif lex.is_cumulative(f, *_clause_around(lex, f, quantities, i, (start, end), previous, offset)):
        kind = "other"
    count = q.value
    if who == "others" and count is not None and lex.names_one_more(f, q.start):
        count += 1
    if subs:
        end = max(end, subs[-1].end - offset)
    for j, sub in enumerate(quantities[i + 1:], start=i + 1):
        if any(s.start - offset == sub.start for s in subs):
            consumed.add(j)
    who = _resolve_who(lex, who, f, q.start, previous)
    final_qualifier = "vague" if q.base == "vague" else (qualifier or q.base)
    subs = tuple(
        Figure(s.count, s.qualifier, s.who, kind, s.estimate, s.start, s.end, s.quote) for s in subs
    )
    return Figure(
        count=count,
        qualifier=final_qualifier,
        who=who,
        kind=kind,
        estimate=q.estimate,
        start=offset + start,
        end=offset + end,
        quote=sentence[start:end],
        subfigures=subs,
    )


def _or_keep(found: tuple[str | None, int], end: int) -> tuple[str | None, int]:
    who, pos = found
    return (who, pos) if who else (None, end)


def _subfigures(
    lex: CasualtyLexicon,
    sentence: str,
    f: str,
    quantities: list[Quantity],
    i: int,
    pos: int,
    offset: int,
) -> tuple[list[Figure], int]:
    """'dont 6 enfants', 'dont 80 enfants, 137 femmes et des dizaines de rebelles'."""
    m = re.compile(r"\s*,?\s*dont\s+").match(f, pos)
    if not m:
        return [], pos
    subs: list[Figure] = []
    cursor = m.end()
    for q in quantities[i + 1:]:
        qualifier, qstart = lex.qualifier_before(f, q.start)
        if qstart != cursor and q.start != cursor:
            break
        who, end = lex.group_after(f, q.end)
        if who is None and not q.bare_article:
            who = "people"
        if who is None:
            break
        final = "vague" if q.base == "vague" else (qualifier or q.base)
        subs.append(Figure(q.value, final, who, "other", q.estimate, offset + qstart, offset + end, sentence[qstart:end]))
        sep = re.compile(r"\s*(?:,|et(?![\w]))\s*(?:et\s+)?").match(f, end)
        pos = end
        if not sep:
            break
        cursor = sep.end()
    if not subs:
        return [], pos
    close = re.compile(r"\s*,").match(f, pos)
    return subs, close.end() if close else pos


def _resolve_who(lex: CasualtyLexicon, who: str | None, f: str, start: int, previous: list[Figure]) -> str:
    """'d'entre eux' and 'autres' take the group of the figure or group word before them."""
    if who == "antecedent" or who == "others":
        if previous:
            return previous[-1].who
        groups = [lex.groups[" ".join(m.group(1).split())] for m in lex._group.finditer(f, 0, start)]
        named = [g for g in groups if g not in {"others", "members", "people"}]
        return named[-1] if named else "people"
    return who or "people"


def claims_from_sentence(
    sentence: str,
    *,
    offset: int = 0,
    registry: SourceRegistry,
    outlet: str | None,
    cues: AttributionCues | None = None,
    context: AttributionContext | None = None,
) -> list[Claim]:
    """Killed and injured figures of one sentence as Claims credited to their source.

    With no source named, the figure is the outlet's own (canonicalised through the registry
    so "AlManar (fr)" and "Al-Manar" both read "AlManar"). Injuries get ``who == "injured"``.
    Campaign and period totals (``is_cumulative``) are not event tolls and give no claim.

    ``context``: one ``AttributionContext`` per article, passed with *every* sentence of the
    article in text order (sentences without figures included), lets "selon lui", "a-t-il
    ajouté", "de même source" take the source credited earlier. None keeps each sentence alone.
    """
    figures = find_figures(sentence, offset=offset)
    if not figures and context is None:
        return []
    candidates = attributed_sources(sentence, registry=registry, cues=cues)
    referent = None
    if context is not None:
        named = [SourceMention(n, a, b, raw=sentence[a:b]) for a, b, n in registry.mentions(sentence)]
        referent = context.resolve(sentence, candidates, named=named)
    if not figures:
        return []
    default = registry.canonical(outlet) or (outlet.strip() if outlet and outlet.strip() else "unknown")
    claims = []
    for figure in figures:
        mention = choose_source(candidates, sentence, figure_start=figure.start - offset, cues=cues)
        mention = mention or referent
        source = mention.name if mention else default
        claims.append(_claim(figure, source))
    return claims


def _claim(figure: Figure, source: str) -> Claim:
    who = "injured" if figure.kind == "injured" else figure.who
    return Claim(
        count=figure.count,
        qualifier=figure.qualifier,  # type: ignore[arg-type]
        who=who,
        source=source,
        quote=figure.quote,
        estimate=figure.estimate,
        subfigures=tuple(_claim(s, source) for s in figure.subfigures),
        start=figure.start,
        end=figure.end,
    )
