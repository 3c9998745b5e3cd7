"""Short strings from the input (ids, outlet names, titles, URLs) made safe to store and print.

Why: whatever an input file holds reaches terminals, CSV files and web pages. A terminal escape
code in an id repaints the analyst's screen; a right-to-left override (U+202E) turns
"exe.txt" into "txt.exe" in every export. Control characters and the bidirectional
*override/isolate* controls are removed on the way in (the marks LRM/RLM, which Arabic text
legitimately uses, and line breaks of article bodies are kept in texts).
"""
from __future__ import annotations

import re
import unicodedata

# Embeddings, overrides and isolates: U+202A-U+202E, U+2066-U+2069.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi_controls(text: str) -> str:
    """``text`` without bidirectional embedding, override and isolate controls."""
    return _BIDI_CONTROLS.sub("", text)


def safe_label(value: str | None) -> str | None:
    """A one-line label: no control or bidi-control characters, spaces collapsed; None if empty."""
    if value is None:
        return None
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in strip_bidi_controls(value)
    )
    kept = re.sub(r"\s+", " ", kept).strip()
    return kept or None
