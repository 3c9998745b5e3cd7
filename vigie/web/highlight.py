"""An article's text cut into plain and marked pieces, for highlighting without raw HTML.

Why pieces rather than ``<mark>`` tags inserted into the text: article text is untrusted, so
the template escapes every piece and wraps the marked ones itself; nothing from the article
ever reaches the page as markup.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A stretch of the text to mark: evidence of an event, or a framing word."""

    start: int
    end: int
    kind: str  # "evidence" | "framing"
    label: str = ""


@dataclass(frozen=True)
class Piece:
    text: str
    kind: str = ""  # "" for plain text
    label: str = ""


def pieces(text: str, spans: Iterable[Span]) -> list[Piece]:
    """``text`` as pieces; overlapping spans are cut so that the earlier-starting one wins."""
    out: list[Piece] = []
    at = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        start, end = max(span.start, at), min(span.end, len(text))
        if end <= start:
            continue
        if start > at:
            out.append(Piece(text[at:start]))
        out.append(Piece(text[start:end], span.kind, span.label))
        at = end
    if at < len(text):
        out.append(Piece(text[at:]))
    return out
