"""The HTML pages and the review form (token in the form), through FastAPI's test client."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from vigie.review.tokens import create_token
from vigie.web.app import create_app
from web_helpers import build_store


@pytest.fixture
def desk(db):  # type: ignore[no-untyped-def]
    path = db
    with build_store(path) as store:
        token = create_token(store, "lina")
    return TestClient(create_app(str(path)), client=("127.0.0.1", 50000)), token


def _events(client: TestClient) -> dict[str, str]:
    return {e["location"]: e["event_id"] for e in client.get("/api/events").json()["events"]}


def _post(client: TestClient, event_id: str, **form: str):  # type: ignore[no-untyped-def]
    return client.post(f"/events/{event_id}/review", data=form, follow_redirects=False)


def test_the_pages_render_with_the_filter_in_the_url(desk) -> None:  # type: ignore[no-untyped-def]
    client, _ = desk
    page = client.get("/?event_type=Battles&admin1=Homs")
    assert page.status_code == 200
    assert 'data-points="/api/map?admin1=Homs&amp;event_type=Battles"' in page.text
    assert page.text.count('class="event-row') == 1 and "<rect class=\"bar\"" in page.text
    assert "/api/export.csv?admin1=Homs&amp;event_type=Battles" in page.text
    for url in ("/review", "/sources", "/docs", "/outlets/AlManar", "/articles/a-talbiseh-1"):
        assert client.get(url).status_code == 200, url


def test_the_form_needs_the_token(desk) -> None:  # type: ignore[no-untyped-def]
    client, _ = desk
    event_id = _events(client)["Rastan"]
    assert _post(client, event_id, action="accept").status_code == 401
    assert _post(client, event_id, action="accept", token="nope").status_code == 401


def test_accept_edit_reject_through_the_form(desk) -> None:  # type: ignore[no-untyped-def]
    client, token = desk
    event_id = _events(client)["Rastan"]
    done = _post(client, event_id, action="accept", token=token, comment="checked")
    assert done.status_code == 303 and done.headers["location"] == f"/events/{event_id}"
    page = client.get(f"/events/{event_id}").text
    assert 'id="review-status">accepted<' in page and "checked" in page
    edited = _post(client, event_id, action="edit", token=token, sub_event_type="Shelling/artillery/missile attack",
                   actor1="Military Forces of Syria", actor2="Civilians (Syria)", assoc_actor_1="", assoc_actor_2="",
                   event_date="2016-03-20", date_precision="day", fatalities_low="5", fatalities_best="5",
                   fatalities_high="5", grade="fair", civilian_targeting="on", place="Rastan", current_place="Rastan")
    assert edited.status_code == 303
    record = client.get(f"/api/events/{event_id}").json()
    assert record["event"]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert record["event"]["grade"] == "fair" and record["event"]["civilian_targeting"] is True
    assert [h["action"] for h in record["history"]] == ["edit", "accept"]
    assert _post(client, event_id, action="reject", token=token).status_code == 303
    assert "Rastan" not in _events(client)


def test_merge_and_split_through_the_form(desk) -> None:  # type: ignore[no-untyped-def]
    client, token = desk
    events = _events(client)
    merged = _post(client, events["Talbiseh"], action="merge", other=events["Rastan"], token=token)
    assert merged.status_code == 303
    target = merged.headers["location"].rsplit("/", 1)[1]
    members = [m["report_id"] for m in client.get(f"/api/events/{target}").json()["members"]]
    assert len(members) == 3 and len(_events(client)) == 1
    split = client.post(f"/events/{target}/review", data={"action": "split", "token": token, "apart": members[-1:]},
                        follow_redirects=False)
    assert split.status_code == 303 and len(_events(client)) == 2


def test_a_bad_form_value_is_a_400_page(desk) -> None:  # type: ignore[no-untyped-def]
    client, token = desk
    event_id = _events(client)["Rastan"]
    page = _post(client, event_id, action="edit", token=token, fatalities_low="-3")
    assert page.status_code == 400 and "negative" in page.text and "Traceback" not in page.text
    assert _post(client, event_id, action="dance", token=token).status_code == 400


def test_only_http_links_leave_the_desk(desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from vigie.store import Store
    from web_helpers import article

    client, _ = desk
    db = client.app.state.stores.path  # type: ignore[attr-defined]
    with Store.open(db) as store:
        store.add_article(replace(article("a-rastan"), id="a-js", content_hash="js",
                                  url="javascript:window.__pwned=1"))
        store.add_article(replace(article("a-rastan"), id="a-web", content_hash="web",
                                  url="https://example.org/a?b=1&c=2"))
    assert 'href="javascript' not in client.get("/articles/a-js").text
    assert 'href="https://example.org/a?b=1&amp;c=2"' in client.get("/articles/a-web").text
