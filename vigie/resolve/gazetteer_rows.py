"""The rows behind the gazetteer: the packaged table, its precomputed keys, the hand-written
additions and a user's imported GeoNames dump, read into :class:`Entry` records.

Why apart from :mod:`vigie.resolve.gazetteer`: that module indexes and queries; this one knows
the file formats (``gazetteer.tsv`` from ``vigie gazetteer build``, ``gazetteer_keys.tsv``,
``gazetteer_additions.csv``, the ``gazetteer`` table of a store).
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from vigie.data import data_path, load_csv, load_yaml
from vigie.errors import DataFileError
from vigie.resolve.translit import Keys, Transliterator

FEATURES = frozenset({
    "town", "village", "neighbourhood", "base", "airport", "camp", "mountain", "region",
    "river", "governorate", "dam",
})
@dataclass(frozen=True)
class Entry:
    """One gazetteer place. ``id`` is ``ocha:<P-code>``, ``geonames:<id>`` or ``vigie:<name>``
    (additions)."""

    id: str
    name: str
    names: tuple[str, ...]
    latitude: float
    longitude: float
    feature: str
    country_code: str
    admin1: str | None
    population: int = 0
    source: str = ""
    admin2: str | None = None
    admin3: str | None = None
    pcode: str | None = None  # the UN OCHA P-code of the place (C####, N####), when it has one
    capital: int = 0  # 1-3: seat of a governorate, district or sub-district (ranks homonyms)
    # the spellings our coders added to a source entry (hand rows with ``same_as``): under
    # them the place is one the press names, not an obscure hamlet of the same name
    press_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Governorate:
    """A first-level unit: canonical name, country, capital point and aliases."""

    name: str
    country_code: str
    code: str | None
    latitude: float
    longitude: float
    aliases: tuple[str, ...]
    # the governorate of the city's countryside when the city is a governorate of its own
    # (Damascus): "Douma, dans la province de Damas" is in Rif Dimashq
    surroundings: str | None = None
    # phrases that name it without its name ("la capitale" for Damascus)
    epithets: tuple[str, ...] = ()


_GEONAMES_FEATURES = {
    "AIRB": "airport", "AIRP": "airport", "AIRF": "airport", "MILB": "base", "INSM": "base",
    "CMPRF": "camp", "CMP": "camp", "PPLX": "neighbourhood", "MT": "mountain", "MTS": "mountain",
    "HLL": "mountain", "HLLS": "mountain", "PK": "mountain", "RDGE": "mountain", "STM": "river",
    "WAD": "river", "AREA": "region", "RGN": "region", "PLN": "region", "VAL": "region",
    "ADM1": "governorate", "DAM": "dam",
}


def geonames_feature(feature_class: str | None, feature_code: str | None, population: int) -> str:
    """vigie's feature word for a GeoNames feature class/code."""
    code = feature_code or ""
    if code in _GEONAMES_FEATURES:
        return _GEONAMES_FEATURES[code]
    if feature_class == "P":
        return "town" if population >= 5000 or code.startswith("PPLA") or code == "PPLC" else "village"
    if feature_class == "T":
        return "mountain"
    if feature_class == "H":
        return "river"
    if feature_class == "L":
        return "region"
    if feature_class == "S":
        return "base"
    return "village"



TABLE = "gazetteer.tsv"


def qualifier_keys(translit: Transliterator) -> frozenset[str]:
    """vkeys of the qualifier words a name may carry or drop (``place_qualifiers.yml``)."""
    spec = load_yaml("place_qualifiers.yml")
    words = [*spec["qualifiers"], *(f for forms in spec["qualifiers"].values() for f in forms),
             *spec.get("drop_when_unknown", ()), *spec.get("feature_heads", ())]
    return frozenset(k for k in (translit.keys(w).vkey for w in words) if k)


