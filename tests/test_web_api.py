"""The JSON API and pages through FastAPI's test client: filters, records, errors, writes, safety."""
from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from vigie.review.tokens import create_token, revoke_token
from vigie.web.app import create_app
from web_helpers import HOSTILE, build_store


@pytest.fixture
def desk(db):  # type: ignore[no-untyped-def]
    path = db
    with build_store(path) as store:
        token = create_token(store, "lina")
    client = TestClient(create_app(str(path), max_body=20_000), client=("127.0.0.1", 50000))
    return client, {"Authorization": f"Bearer {token}"}, path


def _event_at(client: TestClient, place: str) -> dict:
    return next(e for e in client.get("/api/events").json()["events"] if e["location"] == place)


def test_events_list_filters_pages_and_sorts(desk) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = desk
    data = client.get("/api/events").json()
    assert data["total"] == 2 and data["pages"] == 1
    assert [e["event_date"] for e in data["events"]] == ["2016-03-20", "2016-03-08"]  # newest first
    assert client.get("/api/events?event_type=Battles").json()["total"] == 1
    assert client.get("/api/events?sub_event_type=Air/drone strike").json()["total"] == 1
    assert client.get("/api/events?admin1=homs&date_from=2016-03-10").json()["total"] == 1
    assert client.get("/api/events?source=SANA").json()["events"][0]["location"] == "Talbiseh"
    assert client.get("/api/events?actor=Civilians (Syria)").json()["total"] == 1
    assert client.get("/api/events?q=repris").json()["total"] == 1
    assert client.get("/api/events?contested=yes").json()["total"] == 0
    page = client.get("/api/events?per_page=1&page=2&sort=date").json()
    assert page["events"][0]["event_date"] == "2016-03-20" and page["previous"] and not page["next"]


def test_event_record_has_claims_side_by_side_and_evidence(desk) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = desk
    battle = _event_at(client, "Talbiseh")
    data = client.get(f"/api/events/{battle['event_id']}").json()
    assert {c["source"] for c in data["claims"]} == {"OSDH", "SANA"}
    assert any("citing" in lineage for c in data["claims"] for lineage in c["lineage"])
    marked = [p for a in data["articles"] for p in a["pieces"] if p["kind"] == "evidence"]
    assert marked and marked[0]["text"].startswith("Les forces du régime")
    assert data["fatalities_policy"] in ("lowest", "median")


def test_article_outlet_sources_queue_map_timeline(desk) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = desk
    article = client.get("/api/articles/a-rastan").json()
    assert article["events"][0]["location"] == "Rastan"
    assert client.get("/api/outlets/AlManar").json()["articles"]
    assert client.get("/api/sources").json()["registry"]
    queue = client.get("/api/review/queue").json()
    assert queue["total"] == 2 and queue["events"][0]["fatalities_best"] >= queue["events"][1]["fatalities_best"]
    assert len(client.get("/api/map").json()["points"]) == 2
    line = client.get("/api/timeline").json()
    assert line["unit"] == "day" and len(line["buckets"]) == 2


def test_errors_are_json_with_a_status(desk) -> None:  # type: ignore[no-untyped-def]
    client, auth, _ = desk
    for url, status in (("/api/events/ev-nope", 404), ("/api/events?date_from=soon", 400),
                        ("/api/events?page=x", 400), ("/api/articles/none", 404)):
        response = client.get(url)
        assert response.status_code == status
        assert response.json()["status"] == status and response.json()["error"]
    bad = client.post("/api/events/ev-nope/edit", json={"changes": {"grade": "fair"}}, headers=auth)
    assert bad.status_code == 404
    page = client.get("/events/ev-nope")
    assert page.status_code == 404 and "Traceback" not in page.text


def test_openapi_describes_every_json_endpoint(desk) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = desk
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
                 "/api/export.{fmt}", "/api/articles", "/api/events/{event_id}/edit",
                 "/api/events/{event_id}/merge", "/api/events/{event_id}/split"):
        assert path in paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/events/{event_id}/split" in docs.text and "cdn" not in docs.text


