"""Words that are never a place on their own, and the shape a place name must have.

Why a list rather than a looser threshold: the place finder hands the resolver every capitalised
word near an event ("Samedi, des avions...", "la Békaa et du Sud", "confie à La Croix"), and
the gazetteer holds enough villages that some loose key always matches. Weekdays, directions,
institutions, actors, nationalities, far-away capitals and media are a closed, known set; they
live in ``vigie/data/place_stopwords.yml`` so a reviewer can extend them without code; weekday
and month names come from ``vigie/data/calendar.yml``, shared with the date finders.
"""
from __future__ import annotations

import re
import unicodedata

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.resolve.calendar_words import Calendar

# Articles and linkers dropped before comparing ("les Russes", "l'Etat islamique", "al-Nosra").
_DROPPED = frozenset({"le", "la", "les", "l", "d", "de", "du", "des", "al", "el", "un", "une"})
_SEPARATORS = re.compile(r"[\s\-'’‘`.,;:()\"«»]+")
# A proper name carries a capital, a digit ("T4") or Arabic script somewhere.
_PROPER_MARK = re.compile(r"[A-Z\u00C0-\u00DE0-9\u0600-\u06FF]")


def fold_words(text: str) -> tuple[str, ...]:
    """Lowercase, accent-free words of ``text`` without articles ("l'État" -> ("etat",))."""
    text = text.lower()
    if not text.isascii():  # NFKD leaves ASCII as it is
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return tuple(w for w in _SEPARATORS.split(text) if w and w not in _DROPPED)


def has_proper_name_shape(text: str) -> bool:
    """False for all-lowercase text ("samedi", "ville"): a place name is capitalised
    somewhere ("al-Tall" passes), or written in Arabic script, or has a digit ("T4")."""
    return bool(_PROPER_MARK.search(text))


class NonPlaceWords:
    """The lists of ``place_stopwords.yml``; :meth:`rejects` says whether a core name is one."""

    def __init__(self, lists: dict[str, list[str]]) -> None:
        if not isinstance(lists, dict) or not lists:
            raise DataFileError("place_stopwords.yml: expected named lists of words")
        phrases: set[tuple[str, ...]] = set()
        for name, words in lists.items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise DataFileError(f"place_stopwords.yml: '{name}' must be a list of words")
            phrases.update(fold_words(w) for w in words)
        phrases.discard(())
        self.phrases = frozenset(phrases)
        self.words = frozenset(p[0] for p in phrases if len(p) == 1)

    @classmethod
    def load(cls) -> "NonPlaceWords":
        """The lists of ``place_stopwords.yml`` plus the calendar's weekday and month names."""
        lists = load_yaml("place_stopwords.yml")
        if not isinstance(lists, dict):
            raise DataFileError("place_stopwords.yml: expected named lists of words")
        calendar = Calendar.load()
        return cls({**lists, "calendar_names": [*calendar.weekdays, *calendar.month_names]})

    def rejects(self, core: str) -> bool:
        """True when ``core`` is a listed phrase, or every word of it is a listed word
        ("Samedi soir", "le nord-ouest"), or it does not have the shape of a proper name."""
        if not has_proper_name_shape(core):
            return True
        words = fold_words(core)
        if not words:
            return True
        return words in self.phrases or all(w in self.words for w in words)
