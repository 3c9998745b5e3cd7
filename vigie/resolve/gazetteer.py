"""The embedded gazetteer: every Syrian community and neighbourhood, the border towns of the
neighbours, governorates and vigie's own additions.

Why built at load time from packaged data: reports name villages, bases and districts that
no small public list holds, and the program must work offline. The rows come from three
places, in order (:mod:`vigie.resolve.gazetteer_rows` reads them): the packaged table
``gazetteer.tsv`` (UN OCHA populated places with P-codes and admin2/3, OpenSyria aliases,
GeoNames towns, built by ``vigie gazetteer build``), the full GeoNames dump a user loaded with
``vigie gazetteer import`` (when a database is given), and our own ``gazetteer_additions.csv``
(bases, airports, camps, mountains, regions, border towns, each with the source of its
coordinates; and press spellings of places the table holds, appended to that entry). Every
name is indexed under the three keys of :mod:`vigie.resolve.translit`; :meth:`Gazetteer.lookup`
tries them from strict to loose, then a rapidfuzz search, and returns the candidates of the
first tier that finds any.
"""
from __future__ import annotations

import math
import random
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from vigie import settings
from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.resolve.gazetteer_rows import (  # noqa: F401 (re-exported)
    FEATURES, TABLE, Entry, Governorate, additions, admin_units, db_entries, geonames_feature,
    qualifier_keys, spellings, table_entries, table_keys, translit_fingerprint, with_spellings,
)
from vigie.resolve.translit import Keys, MentionReader, Transliterator

