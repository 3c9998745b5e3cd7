"""Turning the bytes of a file into text, or saying clearly why it cannot be done.

Why not just ``bytes.decode("utf-8")``: French pages saved as latin-1 / windows-1252 and Arabic
pages saved as windows-1256 are common in the wild. UTF-8 (with or without BOM) and UTF-16 with a
BOM are taken as they are; anything else goes to charset-normalizer restricted to the plausible
encodings of ``data/ingest.yml`` (unrestricted, it reads short French latin-1 as Japanese).
NUL bytes without a UTF-16 BOM mean a binary file.
"""
from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer

from vigie.errors import IngestError
from vigie.ingest.config import IngestConfig, load_ingest_config


def _garbage_share(text: str) -> float:
    """Share of characters that no text contains: control characters and U+FFFD."""
    bad = sum(
        1 for ch in text
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    )
    return bad / max(len(text), 1)


def decode_bytes(data: bytes, *, path: str, config: IngestConfig | None = None) -> str:
    """Decode a file's bytes; raise IngestError("<path>: <reason>") when it is not text."""
    config = config or load_ingest_config()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(path, f"invalid UTF-16 text ({exc.reason})") from exc
    if b"\x00" in data:
        raise IngestError(path, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data, cp_isolation=list(config.encodings)).best()
        if best is None:
            raise IngestError(path, "undecodable bytes: not text in any supported encoding") from None
        text = str(best)
    if _garbage_share(text) > config.max_garbage_share:
        raise IngestError(path, "binary file (control characters), not text")
    return text
