"""Extraction on several cores: the articles cut into chunks, each chunk extracted by a worker
process, the results handed back in input order.

Why chunks of whole parse batches: a worker runs :func:`vigie.extract.extract_articles` on its
chunk, so when every chunk is a whole number of ``batch_size`` batches cut where one process
would cut them, each article is parsed in the very batch it would meet in one process and the
output is identical to one worker's (the tests compare them). A chunk is two batches: on a quiet
2-core machine two workers ran 80 articles 1.71x and 320 articles 1.99x faster than one process
with chunks of two batches and two in flight per worker, against 1.60x and 1.93x with chunks of
one batch and four in flight (the tail a lone worker runs is at most one chunk; a chunk's round
trip, pickling its articles and reports, costs under a millisecond).
Workers are spawned (a fresh interpreter each, loading the model once) rather than forked from
a process that may hold threads. A bounded window of chunks in flight keeps memory flat on a
long input.

The chunking, the window and the in-order hand-back are shared with the Dask engine
(:mod:`vigie.extract.cluster`), which runs the same :func:`extract_chunk` on cluster workers.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from vigie import settings
from vigie.errors import WorkerError, one_line
from vigie.models import Article, EventReport

if TYPE_CHECKING:  # the pool's modules load when a pool starts: `vigie --help` imports this one
    from concurrent.futures import ProcessPoolExecutor

BATCHES_PER_CHUNK = 2  # parse batches a worker takes at a time
CHUNKS_PER_WORKER = 2  # chunks in flight per worker: one running, one waiting
WORKER_MEMORY_BYTES = 1 << 30  # what a worker needs: the model, vigie's data files, a batch


@dataclass(frozen=True)
class ExtractionFailed:
    """An article whose extraction raised, kept as its one-line reason: the batch goes on, and
    the outcome crosses a process boundary whatever the exception was (some do not unpickle)."""

    reason: str


Outcome = list[EventReport] | ExtractionFailed
ChunkResult = tuple[list[Outcome], list[dict[str, Any]] | None]


class _Future(Protocol):
    """What both engines' futures offer (``concurrent.futures`` and ``distributed``)."""

    def result(self) -> ChunkResult: ...


def available_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def available_memory() -> int | None:
    """Bytes this machine can still give without swapping: the kernel's ``MemAvailable``, lowered
    to what is left under a cgroup (container) limit; None where neither can be read."""
    found: list[int] = []
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                found.append(int(line.split()[1]) * 1024)
    except (OSError, ValueError, IndexError):
        pass
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        if limit != "max":
            found.append(int(limit) - int(Path("/sys/fs/cgroup/memory.current").read_text()))
    except (OSError, ValueError):
        pass
    return max(0, min(found)) if found else None


def default_workers() -> int:
    """``--workers`` when not given: the cores available, but no more workers than the
    available memory holds at ``WORKER_MEMORY_BYTES`` each (at least one)."""
    memory = available_memory()
    by_memory = available_workers() if memory is None else memory // WORKER_MEMORY_BYTES
    return max(1, min(available_workers(), by_memory))


def chunk_size(batch_size: int | None = None) -> int:
    """Articles per chunk: whole parse batches (see the module docstring)."""
    return (batch_size or int(settings.get("batch_size"))) * BATCHES_PER_CHUNK


