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
6. a "dont" clause after the group gives subfigures ("49 civils dont 6 enfants");
7. a number joined to the figure before it by "et" takes its casualty word ("27 morts parmi
   les soldats, et 16 dans les rangs des rebelles");
8. totals of a past event ("qui avait fait 50 morts") or of a campaign or period ("depuis le
   30 avril", "en huit ans de guerre": ``is_cumulative``) are not event tolls and are dropped.

The compiled vocabulary is ``casualty_lexicon.CasualtyLexicon``. Sources come from
``attribution``; an ``AttributionContext`` carries them across sentences ("selon lui").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from vigie.models import Claim
from vigie.extract.attribution import (
    UNATTRIBUTED,
    AttributionContext,
    AttributionCues,
    SourceMention,
    SourceRegistry,
    attributed_sources,
    choose_source,
    name_key,
    person_sources,
)
from vigie.extract.casualty_lexicon import CasualtyLexicon, Kind
from vigie.extract.numbers import Quantity, fold


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
    carried: bool = False  # "300 d'entre eux" opening a sentence: kind and group of the one before

    @property
    def value(self) -> int | None:
        return self.count if self.count is not None else self.estimate


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

    "près de 300 civils ont été tués depuis le 30 avril", "depuis 2011", "en huit ans de guerre",
    "le conflit en Syrie a fait plus de 350.000 morts" count many events; ``claims_from_sentence``
    drops such figures. The markers are the ``cumulative`` phrases of ``data/quantities.yml``.
    """
    return CasualtyLexicon.load().is_cumulative(fold(sentence), start, end)


def find_figures(
    sentence: str,
    *,
    offset: int = 0,
    kinds: Iterable[str] = ("killed", "injured"),
    lexicon: CasualtyLexicon | None = None,
    carried: tuple[Kind, str] | None = None,
) -> list[Figure]:
    """The casualty figures of ``sentence`` (killed and injured by default), in text order.

    ``carried``: kind and group of the last figure of the sentence before, for a verbless
    subset that opens this one ("... 1300 miliciens tués. 300 d'entre eux en fuyant vers X.").
    """
    lex = lexicon or CasualtyLexicon.load()
    wanted = set(kinds)
    f = fold(sentence)
    quantities = lex.numbers.quantities(f)
    consumed: set[int] = set()
    figures: list[Figure] = []
    for i, q in enumerate(quantities):
        if i in consumed:
            continue
        figure = _read_figure(lex, sentence, f, quantities, i, consumed, offset, figures, carried)
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
    carried: tuple[Kind, str] | None = None,
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
    if noun and lex.repeats_a_toll(f, q.start):
        return None
    among = None if noun else lex.counted_among(f, pos)
    if among:
        kind, end = among
        qualifier = qualifier or "at_least"
    elif q.bare_article and ((who is None and noun is None) or lex.is_lone_attacker(f, q.end)):
        return None
    subs, pos = _subfigures(lex, sentence, f, quantities, i, pos if not noun else end, offset)
    if kind is None:
        after = lex.verb_after(f, lex.skip_incise(f, pos))
        if after:
            kind, end, inner = after
            qualifier = qualifier or inner
    own_clause = who is not None and lex.heads_own_clause(f, pos, sentence)
    if kind is None and not own_clause:
        before = lex.verb_before(f, start, has_group=who is not None, attached=q.bare_article)
        if before:
            kind, start = before
            end = max(pos, end)
    if kind is None and not own_clause and previous and lex.continues_figure(f, previous[-1].end - offset, start):
        linked, linked_end = lex.linked_group(f, q.end)
        if who is not None or linked is not None:
            kind, who, end = previous[-1].kind, who or linked, max(pos, linked_end)
    if kind is None and not own_clause and lex.speaks_of_toll(f, start, who, pos):
        kind, end = "killed", max(pos, end)
    inherited = False
    if kind is None and not own_clause and who == "antecedent":
        if previous and _elides_verb(lex, f[previous[-1].end - offset:start]):
            kind, end = previous[-1].kind, max(pos, end)
        elif carried and not previous and not re.search(r"\w", f[:start]):
            (kind, who), end, inherited = carried, max(pos, end), True
    if kind is None:
        return None
    if lex.is_background(f, end) or lex.recalls_earlier_event(f, start):
        kind = "other"
    elif lex.is_cumulative(f, *_clause_around(lex, f, quantities, i, (start, end), previous, offset), figure=q.start):
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
        carried=inherited,
    )


def _elides_verb(lex: CasualtyLexicon, gap: str) -> bool:
    """'1300 miliciens tués ces dernières 48 heures, 300 d'entre eux alors qu'ils fuyaient':
    a short stretch with no clause of its own between a figure and a subset of it."""
    return len(gap.split()) <= 8 and not re.search(r"[;:()]", gap) and not lex.starts_clause(gap)


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
    carried = context.carried if context is not None else None
    figures = find_figures(sentence, offset=offset, carried=carried)  # type: ignore[arg-type]
    if not figures:
        if context is not None:
            context.note(sentence)
        return []
    elided = context.recent() if context is not None and any(f.carried for f in figures) else None
    found = registry.mentions(sentence)
    candidates = attributed_sources(sentence, registry=registry, cues=cues, mentions=found)
    if context is not None and context.persons:
        candidates = _with_spokespeople(candidates, person_sources(sentence, context.persons, cues=cues))
    referent = None
    if context is not None:
        named = [SourceMention(n, a, b, raw=sentence[a:b]) for a, b, n in found]
        referent = context.resolve(sentence, candidates, named=named)
        context.carried = (figures[-1].kind, figures[-1].who)
    default = own_name(outlet, registry)
    claims = []
    for figure in figures:
        mention = choose_source(candidates, sentence, figure_start=figure.start - offset, cues=cues)
        mention = mention or referent or (elided if figure.carried else None)
        source = mention.name if mention else default
        claims.append(_claim(figure, source))
    return claims


def _with_spokespeople(candidates: list[SourceMention], persons: list[SourceMention]) -> list[SourceMention]:
    """The sentence's sources with those its spokespeople speak for ("selon M. Shami" -> the
    SDF); an unknown name overlapping a spokesperson is him."""
    if not persons:
        return candidates
    kept = [m for m in candidates if not (m.unknown and any(p.start < m.end and m.start < p.end for p in persons))]
    return sorted(kept + persons, key=lambda m: m.start)


def own_name(outlet: str | None, registry: SourceRegistry) -> str:
    """The name an outlet's own figures carry: the registry's name when it is the outlet's
    own name written otherwise ("Al-Manar (fr)" -> "AlManar"), else the ``outlet`` header as
    given. A republisher is not the agency it credits ("20 Minutes (AFP)" is not "AFP"), nor
    a channel the network it belongs to ("RT France" is not "RT"): the figure is the outlet's."""
    if not outlet or not outlet.strip():
        return UNATTRIBUTED
    found = registry.canonical(outlet)
    return found if found is not None and name_key(found) == name_key(outlet) else outlet.strip()


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
