"""Building an Article from a RawDocument: clean, detect the language, date it, give it an id.

Why one place: every reader hands over the same RawDocument, so the rules that make an Article
(cleaned text as the offset reference, id, hash, publication date) are written once.
"""
from __future__ import annotations

from datetime import date, timedelta

from vigie.errors import IngestError
from vigie.ingest.clean import clean_text
from vigie.ingest.document import RawDocument
from vigie.ingest.ids import article_id, content_hash
from vigie.ingest.labels import safe_label, strip_bidi_controls
from vigie.ingest.language import detect_language
from vigie.ingest.published import infer_publication
from vigie.models import Article


# A day's grace: an article published "tomorrow" somewhere east of the ingesting machine.
_FUTURE_GRACE = timedelta(days=1)


def check_not_future(day: date | None, *, path: str, today: date | None = None) -> None:
    """IngestError when a given publication date lies in the future (a typo, or a bogus feed)."""
    if day is not None and day > (today or date.today()) + _FUTURE_GRACE:
        raise IngestError(path, f"publication date {day.isoformat()} is in the future; "
                                "give the true date (--published or a .meta.json sidecar)")


def build_article(doc: RawDocument) -> Article:
    """The Article for one RawDocument; IngestError when cleaning leaves no text or when the
    date it is given lies in the future."""
    check_not_future(doc.given, path=doc.path)
    cleaned = clean_text(strip_bidi_controls(doc.body), title=doc.title)
    if not cleaned.text.strip():
        raise IngestError(doc.path, "no article text left after cleaning")
    comments = [*cleaned.comments, *doc.comments]
    pub = infer_publication(given=doc.given, text=cleaned.text, comments=comments, captured=doc.captured)
    title = safe_label(clean_text(doc.title).text if doc.title else None)
    return Article(
        id=article_id(cleaned.text, given=safe_label(doc.id)),
        text=cleaned.text,
        raw_text=doc.raw_text,
        title=title or None,
        url=safe_label(doc.url),
        outlet=safe_label(doc.outlet),
        published=pub.date,
        published_source=pub.source,
        published_confidence=pub.confidence,
        published_doubtful=pub.doubtful,
        published_note=pub.note,
        captured=doc.captured,
        language=doc.language or detect_language(cleaned.text),
        source_path=doc.path,
        content_hash=content_hash(cleaned.text),
    )
