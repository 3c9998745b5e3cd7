"""How far an article's metadata can be trusted: the mark an untrusted date leaves on its
events, and which of two copies of one report to keep.

Why: every relative date ("mercredi", "la semaine passée") is resolved against the publication
date. When that date is the day of ingest (nothing better was found), a page-capture header
(often years after the report), or a date the evidence contradicts, every event of the article
may be years off. Such events are kept, but marked ``date_doubtful`` with a note saying why, so
the mark reaches ``vigie events`` and every export, and the merge stage never joins them to an
event dated with confidence (:func:`vigie.merge.compatible.link_strength`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from vigie.models import Article, EventReport


def date_doubt(article: Article, *, today: date | None = None) -> str | None:
    """Why the dates of ``article``'s events are doubtful, or None when its date is trusted."""
    if article.published is None:
        day = (today or date.today()).isoformat()
        return f"no publication date found: relative dates resolved against the day of ingest ({day})"
    if article.published_source == "capture_header":
        note = article.published_note or "capture time, not a publication date"
        return f"dated from the page capture header ({article.published.isoformat()}): {note}"
    if article.published_doubtful:
        return f"publication date {article.published.isoformat()} doubtful: {article.published_note or 'conflicting evidence'}"
    return None


def mark_reports(article: Article, reports: Sequence[EventReport]) -> list[EventReport]:
    """``reports`` of ``article``, each marked doubtful when the article's date is (see module)."""
    note = date_doubt(article)
    if note is None:
        return list(reports)
    return [replace(r, date_doubtful=True, date_note=note) for r in reports]


def metadata_rank(article: Article) -> tuple[bool, ...]:
    """How much an article's copy says about itself, to compare two copies of one report: a date
    given by the input, a trusted date, an outlet, a URL, a title - in that order of weight."""
    return (
        article.published_source == "input",
        date_doubt(article) is None,
        bool(article.outlet),
        bool(article.url),
        bool(article.title),
    )


def better_copy(new: Article, old: Article) -> bool:
    """True when ``new`` should replace the stored ``old`` copy of the same report.

    The copy with better metadata wins; between equals the smaller id, so that whatever order
    the copies arrive in, the same one is kept.
    """
    rank_new, rank_old = metadata_rank(new), metadata_rank(old)
    return rank_new > rank_old or (rank_new == rank_old and new.id < old.id)
