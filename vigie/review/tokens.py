"""Bearer tokens for writes to the web desk and API.

Why only a hash is stored: a copied database must not hand out write access. A token is shown
once, when created; losing it means creating another and revoking the old name.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

from vigie.errors import ReviewError
from vigie.review.book import now
from vigie.store import Store


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, name: str) -> str:
    """A new token for ``name`` (an analyst or a tool); its name is the audit log's "who"."""
    name = name.strip()
    if not name:
        raise ReviewError("a token needs a name")
    token = secrets.token_urlsafe(32)
    with store.transaction():
        row = store.conn.execute("SELECT revoked FROM api_tokens WHERE name = ?", (name,)).fetchone()
        if row is not None and row["revoked"] is None:
            raise ReviewError(f"token {name!r} exists: revoke it first")
        store.conn.execute(
            "INSERT INTO api_tokens (name, hash, created, revoked) VALUES (?, ?, ?, NULL) "
            "ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, created = excluded.created, "
            "revoked = NULL",
            (name, _digest(token), now()),
        )
    return token


def revoke_token(store: Store, name: str) -> None:
    cur = store.conn.execute(
        "UPDATE api_tokens SET revoked = ? WHERE name = ? AND revoked IS NULL", (now(), name)
    )
    if cur.rowcount != 1:
        raise ReviewError(f"no active token {name!r}")


def token_owner(store: Store, token: str) -> str | None:
    """The name of the active token ``token``, else None."""
    digest = _digest(token)
    for row in store.conn.execute("SELECT name, hash FROM api_tokens WHERE revoked IS NULL"):
        if hmac.compare_digest(row["hash"], digest):
            return str(row["name"])
    return None
