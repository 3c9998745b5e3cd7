"""The desk served in a background thread, and a headless Chromium to look at it.

Why in the package: the browser tests and ``make demo``'s screenshots (``python -m
vigie.web.live DB OUT_DIR``) drive the same real server and the same browser settings (Debian's
``chromium`` and ``chromedriver``, nothing downloaded, no network features).
"""
from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from vigie.web.app import create_app

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1400",
)


def browser_available() -> bool:
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_desk(db_path: str) -> Iterator[str]:
    """Serve the desk over ``db_path`` on a free loopback port; yields its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    ready = threading.Event()
    while not server.started and thread.is_alive():
        ready.wait(0.05)
    if not server.started:
        raise RuntimeError("the desk did not start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium driven by selenium through Debian's chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for_markers(driver: Any) -> None:
    """Wait until the map has drawn its markers (the page sets ``data-markers``)."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(
        lambda d: d.find_element(By.ID, "map").get_attribute("data-markers") is not None
        and d.find_elements(By.CSS_SELECTOR, ".leaflet-overlay-pane path")
    )


def screenshots(db_path: str, out: Path) -> list[Path]:
    """The events page and the deadliest event's page, as PNG files under ``out``."""
    from selenium.webdriver.common.by import By

    out.mkdir(parents=True, exist_ok=True)
    shots = [out / "desk-events.png", out / "desk-event.png"]
    with live_desk(db_path) as url, chromium() as driver:
        driver.get(url + "/?sort=-fatalities")
        wait_for_markers(driver)
        driver.save_screenshot(str(shots[0]))
        driver.get(driver.find_element(By.CSS_SELECTOR, "a.event-link").get_attribute("href"))
        if driver.find_elements(By.ID, "map"):
            wait_for_markers(driver)
        driver.save_screenshot(str(shots[1]))
    return shots


def main(argv: list[str]) -> None:
    if not browser_available():
        print("chromium not installed: no screenshots", file=sys.stderr)
        return
    for path in screenshots(argv[0], Path(argv[1])):
        print(f"Screenshot: {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