_WORDS = re.compile(r"[\s\-]+")
TIERS = ("exact", "skeleton", "bare", "fuzzy", "vowels")
# Minimum name similarity (rapidfuzz ratio of the vkeys) for a skeleton / bare hit to count:
# consonants alone collide ("Mare'" and "Muri'iyah" are both "mr", "Samedi" and "Samad" both
# "smd"), so a loose key must also look like the name written out.
_TIER_MIN = {"skeleton": 70.0, "bare": 75.0}
# Short names ("Sud", "Knayé") share their two or three consonants with dozens of villages:
# below these lengths a loose match must be near-exact.
_SHORT_VKEY = 5
_SHORT_MIN = 85.0
# The vowel class leaves the consonants alone as evidence: only for names that have at least
# this many ("Abou" would find a village anywhere). The resolver asks for more in running text.
_VOWELS_MIN_SKELETON = 2
# How far below the best loose match (rapidfuzz points) a candidate still competes.
_LOOSE_MARGIN = 5.0
# Fuzzy (edit-distance) search only for names long enough that one typo is not a new name.
_FUZZY_MIN_LENGTH = 6
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_ARABIC_SKELETON_SCORE = 80.0
# Names in other scripts (Cyrillic, CJK, Hebrew...) give no key: skip them when indexing.
_SCRIPTS = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0600-\u06FF]")


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry matched by a name: which of its names, which key, tier and score."""

    entry: Entry
    matched: str
    key: str
    tier: str
    score: float


class Gazetteer:
    """The place index. Build with :meth:`load`; query with :meth:`lookup` and :meth:`governorate`."""

    def __init__(
        self, entries: list[Entry], governorates: list[Governorate], *,
        translit: Transliterator, home_country: str, fuzzy_threshold: float | None = None,
        known_keys: dict[str, Keys] | None = None, qualifiers: frozenset[str] = frozenset(),
        epithets_not_before: tuple[str, ...] = (),
    ) -> None:
        self.entries = entries
        self.governorates = governorates
        self.translit = translit
        self.reader = MentionReader(translit.rules)
        self.home_country = home_country
        self.fuzzy_threshold = float(
            settings.get("fuzzy_threshold") if fuzzy_threshold is None else fuzzy_threshold)
        self._known_keys = known_keys or {}
        self._qualifiers = qualifiers
        self._index: dict[str, dict[str, list[tuple[int, str, str]]]] = {
            "exact": {}, "skeleton": {}, "bare": {}}
        for i, entry in enumerate(entries):
            for name in self._index_names(entry):
                self._add(i, name)
        # Fuzzy search scans only keys of a compatible length that open with the same letter
        # class (every vowel is one class: "Ain"/"Ein"/"Ayn"): a 30,000-key scan per unknown
        # name would cost milliseconds, these buckets a tenth of it.
        self._fuzzy_buckets: dict[tuple[str, int], list[str]] = {}
        for key in self._index["exact"]:
            self._fuzzy_buckets.setdefault((_initial(key), len(key)), []).append(key)
        self._gov_by_name = {gov.name: gov for gov in reversed(governorates)}
        self._gov_index: dict[str, dict[str, Governorate]] = {"exact": {}, "skeleton": {}}
        for gov in governorates:
            for alias in (gov.name, *gov.aliases):
                k = translit.keys(alias)
                if k.vkey:
                    self._gov_index["exact"].setdefault(k.vkey, gov)
                    self._gov_index["skeleton"].setdefault(k.skeleton, gov)
        self._epithet_govs = {" ".join(p.lower().split()): g for g in governorates for p in g.epithets}
        self._epithets = _epithet_pattern(list(self._epithet_govs), epithets_not_before)
        self.lookup = lru_cache(maxsize=100_000)(self._lookup)  # type: ignore[method-assign]

    # --- building ----------------------------------------------------------------------

    def _index_names(self, entry: Entry) -> list[str]:
        """Every name of ``entry`` plus, for bases/airports/camps, the name without its head
        words ("Tiyas airbase" -> "Tiyas"), so "l'aéroport de Dabaa" can find the airport."""
        names = [n for n in entry.names if _SCRIPTS.search(n)]
        if entry.feature in {"town", "village", "neighbourhood"} and not entry.id.startswith("vigie:"):
            return names
        for name in entry.names:
            mention = self.reader.read(name)
            if mention.core and mention.core != name and mention.core not in names and (
                mention.feature or entry.feature in {"base", "airport", "camp", "region"}
            ):
                names.append(mention.core)
        return names

    def _add(self, i: int, name: str) -> None:
        k = self._known_keys.get(name) or self.translit.keys(name)
        if len(k.vkey) < 2:
            return
        for tier, key in (("exact", k.vkey), ("skeleton", k.skeleton), ("bare", k.bare)):
            if key:
                self._index[tier].setdefault(key, []).append((i, name, k.vkey))

    @classmethod
    def load(cls, db_path: str | Path | None = None, *, fuzzy_threshold: float | None = None) -> "Gazetteer":
        """Build the gazetteer from the packaged data, plus the GeoNames rows imported into
        the store at ``db_path`` (a SQLite path or a PostgreSQL URL; if given and it holds any)."""
        translit = Transliterator.load()
        spec = load_yaml("admin1.yml")
        try:
            theatre = spec["theatre"]
            home = theatre["home_country"]
            governorates = [
                Governorate(name=g["name"], country_code=cc, code=g.get("code"),
                            latitude=float(g["lat"]), longitude=float(g["lon"]),
                            aliases=tuple(g.get("aliases") or ()), surroundings=g.get("surroundings"),
                            epithets=tuple(g.get("epithets") or ()))
                for cc, govs in spec["governorates"].items() for g in govs
            ]
            by_pcode = {g["pcode"]: g["name"] for govs in spec["governorates"].values()
                        for g in govs if g.get("pcode")}
            not_before = tuple(str(w) for w in spec.get("epithets_not_before") or ())
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"admin1.yml: {exc}") from exc
        by_code = {(g.country_code, g.code): g.name for g in governorates if g.code}
        entries: dict[str, Entry] = {e.id: e for e in table_entries(by_code, by_pcode)}
        if db_path is not None:
            for entry in db_entries(str(db_path), translit, governorates, by_code):
                entries[entry.id] = entry
        with_spellings(entries, spellings())
        for entry in additions():
            entries[entry.id] = entry
        return cls(list(entries.values()), governorates, translit=translit,
                   home_country=home, fuzzy_threshold=fuzzy_threshold, known_keys=table_keys(),
                   qualifiers=qualifier_keys(translit), epithets_not_before=not_before)

    # --- queries -----------------------------------------------------------------------

    def keys(self, name: str) -> Keys:
        """The keys of ``name`` (precomputed for the table's names)."""
        return self._known_keys.get(name) or self.translit.keys(name)

    def _lookup(self, name: str, *, country: str | None = None, loose: bool = False) -> list[Candidate]:
        found = self._lookup_name(name, country=country, loose=loose)
        if not found and self._qualifiers:
            words = [w for w in _WORDS.split(name) if w]
            kept = [w for w in words if self.translit.keys(w).vkey not in self._qualifiers]
            if kept and len(kept) < len(words) and len(self.translit.keys(" ".join(kept)).vkey) >= 4:
                found = self._lookup_name(" ".join(kept), country=country, loose=loose)
        return found

    def _lookup_name(self, name: str, *, country: str | None = None, loose: bool = False) -> list[Candidate]:
        """Candidates for ``name`` from the strictest tier that finds any, best first.

        With ``country``, loose tiers (skeleton, bare, fuzzy) keep only that country's places
        and the search goes on to the next tier when none is left: a spelling variant of an
        unknown Syrian village must not land on a look-alike in Jordan or Israel ("Abou Dali"
        and Al Abdalli share "bdl"). Exact names of any country are always kept.

        With ``loose``, the candidates of the loose tiers only, all of them, and those of the
        same consonants once the vowels are one class (tier "vowels"): the resolver asks for
        them when no exact candidate lies where the article is ("Barzé" in a Damascus
        article is OCHA's "Burza" there, not an exact "Barzah" 240 km away)."""
        k = self.translit.keys(name)
        if not k.vkey:
            return []
        short = len(k.vkey) <= _SHORT_VKEY
        if loose:
            found: list[Candidate] = []
            for tier, key in (("skeleton", k.skeleton), ("bare", k.bare)):
                floor = max(_TIER_MIN[tier], _SHORT_MIN if short or len(key) <= 2 else 0.0)
                found += self._candidates(self._index[tier].get(key) or [], k.vkey, tier, key,
                                          floor, country=country)
            found += self._vowel_candidates(k, short, country)
            seen: set[str] = set()
            return [c for c in found if not (c.entry.id in seen or seen.add(c.entry.id))]
        for tier, key in (("exact", k.vkey), ("skeleton", k.skeleton), ("bare", k.bare)):
            hits = self._index[tier].get(key)
            if not hits:
                continue
            floor = 0.0 if tier == "exact" else _TIER_MIN[tier]
            if tier != "exact" and (short or len(key) <= 2):
                floor = max(floor, _SHORT_MIN)
            found = self._candidates(hits, k.vkey, tier, key, floor,
                                     country=None if tier == "exact" else country)
            if found:
                # a loose key gathers look-alikes: only the spellings nearest the mention compete
                # ("Hammouriyé" is Hammura, 92, before the better-known Hamra, 83)
                return found if tier == "exact" else [
                    c for c in found if c.score >= found[0].score - _LOOSE_MARGIN]
        if len(k.vkey) >= _FUZZY_MIN_LENGTH:
            matches = process.extract(k.vkey, self._fuzzy_pool(k.vkey), scorer=fuzz.ratio,
                                      score_cutoff=self.fuzzy_threshold, limit=5)
            hits = [h for vkey, _score, _ in matches for h in self._index["exact"][vkey]]
            return self._candidates(hits, k.vkey, "fuzzy", k.vkey, self.fuzzy_threshold, country=country)
        return []

    def _vowel_candidates(self, k: Keys, short: bool, country: str | None) -> list[Candidate]:
        """Names of the same skeleton or bare key that look like ``k`` once their vowels are
        made one class ("Kokab" = Kawkab). Only among the loose candidates, which the
        resolver takes where the article already is: vowels carry meaning too, and outside
        any context "Bachar" would be Bashoura."""
        if len(k.skeleton) < _VOWELS_MIN_SKELETON:
            return []
        found: list[Candidate] = []
        for tier, key in (("skeleton", k.skeleton), ("bare", k.bare)):
            floor = max(_TIER_MIN[tier], _SHORT_MIN if short else 0.0)
            found += self._candidates(self._index[tier].get(key) or [], k.vkey, "vowels", key,
                                      floor, country=country)
        top = max((c.score for c in found), default=0.0)
        return sorted((c for c in found if c.score >= top - _LOOSE_MARGIN),
                      key=lambda c: (-c.score, -c.entry.population))

    def _fuzzy_pool(self, vkey: str) -> list[str]:
        """Keys that can reach ``fuzzy_threshold`` against ``vkey``: fuzz.ratio is at most
        200 * min(a, b) / (a + b), which bounds the length of a match."""
        t = self.fuzzy_threshold
        n = len(vkey)
        lo, hi = math.ceil(n * t / (200 - t)), math.floor(n * (200 - t) / t)
        initial = _initial(vkey)
        return [key for size in range(lo, hi + 1)
                for key in self._fuzzy_buckets.get((initial, size), ())]

    def _candidates(self, hits: list[tuple[int, str, str]], vkey: str, tier: str, key: str,
                    floor: float, *, country: str | None = None) -> list[Candidate]:
        best: dict[int, tuple[float, str]] = {}  # entry -> (score, matched name); records built at the end
        merged = self.translit.merged(vkey) if tier == "bare" else ""
        vowels = self.translit.vowel_class(vkey) if tier == "vowels" else ""
        arabic_ok = tier != "exact" and len(key) >= 3
        for i, name, name_vkey in hits:
            if country is not None and self.entries[i].country_code != country:
                continue
            if tier == "vowels" and _ARABIC.search(name):
                continue  # Arabic script writes no short vowels: the skeleton tier has it
            if name_vkey == vkey:
                score = 100.0
            elif arabic_ok and _ARABIC.search(name):
                # Arabic script writes no short vowels: its vkey cannot look like a Latin
                # spelling, the shared consonants are the evidence ("Mushayrifah" = المشيرفة)
                score = max(_ARABIC_SKELETON_SCORE, fuzz.ratio(vkey, name_vkey))
            elif tier == "vowels":
                # the same consonants with the vowels written otherwise ("Kokab" = Kawkab)
                score = fuzz.ratio(vowels, self.translit.vowel_class(name_vkey), score_cutoff=floor)
            else:
                score = fuzz.ratio(vkey, name_vkey, score_cutoff=floor if tier != "bare" else 0)
                if tier == "bare" and score < floor:
                    score = fuzz.ratio(merged, self.translit.merged(name_vkey), score_cutoff=floor)
            if score < floor or not score:
                continue
            kept = best.get(i)
            if kept is None or score > kept[0] or (
                    score == kept[0] and kept[1] not in self.entries[i].names
                    and name in self.entries[i].names):
                # on a tie, a name the entry has rather than one derived from it ("Hamidiyé",
                # not the core of "base de Hamidiyé"): the ranking reads which one matched
                best[i] = (score, name)
        found = [Candidate(self.entries[i], name, key, tier, score) for i, (score, name) in best.items()]
        return sorted(found, key=lambda c: (-c.score, -c.entry.population))

    def governorate(self, name: str) -> Governorate | None:
        """The governorate ``name`` designates (any alias or spelling), else None."""
        k = self.translit.keys(name)
        if not k.vkey:
            return None
        gov = self._gov_index["exact"].get(k.vkey)
        if gov is None and len(k.skeleton) >= 2:
            gov = self._gov_index["skeleton"].get(k.skeleton)
            floor = _SHORT_MIN if len(k.vkey) <= _SHORT_VKEY else _TIER_MIN["skeleton"]
            if gov is not None and max(
                fuzz.ratio(k.vkey, self.translit.keys(a).vkey) for a in (gov.name, *gov.aliases)
            ) < floor:
                gov = None
        return gov

    def epithets(self, text: str) -> list[tuple[int, Governorate]]:
        """(offset, governorate) of each phrase of ``text`` naming a governorate without its name
        ("dans la capitale": Damascus), as admin1.yml's ``epithets`` list them."""
        if self._epithets is None:
            return []
        return [(m.start(), self._epithet_govs[" ".join(m.group(0).lower().split())])
                for m in self._epithets.finditer(text)]

    def governorate_by_name(self, canonical: str) -> Governorate | None:
        return self._gov_by_name.get(canonical)


def _initial(key: str) -> str:
    """The first letter of a key, vowels merged (transliterations disagree on them)."""
    return "a" if key[:1] in "aeiouy" else key[:1]


def bench(*, names: int = 10_000, seed: int = 7) -> dict:
    """Load time and resolution speed, for ``vigie bench``.

    The workload mixes exact names, spelling variants (articles dropped, French ou/ch,
    doubled letters) and unknown names, so every tier of the lookup is exercised.
    """
    from vigie.resolve.places import PlaceContext, PlaceResolver

    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    load_seconds = time.perf_counter() - t0
    rng = random.Random(seed)
    pool = [n for e in gaz.entries if e.country_code == gaz.home_country for n in e.names[:3]]
    variants = []
    for _ in range(names):
        name = rng.choice(pool)
        roll = rng.random()
        if roll < 0.3:
            name = name.replace("u", "ou").replace("sh", "ch").replace("Al ", "al-")
        elif roll < 0.4:
            name = name + "e"
        elif roll < 0.45:
            name = "".join(rng.sample(name, len(name)))
        variants.append(name)
    resolver = PlaceResolver(gaz)
    context = PlaceContext()
    t1 = time.perf_counter()
    resolved = sum(resolver.resolve(n, context=context) is not None for n in variants)
    seconds = time.perf_counter() - t1
    return {
        "entries": len(gaz.entries),
        "load_seconds": round(load_seconds, 3),
        "lookups": names,
        "distinct_names": len(set(variants)),
        "resolved": resolved,
        "lookup_seconds": round(seconds, 3),
        "lookups_per_second": round(names / seconds) if seconds else None,
    }


def _epithet_pattern(phrases: list[str], not_before: tuple[str, ...]) -> "re.Pattern[str] | None":
    """One pattern for every epithet, longest first ("la capitale du pays" before "la capitale"),
    none followed by a word of ``not_before`` ("la capitale libanaise" is Beirut)."""
    if not phrases:
        return None

    def words(phrase: str) -> str:
        return r"\s+".join(re.escape(w).replace("'", "['’]") for w in phrase.split())

    said = "|".join(words(p) for p in sorted(phrases, key=len, reverse=True))
    blocked = "|".join(r"\s+" + words(w) + ("" if w.endswith("'") else r"(?!\w)") for w in not_before)
    return re.compile(rf"(?<!\w)(?:{said})(?!\w)" + (f"(?!{blocked})" if blocked else ""), re.IGNORECASE)
