"""Gazetteer coverage against a peer dataset: the UCDP GED Syria events, for ``vigie bench``.

Why this figure: the extraction corpora name a few hundred places; UCDP's coders placed
16,000 events at about 1,900 distinct places over four years of the war, a fair sample of
the villages, suburbs and hamlets the reports name. A place name counts as covered when the
gazetteer has an entry under that name (any of its tiers) within 10 km of UCDP's point. The
UCDP rows are read at bench time only; nothing of them ships.

A second, independent check: the OpenStreetMap place points of 2014 (ODbL, never shipped, read
here only), nearly all named in Arabic script. A name tuned to pass UCDP's English spellings
proves nothing there; the share of OSM villages and towns the gazetteer finds within 10 km
under their Arabic name tells whether the keys generalise.
"""
from __future__ import annotations

import csv
import gzip
import re
from collections import Counter
from pathlib import Path

from vigie.data import load_yaml
from vigie.resolve.gazetteer import Gazetteer
from vigie.resolve.places import PlaceContext, PlaceResolver, distance_km

UCDP_GED = (Path(__file__).resolve().parents[3] / "shared" / "data" / "ucdp_ged_syria_2016_2019"
            / "ged_syria_652.1601.1911.csv.gz")
OSM_PLACES = (Path(__file__).resolve().parents[3] / "shared" / "data" / "osm_places_syria_2014"
              / "syria_osm_places_2014-09-03.csv")
RADIUS_KM = 10.0
# OSM place types that are settlements (localities are farms, hills and fields, often unnamed
# elsewhere; they are counted apart).
_OSM_SETTLEMENTS = frozenset({"city", "town", "village", "hamlet", "suburb", "neighbourhood"})
_BRACKETS = re.compile(r"\s*\(([^)]*)\)")


def ucdp_places(path: Path = UCDP_GED) -> list[tuple[str, float, float, int, str]]:
    """Distinct first place names of ``where_coordinates`` (type words dropped, first of
    "A/B"), each with its most frequent point, best precision and governorate."""
    spec = load_yaml("bench_ucdp.yml")
    type_words = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, spec["type_words"])), re.IGNORECASE)
    skip = {s.lower() for s in spec["skip"]}
    points: dict[str, Counter] = {}
    precision: dict[str, int] = {}
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        for row in csv.DictReader(fh):
            name = " ".join(type_words.sub(" ", row["where_coordinates"].split("/")[0]).split())
            if not name or name.lower() in skip or not row["latitude"]:
                continue
            point = (float(row["latitude"]), float(row["longitude"]), row.get("adm_1") or "")
            points.setdefault(name, Counter())[point] += 1
            prec = int(row.get("where_prec") or 9)
            precision[name] = min(precision.get(name, 9), prec)
    out = []
    for name, counter in points.items():
        (lat, lon, adm1), _ = counter.most_common(1)[0]
        out.append((name, lat, lon, precision[name], adm1))
    return out


def ucdp_coverage(path: Path = UCDP_GED, gazetteer: Gazetteer | None = None) -> dict[str, float]:
    """Shares of UCDP place names the gazetteer covers (an entry of that name within 10 km)
    and resolves (the resolver's choice, with UCDP's governorate as context, within 10 km);
    for all names and for those of precision-1 events."""
    gaz = gazetteer or Gazetteer.load()
    resolver = PlaceResolver(gaz)
    counts: Counter = Counter()
    for name, lat, lon, prec, adm1 in ucdp_places(path):
        group = ("all", "prec1") if prec == 1 else ("all",)
        # "Izz ad-Din (Ezzeddin)": UCDP brackets a second spelling; either may be the entry's
        spellings = [n for n in (_BRACKETS.sub("", name).strip(), *_BRACKETS.findall(name)) if n]
        candidates = [c for n in spellings
                      for c in gaz.lookup(n) + gaz.lookup(n, country=gaz.home_country, loose=True)]
        covered = any(distance_km(lat, lon, c.entry.latitude, c.entry.longitude) <= RADIUS_KM
                      for c in candidates)
        gov = gaz.governorate(adm1.replace("Governorate", "").strip()) if adm1 else None
        context = PlaceContext(governorates=(gov.name,) if gov else ())
        place = next((p for p in (resolver.resolve(n, context=context) for n in spellings) if p), None)
        resolved = place is not None and distance_km(lat, lon, place.latitude, place.longitude) <= RADIUS_KM
        for g in group:
            counts[g] += 1
            counts[f"{g}_covered"] += covered
            counts[f"{g}_resolved"] += resolved
    return {
        "names": counts["all"], "names_prec1": counts["prec1"],
        "coverage": round(counts["all_covered"] / max(counts["all"], 1), 3),
        "coverage_prec1": round(counts["prec1_covered"] / max(counts["prec1"], 1), 3),
        "resolved": round(counts["all_resolved"] / max(counts["all"], 1), 3),
        "resolved_prec1": round(counts["prec1_resolved"] / max(counts["prec1"], 1), 3),
    }


def osm_coverage(path: Path = OSM_PLACES, gazetteer: Gazetteer | None = None) -> dict[str, float]:
    """Shares of the named OSM place points of Syria that have a gazetteer entry of that name
    within 10 km: settlements (city to hamlet) and localities."""
    gaz = gazetteer or Gazetteer.load()
    counts: Counter = Counter()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["name"].strip()
            if not name or row["type"] in {"country", "region", "island"}:
                continue
            lat, lon = float(row["latitude"]), float(row["longitude"])
            group = "settlements" if row["type"] in _OSM_SETTLEMENTS else "localities"
            candidates = gaz.lookup(name) + gaz.lookup(name, country=gaz.home_country, loose=True)
            counts[group] += 1
            counts[f"{group}_covered"] += any(
                distance_km(lat, lon, c.entry.latitude, c.entry.longitude) <= RADIUS_KM
                for c in candidates)
    return {
        "settlements": counts["settlements"], "localities": counts["localities"],
        "coverage_settlements": round(counts["settlements_covered"] / max(counts["settlements"], 1), 3),
        "coverage_localities": round(counts["localities_covered"] / max(counts["localities"], 1), 3),
    }


def package_megabytes() -> float:
    """Size of the installed ``vigie`` package (code and data, no caches), in MB."""
    root = Path(__file__).resolve().parents[1]
    return sum(p.stat().st_size for p in root.rglob("*")
               if p.is_file() and "__pycache__" not in p.parts) / 1_000_000
