"""Place mentions of a frame -> gazetteer places, with the article as context.

Why a context: the same name names several places ("Hamidiyé" in Idlib, Tartus, Homs...), and
the article says which one: the governorates it names near the mention, the places already
resolved, its main theatre. The resolution itself is ``vigie.resolve.places.PlaceResolver``;
this module only builds that context from the article and picks among a frame's candidates.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable

from vigie.extract.frames import DocFrames, Sentence, TextSpan
from vigie.extract.place_index import GovernorateIndex, StartIndex
from vigie.models import Place
from vigie.resolve.place_log import PlaceLog

Resolve = Callable[[str, Any], "Place | None"]


@dataclass
class ArticlePlaces:
    """Per-article state: governorates named per paragraph, places resolved so far, theatre."""

    text: str
    governorates: dict[int, list[str]]
    resolved: PlaceLog
    theatre: str | None
    cache: dict[tuple[str, str, int], Place | None]
    by_paragraph: dict[int, list[Place]] = field(default_factory=dict)
    candidates: tuple[TextSpan, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    # governorates a paragraph names only by an epithet ("dans la capitale"): they rank homonyms
    # but are no place of their own for a frame that names none
    epithet_only: dict[int, set[str]] = field(default_factory=dict)
    _starts: list[int] | None = field(default=None, repr=False)
    _governorates: GovernorateIndex | None = field(default=None, repr=False)
    _candidates: StartIndex[TextSpan] | None = field(default=None, repr=False)
    _paragraph_starts: dict[int, int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # a plain list of places (as tests write them) becomes the log resolution reads
        if not isinstance(self.resolved, PlaceLog):
            self.resolved = PlaceLog(self.resolved)

    def near_governorates(self, paragraph: int) -> tuple[str, ...]:
        """The governorates named in ``paragraph``, then in the nearest paragraphs before it, then
        after it (an index built once: the paragraphs are not sorted again for every mention)."""
        if self._governorates is None:
            self._governorates = GovernorateIndex(self.governorates)
        return self._governorates.near(paragraph)

    def candidates_in(self, start: int, end: int) -> list[TextSpan]:
        """The candidate mentions starting in [start, end), in order (a bisection, not a scan)."""
        if self._candidates is None:
            self._candidates = StartIndex(self.candidates)
        return self._candidates.starting_in(start, end)

    def candidates_before(self, sentence: Sentence) -> list[TextSpan]:
        """The candidates that may lie in ``sentence``'s paragraph before it: those starting
        between the paragraph's first sentence (the text's start for paragraph 0, which also
        holds what lies between sentences) and ``sentence``."""
        if self._paragraph_starts is None:
            self._paragraph_starts = {}
            for s in self.sentences:
                self._paragraph_starts[s.paragraph] = min(s.start, self._paragraph_starts.get(s.paragraph, s.start))
        first = self._paragraph_starts.get(sentence.paragraph, 0) if sentence.paragraph else 0
        return self.candidates_in(first, sentence.start)

    def paragraph_of(self, offset: int) -> int:
        """The paragraph of the sentence holding ``offset`` (a bisection: long articles stay linear)."""
        if self._starts is None or len(self._starts) != len(self.sentences):
            self._starts = [s.start for s in self.sentences]
        return _paragraph_of(self.sentences, offset, starts=self._starts)


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
        """Governorates named in each paragraph (by the candidate mentions, or by an epithet such
        as "la capitale" that names one without its name) and the theatre."""
        govs: dict[int, list[str]] = {}
        counts: dict[str, int] = {}
        starts = [s.start for s in df.sentences]
        spelled: dict[int, set[str]] = {}
        mentions = [(cand.start, self.resolver.governorate(cand.text), True) for cand in df.places]
        mentions += [(s.start + at, gov.name, False) for s in df.sentences
                     for at, gov in self.resolver.gazetteer.epithets(s.text)]
        for start, gov, by_name in sorted(mentions, key=lambda n: n[0]):
            if not gov:
                continue
            par = _paragraph_of(df.sentences, start, starts=starts)
            named = govs.setdefault(par, [])
            for g in (gov, self._surroundings(gov)):
                if g and g not in named:
                    named.append(g)
                if g and by_name:
                    spelled.setdefault(par, set()).add(g)
            counts[gov] = counts.get(gov, 0) + 1
        theatre = max(counts, key=lambda g: counts[g]) if counts else None
        epithet_only = {par: {g for g in named if g not in spelled.get(par, set())} for par, named in govs.items()}
        return ArticlePlaces(text, govs, PlaceLog(), theatre, {}, candidates=tuple(df.places), sentences=df.sentences,
                             epithet_only={par: found for par, found in epithet_only.items() if found})

    def _surroundings(self, governorate: str) -> str | None:
        """The governorate around a city-governorate (admin1.yml ``surroundings``): naming
        Damascus names its countryside too ("Douma, dans la province de Damas")."""
        gov = self.resolver.gazetteer.governorate_by_name(governorate)
        return gov.surroundings if gov is not None else None

    def _context(self, state: ArticlePlaces, paragraph: int, relation: str) -> Any:
        # the paragraph's own governorates first, then those of the nearest paragraphs before it
        # (the section it belongs to), then the later ones: the resolver ranks them in this order
        return self.make_context(
            governorates=state.near_governorates(paragraph),
            places=state.resolved.seen(),
            theatre=state.theatre,
            relation=relation,
        )

    def resolve(self, mention: TextSpan, state: ArticlePlaces, *, paragraph: int,
                regions: "RegionRules | None" = None) -> Place | None:
        relation = _relation(state.text, mention.start)
        # "la région de Qalamoun (ouest)": the bracketed compass point names a part of the place,
        # which the gazetteer may know on its own ("Qalamoun ouest")
        point = regions.bracketed_point(state.text, mention.end) if regions is not None else None
        key = (mention.text + (" " + point if point else ""), relation, paragraph)
        if key not in state.cache:
            context = self._context(state, paragraph, relation)
            place = self.resolver.resolve(f"{mention.text} {point}", context=context) if point else None
            place = place or self.resolver.resolve(mention.text, context=context)
            place = place or self._glued_prefix(mention.text, context)
            state.cache[key] = place
            if place is not None:
                state.resolved.append(place)
        place = state.cache[key]
        if place is not None:
            state.by_paragraph.setdefault(paragraph, []).append(place)
        return place

    def _glued_prefix(self, text: str, context: Any) -> Place | None:
        """The place a capitalised run opens with when the parser glued the next proper name to
        it ("la localité de Sarakeb Hussein Razzouk", a place then the man killed there): the
        longest prefix that resolves to a town (precision 1), cut only before a capitalised word."""
        words = text.split()
        for n in range(len(words) - 1, 0, -1):
            if not words[n][:1].isupper():
                continue
            place = self.resolver.resolve(" ".join(words[:n]), context=context)
            if place is not None and place.geo_precision == 1:
                return place
        return None

    def names_place(self, groups: tuple[tuple[TextSpan, ...], ...], state: ArticlePlaces, *, paragraph: int) -> bool:
        """Whether any mention of ``groups`` resolves, without recording it as resolved (the
        frame may be dropped: its mentions must not become the paragraph's running place)."""
        for group in groups:
            for m in group:
                relation = _relation(state.text, m.start)
                key = ("peek:" + m.text, relation, paragraph)
                if key not in state.cache:
                    state.cache[key] = self.resolver.resolve(m.text, context=self._context(state, paragraph, relation))
                if state.cache[key] is not None:
                    return True
        return False

    def resolve_groups(self, groups: tuple[tuple[TextSpan, ...], ...], state: ArticlePlaces, *,
                       sentence: Sentence, regions: "RegionRules | None" = None) -> list[Place]:
        """The places of the first group that resolves (every resolved member of an enumeration);
        a town (precision 1-2) is preferred over a governorate named in the same sentence, and a
        place named for itself over a compass reference ("un bastion au nord de Qousseir,
        Boueida" - Boueida; "la ville de Kobané, au nord d'Alep" - Kobané)."""
        if regions is not None:
            oriented = [all(regions.is_side(_relation(state.text, m.start)) for m in g) for g in groups]
            groups = tuple([g for g, o in zip(groups, oriented) if not o] + [g for g, o in zip(groups, oriented) if o])
        coarse: list[Place] = []
        for group in groups:
            pairs = [(m, p) for m in group if (p := self.resolve(m, state, paragraph=sentence.paragraph, regions=regions)) is not None]
            found = [p for _, p in pairs]
            fine = [p for p in found if p.geo_precision < 3]
            if fine:
                return _distinct(self._listed_seats(pairs, state) if len(pairs) > 1 else fine)
            if found and not coarse:
                coarse = found[:1]
        return coarse

    def _listed_seats(self, pairs: list[tuple[TextSpan, Place]], state: ArticlePlaces) -> list[Place]:
        """The towns of a list: a governorate's bare name among towns ("à Homs, à Talbissé et à
        Deir Ezzor") is its seat, the city, not the province dropped as too coarse beside them."""
        out = []
        for m, p in pairs:
            town = p if p.geo_precision < 3 else self.resolver.seat(m.text, relation=_relation(state.text, m.start))
            if town is not None and town.geo_precision < 3:
                out.append(town)
        return out

    def refine(self, coarse: Place, df: DocFrames, state: ArticlePlaces, *, sentence: int) -> Place:
        """A governorate-level place (precision 3) made precise: the first town named in the same
        sentence or the next one of its paragraph that lies in that governorate ("des raids dans
        la province d'Idleb. Dix civils ont péri à Ariha" - the raids hit Ariha)."""
        if coarse.geo_precision < 3 or not coarse.admin1:
            return coarse
        par = df.sentences[sentence].paragraph
        near = [s for s in (sentence, sentence + 1) if s < len(df.sentences) and df.sentences[s].paragraph == par]
        for si in near:
            sent = df.sentences[si]
            for cand in state.candidates_in(sent.start, sent.end):
                key = ("peek:" + cand.text, _relation(state.text, cand.start), par)
                if key not in state.cache:
                    state.cache[key] = self.resolver.resolve(cand.text, context=self._context(state, par, key[1]))
                place = state.cache[key]
                if place is not None and place.geo_precision < 3 and place.admin1 == coarse.admin1:
                    return place
        return coarse

    def fallback(self, state: ArticlePlaces, *, sentence: Sentence, order: tuple[str, ...] = ("paragraph", "article", "governorate"),
                 previous: Place | None = None, regions: "RegionRules | None" = None) -> Place | None:
        """No place in the sentence: borrow one, in ``order`` (data: assembly.yml place_fallback).

        ``paragraph``: the event before it in the paragraph (``previous``), else the last place
        resolved in the paragraph; ``article``: the last place resolved before it (the story's
        running scene - measured better than the lead's most frequent place, which drifts to the
        governorate of a headline); ``governorate``: the governorate named in the paragraph, at
        precision 3.
        A place outside the article's country is never borrowed (a report from Beirut on a
        strike in Syria does not happen in Lebanon)."""
        country = _main_country(state)
        ok = lambda p: p is not None and (country is None or p.country_code == country)  # noqa: E731
        for step in order:
            if step == "sentence":
                found = self._in_sentence(state, sentence, regions)
                found = found if ok(found) else None
            elif step == "paragraph":
                here = [p for p in state.by_paragraph.get(sentence.paragraph, []) if ok(p)]
                found = self._named_last(state, sentence, regions, ok)
                found = found or (previous if ok(previous) else (here[-1] if here else None))
            elif step == "article":
                found = next((p for p in reversed(state.resolved) if ok(p)), None)
            else:
                skip = state.epithet_only.get(sentence.paragraph, set())
                govs = [g for g in state.governorates.get(sentence.paragraph, []) if g not in skip]
                found = next((p for g in govs if ok(p := self._governorate_place(g, state, sentence.paragraph))), None)
            if found is not None:
                return found
        return None

    def _named_last(self, state: ArticlePlaces, sentence: Sentence, regions: "RegionRules | None",
                    ok: Callable[[Place | None], bool]) -> Place | None:
        """The town named last before ``sentence`` in its paragraph, whether or not an event was
        told there: "C'est là que les combats...", "le village compte de nombreux déplacés" speak
        of the place the text named just before. A compass reference ("Bulbul, au nord d'Afrin")
        is not the place spoken of, nor is a governorate."""
        for cand in reversed(state.candidates_before(sentence)):
            if state.paragraph_of(cand.start) != sentence.paragraph:
                continue
            relation = _relation(state.text, cand.start)
            if regions is not None and regions.is_side(relation):
                continue
            place = self._peek(cand.text, relation, state, sentence.paragraph)
            if place is not None and place.geo_precision < 3 and ok(place):
                return place
        return None

    def _in_sentence(self, state: ArticlePlaces, sentence: Sentence, regions: "RegionRules | None") -> Place | None:
        """A frame with no place of its own, in a sentence that names one: "des attaques sur des
        secteurs rebelles dans la banlieue de Damas" happen there, not at the town told before."""
        if regions is not None:
            for name, start, relation in regions.phrases(sentence.text):
                place = self._peek(name, relation, state, sentence.paragraph)
                if place is not None:
                    return self._region_near(place, state, regions, paragraph=sentence.paragraph)
        for cand in state.candidates_in(sentence.start, sentence.end):
            place = self._peek(cand.text, _relation(state.text, cand.start), state, sentence.paragraph)
            if place is not None:
                return place
        return None

    def _peek(self, name: str, relation: str, state: ArticlePlaces, paragraph: int) -> Place | None:
        key = ("peek:" + name, relation, paragraph)
        if key not in state.cache:
            state.cache[key] = self.resolver.resolve(name, context=self._context(state, paragraph, relation))
        return state.cache[key]

    def _region_near(self, place: Place, state: ArticlePlaces, regions: "RegionRules", *, paragraph: int) -> Place:
        """The surroundings of a town, when the article names a region close to it: "la banlieue de
        Damas" after "la Ghouta orientale" is the Ghouta (precision 2 either way)."""
        from vigie.resolve.places import distance_km

        named = list(reversed(state.resolved)) + [p for p in (self._peek(c.text, _relation(state.text, c.start), state, paragraph)
                                                  for c in state.candidates) if p is not None]
        for other in named:
            if other.feature == "region" and other.gazetteer_id != place.gazetteer_id \
                    and distance_km(place.latitude, place.longitude, other.latitude, other.longitude) <= regions.km:
                return other
        return place

    def _governorate_place(self, name: str, state: ArticlePlaces, paragraph: int) -> Place | None:
        key = (name, "governorate", -1)
        if key not in state.cache:
            place = self.resolver.resolve(name, context=self._context(state, paragraph, "province de"))
            state.cache[key] = place if place is not None and place.geo_precision == 3 else None
        return state.cache[key]


class RegionRules:
    """Region phrases (assembly.yml region_nouns, region_sides, region_km): "dans la banlieue
    (rebelle) de X", "à l'est de X" name the surroundings of X."""

    def __init__(self, *, nouns: tuple[str, ...], sides: tuple[str, ...], km: float, points: tuple[str, ...] = ()) -> None:
        alt = lambda ws: "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in sorted(ws, key=len, reverse=True))  # noqa: E731
        self.km = km
        self._point = re.compile(r"\s*\(\s*(?P<point>" + alt(points) + r")\s*\)", re.IGNORECASE) if points else None
        head = []
        if nouns:
            head.append(r"(?:" + alt(nouns) + r")(?:\s+[^\W\d]+)?")
        if sides:
            head.append(r"(?:" + alt(sides) + r")")
        self._pattern = re.compile(r"(?<!\w)(?P<rel>(?:" + "|".join(head) + r")\s+(?:de\s+|d['’]))"
                                   r"(?P<name>[A-ZÀ-Ý][\w’'-]*(?:\s+(?:al-|el-|de\s+)?[A-ZÀ-Ý][\w’'-]*)*)") if head else None

        self._side = re.compile(r"(?<!\w)(?:" + alt(tuple(w for w in sides if " " in w)) + r")\s+(?:de|d['’]|du|des)(?:\s*(?:la|le|les|l['’]))?\s*$",
                                re.IGNORECASE) if any(" " in w for w in sides) else None

    def is_side(self, relation: str) -> bool:
        """Whether ``relation`` (the words before a mention) is a compass reference ("au nord de")."""
        return bool(self._side and self._side.search(relation.strip() + " "))

    def bracketed_point(self, text: str, end: int) -> str | None:
        """The compass point bracketed right after a place name ending at ``end`` ("Qalamoun
        (ouest)" -> "ouest"), else None."""
        m = self._point.match(text, end) if self._point is not None else None
        return m.group("point").lower() if m else None

    @classmethod
    def from_assembly(cls, rules: Any) -> "RegionRules":
        return cls(nouns=rules.region_nouns, sides=rules.region_sides, km=rules.region_km, points=rules.compass_points)

    def phrases(self, text: str) -> list[tuple[str, int, str]]:
        """(place name, offset, relation words) of each region phrase of ``text``."""
        if self._pattern is None:
            return []
        return [(m.group("name"), m.start("name"), " ".join(m.group("rel").split())) for m in self._pattern.finditer(text)]


def _main_country(state: ArticlePlaces) -> str | None:
    return state.resolved.most_common_country()


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


def _paragraph_of(sentences: tuple[Sentence, ...], offset: int, *, starts: list[int]) -> int:
    """The paragraph of the sentence holding ``offset`` (0 if none); ``starts`` = the sentences'
    start offsets, in order, so a long article costs a bisection per mention, not a scan."""
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < sentences[i].end:
        return sentences[i].paragraph
    return 0