def workers_for(articles: int, requested: int) -> int:
    """No more workers than there are chunks: for one chunk the pool (each worker loading
    the model, several seconds) costs more than it saves, and extraction stays in-process."""
    chunks = -(-articles // chunk_size())
    return max(1, min(requested, chunks))


def start_pool(workers: int, *, warm: bool = False) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes; with ``warm``, each has loaded the model
    before this returns (``vigie bench`` times steady-state throughput)."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
    if warm:
        with get_context("spawn").Manager() as manager:
            barrier = manager.Barrier(workers)
            for f in [pool.submit(_warm, barrier) for _ in range(workers)]:
                f.result()
    return pool


def _warm(barrier: Any) -> None:
    """In a worker: load the model, then wait until every worker has (so each takes one)."""
    warm_up()
    barrier.wait()


def warm_up() -> None:
    """Load the model and every data file the first article would (in a worker, before timing)."""
    from vigie.extract import extract

    extract(_WARM_TEXT)


_WARM_TEXT = ("Au moins neuf civils ont été tués jeudi dans des frappes aériennes russes sur Saraqeb, "
              "dans la province d'Idleb, selon l'Observatoire syrien des droits de l'homme.")


def extract_articles_parallel(articles: Iterable[Article], *, workers: int, batch_size: int | None = None,
                              trace: list[dict[str, Any]] | None = None, pool: ProcessPoolExecutor | None = None,
                              guarded: bool = False) -> Iterator[tuple[Article, Outcome]]:
    """As :func:`vigie.extract.extract_articles`, on ``workers`` processes; ``workers <= 1``
    runs in this process. Results and trace entries come in input order. ``pool``: reuse
    a pool of :func:`start_pool` (left running) instead of starting one for this call.
    ``guarded`` (what ingest needs, without trace): an article whose extraction raises comes
    back with an :class:`ExtractionFailed` instead of its reports, and the others go on."""
    size = batch_size or int(settings.get("batch_size"))
    if workers <= 1:
        if guarded:
            yield from guarded_extractions(articles, batch_size=size)
        else:
            from vigie.extract import extract_articles

            yield from extract_articles(articles, batch_size=size, trace=trace)
        return
    from concurrent.futures.process import BrokenProcessPool

    try:
        if pool is None:
            with start_pool(workers) as own:
                yield from _in_pool(own, articles, workers=workers, size=size, trace=trace, guarded=guarded)
        else:
            yield from _in_pool(pool, articles, workers=workers, size=size, trace=trace, guarded=guarded)
    except BrokenProcessPool as exc:
        raise WorkerError(f"a worker process died ({one_line(exc)}); is memory short? try fewer --workers") from exc


def _in_pool(pool: ProcessPoolExecutor, articles: Iterable[Article], *, workers: int, size: int,
             trace: list[dict[str, Any]] | None, guarded: bool) -> Iterator[tuple[Article, Outcome]]:
    def submit(part: list[Article]) -> _Future:
        return pool.submit(extract_chunk, part, size, with_trace=trace is not None, guarded=guarded)

    yield from in_order(submit, articles, chunk=size * BATCHES_PER_CHUNK, window=workers * CHUNKS_PER_WORKER,
                        trace=trace)


def in_order(submit: Callable[[list[Article]], _Future], articles: Iterable[Article], *, chunk: int, window: int,
             trace: list[dict[str, Any]] | None) -> Iterator[tuple[Article, Outcome]]:
    """Cut ``articles`` into chunks of ``chunk``, keep ``window`` of them submitted, and yield
    each article with its outcome in input order (trace entries appended in the same order).

    The input is read only as the window frees up, so a long stream never sits in memory, and
    each chunk's result is handed on once: nothing lost, nothing twice, whatever ran it.
    """
    it = iter(articles)
    pending: deque[tuple[list[Article], _Future]] = deque()
    while True:
        while len(pending) < window and (part := list(islice(it, chunk))):
            pending.append((part, submit(part)))
        if not pending:
            return
        part, future = pending.popleft()
        outcomes, part_trace = future.result()
        if trace is not None and part_trace:
            trace.extend(part_trace)
        yield from zip(part, outcomes)


def extract_chunk(articles: list[Article], batch_size: int, *, with_trace: bool = False,
                  guarded: bool = False) -> ChunkResult:
    """In a worker: each article's outcome, in order (the model loads on the worker's first
    chunk and stays loaded: ``load_nlp`` is cached per process)."""
    trace: list[dict[str, Any]] | None = [] if with_trace else None
    if guarded:
        pairs: Iterable[tuple[Article, Outcome]] = guarded_extractions(articles, batch_size=batch_size)
    else:
        from vigie.extract import extract_articles

        pairs = extract_articles(articles, batch_size=batch_size, trace=trace)
    return [outcome for _, outcome in pairs], trace


def guarded_extractions(articles: Iterable[Article], *, batch_size: int) -> Iterator[tuple[Article, Outcome]]:
    """Each article with its reports, or with :class:`ExtractionFailed` if extracting it raised.

    Why so guarded: extraction runs in batches (``nlp.pipe``), and an exception anywhere in a
    batch ends it. The articles of the batch not yet returned are then extracted one at a
    time, so only the article that raises fails, and the batch goes on.
    """
    from vigie.extract import extract_articles

    it = iter(articles)
    while batch := list(islice(it, batch_size)):
        done = 0
        try:
            for art, reports in extract_articles(batch, batch_size=batch_size):
                done += 1
                yield art, reports
        except Exception:  # noqa: BLE001 - retried one by one below, each failure kept
            for art in batch[done:]:
                try:
                    ((_, reports),) = list(extract_articles([art]))
                except Exception as exc:  # noqa: BLE001 - becomes this article's error
                    yield art, ExtractionFailed(one_line(exc))
                else:
                    yield art, reports
