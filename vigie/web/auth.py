"""Who is writing: bearer tokens for the API, the same token in the review form.

Why reads are open only on loopback: the desk is meant to run on an analyst's machine or
behind a proxy that authenticates; a desk bound to another interface asks a token for reads too.
"""
from __future__ import annotations

from fastapi import Request
from starlette.exceptions import HTTPException

from vigie.review.tokens import token_owner
from vigie.web.app import store_of

LOOPBACK = frozenset({"127.0.0.1", "::1"})


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def owner(request: Request, token: str | None) -> str:
    """The token's owner name, or a 401 error."""
    name = token_owner(store_of(request), token) if token else None
    if name is None:
        raise HTTPException(401, "a valid bearer token is needed (vigie token create NAME)",
                            headers={"WWW-Authenticate": "Bearer"})
    return name


def writer(request: Request) -> str:
    """Dependency of every API write: the name of the bearer token's owner."""
    return owner(request, _bearer(request))


def reader(request: Request) -> None:
    """Dependency of every read: open on loopback, else a token is needed."""
    host = request.client.host if request.client else ""
    if host not in LOOPBACK:
        owner(request, _bearer(request))
