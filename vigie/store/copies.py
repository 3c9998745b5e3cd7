"""Finding the stored copy of an article: same id, same cleaned text, or a near-identical text.

Why apart from ``db.py``: it is the one query that reads the MinHash band index
(``article_sketches``, written by :meth:`vigie.store.Store.add_article`) and compares texts;
the ingest pipeline asks it before spending NLP on an article and again inside the
transaction that stores it.
"""
from __future__ import annotations

from vigie.ingest.sketch import bands, near_identical
from vigie.models import Article
from vigie.store.codec import article_from_row
from vigie.store.db import Store


def same_article(store: Store, article: Article) -> Article | None:
    """The stored article ``article`` is a copy of: same id, same cleaned text, or a
    near-identical text (:mod:`vigie.ingest.sketch`); None when it is new.

    Near-identical candidates come from the MinHash band index, so the cost does not grow
    with the number of articles stored; only the few candidates are compared in full.
    """
    row = store.conn.execute(
        "SELECT * FROM articles WHERE id = ? OR content_hash = ? LIMIT 1",
        (article.id, article.content_hash or article.id),
    ).fetchone()
    if row is not None:
        return article_from_row(row)
    sketch = bands(article.text)
    if not sketch:
        return None
    # Two shared bands: near-identical texts share about six of ten, unrelated ones that
    # share one by chance (common boilerplate) are not worth loading.
    candidates = [r[0] for r in store.conn.execute(
        "SELECT article_id FROM article_sketches WHERE "
        + " OR ".join("(band = ? AND value = ?)" for _ in sketch)
        + " GROUP BY article_id HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC, article_id",
        [x for pair in enumerate(sketch) for x in pair],
    )]
    for candidate in candidates:
        stored = store.article(candidate)
        if stored is not None and near_identical(stored.text, article.text):
            return stored
    return None
