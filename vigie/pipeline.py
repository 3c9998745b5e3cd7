"""The ingest cascade: files in, stored and merged events out.

1. **ingest** - :func:`vigie.ingest.read_paths` turns files and folders into cleaned ``Article``
   records, yielding an ``IngestError`` (never raising) for a file it cannot read.
2. **dedupe** - an article whose id, cleaned text or near-identical text is already stored
   (:func:`vigie.store.copies.same_article`) is a duplicate, skipped before any NLP is spent on
   it, unless its metadata are better (:func:`vigie.ingest.trust.better_copy`): then it
   replaces the stored copy, whose events are re-merged.
3. **nlp + extract + resolve** - :func:`vigie.extract.extract_articles` runs spaCy in batches and
   returns the article's ``EventReport`` records (actors, places and dates resolved, implausible
   figures flagged, dates marked doubtful when the publication date is untrusted), in this
   process, on a pool of worker processes or on a Dask cluster, handed back in input order.
4. **store** - each article and its reports are committed in one transaction, so a crash in
   the middle of a batch loses nothing already committed and a re-run finishes the batch.
5. **merge** - every ``merge_batch`` stored articles and at the end of the run, reports not yet
   in an event join one or start one (:mod:`vigie.merge`). The store queues what waits, so a
   run cut off between 4 and 5 is mended by the next run.

Any exception while handling one article (reading, extracting, storing, merging) becomes that
article's one-line error; the batch goes on and the errors are all reported at the end.

Non-French articles are stored with status ``unsupported_language`` and no reports, so they are
reported rather than silently dropped.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from vigie import settings
from vigie.errors import IngestError, one_line
from vigie.extract.parallel import ExtractionFailed, Outcome, extract_articles_parallel
from vigie.ingest import ArticleMeta, read_paths
from vigie.ingest.trust import better_copy
from vigie.models import Article, EventReport
from vigie.store import Store
from vigie.store.copies import same_article

SUPPORTED_LANGUAGES = frozenset({"fr"})


@dataclass
class IngestSummary:
    """What one ``vigie ingest`` run did; the CLI prints it and turns ``failed`` into the exit code."""

    run_id: int
    read: int = 0
    new: int = 0
    duplicates: int = 0
    replaced: int = 0  # stored copies replaced by a copy with better metadata
    unsupported: int = 0
    reports: int = 0
    errors: list[IngestError] = field(default_factory=list)
    duplicate_files: list[str] = field(default_factory=list)
    unsupported_files: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    on_item: Callable[[str], None] | None = None,
    meta: ArticleMeta | None = None,
    workers: int = 1,
    scheduler: str | None = None,
) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store`` and merge the new reports.

    ``on_item`` is called once per file or article handled (the CLI advances its progress bar).
    ``meta`` (date, outlet... the user gives) applies to every article read. Extraction runs on
    ``workers`` processes, or on the Dask cluster whose scheduler is at ``scheduler``; the
    stored result is the same (reading, deduplicating, storing and merging stay here).
    """
    paths = [str(p) for p in paths]
    summary = IngestSummary(run_id=store.start_run(paths))
    try:
        fresh = _fresh_articles(store, read_paths(paths, meta=meta), summary, on_item)
        _extract_and_store(store, _extractions(fresh, workers=workers, scheduler=scheduler), summary, on_item)
        merge_stored(store, summary)  # also mends a run cut off between storing and merging
    finally:
        store.finish_run(
            summary.run_id, read=summary.read, new=summary.new,
            duplicates=summary.duplicates, failed=summary.failed,
        )
    return summary


def _fresh_articles(
    store: Store,
    items: Iterable[Article | IngestError],
    summary: IngestSummary,
    on_item: Callable[[str], None] | None,
) -> Iterator[Article]:
    """Articles worth extracting: new ones, and better copies of stored ones. Errors, copies no
    better than the stored one, and unsupported languages are recorded here, before any NLP."""
    for item in items:
        if isinstance(item, IngestError):
            _fail(store, summary, item)
            _tick(on_item, item.path)
            continue
        summary.read += 1
        try:
            old = same_article(store, item)
        except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the batch
            _fail(store, summary, IngestError(item.source_path or item.id, f"not stored: {one_line(exc)}"))
            _tick(on_item, item.id)
            continue
        if old is not None and not better_copy(item, old):
            summary.duplicates += 1
            summary.duplicate_files.append(item.source_path or item.id)
            _tick(on_item, item.id)
            continue
        if item.language not in SUPPORTED_LANGUAGES:
            store_article(store, summary, item, [], status="unsupported_language")
            _tick(on_item, item.id)
            continue
        yield item


