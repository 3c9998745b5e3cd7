"""The desk in real headless Chromium over a real HTTP server, on the bundled examples.

Skipped only when Debian's chromium / chromedriver are absent; ``.ci/run`` installs them.
"""
from __future__ import annotations

import csv
import io
import json
import urllib.request
from pathlib import Path

import pytest

from conftest import BACKENDS, fresh_targets
from vigie.web.live import browser_available, chromium, live_desk, wait_for_markers

pytestmark = pytest.mark.skipif(not browser_available(), reason="chromium and chromedriver not installed")
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module", params=BACKENDS)
def desk(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    from vigie.pipeline import ingest_paths
    from vigie.review.tokens import create_token
    from vigie.store import Store

    path = fresh_targets(request, request.param, tmp_path_factory.mktemp("desk"))()
    with Store.open(path) as store:
        ingest_paths(store, [EXAMPLES])
        token = create_token(store, "lina")
    with live_desk(path) as url, chromium() as driver:
        yield url, driver, token, path


def _by(name: str):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    return getattr(By, name)


def _wait(driver, condition) -> None:  # type: ignore[no-untyped-def]
    """Wait for a page change (a bound on a slow machine, not a timing assertion)."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)
                  ).until(condition)


def _fetch(url: str, *, token: str | None = None, body: dict | None = None) -> str:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json",
                 **({"Authorization": f"Bearer {token}"} if token else {})},
    )
    with urllib.request.urlopen(request) as response:
        return response.read().decode("utf-8")


def test_events_page_draws_the_base_map_markers_and_timeline(desk) -> None:  # type: ignore[no-untyped-def]
    url, driver, _, _ = desk
    driver.get(url + "/")
    wait_for_markers(driver)
    assert int(driver.find_element(_by("ID"), "map").get_attribute("data-markers")) > 0
    shapes = driver.find_elements(_by("CSS_SELECTOR"), ".leaflet-overlay-pane path")
    assert len(shapes) > 14  # governorates and neighbours, plus the event markers
    assert driver.find_elements(_by("CSS_SELECTOR"), ".marker-cluster, path.leaflet-interactive")
    assert driver.find_elements(_by("CSS_SELECTOR"), "#timeline-events rect.bar")
    assert not [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_filtering_keeps_the_filter_in_the_url(desk) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import Select

    url, driver, _, _ = desk
    driver.get(url + "/")
    Select(driver.find_element(_by("NAME"), "event_type")).select_by_visible_text("Battles")
    driver.find_element(_by("ID"), "apply-filters").click()
    _wait(driver, lambda d: "event_type=Battles" in d.current_url)
    rows = driver.find_elements(_by("CSS_SELECTOR"), "tr.event-row")
    assert rows and all("Battles" in r.text for r in rows)
    wait_for_markers(driver)


def test_an_edit_round_trip_shows_in_the_export_and_survives_re_ingest(desk) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import Select

    from vigie.pipeline import ingest_paths
    from vigie.store import Store

    url, driver, token, path = desk
    driver.get(url + "/?sub_event_type=Air/drone strike")
    driver.find_element(_by("CSS_SELECTOR"), "a.event-link").click()
    _wait(driver, lambda d: d.find_elements(_by("ID"), "edit-sub-type"))
    Select(driver.find_element(_by("ID"), "edit-sub-type")).select_by_visible_text("Shelling/artillery/missile attack")
    driver.find_element(_by("ID"), "token").send_keys(token)
    driver.find_element(_by("NAME"), "comment").send_keys("artillery, not aircraft")
    driver.find_element(_by("ID"), "do-edit").click()
    _wait(driver, lambda d: d.find_element(_by("ID"), "review-status").text == "edited")
    assert driver.find_element(_by("ID"), "sub-type").text == "Shelling/artillery/missile attack"
    assert driver.find_element(_by("ID"), "review-status").text == "edited"
    assert "artillery, not aircraft" in driver.find_element(_by("CSS_SELECTOR"), "table.history").text

    def exported() -> set[str]:
        rows = csv.DictReader(io.StringIO(_fetch(url + "/api/export.csv")))
        return {r["sub_event_type"] for r in rows if "review=edited" in r["tags"]}

    assert "Shelling/artillery/missile attack" in exported()
    with Store.open(path) as store:
        summary = ingest_paths(store, [EXAMPLES])
    assert summary.new == 0 and summary.duplicates > 0
    driver.refresh()
    assert driver.find_element(_by("ID"), "sub-type").text == "Shelling/artillery/missile attack"
    assert "Shelling/artillery/missile attack" in exported()


def test_a_hostile_article_is_shown_as_text_and_runs_nothing(desk) -> None:  # type: ignore[no-untyped-def]
    url, driver, token, _ = desk
    text = ("Des avions du régime ont bombardé mardi la ville de Rastan, dans la province de Homs, "
            "tuant cinq civils, selon l'OSDH. "
            "<script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\"> "
            "<b onmouseover=\"window.__pwned = 3\">fin</b>")
    posted = json.loads(_fetch(url + "/api/articles", token=token, body={
        "text": text, "title": "<script>window.__pwned = 4</script>", "outlet": "Test", "published": "2016-03-22",
    }))
    assert posted["new"] == 1 and posted["events"], posted
    pages = [f"/articles/{a}" for a in posted["articles"]]
    pages += [f"/events/{e['event_id']}" for e in posted["events"]] + ["/", "/review", "/sources"]
    for page in pages:
        driver.get(url + page)
        assert driver.execute_script("return window.__pwned === undefined"), page
    driver.get(url + pages[0])
    assert "<script>window.__pwned = 4</script>" in driver.find_element(_by("TAG_NAME"), "h1").text
