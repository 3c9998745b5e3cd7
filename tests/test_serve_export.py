"""Exports: ACLED CSV header and values, JSONL round trip, GeoJSON validity; their data files."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest

from vigie.models import Article, Claim, Event, EventReport, Evidence, Place
from vigie.serve import write_acled_csv, write_geojson, write_jsonl
from vigie.serve.acled import AcledFormat, AcledRows, interaction
from vigie.serve.countries import Countries
from event_helpers import event_from_report
from vigie.store import Store

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
    "source_scale,notes,fatalities,tags,timestamp"
)
INTER = {
    "Military Forces of Syria": 1, "Military Forces of Russia": 8, "Jabhat al-Nusra": 2,
    "Hezbollah": 3, "Civilians (Syria)": 7, "Protesters (Syria)": 6,
}
SENTENCE = "Un raid aérien a frappé lundi un marché de Saraqeb, faisant onze morts selon l'OSDH."

SARAQEB = Place(
    name="Saraqeb", latitude=35.86417, longitude=36.80028, admin1="Idlib", country="Syria",
    country_code="SY", geo_precision=1, mention="Saraqeb", admin2="Idlib",
)


def strike(article_id: str = "art1", **kw: object) -> EventReport:
    base = EventReport(
        article_id=article_id, event_date=date(2014, 12, 8), date_precision="day",
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actor1="Military Forces of Syria", actor2="Civilians (Syria)", place=SARAQEB,
        assoc_actor_1=("Military Forces of Russia", "Hezbollah"), fatalities=9,
        claims=(
            Claim(count=11, qualifier="exact", who="people", source="OSDH", quote="onze morts"),
            Claim(count=9, qualifier="at_least", who="people", source="SANA", quote="neuf morts"),
        ),
        civilian_targeting=True, evidence=(Evidence(0, len(SENTENCE), SENTENCE),),
        confidence=0.83, outlet="AlManar",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def merged_event() -> Event:
    one, two = strike("art1"), strike("art2", claims=(), fatalities=11, confidence=0.6)
    return replace(
        event_from_report(one, event_id="ev-saraqeb"), reports=(one, two),
        assoc_actor_1=("Military Forces of Russia", "Hezbollah"),
        fatalities_low=9, fatalities_best=9, fatalities_high=11, sources=("OSDH", "SANA"),
        contested=True, grade="contested", notes="Frappe aérienne sur un marché de Saraqeb.",
        extra={"seq": 42, "timestamp": 1_700_000_000},
    )


def csv_rows(events: list[Event], **kw: object) -> tuple[str, list[dict[str, str]]]:
    out = io.StringIO()
    summary = write_acled_csv(events, out, inter_of=INTER.get, **kw)  # type: ignore[arg-type]
    assert summary.written == len(events)
    text = out.getvalue()
    return text.splitlines()[0], list(csv.DictReader(io.StringIO(text)))


def test_csv_header_is_exactly_acleds() -> None:
    header, rows = csv_rows([merged_event()])
    assert header == ACLED_HEADER
    assert len(rows) == 1


def test_csv_row_values() -> None:
    event = merged_event()
    _, [row] = csv_rows([event])
    assert row["event_id_cnty"] == f"SYR{AcledRows.number(event)}"  # from the event id, not seq 42
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2014-12-08", "2014", "1")
    assert row["disorder_type"] == "Political violence"
    assert row["assoc_actor_1"] == "Military Forces of Russia; Hezbollah"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "7", "17")
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["region"], row["country"]) == ("760", "Middle East", "Syria")
    assert (row["admin1"], row["admin2"], row["admin3"]) == ("Idlib", "Idlib", "")
    assert (row["location"], row["latitude"], row["longitude"]) == ("Saraqeb", "35.8642", "36.8003")
    assert row["geo_precision"] == "1"
    assert row["source"] == "OSDH; SANA"
    assert row["notes"] == "Frappe aérienne sur un marché de Saraqeb."
    assert row["fatalities"] == "9"
    assert row["tags"] == "grade=contested; reports=2; contested; fatalities range=9-11"
    assert row["timestamp"] == "1700000000"


def test_csv_protest_single_actor_week_and_neighbour_country() -> None:
    beirut = replace(SARAQEB, name="Beyrouth", admin1="Beirut", admin2=None, country="Liban",
                     country_code="", latitude=33.89, longitude=35.5)
    protest = event_from_report(
        strike(event_type="Protests", sub_event_type="Excessive force against protesters",
               actor1="Protesters (Syria)", actor2=None, assoc_actor_1=(), claims=(),
               civilian_targeting=False, date_precision="week", place=beirut),
        event_id="ev-protest",
    )
    _, [row] = csv_rows([protest], timestamp=1_600_000_000)
    assert row["disorder_type"] == "Political violence; Demonstrations"
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("6", "0", "60")
    assert row["time_precision"] == "2"
    assert row["civilian_targeting"] == ""
    assert (row["iso"], row["country"]) == ("422", "Lebanon")
    assert row["event_id_cnty"].startswith("LBN") and row["event_id_cnty"][3:].isdigit()
    assert row["timestamp"] == "1600000000"
    assert row["source"] == "AlManar"


def test_csv_event_id_is_stable_without_store_number() -> None:
    event = event_from_report(strike(), event_id="ev-x")
    first = csv_rows([event])[1][0]["event_id_cnty"]
    assert first == csv_rows([event])[1][0]["event_id_cnty"]
    assert first != csv_rows([replace(event, event_id="ev-y")])[1][0]["event_id_cnty"]


def test_interaction_codes() -> None:
    assert interaction(1, 7) == "17"
    assert interaction(7, 1) == "17"
    assert interaction(2, 2) == "22"
    assert interaction(6, None) == "60"
    assert interaction(None, 3) == ""


def test_unknown_actor_leaves_inter_empty() -> None:
    event = event_from_report(strike(actor1="Some Unlisted Brigade"), event_id="e")
    _, [row] = csv_rows([event])
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("", "7", "")


def test_jsonl_round_trip_fields() -> None:
    out = io.StringIO()
    no_place = replace(merged_event(), event_id="ev-2", place=None)
    assert write_jsonl([merged_event(), no_place], out).written == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    data = json.loads(lines[0])
    assert data["event_id"] == "ev-saraqeb"
    assert data["reports"] == ["art1", "art2"]
    assert (data["fatalities_low"], data["fatalities_best"], data["fatalities_high"]) == (9, 9, 11)
    assert data["fatalities"] == 9 and data["contested"] is True and data["grade"] == "contested"
    assert data["sources"] == ["OSDH", "SANA"]
    assert (data["location"], data["admin1"], data["latitude"]) == ("Saraqeb", "Idlib", 35.86417)
    assert data["claims"] == [
        {"count": 11, "qualifier": "exact", "who": "people", "source": "OSDH",
         "quote": "onze morts", "article_id": "art1"},
        {"count": 9, "qualifier": "at_least", "who": "people", "source": "SANA",
         "quote": "neuf morts", "article_id": "art1"},
    ]
    assert data["evidence"][0] == {
        "article_id": "art1", "start": 0, "end": len(SENTENCE), "text": SENTENCE
    }
    assert data["confidence"] == 0.83
    assert [r["article_id"] for r in data["event_reports"]] == ["art1", "art2"]
    assert data["event_reports"][1]["fatalities"] == 11
    assert json.loads(lines[1])["location"] is None


def test_geojson_is_a_valid_feature_collection_and_skips_unplaced() -> None:
    out = io.StringIO()
    summary = write_geojson([merged_event(), replace(merged_event(), place=None)], out)
    assert (summary.written, summary.skipped, summary.skipped_reason) == (1, 1, "no coordinates")
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    [feature] = doc["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.80028, 35.86417]}
    lon, lat = feature["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    props = feature["properties"]
    assert props["event_id"] == "ev-saraqeb" and props["sub_event_type"] == "Air/drone strike"
    assert props["fatalities"] == 9 and props["reports"] == ["art1", "art2"]


def test_export_from_the_store_is_stable(db: str) -> None:
    with Store.open(db) as store:
        for aid in ("art1", "art2"):
            store.add_article(Article(id=aid, text=SENTENCE + aid, content_hash="h" + aid))
        store.save_events([merged_event()])
        first, second = io.StringIO(), io.StringIO()
        write_acled_csv(store.events(), first, inter_of=INTER.get, timestamp=1)
        write_acled_csv(store.events(), second, inter_of=INTER.get, timestamp=2)
        assert first.getvalue() == second.getvalue()
        [row] = list(csv.DictReader(io.StringIO(first.getvalue())))
        # the same number whatever the store's seq: rebuilding from the same data keeps it
        assert row["event_id_cnty"] == f"SYR{AcledRows.number(merged_event())}"
        assert row["timestamp"] != "1"


def test_countries_data_file() -> None:
    countries = Countries.load()
    syria = countries.get("SY")
    assert syria is not None and (syria.iso, syria.iso3, syria.region) == (760, "SYR", "Middle East")
    assert countries.get("Syrie") == syria and countries.get("syria") == syria
    assert countries.get("Israël") == countries.get("IL")
    expected = {"LB": 422, "IQ": 368, "TR": 792, "JO": 400, "IL": 376, "PS": 275}
    for code, iso in expected.items():
        country = countries.get(code)
        assert country is not None and country.iso == iso and country.region == "Middle East"
    assert countries.get("Atlantide") is None and countries.get(None) is None


def test_acled_format_data_file() -> None:
    fmt = AcledFormat.load()
    assert fmt.time_precision == {"day": 1, "week": 2, "month": 3}
    assert fmt.disorder_type("Riots", "Mob violence") == "Political violence"
    assert fmt.disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert fmt.disorder_type("Strategic developments", "Agreement") == "Strategic developments"
    assert fmt.disorder_type("Battles", "Armed clash") == "Political violence"


def test_default_inter_codes_come_from_the_actor_registry() -> None:
    pytest.importorskip("vigie.resolve.actors")
    rows = AcledRows(timestamp=0)
    row = rows.row(merged_event())
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 7, "17")
