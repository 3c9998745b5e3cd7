"""The source registry: who can be credited with a figure, under which names.

Why a module of its own: the registry (``data/sources.yml``) is read by attribution, the nlp
stage, the merge grades and the CLI, while the cue grammar in ``attribution`` is only needed
to credit figures. Aliases are matched on folded text (case, accents, apostrophes, a leading
article ignored) except short all-caps forms ("AP", "UN") and the forms the data flags
``case_sensitive`` ("Libération" the newspaper, never the noun "libération"), which must
appear as written and never as part of a longer proper name ("Front national de Libération").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterator

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.extract.numbers import fold

_ARTICLES = {"le", "la", "l", "les", "the", "un", "une", "des", "du", "de", "d"}
_CASE_SENSITIVE_MAX = 4
_NEVER = r"(?!x)x"  # a regex that matches nothing, for an empty list of aliases


@dataclass(frozen=True)
class Source:
    """A registry entry: canonical short name, kind, home country and stance."""

    name: str
    type: str
    country: str | None
    stance: str
    aliases: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceMention:
    """The source a sentence credits; offsets local to the sentence given to find_source."""

    name: str
    start: int
    end: int
    unknown: bool = False
    raw: str = ""


def name_key(name: str) -> str:
    """Comparison key: case, accents, punctuation, parentheses and a leading article ignored."""
    text = re.sub(r"\([^)]*\)", " ", fold(name))
    words = re.findall(r"\w+", text)
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return "".join(words)


def _is_case_sensitive(alias: str, source: Source | None = None) -> bool:
    """Short all-caps forms ("AP", "UN") and the forms sources.yml flags ("Libération")."""
    if source is not None and alias in source.case_sensitive:
        return True
    letters = re.sub(r"\W", "", alias)
    return alias.isupper() and len(letters) <= _CASE_SENSITIVE_MAX


def _alias_rows(row: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A source's aliases and its case-sensitive forms: an alias is a string or, as in
    actors.yml, {alias: ..., case_sensitive: true}; ``case_sensitive: true`` on the row flags
    the name itself (a newspaper called like a common noun: "Libération")."""
    aliases: list[str] = []
    exact: list[str] = [str(row["name"])] if row.get("case_sensitive") else []
    for item in row.get("aliases") or ():
        if isinstance(item, dict):
            aliases.append(str(item["alias"]))
            if item.get("case_sensitive"):
                exact.append(str(item["alias"]))
        else:
            aliases.append(str(item))
    return tuple(aliases), tuple(exact)


class SourceRegistry:
    """Canonical sources with their aliases; ``canonical()`` maps any written form to a name."""

    def __init__(self, sources: list[Source]) -> None:
        self._by_name = {s.name: s for s in sources}
        self._by_key: dict[str, str] = {}
        for source in sources:
            for alias in (source.name, *source.aliases):
                self._by_key.setdefault(name_key(alias), source.name)
        folded_forms: dict[str, str] = {}
        exact_forms: dict[str, str] = {}
        for source in sources:
            for alias in (source.name, *source.aliases):
                (exact_forms if _is_case_sensitive(alias, source) else folded_forms)[alias] = source.name
        self._folded_names = {name_key(a): n for a, n in folded_forms.items()}
        self._folded = _alias_pattern(folded_forms, folded=True)
        self._exact = _alias_pattern(exact_forms, folded=False)
        self._exact_names = {re.sub(r"\W+", " ", a).strip(): n for a, n in exact_forms.items()}
        self._flagged = {re.sub(r"\W+", " ", a).strip() for s in sources for a in s.case_sensitive}

    @classmethod
    def load(cls) -> "SourceRegistry":
        return _default_registry()

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "SourceRegistry":
        try:
            sources = [
                Source(
                    name=str(row["name"]),
                    type=str(row["type"]),
                    country=row.get("country"),
                    stance=str(row["stance"]),
                    aliases=_alias_rows(row)[0],
                    case_sensitive=_alias_rows(row)[1],
                )
                for row in data["sources"]
            ]
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataFileError(f"sources.yml: bad entry: {exc}") from exc
        return cls(sources)

    def __iter__(self) -> Iterator[Source]:
        return iter(self._by_name.values())

    def get(self, canonical: str) -> Source:
        return self._by_name[canonical]

    def canonical(self, name: str | None) -> str | None:
        """'AlManar (fr)', 'Al-Manar', "l'agence officielle Sana", 'BFMTV/Reuters' -> a canonical name."""
        if not name or not name.strip():
            return None
        found = self._by_key.get(name_key(name))
        if found:
            return found
        for part in re.split(r"\s+-\s+|/|\(|\)|,", name):
            found = self._by_key.get(name_key(part)) if part.strip() else None
            if found:
                return found
        return None

    def mentions(self, sentence: str, folded: str | None = None) -> list[tuple[int, int, str]]:
        """Every alias occurrence in the sentence as (start, end, canonical), longest first."""
        f = folded if folded is not None else fold(sentence)
        found = [(m.start(), m.end(), self._folded_names[name_key(m.group(0))]) for m in self._folded.finditer(f)]
        found += [
            (m.start(), m.end(), self._exact_names[re.sub(r"\W+", " ", m.group(0)).strip()])
            for m in self._exact.finditer(sentence)
            if not (
                re.sub(r"\W+", " ", m.group(0)).strip() in self._flagged
                and _inside_longer_name(sentence, m.start(), m.end())
            )
        ]
        found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        kept: list[tuple[int, int, str]] = []
        for item in found:
            if kept and item[0] < kept[-1][1]:
                continue
            kept.append(item)
        return kept

    def patterns(self) -> list[dict[str, Any]]:
        """spaCy span-ruler patterns, one per alias: LOWER tokens, ORTH for short all-caps aliases."""
        import spacy  # deferred: only the nlp stage needs the tokenizer

        tokenizer = spacy.blank("fr").tokenizer
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for source in self:
            for alias in (source.name, *source.aliases):
                tokens = [t.text for t in tokenizer(alias)]
                while len(tokens) > 1 and name_key(tokens[0]) in _ARTICLES | {""}:
                    tokens.pop(0)
                exact = _is_case_sensitive(alias, source)
                key = (source.name, " ".join(tokens) if exact else " ".join(tokens).lower())
                if key in seen:
                    continue
                seen.add(key)
                attr = "ORTH" if exact else "LOWER"
                out.append({
                    "label": source.name,
                    "pattern": [{attr: t if exact else t.lower()} for t in tokens],
                    "id": source.name,
                })
        return out


