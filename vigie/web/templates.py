"""Jinja2 rendering with autoescaping always on (article text is untrusted).

Why our own Environment rather than a default: autoescape must not depend on a file
extension, and the helpers the templates share (query links, colours) are set once here.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

TYPE_COLOURS = {
    "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad", "Protests": "#2980b9", "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
}

ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
)
ENV.globals["type_colours"] = TYPE_COLOURS


def render(request: Request, name: str, context: dict[str, Any], *, status: int = 200) -> HTMLResponse:
    """The page ``name`` rendered with ``context`` (plus the request)."""
    html = ENV.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status_code=status)