def reextract(store: Store, *, on_item: Callable[[str], None] | None = None) -> IngestSummary:
    """Run extraction and merging again over every stored French article (the data files
    changed: a new actor alias, a trigger, a gazetteer entry).

    Reports an article still yields keep their rows, so the events holding them survive; the
    others leave their events, which are regrouped. ``new`` counts the articles whose reports
    changed; an article whose extraction raises keeps its old reports and is one error line.
    """
    summary = IngestSummary(run_id=store.start_run(["reextract"]))
    every = max(1, int(settings.get("merge_batch")))
    try:
        for done, (article, reports) in enumerate(_extractions(store.articles(status="ok")), start=1):
            summary.read += 1
            if isinstance(reports, ExtractionFailed):
                _fail(store, summary, IngestError(article.id, f"extraction failed: {reports.reason}"))
            else:
                try:
                    with store.transaction():
                        before = set(store.report_ids(article.id))
                        store.set_reports(article.id, reports)
                        changed = set(store.report_ids(article.id)) != before
                except Exception as exc:  # noqa: BLE001 - the old reports stay, the run goes on
                    _fail(store, summary, IngestError(article.id, f"not stored: {one_line(exc)}"))
                else:
                    summary.new += changed
                    summary.reports += len(reports)
            if done % every == 0:
                merge_stored(store, summary)
            _tick(on_item, article.id)
        merge_stored(store, summary)
    finally:
        store.finish_run(summary.run_id, read=summary.read, new=summary.new, duplicates=0,
                         failed=summary.failed)
    return summary


def _extract_and_store(
    store: Store,
    extractions: Iterable[tuple[Article, Outcome]],
    summary: IngestSummary,
    on_item: Callable[[str], None] | None,
) -> None:
    every = max(1, int(settings.get("merge_batch")))
    since_merge = 0
    for article, reports in extractions:
        if isinstance(reports, ExtractionFailed):
            label = article.source_path or article.id
            _fail(store, summary, IngestError(label, f"extraction failed: {reports.reason}"))
        else:
            store_article(store, summary, article, reports)
            since_merge += 1
            if since_merge >= every:
                merge_stored(store, summary)
                since_merge = 0
        _tick(on_item, article.id)


def store_article(store: Store, summary: IngestSummary, article: Article, reports: list[EventReport], *,
           status: str = "ok") -> None:
    """Store one article with its reports, all or nothing; :func:`merge_stored` merges them.

    A copy of a stored article replaces it when its metadata are better
    (:func:`vigie.ingest.trust.better_copy`): the old copy's reports leave their events (the
    store queues those events for regrouping) and the new copy's are merged, so the events are
    those of the better copy whatever the order. Any exception becomes the article's error
    line and the batch goes on. ``vigie bench`` times merging through this very path.
    """
    label = article.source_path or article.id
    try:
        with store.transaction():
            old = same_article(store, article)  # again: a copy may have been stored since the check
            if old is not None and not better_copy(article, old):
                outcome = "duplicate"
            else:
                if old is not None:
                    store.delete_article(old.id)
                store.ingest_article(article, reports, run_id=summary.run_id, status=status)
                outcome = "replaced" if old is not None else "new"
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the batch
        _fail(store, summary, IngestError(label, f"not stored: {one_line(exc)}"))
        return
    if outcome == "duplicate":
        summary.duplicates += 1
        summary.duplicate_files.append(label)
        return
    summary.new += outcome == "new"
    summary.replaced += outcome == "replaced"
    if status == "unsupported_language":
        summary.unsupported += 1
        summary.unsupported_files.append(f"{label} ({article.language})")
    summary.reports += len(reports)


def merge_stored(store: Store, summary: IngestSummary) -> None:
    """Merge what the articles stored since the last merge brought (the store queues it).

    Merging once per batch rather than per article: each merge rebuilds the events it
    touches, and a major event told by hundreds of outlets must not be rebuilt for each.
    A failure is one error line; the queue is kept, so the next merge tries again.
    """
    from vigie.merge import merge_pending

    try:
        merge_pending(store)
    except Exception as exc:  # noqa: BLE001 - the stored articles stay; the next merge retries
        _fail(store, summary, IngestError("merge", f"merging failed: {one_line(exc)}"))


def _extractions(articles: Iterable[Article], *, workers: int = 1, scheduler: str | None = None,
                 ) -> Iterator[tuple[Article, Outcome]]:
    """Each article with its reports, or with :class:`ExtractionFailed` if extracting it raised
    (:func:`vigie.extract.parallel.guarded_extractions`), in input order: in this process, on
    ``workers`` processes, or on the Dask cluster at ``scheduler``. Whichever runs it, this
    process alone writes to the store."""
    if scheduler is not None:
        from vigie.extract.cluster import extract_articles_cluster

        return extract_articles_cluster(articles, scheduler=scheduler, guarded=True)
    return extract_articles_parallel(articles, workers=workers, guarded=True)


def _fail(store: Store, summary: IngestSummary, error: IngestError) -> None:
    summary.errors.append(error)
    store.record_error(summary.run_id, error.path, error.reason)


def _tick(on_item: Callable[[str], None] | None, label: str) -> None:
    if on_item is not None:
        on_item(label)
