"""Stable article ids and content hashes.

Why normalise before hashing: the same report re-captured with other quotes, spacing or case
must get the same hash, so the store can see "same article, different id" and ingesting an
article twice changes nothing.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_PUNCT_OR_SPACE = re.compile(r"[\W_]+")


def normalise_for_hash(text: str) -> str:
    """Casefolded NFC text with punctuation removed and whitespace collapsed to single spaces."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return _PUNCT_OR_SPACE.sub(" ", folded).strip()


def content_hash(text: str) -> str:
    """SHA-1 (hex) of the normalised text."""
    return hashlib.sha1(normalise_for_hash(text).encode("utf-8")).hexdigest()


def article_id(text: str, *, given: str | None = None) -> str:
    """The input's own id when it has one, else the first 16 hex digits of the content hash."""
    if given is not None and str(given).strip():
        return str(given).strip()
    return content_hash(text)[:16]
