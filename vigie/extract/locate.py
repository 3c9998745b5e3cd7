"""Place mentions of a frame -> gazetteer places, with the article as context.

Why a context: the same name names several places ("Hamidiyé" in Idlib, Tartus, Homs...), and
the article says which one: the governorates it names near the mention, the places already
resolved, its main theatre. The resolution itself is ``vigie.resolve.places.PlaceResolver``;
this module only builds that context from the article and picks among a frame's candidates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from vigie.extract.frames import DocFrames, Sentence, TextSpan
from vigie.models import Place

Resolve = Callable[[str, Any], "Place | None"]


@dataclass
class ArticlePlaces:
    """Per-article state: governorates named per paragraph, places resolved so far, theatre."""

    text: str
    governorates: dict[int, list[str]]
    resolved: list[Place]
    theatre: str | None
    cache: dict[tuple[str, str, int], Place | None]


class PlaceFinder:
    """Resolve a frame's place groups; ``resolver`` and ``make_context`` come from vigie.resolve.places."""

    def __init__(self, resolver: Any, make_context: Callable[..., Any]) -> None:
        self.resolver = resolver
        self.make_context = make_context

    @classmethod
    def load(cls) -> "PlaceFinder":
        from vigie.resolve.gazetteer import Gazetteer
        from vigie.resolve.places import PlaceContext, PlaceResolver

        return cls(PlaceResolver(Gazetteer.load()), PlaceContext)

    def for_article(self, text: str, df: DocFrames) -> ArticlePlaces:
        """Governorates named in each paragraph (from the candidate mentions) and the theatre."""
        govs: dict[int, list[str]] = {}
        counts: dict[str, int] = {}
        for cand in df.places:
            gov = self.resolver.governorate(cand.text)
            if not gov:
                continue
            par = _paragraph_of(df.sentences, cand.start)
            govs.setdefault(par, [])
            if gov not in govs[par]:
                govs[par].append(gov)
            counts[gov] = counts.get(gov, 0) + 1
        theatre = max(counts, key=lambda g: counts[g]) if counts else None
        return ArticlePlaces(text, govs, [], theatre, {})

    def _context(self, state: ArticlePlaces, paragraph: int, relation: str) -> Any:
        named = state.governorates.get(paragraph, []) + [g for p, gs in sorted(state.governorates.items()) for g in gs]
        return self.make_context(
            governorates=tuple(dict.fromkeys(named)),
            places=tuple(reversed(state.resolved)),
            theatre=state.theatre,
            relation=relation,
        )

    def resolve(self, mention: TextSpan, state: ArticlePlaces, *, paragraph: int) -> Place | None:
        relation = _relation(state.text, mention.start)
        key = (mention.text, relation, paragraph)
        if key not in state.cache:
            place = self.resolver.resolve(mention.text, context=self._context(state, paragraph, relation))
            state.cache[key] = place
            if place is not None:
                state.resolved.append(place)
        return state.cache[key]

    def resolve_groups(self, groups: tuple[tuple[TextSpan, ...], ...], state: ArticlePlaces, *,
                       sentence: Sentence) -> list[Place]:
        """The places of the first group that resolves (every resolved member of an enumeration);
        a town (precision 1-2) is preferred over a governorate named in the same sentence."""
        coarse: list[Place] = []
        for group in groups:
            found = [p for p in (self.resolve(m, state, paragraph=sentence.paragraph) for m in group) if p is not None]
            fine = [p for p in found if p.geo_precision < 3]
            if fine:
                return _distinct(fine)
            if found and not coarse:
                coarse = found[:1]
        return coarse

    def fallback(self, state: ArticlePlaces, *, sentence: Sentence) -> Place | None:
        """No place in the sentence: the last place resolved in its paragraph context, if any."""
        return state.resolved[-1] if state.resolved else None


def _relation(text: str, start: int, *, words: int = 5) -> str:
    """The few words right before a mention, within its clause ("près de", "la base de")."""
    before = text[max(0, start - 60):start]
    before = re.split(r"[.;:!?\n,(]", before)[-1]
    return " ".join(before.split()[-words:])


def _distinct(places: list[Place]) -> list[Place]:
    out: list[Place] = []
    for p in places:
        if all((p.gazetteer_id or p.name) != (o.gazetteer_id or o.name) for o in out):
            out.append(p)
    return out


def _paragraph_of(sentences: tuple[Sentence, ...], offset: int) -> int:
    for s in sentences:
        if s.start <= offset < s.end:
            return s.paragraph
    return 0
