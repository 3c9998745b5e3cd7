"""infer_publication and the date finders: the cascade and the doubtful capture headers."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from vigie.ingest.dates import find_dateline, find_full_dates, find_marked_date, find_years
from vigie.ingest.published import infer_publication

JLM = ZoneInfo("Asia/Jerusalem")


def cap(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 8, 30, tzinfo=JLM)


def test_full_dates_in_words_and_digits():
    text = "Le 1er juin 2013, puis le 19 mai 2013 et le 03/02/2014 ; pas le 31 février 2014 ni le 12 mars."
    assert [h.date for h in find_full_dates(text)] == [date(2013, 6, 1), date(2013, 5, 19), date(2014, 2, 3)]


def test_dateline_only_at_paragraph_start():
    assert find_dateline("Beyrouth, 4 juillet 2015 (AFP) - Des tirs...").date == date(2015, 7, 4)
    assert find_dateline("Intro.\n\nDAMAS, mardi 10 mai 2016 - Un attentat...").date == date(2016, 5, 10)
    assert find_dateline("Les combats ont commencé le 4 juillet 2015 (AFP) à Alep.") is None


def test_marked_date():
    hit = find_marked_date("Par la rédaction | Publié le 12/03/2014 à 10h05\n\nTexte.")
    assert hit.date == date(2014, 3, 12)
    assert find_marked_date("L'offensive a commencé le 12/03/2014.") is None


def test_years_need_a_cue():
    text = "Tenue par les rebelles depuis 2012, la ville a été reprise fin 2014 ; 2000 combattants, en mars 2011."
    assert find_years(text) == [2011, 2012, 2014]


def test_given_date_wins():
    pub = infer_publication(given=date(2015, 6, 8), text="Damas, 1 mai 2015 (AFP) - x", comments=[],
                            captured=cap(2024, 11, 5))
    assert (pub.date, pub.source, pub.confidence, pub.doubtful) == (date(2015, 6, 8), "input", 1.0, False)


def test_dateline_beats_comments_and_header():
    pub = infer_publication(given=None, text="Homs, 9 février 2014 (Reuters) - Des obus...",
                            comments=["Ali\n10 février 2014 - 9 h 00 min\n\nTriste."], captured=cap(2024, 1, 2))
    assert (pub.date, pub.source, pub.doubtful) == (date(2014, 2, 9), "dateline", False)


def test_publish_marker_is_source_text():
    pub = infer_publication(given=None, text="Publié le 5 août 2016\n\nUn raid a visé Manbij.", comments=[],
                            captured=None)
    assert (pub.date, pub.source, pub.doubtful) == (date(2016, 8, 5), "text", False)
    assert pub.confidence > 0.8


def test_earliest_comment_dates_an_article_without_header():
    comments = ["B\n28 août 2017 - 10 h 53 min\n\nNon.", "A\n27 août 2017 - 14 h 47 min\n\nOui."]
    pub = infer_publication(given=None, text="L'armée a annoncé dimanche une trêve.", comments=comments,
                            captured=None)
    assert (pub.date, pub.source, pub.doubtful) == (date(2017, 8, 27), "comment", False)


def test_comments_years_before_the_header_make_it_doubtful():
    comments = ["A\n27 août 2017 - 14 h 47 min\n\nOui."]
    pub = infer_publication(given=None, text="L'armée a annoncé dimanche une trêve.", comments=comments,
                            captured=cap(2024, 3, 1))
    assert (pub.date, pub.source, pub.doubtful) == (date(2017, 8, 27), "comment", True)
    assert "2024-03-01" in pub.note and "reader comments" in pub.note


def test_header_over_old_news_uses_latest_full_date_and_is_doubtful():
    text = ("L'offensive lancée le 19 mai 2013 a abouti mercredi à la chute de la ville. "
            "Le 2 mai 2013, des renforts étaient arrivés.")
    pub = infer_publication(given=None, text=text, comments=[], captured=cap(2024, 11, 28))
    assert (pub.date, pub.source, pub.doubtful) == (date(2013, 5, 19), "text", True)
    assert "2024-11-28" in pub.note


def test_text_date_close_to_capture_is_not_doubtful():
    pub = infer_publication(given=None, text="Les combats ont commencé le 2 mars 2024 au nord.",
                            comments=[], captured=cap(2024, 3, 5))
    assert (pub.date, pub.source, pub.doubtful) == (date(2024, 3, 2), "text", False)


def test_future_dates_are_not_publication_dates():
    pub = infer_publication(given=None, text="La trêve entrera en vigueur le 27 février 2031. Selon l'ONU, "
                            "les pourparlers avaient repris le 20 février 2014.", comments=[], captured=cap(2014, 2, 25))
    assert pub.date == date(2014, 2, 20)


@pytest.mark.parametrize("text, reason", [
    ("L'armée a repris lundi la ville.", "no date or year in the text corroborates it"),
    ("La province échappe au pouvoir depuis 2014. L'armée a repris lundi la ville.", "the text names 2014"),
])
def test_header_alone_is_doubtful_with_a_reason(text, reason):
    pub = infer_publication(given=None, text=text, comments=[], captured=cap(2024, 3, 28))
    assert (pub.date, pub.source, pub.doubtful) == (date(2024, 3, 28), "capture_header", True)
    assert reason in pub.note
    assert pub.confidence < 0.3


def test_header_corroborated_by_the_current_year():
    pub = infer_publication(given=None, text="Depuis début 2024, les frappes se multiplient à Idleb.",
                            comments=[], captured=cap(2024, 3, 28))
    assert (pub.source, pub.doubtful) == ("capture_header", False)


def test_dateline_after_capture_is_doubtful():
    pub = infer_publication(given=None, text="Alep, 3 janvier 2020 (AFP) - x", comments=[], captured=cap(2019, 1, 1))
    assert pub.source == "dateline" and pub.doubtful and "after the page's capture" in pub.note


def test_nothing_at_all():
    pub = infer_publication(given=None, text="Un obus est tombé.", comments=[], captured=None)
    assert (pub.date, pub.source, pub.confidence) == (None, "none", 0.0)
