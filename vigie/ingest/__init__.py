"""The ingest stage: files and folders in, cleaned and dated Articles out.

``read_paths`` is the entry point. For each file, in order:

1. find it (folders walked recursively, sorted, hidden files skipped) - ``files``;
2. read its bytes, refusing files over ``max_bytes`` without loading them - ``files``;
3. decode them (UTF-8, else charset-normalizer over plausible encodings) - ``encoding``;
4. dispatch on extension, else on content, to a reader: capture text / plain text (``text``),
   HTML (``html``, trafilatura), JSON Lines (``jsonl``, one article per line);
5. lay over it what the user gave (``--published``/``--outlet``, a ``NAME.meta.json`` sidecar,
   a folder ``meta.jsonl``) - ``meta``;
6. build each Article: clean (``clean``), language (``language``), publication date
   (``published``, a future one refused), id and content hash (``ids``) - ``build``.

A bad file or line is yielded as an IngestError (never raised) so a batch goes on.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from vigie import settings
from vigie.errors import IngestError, one_line
from vigie.ingest.config import load_ingest_config
from vigie.ingest.document import RawDocument
from vigie.ingest.encoding import decode_bytes
from vigie.ingest.files import iter_files, read_bytes
from vigie.ingest.jsonl import read_jsonl
from vigie.ingest.meta import ArticleMeta, MetaFinder, is_meta_file
from vigie.ingest.text import read_text
from vigie.models import Article

__all__ = ["ArticleMeta", "count_articles", "read_paths", "read_file", "IngestError"]


def _sniff(text: str) -> str:
    """The reader for a file whose extension says nothing: look at how it starts."""
    head = text.lstrip()[:1000].lower()
    if head.startswith("<") and ("<html" in head or "<!doctype html" in head or "<body" in head):
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def _documents(path: Path, text: str) -> Iterator[RawDocument | IngestError]:
    kind = load_ingest_config().extensions.get(path.suffix.lower()) or _sniff(text)
    name = str(path)
    if kind == "jsonl":
        yield from read_jsonl(text, path=name)
        return
    try:
        if kind == "html":
            from vigie.ingest.html import read_html  # trafilatura: loaded when an HTML file comes

            yield read_html(text, path=name)
        else:
            yield read_text(text, path=name)
    except IngestError as exc:
        yield exc


def read_file(
    path: Path, *, max_bytes: int, meta: ArticleMeta | None = None
) -> Iterator[Article | IngestError]:
    """The Articles of one file (several for JSON Lines), or IngestErrors; ``meta`` is laid over
    what the file says about itself."""
    from vigie.ingest.build import build_article  # cleaning and language models: loaded on the first file

    try:
        text = decode_bytes(read_bytes(path, max_bytes=max_bytes), path=str(path))
    except IngestError as exc:
        yield exc
        return
    try:
        docs = list(_documents(path, text))
    except Exception as exc:  # noqa: BLE001 - a reader's crash is this file's error, not the batch's
        yield IngestError(str(path), f"could not be read: {one_line(exc)}")
        return
    for doc in docs:
        if isinstance(doc, IngestError):
            yield doc
            continue
        try:
            yield build_article(meta.apply(doc) if meta else doc)
        except IngestError as exc:
            yield exc
        except Exception as exc:  # noqa: BLE001 - same: one bad article, one error line
            yield IngestError(doc.path, f"could not be read: {one_line(exc)}")


def read_paths(
    paths: Iterable[str | Path], *, max_bytes: int | None = None, meta: ArticleMeta | None = None,
) -> Iterator[Article | IngestError]:
    """Articles from files and folders, in a deterministic order; bad inputs come as IngestErrors.

    ``max_bytes`` defaults to the ``max_file_bytes`` setting. ``meta`` (the command line's
    ``--published``/``--outlet``) applies to every article, over sidecars and ``meta.jsonl``.
    """
    limit = settings.get("max_file_bytes") if max_bytes is None else max_bytes
    finder = MetaFinder(meta)
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            yield item
        elif not is_meta_file(item):
            try:
                file_meta = finder.for_file(item)
            except IngestError as exc:
                yield IngestError(str(item), f"not read: {exc}")
                continue
            yield from read_file(item, max_bytes=limit, meta=file_meta)


def count_articles(paths: Iterable[str | Path]) -> int:
    """How many items :func:`read_paths` will yield, about (a JSON Lines file counts its lines):
    the total a progress bar needs for an ETA, found without decoding or cleaning anything."""
    total = 0
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            total += 1
        elif not is_meta_file(item):
            kind = load_ingest_config().extensions.get(item.suffix.lower())
            total += _count_lines(item) if kind == "jsonl" else 1
    return total


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return max(1, sum(1 for line in fh if line.strip()))
    except OSError:
        return 1
