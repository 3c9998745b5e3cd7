"""Performance measurements behind ``vigie bench`` (targets live here, not in timed tests).

Why a command and not tests: timings depend on the machine and its load; a benchmark prints
figures a human compares with the targets of design.md section 7, while tests stay deterministic.
"""
from __future__ import annotations

import resource
import time
from collections.abc import Sequence
from dataclasses import dataclass

from vigie.models import Article


@dataclass(frozen=True)
class ExtractBench:
    articles: int
    words: int
    bare_seconds: float
    full_seconds: float
    bare_peak_mb: float
    full_peak_mb: float

    @property
    def ratio(self) -> float:
        return self.full_seconds / self.bare_seconds if self.bare_seconds else float("inf")


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_extract(articles: Sequence[Article], *, rounds: int = 3) -> ExtractBench:
    """Time the bare ``fr_core_news_md`` parse and the full extraction over the same articles.

    Both models are loaded and warmed up first, so the figures compare steady-state throughput;
    each side takes the best of ``rounds`` runs to damp noise from the other core.
    """
    import spacy

    from vigie import settings
    from vigie.extract import extract_articles

    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load(settings.get("spacy_model"))
    list(bare.pipe(texts[:2]))
    list(extract_articles(articles[:2]))

    bare_best = min(_timed(lambda: list(bare.pipe(texts, batch_size=settings.get("batch_size")))) for _ in range(rounds))
    bare_peak = peak_rss_mb()
    full_best = min(_timed(lambda: list(extract_articles(articles))) for _ in range(rounds))
    return ExtractBench(
        articles=len(articles), words=words, bare_seconds=bare_best, full_seconds=full_best,
        bare_peak_mb=bare_peak, full_peak_mb=peak_rss_mb(),
    )


def _timed(func) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


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
    seconds: float
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
        seconds = _timed(lambda: list(extract_articles([article])))
        out.append(LongBench(chars=len(article.text), seconds=seconds, peak_mb=peak_rss_mb()))
    return out
