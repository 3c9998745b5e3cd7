"""How the evaluator compares names: claim sources and governorates.

Why loose comparison: gold and predictions write the same source or governorate in many
ways ("l'OSDH" / "SOHR", "Al-Mayadeen" / "AlMayadeen", "Al-Hasakah" / "Muhafazat al Hasakah");
scoring must not punish spelling, only wrong attribution. The equivalences are scoring rules,
frozen in ``vigie/data/eval_sources.yml`` and ``vigie/data/eval_governorates.yml``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vigie.data import load_yaml
from vigie.errors import DataFileError

_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TOKEN = re.compile(r"[a-z0-9]+")

# The Arabic article and its assimilated forms, and the words that only say "governorate".
_ADMIN_ARTICLES = frozenset(
    "al el ad ar as ash at ath az ez es adh an".split()
)
_ADMIN_GENERIC = frozenset(
    "governorate gouvernorat province muhafazat mohafazat muhafazah gov".split()
)


_SPACE = re.compile(r"\s+")
# Pieces shorter than this (a dateline, "AFP") lie inside any coder's quote by chance.
MIN_QUOTE_CHARS = 15


def quote_key(text: str) -> str:
    """A sentence or a coder's quote compared loosely: spaces collapsed, apostrophes straight,
    lower case; how the labeller (vigie.learn) and the error breakdown find a sentence in a quote."""
    return _SPACE.sub(" ", text.replace("’", "'")).strip().lower()


def fold(text: str) -> str:
    """Lowercase without accents or diacritics ("Ḩasakah" -> "hasakah", "Hassaké" -> "hassake")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _tokens(text: str) -> list[str]:
    # Apostrophes inside a word ("Dar'a") are dropped, not split on, so "Dar'a" = "Dara".
    return _TOKEN.findall(re.sub(r"['’ʿʾ`´]", "", fold(text)))


@dataclass(frozen=True)
class SourceNames:
    """Turns a source name into a comparison key (design.md section 6)."""

    leading_articles: frozenset[str]
    equivalents: dict[str, str]

    @classmethod
    def load(cls) -> SourceNames:
        data = load_yaml("eval_sources.yml")
        if not isinstance(data, dict) or "equivalents" not in data:
            raise DataFileError("eval_sources.yml: expected 'leading_articles' and 'equivalents'")
        articles = frozenset(fold(a) for a in data.get("leading_articles") or [])
        names = cls(leading_articles=articles, equivalents={})
        for group in data["equivalents"]:
            head = names._raw_key(str(group[0]))
            for spelling in group:
                names.equivalents[names._raw_key(str(spelling))] = head
        return names

    def _raw_key(self, name: str) -> str:
        text = _PARENS.sub(" ", name)
        text = _CAMEL.sub(" ", text)  # "AlMayadeen" -> "Al Mayadeen", so its article drops too
        # Apostrophes split here ("l'OSDH" -> "l", "osdh") so the elided article can drop.
        tokens = _TOKEN.findall(fold(text))
        while len(tokens) > 1 and tokens[0] in self.leading_articles:
            tokens = tokens[1:]
        return "".join(tokens)

    def key(self, name: str) -> str:
        """"YPG (via Military Media Facebook page)" -> "ypg"; "SOHR" -> "osdh"."""
        raw = self._raw_key(name)
        return self.equivalents.get(raw, raw)


@dataclass(frozen=True)
class Governorates:
    """Turns a governorate name into a comparison key; unknown names compare by their folded form."""

    variants: dict[str, str]

    @staticmethod
    def _raw_key(name: str) -> str:
        tokens = [t for t in _tokens(name) if t not in _ADMIN_ARTICLES and t not in _ADMIN_GENERIC]
        return "".join(tokens)

    @classmethod
    def load(cls) -> Governorates:
        data = load_yaml("eval_governorates.yml")
        if not isinstance(data, dict) or not data:
            raise DataFileError("eval_governorates.yml: expected a mapping governorate -> spellings")
        variants: dict[str, str] = {}
        for canonical, spellings in data.items():
            head = cls._raw_key(str(canonical))
            variants[head] = head
            for spelling in spellings or []:
                variants[cls._raw_key(str(spelling))] = head
        return cls(variants=variants)

    def key(self, name: str | None) -> str | None:
        """None for a missing name, so two unknown governorates never compare equal."""
        if not name or not str(name).strip():
            return None
        raw = self._raw_key(str(name))
        return self.variants.get(raw, raw) or None
