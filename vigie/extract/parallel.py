"""Extraction on several cores: the articles cut into chunks, each chunk extracted by a worker
process, the results handed back in input order.

Why chunks of whole parse batches: a worker runs :func:`vigie.extract.extract_articles` on its
chunk, so when every chunk is a whole number of ``batch_size`` batches cut where one process
would cut them, each article is parsed in the very batch it would meet in one process and the
output is identical to one worker's (the tests compare them). Workers are spawned (a fresh
interpreter each, loading the model once) rather than forked from a process that may hold
threads; a bounded window of chunks in flight keeps memory flat on a long input.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context
from typing import Any

from vigie import settings
from vigie.models import Article, EventReport

BATCHES_PER_CHUNK = 2  # parse batches a worker takes at a time
CHUNKS_PER_WORKER = 2  # chunks in flight per worker: one running, one waiting


def available_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def start_pool(workers: int, *, warm: bool = False) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes; with ``warm``, each has loaded the model
    before this returns (``vigie bench`` times steady-state throughput)."""
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
    if warm:
        with get_context("spawn").Manager() as manager:
            barrier = manager.Barrier(workers)
            for f in [pool.submit(_warm, barrier) for _ in range(workers)]:
                f.result()
    return pool


def _warm(barrier: Any) -> None:
    """In a worker: load the model, then wait until every worker has (so each takes one)."""
    from vigie.extract import extract

    extract(_WARM_TEXT)  # loads the model and every data file the first article would
    barrier.wait()


_WARM_TEXT = ("Au moins neuf civils ont été tués jeudi dans des frappes aériennes russes sur Saraqeb, "
              "dans la province d'Idleb, selon l'Observatoire syrien des droits de l'homme.")


def extract_articles_parallel(articles: Iterable[Article], *, workers: int, batch_size: int | None = None,
                              trace: list[dict[str, Any]] | None = None, pool: ProcessPoolExecutor | None = None,
                              ) -> Iterator[tuple[Article, list[EventReport]]]:
    """As :func:`vigie.extract.extract_articles`, on ``workers`` processes; ``workers <= 1``
    runs in this process. Results and trace entries come in input order. ``pool``: reuse
    a pool of :func:`start_pool` (left running) instead of starting one for this call."""
    from vigie.extract import extract_articles

    size = batch_size or int(settings.get("batch_size"))
    if workers <= 1:
        yield from extract_articles(articles, batch_size=size, trace=trace)
        return
    if pool is None:
        with start_pool(workers) as own:
            yield from _in_pool(own, articles, workers=workers, size=size, trace=trace)
    else:
        yield from _in_pool(pool, articles, workers=workers, size=size, trace=trace)


def _in_pool(pool: ProcessPoolExecutor, articles: Iterable[Article], *, workers: int, size: int,
             trace: list[dict[str, Any]] | None) -> Iterator[tuple[Article, list[EventReport]]]:
    chunk = size * BATCHES_PER_CHUNK
    it = iter(articles)
    pending: deque[tuple[list[Article], Future[tuple[list[list[EventReport]], list[dict[str, Any]] | None]]]] = deque()
    while True:
        while len(pending) < workers * CHUNKS_PER_WORKER and (part := list(islice(it, chunk))):
            pending.append((part, pool.submit(_extract_chunk, part, size, trace is not None)))
        if not pending:
            return
        part, future = pending.popleft()
        reports, part_trace = future.result()
        if trace is not None and part_trace:
            trace.extend(part_trace)
        yield from zip(part, reports)


def _extract_chunk(articles: list[Article], batch_size: int, with_trace: bool
                   ) -> tuple[list[list[EventReport]], list[dict[str, Any]] | None]:
    """In a worker: each article's reports, in order (the model loads on the worker's first chunk)."""
    from vigie.extract import extract_articles

    trace: list[dict[str, Any]] | None = [] if with_trace else None
    return [reports for _, reports in extract_articles(articles, batch_size=batch_size, trace=trace)], trace
