"""Domain errors. The CLI turns each into a one-line message naming the file and reason."""
from __future__ import annotations


class VigieError(Exception):
    """Base class of every error vigie raises on purpose."""


class IngestError(VigieError):
    """An input file that cannot become an article (empty, binary, malformed...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DataFileError(VigieError):
    """A knowledge file under ``vigie/data`` that is missing or malformed."""


class StoreError(VigieError):
    """The database cannot be opened or migrated."""


class GoldFormatError(VigieError):
    """A gold annotation file that does not follow the expected schema."""


class DeskError(VigieError):
    """A request the web desk cannot answer: a bad filter, an unknown record."""


class NotFound(DeskError):
    """The desk was asked for an event, article or outlet the store does not hold."""


class ReviewError(DeskError):
    """A review action that cannot be done: unknown event, invalid value, bad token."""


def one_line(exc: BaseException, *, limit: int = 200) -> str:
    """``Type: message`` on one line, cut to ``limit`` characters, for an error list.

    Why: an unexpected exception while handling one article becomes that article's error line;
    a multi-line message or a megabyte of repr must not break the summary.
    """
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class WorkerError(VigieError):
    """Extraction workers that died or cannot be reached (a process pool, a Dask cluster)."""