def table_entries(by_code: dict[tuple[str, str | None], str], by_pcode: dict[str, str]) -> list[Entry]:
    """The packaged table built by :mod:`vigie.resolve.gazetteer_build` (OCHA, OpenSyria and
    GeoNames rows). Its admin1 column holds the OCHA P-code ("SY07") for Syria and the
    GeoNames "CC.code" elsewhere; both map onto the canonical names of ``admin1.yml``."""
    out = []
    with data_path(TABLE).open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        header = next(reader, None)
        if header is None or tuple(header[:len(_TABLE_COLUMNS)]) != _TABLE_COLUMNS:
            raise DataFileError(f"{TABLE}: unexpected header {header}")
        for n, f in enumerate(reader, start=3):
            try:
                eid, name, names, lat, lon, feature, cc, a1, a2, _a2p, a3, _a3p, pop, cap, src = f
                if a1.startswith(f"{cc}."):
                    admin1 = by_code.get((cc, a1[len(cc) + 1:]))
                else:
                    admin1 = by_pcode.get(a1)
                out.append(Entry(
                    id=eid, name=name, names=(name, *(names.split("|") if names else ())),
                    latitude=float(lat), longitude=float(lon), feature=feature, country_code=cc,
                    admin1=admin1, population=int(pop or 0), source=src, admin2=a2 or None,
                    admin3=a3 or None, pcode=eid[5:] if eid.startswith("ocha:") else None,
                    capital=int(cap or 0)))
            except ValueError as exc:
                raise DataFileError(f"{TABLE}:{n}: {exc}") from exc
    return out


@lru_cache(maxsize=1)
def admin_units() -> dict[str, tuple[str, str]]:
    """Gazetteer id -> (admin2, admin3) names of the packaged table, for exports that need
    the sub-district (ACLED ``admin3``) of a stored place without loading the whole index."""
    out = {}
    with data_path(TABLE).open(encoding="utf-8") as fh:
        for line in fh:
            f = line.split("\t")
            if len(f) > 10 and f[8]:
                out[f[0]] = (f[8], f[10])
    return out


KEYS_TABLE = "gazetteer_keys.tsv"


def translit_fingerprint() -> str:
    """A digest of ``translit.yml``: the precomputed keys hold only for the rules they were
    computed with."""
    return hashlib.sha256(data_path("translit.yml").read_bytes()).hexdigest()[:16]


def table_keys() -> dict[str, Keys]:
    """The keys of the table's names, computed by the build step (computing 30,000 keys
    takes seconds; reading them, milliseconds). Empty when ``translit.yml`` changed since
    the build: the keys are then computed at load, slower but right."""
    path = data_path(KEYS_TABLE)
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        if fh.readline().split()[-1:] != [translit_fingerprint()]:
            return {}
        out = {}
        for line in fh:
            name, vkey, skeleton, bare = line.rstrip("\n").split("\t")
            out[name] = Keys(vkey, skeleton, bare)
    return out


_TABLE_COLUMNS = ("id", "name", "names", "lat", "lon", "feature", "cc", "admin1", "admin2",
                  "admin2_pcode", "admin3", "admin3_pcode", "population", "capital", "source")


@dataclass(frozen=True)
class Spellings:
    """Press spellings of a place the packaged table already holds (a hand row with
    ``same_as``). Why not a row of its own: a second entry for one village competes with the
    source's at another point (Mare' stood 10 km from OCHA's); the spellings are what the
    press adds, the place and its coordinates are the source's."""

    entry_id: str
    names: tuple[str, ...]


_ADDITIONS = "gazetteer_additions.csv"
# what a row folded into a source entry (``same_as``) must leave empty: the entry's own apply
_PLACE_COLUMNS = ("lat", "lon", "feature", "country_code", "admin1")


def _addition_rows() -> list[tuple[int, dict[str, str]]]:
    """The rows of ``gazetteer_additions.csv`` with their numbers (comments and header not
    counted), each with a name and a source, no name twice (a second row would silently
    replace the first)."""
    out = []
    seen: set[str] = set()
    for n, row in enumerate(load_csv(_ADDITIONS), start=1):
        name = (row.get("name") or "").strip()
        if not name or not (row.get("source") or "").strip():
            raise DataFileError(f"{_ADDITIONS}, row {n}: missing name or source")
        if name in seen:
            raise DataFileError(f"{_ADDITIONS}, row {n}: {name!r} has a row already")
        seen.add(name)
        out.append((n, row))
    return out


def _alternates(row: dict[str, str]) -> list[str]:
    """The ``|``-separated alternate names of a row, blanks dropped."""
    return [a.strip() for a in (row.get("alternate_names") or "").split("|") if a.strip()]