def test_writes_need_a_valid_token_and_are_audited(desk) -> None:  # type: ignore[no-untyped-def]
    client, auth, path = desk
    strike = _event_at(client, "Rastan")
    url = f"/api/events/{strike['event_id']}/edit"
    body = {"changes": {"sub_event_type": "Shelling/artillery/missile attack"}, "comment": "artillery"}
    assert client.post(url, json=body).status_code == 401
    assert client.post(url, json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    done = client.post(url, json=body, headers=auth)
    assert done.status_code == 200
    record = done.json()
    assert record["event"]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert record["history"][0]["who"] == "lina" and record["history"][0]["comment"] == "artillery"
    assert client.get("/api/events?review=edited").json()["total"] == 1
    assert client.get("/api/review/queue").json()["total"] == 1
    from vigie.store import Store

    with Store.open(path) as store:
        revoke_token(store, "lina")
    assert client.post(url, json=body, headers=auth).status_code == 401


def test_reads_need_a_token_off_loopback(desk) -> None:  # type: ignore[no-untyped-def]
    _, auth, path = desk
    remote = TestClient(create_app(str(path)), client=("192.0.2.7", 50000))
    assert remote.get("/api/events").status_code == 401
    assert remote.get("/").status_code == 401
    assert remote.get("/api/events", headers=auth).status_code == 200


def test_edit_rejects_bad_values_with_400(desk) -> None:  # type: ignore[no-untyped-def]
    client, auth, _ = desk
    strike = _event_at(client, "Rastan")
    response = client.post(f"/api/events/{strike['event_id']}/edit",
                           json={"changes": {"fatalities_low": -1}}, headers=auth)
    assert response.status_code == 400 and "negative" in response.json()["error"]


def test_reject_merge_and_split_through_the_api(desk) -> None:  # type: ignore[no-untyped-def]
    client, auth, _ = desk
    battle, strike = _event_at(client, "Talbiseh"), _event_at(client, "Rastan")
    merged = client.post(f"/api/events/{battle['event_id']}/merge", json={"other": strike["event_id"]},
                         headers=auth).json()
    assert len(merged["members"]) == 3
    members = [m["report_id"] for m in merged["members"]]
    split = client.post(f"/api/events/{merged['event']['event_id']}/split",
                        json={"groups": [members[:2], members[2:]]}, headers=auth).json()
    assert sorted(len(e["members"]) for e in split["events"]) == [1, 2]
    target = split["events"][0]["event"]["event_id"]
    assert client.post(f"/api/events/{target}/reject", json={}, headers=auth).status_code == 200
    assert client.get("/api/events").json()["total"] == 1
    assert client.get("/api/events?review=rejected").json()["total"] == 1


def test_exports_follow_the_filter_and_neutralise_formulas(desk) -> None:  # type: ignore[no-untyped-def]
    client, auth, _ = desk
    strike = _event_at(client, "Rastan")
    client.post(f"/api/events/{strike['event_id']}/edit",
                json={"changes": {"notes": "=HYPERLINK(\"http://evil\")"}}, headers=auth)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv?admin1=Homs&sub_event_type=Air/drone strike").text)))
    assert len(rows) == 1
    assert rows[0]["notes"].startswith("'=") and "review=edited" in rows[0]["tags"]
    assert len(client.get("/api/export.jsonl").text.splitlines()) == 2
    assert len(client.get("/api/export.geojson?event_type=Battles").json()["features"]) == 1


def test_untrusted_text_is_escaped_and_pages_carry_a_strict_csp(desk) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = desk
    strike = _event_at(client, "Rastan")
    for url in ("/", f"/events/{strike['event_id']}", "/articles/a-rastan", "/review", "/outlets/Le Journal"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert HOSTILE not in page.text and "<script>window" not in page.text
        assert "script-src 'self'" in page.headers["content-security-policy"]
        assert "unsafe-inline" not in page.headers["content-security-policy"].split("script-src")[1].split(";")[0]
    assert "&lt;script&gt;" in client.get("/articles/a-rastan").text


def test_request_bodies_are_capped(desk) -> None:  # type: ignore[no-untyped-def]
    client, auth, _ = desk
    response = client.post("/api/articles", content=b"x" * 30_000,
                           headers={**auth, "content-type": "application/json"})
    assert response.status_code == 413 and response.json()["status"] == 413


def test_the_place_edit_reads_imported_geonames_rows_on_either_backend(desk) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from vigie.resolve.geonames_import import import_geonames
    from vigie.store import Store

    client, _, path = desk
    with Store.open(path) as store:
        import_geonames(store, Path(__file__).resolve().parent / "fixtures" / "geonames" / "SY.txt")
    (place,) = client.get("/api/places", params={"q": "Tell Roummane"}).json()["places"]
    assert place["location"] == "Matar Tall Rumman" and place["geo_precision"] == 2  # the imported airfield
