"""The web desk's FastAPI application: pages and JSON API over one vigie store.

Why the middleware here: article text is untrusted and the desk writes to the record, so every
response carries a Content-Security-Policy with no inline script, request bodies are capped, and
errors come back as a clear JSON (or HTML) message with a status code, never a stack trace.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from vigie.errors import DeskError, NotFound, VigieError
from vigie.store import Store
from vigie.web.templates import render

HERE = Path(__file__).parent
MAX_BODY = 5_000_000
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
log = logging.getLogger("vigie.web")


class Stores(threading.local):
    """One store connection per worker thread (a SQLite connection stays in its thread; a
    psycopg connection serves one query at a time)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.store: Store | None = None

    def get(self) -> Store:
        if self.store is None:
            self.store = Store.open(self.path)
            self.store.conn.tune_for_reads()
        return self.store


class Guard:
    """ASGI middleware: security headers on every response, request bodies capped."""

    def __init__(self, app: ASGIApp, *, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await _too_large(scope, receive, send, self.max_body)
            return
        seen = 0

        async def capped() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise HTTPException(413, f"request body over {self.max_body} bytes")
            return message

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, capped, secured)


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    response = JSONResponse({"error": f"request body over {limit} bytes", "status": 413}, 413)
    await response(scope, receive, send)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status)
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def create_app(db_path: str, *, max_body: int = MAX_BODY) -> FastAPI:
    """The desk over the database at ``db_path``."""
    from vigie.web import api, pages

    app = FastAPI(
        title="vigie", version="1", docs_url=None, redoc_url=None, description=(
            "Geocoded, source-attributed conflict events from French news (ACLED taxonomy): "
            "read, filter, export, and review. Reads are open on loopback; writes need a bearer "
            "token (`vigie token create NAME`)."
        ),
    )
    app.state.stores = Stores(db_path)
    app.mount("/static/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/static/markercluster", StaticFiles(directory=markercluster.BASE_DIR), name="markercluster")
    app.mount("/static/vigie", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc))

    @app.exception_handler(DeskError)
    async def bad_request(request: Request, exc: DeskError) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(VigieError)
    async def failed(request: Request, exc: VigieError) -> Response:
        return _error(request, 500, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return _error(request, 422, problems or "invalid request")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "internal error (see the server log)")

    app.add_middleware(Guard, max_body=max_body)
    return app


def store_of(request: Request) -> Store:
    """The calling thread's connection to the desk's store."""
    stores: Any = request.app.state.stores
    return stores.get()
