"""Performance measurements behind ``vigie bench`` (targets live here, not in timed tests).

Why a command and not tests: timings depend on the machine and its load; a benchmark prints
figures a human compares with the targets of design.md section 7, while tests stay deterministic.
"""
from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from vigie.models import Article


@dataclass(frozen=True)
class ExtractBench:
    articles: int
    words: int
    bare_seconds: float  # CPU time of this process (see _cpu_timed)
    full_seconds: float
    bare_peak_mb: float
    full_peak_mb: float
    bare_pipes: tuple[str, ...] = ()  # the spaCy components the bare parse runs (vigie's own excluded)
    round_ratios: tuple[float, ...] = ()  # vigie / bare parse per round (each pair timed back to back)
    profile: tuple["ProfileLine", ...] = field(default=())

    @property
    def ratio(self) -> float:
        return self.full_seconds / self.bare_seconds if self.bare_seconds else float("inf")

    @property
    def median_round_ratio(self) -> float:
        return statistics.median(self.round_ratios) if self.round_ratios else self.ratio


@dataclass(frozen=True)
class ProfileLine:
    """One function of vigie's own code in a profiled extraction run."""

    function: str  # module-relative file:line(name)
    calls: int
    own_seconds: float  # time in the function itself
    cumulative_seconds: float  # with everything it calls
    share: float  # cumulative time / the whole run


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_extract(articles: Sequence[Article], *, rounds: int = 3, profile: bool = False) -> ExtractBench:
    """Time the spaCy parse vigie builds on and the full extraction over the same articles.

    The bare side is vigie's own pipeline (``load_nlp``: ``fr_core_news_md`` without its NER)
    with vigie's components disabled, fed the same batches, in the same process: the ratio is the
    cost of vigie's own work. Both are warmed up first. The two sides alternate batch by batch,
    so a burst of load from the other core hits both; each side counts, per batch, its best time
    over the ``rounds``, in CPU time (a machine shared with other work stretches wall-clock time
    as it pleases, not the CPU time this process spends). With ``profile``, one more (untimed)
    extraction runs under cProfile.
    """
    from vigie import settings
    from vigie.extract import extract_articles
    from vigie.nlp.pipeline import load_nlp

    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    size = int(settings.get("batch_size"))
    nlp = load_nlp()
    own = [name for name, pipe in nlp.pipeline if type(pipe).__module__.startswith("vigie.")]
    bare_pipes = tuple(name for name in nlp.pipe_names if name not in own)
    batches = [articles[i:i + size] for i in range(0, len(articles), size)]

    def bare(batch: Sequence[Article]) -> None:
        with nlp.select_pipes(disable=own):
            for _ in nlp.pipe([a.text for a in batch], batch_size=size):
                pass

    def full(batch: Sequence[Article]) -> None:
        for _ in extract_articles(batch, batch_size=size):  # one nlp.pipe call per batch, as here
            pass

    full(articles[:2])
    bare(articles[:2])
    bare_times = [[0.0] * len(batches) for _ in range(rounds)]
    full_times = [[0.0] * len(batches) for _ in range(rounds)]
    bare_peak = 0.0
    for r in range(rounds):
        for b, batch in enumerate(batches):
            bare_times[r][b] = _cpu_timed(lambda: bare(batch))
            bare_peak = max(bare_peak, peak_rss_mb())
            full_times[r][b] = _cpu_timed(lambda: full(batch))
    bare_best = sum(min(t[b] for t in bare_times) for b in range(len(batches)))
    full_best = sum(min(t[b] for t in full_times) for b in range(len(batches)))
    return ExtractBench(
        articles=len(articles), words=words, bare_seconds=bare_best, full_seconds=full_best,
        bare_peak_mb=bare_peak, full_peak_mb=peak_rss_mb(), bare_pipes=bare_pipes,
        round_ratios=tuple(sum(f) / sum(b) for f, b in zip(full_times, bare_times) if sum(b)),
        profile=profile_extract(lambda: [full(batch) for batch in batches]) if profile else (),
    )


@dataclass(frozen=True)
class WorkersBench:
    articles: int
    workers: int
    one_seconds: float  # one process (this one)
    many_seconds: float  # ``workers`` processes, models already loaded

    @property
    def speedup(self) -> float:
        return self.one_seconds / self.many_seconds if self.many_seconds else float("inf")


def bench_workers(articles: Sequence[Article], *, workers: int, rounds: int = 1) -> WorkersBench:
    """Throughput of ``vigie extract --workers N`` against one process on the same articles.

    The workers load their model before the clock starts (a pool kept across rounds), so the
    figure is steady-state throughput; rounds alternate the two sides, each keeps its best.
    """
    from vigie.extract import extract_articles
    from vigie.extract.parallel import extract_articles_parallel, start_pool

    list(extract_articles(articles[:2]))
    one: list[float] = []
    many: list[float] = []
    with start_pool(workers, warm=True) as pool:
        for _ in range(rounds):
            one.append(_timed(lambda: [None for _ in extract_articles(articles)]))
            many.append(_timed(lambda: [None for _ in extract_articles_parallel(articles, workers=workers, pool=pool)]))
    return WorkersBench(articles=len(articles), workers=workers, one_seconds=min(one), many_seconds=min(many))


