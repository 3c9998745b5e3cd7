"""Reading the development corpus (../shared/corpus/raw) as a user would; skipped without it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from vigie.ingest import read_paths
from vigie.models import Article

RAW = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw"

pytestmark = pytest.mark.skipif(not RAW.exists(), reason="../shared/corpus is absent")


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    items = list(read_paths([RAW]))
    assert all(isinstance(i, Article) for i in items), [str(i) for i in items if not isinstance(i, Article)]
    return {Path(a.source_path).name[:3]: a for a in items}


def test_five_french_articles(articles):
    assert sorted(articles) == ["000", "001", "002", "003", "004"]
    assert {a.language for a in articles.values()} == {"fr"}
    assert len({a.content_hash for a in articles.values()}) == 5


def test_no_capture_date_is_trusted(articles):
    for key, art in articles.items():
        if art.published is not None and art.published.year == 2024:
            assert art.published_doubtful, (key, art.published_note)
            assert art.published_source == "capture_header"
    assert sum(a.captured is not None for a in articles.values()) == 4
    assert articles["002"].captured is None


def test_dates_from_evidence(articles):
    assert (articles["002"].published, articles["002"].published_source) == (date(2017, 8, 27), "comment")
    assert not articles["002"].published_doubtful
    assert articles["000"].published.year == 2013 and articles["000"].published_doubtful


def test_glued_caption_split_and_title_once(articles):
    text = articles["000"].text
    assert "QousseirL'" not in text and "rebellesCôté" not in text
    assert "\n\nL'armée contrôle la totalité" in text
    assert text.count(articles["000"].title) == 1


def test_comments_cut_from_002(articles):
    text = articles["002"].text
    assert "Comment (5)" not in text and "Laisser un commentaire" not in text
    assert "enragés" not in text and "27 août 2017" not in text
    assert "Deir Ez-Zor" in text
