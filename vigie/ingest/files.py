"""Finding the files to read and reading their bytes safely.

Why careful: a batch of thousands of files must not stop on one bad file, and must not load a
50 MB dump into memory to find out it is too big. Folders are walked recursively in sorted
order (so two runs ingest in the same order), hidden files are skipped, and every problem
becomes an IngestError with a one-line "<path>: <reason>" message.
"""
from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from vigie.errors import IngestError


def _reason(exc: OSError) -> str:
    """A one-line reason for an OS error."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file (missing, or a broken link)"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return exc.strerror or errno.errorcode.get(exc.errno or 0, "unreadable file")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Every file named or found under the folders named, in a deterministic order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield IngestError(str(path), "no such file or directory")


def _walk(folder: Path) -> Iterator[Path | IngestError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield IngestError(str(folder), _reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        else:
            yield path


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a file, refusing (without reading it) a file larger than ``max_bytes``."""
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise IngestError(str(path), f"file too large ({size} bytes > limit of {max_bytes})")
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise IngestError(str(path), _reason(exc)) from exc
    if len(data) > max_bytes:
        raise IngestError(str(path), f"file too large (more than {max_bytes} bytes)")
    return data
