"""Extraction on a Dask distributed cluster (``--scheduler tcp://host:8786``), for batch work
past one machine.

The same engine as :mod:`vigie.extract.parallel`, on other machines: the articles are cut into
the same chunks of whole parse batches, each chunk is one Dask task running the same
:func:`vigie.extract.parallel.extract_chunk`, a bounded window of tasks is in flight, and the
results come back to this process (the single writer) in input order, so the output is the
one-process output.

Why this holds up when a worker dies: a chunk is a task, and the scheduler runs a task whose
worker was lost again on another worker (``distributed.scheduler.allowed-failures`` times);
an exception inside a task is retried ``RETRIES`` times. The client hands each chunk's result
on once, from its future, so a chunk run twice is still stored once and a lost chunk is never
skipped. A worker loads the model once: ``load_nlp`` and the assembler are cached per process,
and a worker runs one chunk at a time (a lock, as spaCy pipelines are not meant to be shared
between threads), so ``--nthreads 1`` workers are what to start.
"""
from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Iterator
from importlib.metadata import version
from typing import TYPE_CHECKING, Any

from vigie import settings
from vigie.errors import WorkerError, one_line
from vigie.extract.parallel import CHUNKS_PER_WORKER, ChunkResult, Outcome, chunk_size, extract_chunk, in_order
from vigie.models import Article

if TYPE_CHECKING:
    from distributed import Client

WORKERS_SECONDS = 60  # for a first worker to join it
RETRIES = 2  # reruns of a chunk whose task raised (a lost worker is the scheduler's to rerun)

_ONE_CHUNK_AT_A_TIME = threading.Lock()


def connect(address: str) -> Client:
    """A client of the scheduler at ``address`` with at least one worker, or a one-line
    :class:`WorkerError` saying why not (unreachable, no worker, workers without vigie or
    with another version of it: their output would differ)."""
    from distributed import Client

    try:
        client = Client(address, timeout=int(settings.get("scheduler_timeout")), set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise WorkerError(f"cannot reach the Dask scheduler at {address}: {one_line(exc)}") from exc
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        check_workers(client)
    except TimeoutError as exc:
        client.close()
        raise WorkerError(f"no Dask worker joined the scheduler at {address} within {WORKERS_SECONDS} s") from exc
    except WorkerError:
        client.close()
        raise
    return client


def check_workers(client: Client) -> None:
    """Every worker runs the vigie version this process runs."""
    mine = version("vigie")
    try:
        theirs = client.run(worker_version)
    except ImportError as exc:
        raise WorkerError(f"a Dask worker cannot import vigie (install it on every worker): {one_line(exc)}") from exc
    for worker, found in sorted(theirs.items()):
        if found != mine:
            raise WorkerError(f"Dask worker {worker} runs vigie {found}, this process {mine}: install the same on every worker")


def worker_version() -> str:
    """On a worker: its vigie version."""
    return version("vigie")


def extract_articles_cluster(articles: Iterable[Article], *, scheduler: str | Client, batch_size: int | None = None,
                             trace: list[dict[str, Any]] | None = None, guarded: bool = False,
                             ) -> Iterator[tuple[Article, Outcome]]:
    """As :func:`vigie.extract.parallel.extract_articles_parallel`, on the Dask cluster whose
    scheduler is at ``scheduler`` (an address, or a connected client left open). Results and
    trace entries come in input order; ``guarded`` as there."""
    client = connect(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        yield from _on_cluster(client, articles, size=batch_size or int(settings.get("batch_size")),
                               trace=trace, guarded=guarded)
    finally:
        if isinstance(scheduler, str):
            client.close()


def _on_cluster(client: Client, articles: Iterable[Article], *, size: int, trace: list[dict[str, Any]] | None,
                guarded: bool) -> Iterator[tuple[Article, Outcome]]:
    from distributed import KilledWorker
    from distributed.comm import CommClosedError

    run = uuid.uuid4().hex[:12]
    count = iter(range(1 << 62))
    threads = sum(client.nthreads().values()) or 1

    def submit(part: list[Article]) -> Any:
        return client.submit(run_chunk, part, size, with_trace=trace is not None, guarded=guarded,
                             key=f"vigie-extract-{run}-{next(count)}", pure=False, retries=RETRIES)

    try:
        yield from in_order(submit, articles, chunk=chunk_size(size), window=threads * CHUNKS_PER_WORKER, trace=trace)
    except KilledWorker as exc:
        raise WorkerError(f"a chunk of articles killed every Dask worker that ran it: {one_line(exc)}") from exc
    except CommClosedError as exc:
        raise WorkerError(f"lost the Dask scheduler: {one_line(exc)}") from exc


def run_chunk(articles: list[Article], batch_size: int, *, with_trace: bool = False, guarded: bool = False,
              ) -> ChunkResult:
    """On a worker: :func:`vigie.extract.parallel.extract_chunk`, one chunk at a time per process."""
    with _ONE_CHUNK_AT_A_TIME:
        return extract_chunk(articles, batch_size, with_trace=with_trace, guarded=guarded)
