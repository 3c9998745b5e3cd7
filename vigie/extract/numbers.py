"""Numbers as French news writes them: digits, number words, round approximations, vague words.

Why a module of its own: the casualty extractor, the date resolver and the store all meet
"1.300", "1 300", "quarante-neuf", "une trentaine" and "des dizaines", and must read them the
same way. Matching runs on a *folded* copy of the sentence (lower case, no accents, one kind
of apostrophe and space) that keeps every character offset, so a match maps straight back
to the original text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterable, Literal

from text_to_num import text2num

from vigie.data import load_yaml
from vigie.errors import DataFileError

Base = Literal["exact", "about", "vague"]

_APOSTROPHES = {"\u2019", "\u2018", "\u02bc", "\u00b4", "`", "\u2032"}
_SPACES = {"\u00a0", "\u202f", "\u2009", "\u2007", "\t", "\n", "\r"}
_DASHES = {"\u2010", "\u2011", "\u2012", "\u2013"}


def fold(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with exactly the same length and offsets.

    One ``str.translate`` over a table filled on first sight of each character: folding is per
    character, so ``fold(text)[a:b] == fold(text[a:b])`` and a whole article folds in one C pass.
    """
    return text.translate(_FOLD_TABLE)


def _fold_char(ch: str) -> str:
    """The folded form of one character (itself when folding would change the length)."""
    if ch in _APOSTROPHES:
        return "'"
    if ch in _SPACES:
        return " "
    if ch in _DASHES:
        return "-"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    low = base.lower()
    return low if len(low) == 1 else ch


class _FoldTable(dict[int, str]):
    """Code point -> folded character, computed the first time a character is met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def phrase_regex(phrases: Iterable[str]) -> str:
    r"""An alternation matching any of ``phrases`` on whole words of folded text, longest first.

    A phrase ending in an apostrophe ("plus d'") may be glued to the next word.

    The "no word character before" test stands once in front of the alternation, not in front
    of each phrase (the same test: it reads only the position). Why: there it fails at once
    inside a word, where a test per phrase tried hundreds of phrases at every character.
    """
    forms = sorted({fold(p).strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    parts = []
    for form in forms:
        body = r"\s+".join(re.escape(w) for w in form.split())
        tail = "" if form.endswith("'") else r"(?![\w])"
        parts.append(f"{body}{tail}")
    return r"(?<![\w])(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


@dataclass(frozen=True)
class Quantity:
    """A number expression found in a sentence (offsets local to the sentence)."""

    value: int | None
    estimate: int | None
    base: Base
    start: int
    end: int
    bare_article: bool = False  # "un"/"une" alone: a count only if a group or casualty noun follows


# thousands grouped by a dot, a comma, a space or, in Swiss copy, an apostrophe ("380'000")
_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3}(?:(?:[.,'’]| )\d{3})+|\d+)(?![\w]|[.,'’]\d)")
# A number glued by a hyphen to a word is part of a name or model designation, never a count:
# "Soukhoï-25", "Su-24", "MiG-23", "S-400", "T-72", "A-10", "F-16" ("2-3" ranges are kept).
_DESIGNATION = re.compile(r"[^\W\d_]-$")


def parse_digits(text: str) -> int:
    """'1.300', '1 300', '1,300', "1'300" (thousand separators, any space) and '49' as integers."""
    return int(re.sub(r"[^\d]", "", text))


class NumberLexicon:
    """Number words, approximations and vague quantifiers from ``data/quantities.yml``."""

    def __init__(self, data: dict[str, Any]) -> None:
        try:
            words = [fold(w) for w in data["number_words"]]
            self.approximations = {fold(k): int(v) for k, v in data["approximations"].items()}
            self.vague = {_squash(k): int(v) for k, v in data["vague"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataFileError(f"quantities.yml: bad number section: {exc}") from exc
        word = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
        self.word_pattern = rf"{word}(?:(?:\s+|-)(?:et(?:\s+|-))?{word})*"
        self._words = re.compile(rf"(?<![\w-]){self.word_pattern}(?![\w-])")
        approx = "|".join(sorted(self.approximations, key=len, reverse=True))
        self._approx = re.compile(rf"(?<![\w])(?:une?|la|le|l')\s*({approx})(?![\w])")
        self._vague = re.compile(phrase_regex(data["vague"]))

    @classmethod
    def load(cls) -> "NumberLexicon":
        return _default_lexicon()

    def quantities(self, folded: str) -> list[Quantity]:
        """Every number expression of a folded sentence, overlaps resolved longest-first."""
        found: list[Quantity] = []
        for m in _DIGITS.finditer(folded):
            if _DESIGNATION.search(folded, max(0, m.start() - 2), m.start()):
                continue
            found.append(Quantity(parse_digits(m.group(1)), None, "exact", m.start(), m.end()))
        for m in self._words.finditer(folded):
            value = words_to_int(m.group(0))
            if value is not None:
                bare = m.group(0) in {"un", "une"}
                found.append(Quantity(value, None, "exact", m.start(), m.end(), bare_article=bare))
        for m in self._approx.finditer(folded):
            value = self.approximations[m.group(1)]
            found.append(Quantity(value, None, "about", m.start(), m.end()))
        for m in self._vague.finditer(folded):
            estimate = self.vague[_squash(m.group(0))]
            found.append(Quantity(None, estimate, "vague", m.start(), m.end()))
        found.sort(key=lambda q: (q.start, -(q.end - q.start)))
        kept: list[Quantity] = []
        for q in found:
            if kept and q.start < kept[-1].end:
                continue
            kept.append(q)
        return kept


def words_to_int(words: str) -> int | None:
    """'quarante-neuf' -> 49, 'mille trois cents' -> 1300; None when text2num refuses it."""
    try:
        return int(text2num(words, "fr"))
    except ValueError:
        return None


def parse_number(text: str) -> int | None:
    """A whole number expression (digits or words) as an int, else None."""
    folded = fold(text).strip()
    if _DIGITS.fullmatch(folded):
        return parse_digits(folded)
    return words_to_int(folded) if folded else None


def _squash(phrase: str) -> str:
    return " ".join(fold(phrase).split())


@cache
def _default_lexicon() -> NumberLexicon:
    return NumberLexicon(load_yaml("quantities.yml"))