@dataclass(frozen=True)
class DaskBench:
    articles: int
    workers: int
    pool_seconds: float  # ``--workers N``, models already loaded
    dask_seconds: float  # a LocalCluster of N worker processes, models already loaded
    same_output: bool  # the cluster's reports are the pool's, in the same order

    @property
    def ratio(self) -> float:
        """Dask throughput / the pool's (1.0: as fast)."""
        return self.pool_seconds / self.dask_seconds if self.dask_seconds else float("inf")


def bench_dask(articles: Sequence[Article], *, workers: int, rounds: int = 1) -> DaskBench:
    """Throughput of ``--scheduler`` on a local Dask cluster of ``workers`` processes (one
    thread each) against ``--workers`` on as many processes, over the same articles.

    Both sides load their models before the clock starts; rounds alternate the two sides and
    each keeps its best. What is left between them is Dask's own cost: scheduling a task per
    chunk and moving articles and reports through the scheduler's protocol.
    """
    from distributed import Client, LocalCluster

    from vigie.extract.cluster import extract_articles_cluster
    from vigie.extract.parallel import extract_articles_parallel, start_pool, warm_up

    pool_times: list[float] = []
    dask_times: list[float] = []
    with LocalCluster(n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None,
                      silence_logs=50) as cluster, Client(cluster) as client, \
            start_pool(workers, warm=True) as pool:
        client.run(warm_up)
        for _ in range(rounds):
            start = time.perf_counter()
            by_pool = [[r.to_dict() for r in rs] for _, rs in extract_articles_parallel(articles, workers=workers, pool=pool)]
            pool_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            by_dask = [[r.to_dict() for r in rs] for _, rs in extract_articles_cluster(articles, scheduler=client)]
            dask_times.append(time.perf_counter() - start)
    return DaskBench(articles=len(articles), workers=workers, pool_seconds=min(pool_times),
                     dask_seconds=min(dask_times), same_output=by_pool == by_dask)


def profile_extract(run: Callable[[], object]) -> tuple[ProfileLine, ...]:
    """Profile ``run``; vigie's own functions, most cumulative time first."""
    import cProfile
    import pstats
    from pathlib import Path

    root = str(Path(__file__).resolve().parent.parent) + "/"
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.runcall(run)
    total = time.perf_counter() - start
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    lines = []
    for (filename, line, name), (_, calls, own, cumulative, _) in stats.items():
        if filename.startswith(root + "vigie/") and not filename.endswith("vigie/bench.py"):
            where = f"{filename[len(root):]}:{line}({name})"
            lines.append(ProfileLine(where, calls, own, cumulative, cumulative / total if total else 0.0))
    lines.sort(key=lambda p: -p.cumulative_seconds)
    return tuple(lines)


def _timed(func) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def _cpu_timed(func) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds of this process (all its threads) spent in ``func``: what work in one process
    costs, whatever else runs on the machine (wall-clock time is for work spread over processes)."""
    start = time.process_time()
    func()
    return time.process_time() - start


# Paragraphs of our own, repeated to build long articles: a long article must cost in
# proportion to its length (issue 11: 1M characters within 12x the time of 100k, under 1.5 GB).
_LONG_PARAGRAPHS = (
    "Des avions du régime ont bombardé mardi la ville de Saraqeb, dans la province d'Idleb, "
    "faisant onze morts, selon l'Observatoire syrien des droits de l'homme.",
    "Les combats se poursuivaient dans la soirée autour de la colline qui domine la route de "
    "Hama, où les rebelles ont repris deux positions tenues par l'armée depuis l'été.",
    "Un convoi humanitaire attendu depuis trois semaines n'a pas pu entrer dans le quartier "
    "assiégé, ont indiqué des militants joints par téléphone.",
)


@dataclass(frozen=True)
class LongBench:
    chars: int
    seconds: float  # CPU time
    peak_mb: float


def long_text(chars: int) -> str:
    """An article of about ``chars`` characters (never more), paragraph after paragraph."""
    parts: list[str] = []
    size = 0
    i = 0
    while True:
        paragraph = _LONG_PARAGRAPHS[i % len(_LONG_PARAGRAPHS)]
        if size + len(paragraph) + 2 > chars:
            return "\n\n".join(parts)
        parts.append(paragraph)
        size += len(paragraph) + 2
        i += 1


def bench_long(sizes: Sequence[int]) -> list[LongBench]:
    """Extraction time and peak memory for one article of each size (smallest first: the peak
    memory of a process only grows)."""
    from datetime import date

    from vigie.extract import extract_articles

    list(extract_articles([Article(id="warm", text=long_text(2000), published=date(2015, 6, 10))]))
    out = []
    for chars in sorted(sizes):
        article = Article(id=f"long-{chars}", text=long_text(chars), published=date(2015, 6, 10))
        seconds = _cpu_timed(lambda: list(extract_articles([article])))
        out.append(LongBench(chars=len(article.text), seconds=seconds, peak_mb=peak_rss_mb()))
    return out