def additions() -> list[Entry]:
    """Rows of ``gazetteer_additions.csv`` for places the sources lack (checked: coordinates,
    feature, a named source); rows with ``same_as`` are :func:`spellings`."""
    out = []
    for n, row in _addition_rows():
        if (row.get("same_as") or "").strip():
            continue
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
            feature = row["feature"].strip()
        except (KeyError, ValueError, AttributeError) as exc:
            raise DataFileError(f"{_ADDITIONS}, row {n}: {exc}") from exc
        if feature not in FEATURES:
            raise DataFileError(f"{_ADDITIONS}, row {n}: bad feature {feature!r}")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DataFileError(f"{_ADDITIONS}, row {n}: coordinates out of range")
        name = row["name"].strip()
        out.append(Entry(
            id=f"vigie:{name}", name=name, names=(name, *_alternates(row)), latitude=lat,
            longitude=lon, feature=feature, country_code=row["country_code"].strip(),
            admin1=(row.get("admin1") or "").strip() or None, source=row["source"].strip(),
        ))
    return out


def spellings() -> list[Spellings]:
    """Rows of ``gazetteer_additions.csv`` with ``same_as``: the name and alternates of each go
    to the packaged entry it names. A coordinate, feature or admin on such a row is an error:
    it would be silently ignored, and the place is the source's."""
    out = []
    for n, row in _addition_rows():
        target = (row.get("same_as") or "").strip()
        if not target:
            continue
        if any((row.get(col) or "").strip() for col in _PLACE_COLUMNS):
            raise DataFileError(f"{_ADDITIONS}, row {n}: a row with same_as takes the entry's "
                                f"place: leave {', '.join(_PLACE_COLUMNS)} empty")
        out.append(Spellings(entry_id=target, names=(row["name"].strip(), *_alternates(row))))
    return out


def with_spellings(entries: dict[str, Entry], extras: list[Spellings]) -> None:
    """Append each :class:`Spellings` to the entry it names, in place, and mark them as the
    press's (:attr:`Entry.press_names`): found under them, the place is one the press names,
    as it was under a hand row of its own."""
    for extra in extras:
        entry = entries.get(extra.entry_id)
        if entry is None:
            raise DataFileError(f"{_ADDITIONS}: same_as {extra.entry_id!r} names no entry")
        added = tuple(n for n in dict.fromkeys(extra.names) if n not in entry.names)
        entries[entry.id] = replace(entry, names=(*entry.names, *added),
                                    press_names=(*entry.press_names, *extra.names))


def db_entries(target: str, translit: Transliterator, governorates: list[Governorate],
               by_code: dict[tuple[str, str | None], str]) -> list[Entry]:
    """GeoNames rows imported into the store at ``target``, a SQLite path (none when the file
    does not exist) or a PostgreSQL URL: read through the store, whichever its backend."""
    from vigie.store import Store
    from vigie.store.backend import is_postgres

    if not is_postgres(target) and not Path(target).is_file():
        return []
    with Store.open(target, create=False) as store, store.snapshot():
        admin1_rows = store.conn.execute("SELECT code, name, asciiname FROM gazetteer_admin1").fetchall()
        rows = store.conn.execute(
            "SELECT geonameid, name, asciiname, alternatenames, latitude, longitude, feature_class,"
            " feature_code, country_code, admin1_code, population, source FROM gazetteer"
        ).fetchall()
    gov_keys = {translit.keys(a).skeleton: g.name for g in governorates for a in (g.name, *g.aliases)}
    imported_admin1: dict[str, str] = {}
    for code, name, asciiname in admin1_rows:
        canonical = gov_keys.get(translit.keys(asciiname or name or "").skeleton)
        imported_admin1[code] = canonical or asciiname or name
    out = []
    for row in rows:
        gid, name, asciiname, alts, lat, lon, fclass, fcode, cc, a1, pop, source = row
        pop = int(pop or 0)
        admin1 = by_code.get((cc, a1)) or imported_admin1.get(f"{cc}.{a1}")
        names = tuple(dict.fromkeys(
            [name, *([asciiname] if asciiname else []),
             *[a for a in (alts or "").split(",") if a]]))
        out.append(Entry(
            id=f"geonames:{gid}", name=asciiname or name, names=names, latitude=float(lat),
            longitude=float(lon), feature=geonames_feature(fclass, fcode, pop),
            country_code=cc or "", admin1=admin1, population=pop,
            source=source or "GeoNames import",
        ))
    return out
