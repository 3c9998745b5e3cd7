"""What the user says about an article: its date, outlet, URL and title, given beside the text.

Why: a capture or a plain text file often carries no trustworthy date or outlet, yet the user
who collected it knows them. They can say so three ways, the most specific winning:

1. on the command line, for every article of the run (``vigie ingest --published --outlet``);
2. in a sidecar next to the file: ``NAME.meta.json`` for ``NAME.txt`` (or ``NAME.txt.meta.json``);
3. in a folder-level ``meta.jsonl``, one ``{"file": "NAME.txt", ...}`` object per line.

Each holds ``published`` (YYYY-MM-DD), ``outlet``, ``url``, ``title``, all optional. What is given
replaces what the file says about itself; the date is then an input date, trusted as such.
Metadata files are never read as articles.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from vigie.errors import IngestError
from vigie.ingest.document import RawDocument
from vigie.ingest.jsonl import parse_published

FOLDER_META = "meta.jsonl"
SIDECAR_SUFFIX = ".meta.json"
_FIELDS = ("published", "outlet", "url", "title")


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata given for an article; None = not given."""

    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None

    def over(self, other: "ArticleMeta") -> "ArticleMeta":
        """These values where given, ``other``'s elsewhere."""
        return ArticleMeta(**{
            f.name: getattr(self, f.name) if getattr(self, f.name) is not None else getattr(other, f.name)
            for f in fields(self)
        })

    def apply(self, doc: RawDocument) -> RawDocument:
        """``doc`` with the given values in place of its own."""
        changes: dict[str, Any] = {
            "given": self.published, "outlet": self.outlet, "url": self.url, "title": self.title,
        }
        return replace(doc, **{k: v for k, v in changes.items() if v is not None})


def is_meta_file(path: Path) -> bool:
    """True for the files holding metadata rather than an article."""
    return path.name == FOLDER_META or path.name.endswith(SIDECAR_SUFFIX)


def parse_meta(record: object, *, path: str) -> ArticleMeta:
    """An ``ArticleMeta`` from a JSON object; IngestError naming ``path`` when malformed."""
    if not isinstance(record, dict):
        raise IngestError(path, f"metadata must be a JSON object, got {type(record).__name__}")
    values: dict[str, Any] = {}
    for name in ("outlet", "url", "title"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise IngestError(path, f"metadata \"{name}\" must be a string")
        values[name] = value.strip() or None if isinstance(value, str) else None
    try:
        values["published"] = parse_published(record.get("published"))
    except ValueError as exc:
        raise IngestError(path, f"metadata: {exc}") from exc
    return ArticleMeta(**values)


def _load_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), f"unreadable metadata file ({exc.__class__.__name__})") from exc
    except json.JSONDecodeError as exc:
        raise IngestError(str(path), f"invalid JSON in metadata ({exc.msg} at line {exc.lineno})") from exc


def _folder_meta(folder: Path) -> dict[str, ArticleMeta]:
    """file name -> metadata, from ``folder/meta.jsonl`` ({} when there is none)."""
    path = folder / FOLDER_META
    if not path.is_file():
        return {}
    out: dict[str, ArticleMeta] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), f"unreadable metadata file ({exc.__class__.__name__})") from exc
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(where, f"invalid JSON in metadata ({exc.msg})") from exc
        name = record.get("file") if isinstance(record, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise IngestError(where, "metadata line without a \"file\" name")
        out[name.strip()] = parse_meta(record, path=where)
    return out


class MetaFinder:
    """Finds the metadata given for each article file; each folder's ``meta.jsonl`` read once."""

    def __init__(self, given: ArticleMeta | None = None) -> None:
        self.given = given or ArticleMeta()
        self._folders: dict[Path, dict[str, ArticleMeta] | IngestError] = {}

    def for_file(self, path: Path) -> ArticleMeta:
        """The metadata of ``path``: command line over sidecar over folder; IngestError if malformed."""
        folder = path.parent
        if folder not in self._folders:
            try:
                self._folders[folder] = _folder_meta(folder)
            except IngestError as exc:
                self._folders[folder] = exc
        listed = self._folders[folder]
        if isinstance(listed, IngestError):
            raise listed
        meta = listed.get(path.name, ArticleMeta())
        for sidecar in (path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
            if sidecar.is_file():
                meta = parse_meta(_load_json(sidecar), path=str(sidecar)).over(meta)
        return self.given.over(meta)