@dataclass(frozen=True)
class _AliasPattern:
    """One alternation of aliases, tried only at the word starts where one of them can begin.

    Why two regexes: ``re`` tries every one of the ~400 alternatives at each word of the text
    (half a millisecond an article); ``starts``, a trie of the aliases' first words, finds the few
    words where an alias can begin in one cheap pass, and the alternation is tried there only.
    The matches are exactly those of ``alternation.finditer``: an alias begins at a word start
    with its first word, a prefix of the text's word since separators may be empty ("almanar").
    """

    alternation: re.Pattern[str]
    starts: re.Pattern[str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The alternation's non-overlapping matches in ``text``, left to right."""
        end = 0
        for start in self.starts.finditer(text):
            if start.start() >= end and (m := self.alternation.match(text, start.start())):
                end = m.end()
                yield m


def _alias_pattern(forms: dict[str, str], *, folded: bool) -> _AliasPattern:
    """The aliases as one alternation, longest first, any run of separators between words."""
    parts = []
    firsts: set[str] = set()
    for alias in sorted(forms, key=len, reverse=True):
        text = re.sub(r"\([^)]*\)", " ", fold(alias) if folded else alias)
        words = re.findall(r"\w+", text)
        while folded and len(words) > 1 and words[0] in _ARTICLES:
            words.pop(0)
        if words:
            parts.append(r"[\s'\-.]*".join(re.escape(w) for w in words))
            firsts.add(words[0])
    body = "|".join(sorted(set(parts), key=len, reverse=True)) or _NEVER
    return _AliasPattern(re.compile(rf"(?<!\w)(?:{body})(?!\w)"), _starts_regex(firsts))


def _starts_regex(firsts: set[str]) -> re.Pattern[str]:
    """A zero-width match at each word start whose word begins with one of ``firsts``.

    A first word that extends a shorter one ("almanar" after "al") adds no start, so the trie
    stops at the shorter one; being a trie, it tests a few characters at a word, not every word.
    """
    trie: dict[str, dict] = {}
    for word in sorted(firsts, key=len):
        node = trie
        for ch in word:
            if "" in node:
                break
            node = node.setdefault(ch, {})
        else:
            node[""] = {}  # a word ends here: the start is found, longer words add nothing

    def branches(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        alts = [re.escape(ch) + branches(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(rf"(?<!\w)(?={branches(trie)})" if trie else _NEVER)


# "Front national de Libération", "Comité de Libération du Levant": a capitalised word
# (not an article or preposition) joined by "de" in front, or a capitalised word right after.
_NAME_HEAD = re.compile(r"(?<![\w'])([A-ZÀ-Ý][\w-]*)(?:\s+[a-zà-ÿ][\w-]*){0,2}\s+(?:de|du|des|d')\s*(?:la\s+|le\s+|l')?$")
_NAME_TAIL = re.compile(r"\s+(?:de\s+|du\s+|des\s+)?([A-ZÀ-Ý][\w-]*)")
_NOT_NAME_WORDS = {"Le", "La", "Les", "L", "Un", "Une", "Des", "Selon", "Dans", "Pour", "Par", "Sur", "En",
                   "Au", "Aux", "A", "À", "Ce", "Cette", "Ces", "Son", "Sa", "Ses", "Leur", "Leurs", "Et"}


def _inside_longer_name(sentence: str, start: int, end: int) -> bool:
    """Whether a case-sensitive form is only the end or the start of a longer proper name."""
    head = _NAME_HEAD.search(sentence, max(0, start - 60), start)
    if head and head.group(1) not in _NOT_NAME_WORDS:
        return True
    tail = _NAME_TAIL.match(sentence, end)
    return bool(tail) and tail.group(1) not in _NOT_NAME_WORDS


@cache
def _default_registry() -> SourceRegistry:
    return SourceRegistry.from_data(load_yaml("sources.yml"))
