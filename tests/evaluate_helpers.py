"""Builders of tiny gold files and predictions for the evaluator tests (no corpus text)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Reference places (approximate coordinates, written for these tests).
IDLIB = (35.93, 36.63)
MAARRA = (35.64, 36.67)      # ~32 km south of Idlib city
SARAQIB = (35.86, 36.80)     # ~17 km from Idlib city
HAMA = (35.13, 36.75)


def gold_event(eid: str, *, date: str = "2015-03-10", precision: str = "day",
               event_type: str = "Battles", sub: str = "Armed clash",
               actor1: str | None = "Military Forces of Syria", actor2: str | None = "Jabhat al-Nusra",
               at: tuple[float, float] = IDLIB, admin1: str = "Idlib", geo_precision: int = 1,
               claims: list[dict[str, Any]] | None = None, optional: bool = False,
               quote: str = "L'armée a repris le contrôle du village mardi.") -> dict[str, Any]:
    ev = {
        "id": eid, "date": date, "date_precision": precision, "event_type": event_type,
        "sub_event_type": sub, "actor1": actor1, "assoc_actor_1": [], "actor2": actor2,
        "assoc_actor_2": [],
        "location": {"name": f"place of {eid}", "geonames_name": None, "lat": at[0], "lon": at[1],
                     "admin1": admin1, "geo_precision": geo_precision},
        "fatalities": claims or [], "civilian_targeting": False, "quote": quote,
    }
    if optional:
        ev["optional"] = True
    return ev


def claim(count: int | None, source: str, qualifier: str = "exact", who: str = "people") -> dict[str, Any]:
    return {"count": count, "qualifier": qualifier, "who": who, "source": source,
            "quote": f"{count} morts selon {source}"}


def pred(article_id: str = "a1", *, date: str = "2015-03-10", precision: str = "day",
         event_type: str = "Battles", sub: str = "Armed clash",
         actor1: str | None = "Military Forces of Syria", actor2: str | None = "Jabhat al-Nusra",
         at: tuple[float, float] | None = IDLIB, admin1: str | None = "Idlib",
         claims: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "article_id": article_id, "event_date": date, "date_precision": precision,
        "event_type": event_type, "sub_event_type": sub, "actor1": actor1, "actor2": actor2,
        "assoc_actor_1": [], "assoc_actor_2": [], "location": "somewhere", "admin1": admin1,
        "country": "Syria", "latitude": at[0] if at else None, "longitude": at[1] if at else None,
        "geo_precision": 1 if at else 3, "fatalities": 0, "claims": claims or [],
        "civilian_targeting": False,
        "evidence": [{"start": 0, "end": 10, "text": "Des combats ont éclaté."}], "confidence": 0.5,
    }


def write_gold(directory: Path, doc_id: str, events: list[dict[str, Any]]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{doc_id}.json"
    path.write_text(json.dumps({"doc_id": doc_id, "published": "2015-03-11", "events": events},
                               ensure_ascii=False), encoding="utf-8")
    return path


def write_preds(path: Path, preds: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8")
    return path


def gold_to_preds(gold_dir: Path) -> list[dict[str, Any]]:
    """Every gold event of a directory rewritten as an event report, for perfect-score tests."""
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for ev in data["events"]:
            loc = ev["location"]
            out.append({
                "article_id": data["doc_id"], "event_date": ev["date"],
                "date_precision": ev["date_precision"], "event_type": ev["event_type"],
                "sub_event_type": ev["sub_event_type"], "actor1": ev["actor1"] or None,
                "actor2": ev["actor2"] or None, "assoc_actor_1": ev.get("assoc_actor_1", []),
                "assoc_actor_2": ev.get("assoc_actor_2", []), "location": loc["name"],
                "admin1": loc["admin1"], "country": "Syria", "latitude": loc["lat"],
                "longitude": loc["lon"], "geo_precision": loc["geo_precision"],
                "claims": ev["fatalities"],
                "evidence": [{"start": 0, "end": len(ev["quote"]), "text": ev["quote"]}],
            })
    return out
