"""Readers for text files: the page-capture format and plain text.

The capture format (``data/capture_format.yml``) opens with a line such as
``28-11-2024 01:35 AM Jerusalem Timing``: the time the page was captured, kept as
``Article.captured`` and never taken as the publication date. The title follows, often
repeated. A plain text file has no such line; its first line is its title when it is short and
stands alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from vigie.data import load_yaml
from vigie.errors import IngestError
from vigie.ingest.document import RawDocument

_TITLE_MAX = 200
_END_PUNCT = (".", "!", "?", ";", ",", ":")


@dataclass(frozen=True)
class CaptureFormat:
    """The compiled capture-header format."""

    header: re.Pattern[str]
    stamp_format: str
    zones: dict[str, str]


@lru_cache(maxsize=1)
def load_capture_format() -> CaptureFormat:
    """The capture format, read once from ``data/capture_format.yml``."""
    data = load_yaml("capture_format.yml")
    return CaptureFormat(re.compile(data["header_pattern"]), data["stamp_format"], dict(data["zones"]))


def parse_capture_header(line: str, *, fmt: CaptureFormat | None = None) -> datetime | None:
    """The capture time of a header line (timezone-aware), or None if the line is no header."""
    fmt = fmt or load_capture_format()
    m = fmt.header.match(line.strip())
    if m is None:
        return None
    stamp = re.sub(r"\s+", " ", m["stamp"])
    stamp = re.sub(r"(\d)(AM|PM)$", r"\1 \2", stamp)
    try:
        naive = datetime.strptime(stamp, fmt.stamp_format)
    except ValueError:
        return None
    zone = fmt.zones.get(m["zone"])
    return naive.replace(tzinfo=ZoneInfo(zone)) if zone else naive


def _guess_title(lines: list[str]) -> str | None:
    """The first non-blank line when it reads as a headline: short, alone, or repeated below."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 2:
        return None
    first = lines[filled[0]].strip()
    if len(first) > _TITLE_MAX:
        return None
    repeated = any(lines[i].strip() == first for i in filled[1:4])
    alone = filled[0] + 1 < len(lines) and not lines[filled[0] + 1].strip()
    if repeated or (alone and not first.endswith(_END_PUNCT)):
        return first
    return None


def read_text(text: str, *, path: str) -> RawDocument:
    """A capture-format or plain text file as a RawDocument; IngestError when it holds no text."""
    if not text.strip():
        raise IngestError(path, "empty file")
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    captured = parse_capture_header(lines[first])
    body_lines = lines[first + 1:] if captured else lines
    if not "".join(body_lines).strip():
        raise IngestError(path, "no article text after the capture header")
    body = "\n".join(body_lines)
    title = _guess_title(body_lines)
    if captured and title is None:
        title = next(line.strip() for line in body_lines if line.strip())
        title = title if len(title) <= _TITLE_MAX else None
    return RawDocument(path=path, raw_text=text, body=body, title=title, captured=captured)
