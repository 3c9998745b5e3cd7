"""Each outlet's framing: the loaded words it uses, and which camp they favour.

Why: the event record stays neutral (canonical actors, neutral notes), but how an outlet
names things is information an analyst wants ("terroristes" vs "rebelles" vs "révolutionnaires").
The lexicon is ``data/framing.yml``: each loaded term with its spellings, its neutral wording
and the camp it favours. Per article we keep the hits (with character offsets into the cleaned
text) and counts per camp; per outlet, a profile across its articles (hits per camp per 1000
words, top terms). :func:`neutralise` replaces loaded words by their neutral wording; the notes
use it so a loaded word never reaches the event record.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.models import Article

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    term: str
    forms: tuple[str, ...]
    neutral: str
    favours: str


@dataclass(frozen=True)
class Hit:
    term: str
    favours: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ArticleFraming:
    article_id: str
    outlet: str | None
    words: int
    hits: tuple[Hit, ...]

    @property
    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(h.favours for h in self.hits).items()))


@dataclass(frozen=True)
class OutletProfile:
    outlet: str
    articles: int
    words: int
    per_1000: dict[str, float]
    top_terms: tuple[tuple[str, int], ...]
    counts: dict[str, int] = field(default_factory=dict)


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    base = decomposed[0].lower() if decomposed else ch
    return base if len(base) == 1 else ch


def fold_same_length(text: str) -> str:
    """Lower-case and unaccented, one character per character, so offsets still hold.

    Apostrophes of every kind become a space, so "d'Assad" and "d’Assad" read the same.
    """
    out = []
    for ch in text:
        if ch in "'’ʼ‘`´":
            out.append(" ")
        else:
            out.append(_fold_char(ch))
    return "".join(out)


class FramingLexicon:
    """The loaded terms of ``data/framing.yml``, compiled into one matcher."""

    def __init__(self, terms: Iterable[Term], sides: Iterable[str]) -> None:
        self.terms = tuple(terms)
        self.sides = tuple(sides)
        self._by_form: dict[str, Term] = {}
        for term in self.terms:
            if term.favours not in self.sides:
                raise DataFileError(f"framing.yml: {term.term!r} favours unknown side {term.favours!r}")
            for form in term.forms:
                key = " ".join(_WORDS.findall(fold_same_length(form)))
                if key in self._by_form and self._by_form[key] is not term:
                    raise DataFileError(f"framing.yml: form {form!r} listed under two terms")
                self._by_form[key] = term
        parts = sorted(self._by_form, key=len, reverse=True)
        body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in parts) or r"(?!x)x"
        self._regex = re.compile(rf"(?<!\w)(?:{body})(?!\w)")

    @classmethod
    def load(cls) -> "FramingLexicon":
        return _default_lexicon()

    @classmethod
    def from_data(cls, data: Any) -> "FramingLexicon":
        try:
            terms = [
                Term(term=str(t["term"]), forms=tuple(str(f) for f in t["forms"]),
                     neutral=str(t["neutral"]), favours=str(t["favours"]))
                for t in data["terms"]
            ]
            return cls(terms, [str(s) for s in data["sides"]])
        except (KeyError, TypeError) as exc:
            raise DataFileError(f"framing.yml: bad entry: {exc}") from exc

    def find(self, text: str) -> list[Hit]:
        """Every loaded term in ``text`` with its offsets (longest spelling wins)."""
        folded = fold_same_length(text)
        hits = []
        for m in self._regex.finditer(folded):
            term = self._by_form[" ".join(m.group(0).split())]
            hits.append(Hit(term.term, term.favours, m.start(), m.end(), text[m.start():m.end()]))
        return hits

    def neutralise(self, text: str) -> str:
        """``text`` with every loaded term replaced by its neutral wording."""
        out, last = [], 0
        for hit in self.find(text):
            out += [text[last:hit.start], self._term(hit.term).neutral]
            last = hit.end
        return "".join(out) + text[last:]

    def _term(self, name: str) -> Term:
        return next(t for t in self.terms if t.term == name)


@cache
def _default_lexicon() -> FramingLexicon:
    return FramingLexicon.from_data(load_yaml("framing.yml"))


def frame_article(article: Article, *, lexicon: FramingLexicon | None = None) -> ArticleFraming:
    """The loaded terms of one article's cleaned text, with offsets into it."""
    lexicon = lexicon or FramingLexicon.load()
    return ArticleFraming(
        article_id=article.id, outlet=article.outlet,
        words=len(_WORDS.findall(article.text)), hits=tuple(lexicon.find(article.text)),
    )


def outlet_profiles(framings: Iterable[ArticleFraming], *, outlet_name=None, top: int = 5  # type: ignore[no-untyped-def]
                    ) -> list[OutletProfile]:
    """One profile per outlet (``outlet_name`` canonicalises names), most loaded first."""
    groups: dict[str, list[ArticleFraming]] = {}
    for f in framings:
        raw = f.outlet or "(unknown outlet)"
        name = (outlet_name(raw) if outlet_name else None) or raw
        groups.setdefault(name, []).append(f)
    profiles = []
    for outlet, items in groups.items():
        words = sum(f.words for f in items)
        counts = Counter(h.favours for f in items for h in f.hits)
        terms = Counter(h.term for f in items for h in f.hits)
        profiles.append(OutletProfile(
            outlet=outlet, articles=len(items), words=words,
            per_1000={s: round(1000 * n / words, 2) if words else 0.0 for s, n in sorted(counts.items())},
            top_terms=tuple(sorted(terms.items(), key=lambda t: (-t[1], t[0]))[:top]),
            counts=dict(sorted(counts.items())),
        ))
    return sorted(profiles, key=lambda p: (-sum(p.per_1000.values()), p.outlet))
