"""Who a figure is attributed to: the source registry and the attribution patterns of news French.

Why: vigie never hides a claim, so every figure carries whoever the sentence credits it to
("selon l'OSDH", "a indiqué Sana", "le ministère russe de la Défense a annoncé"), named by the
registry's short canonical name so claims from different outlets line up. Sources and their
aliases live in ``data/sources.yml``; the cue words in ``data/attribution.yml``.

A mention of a known source only counts when an attribution cue links it to the sentence:
"selon X", "d'après X" (a preposition in front), "a indiqué X" (inversion), or "X a indiqué"
(subject of a reporting verb). A cue followed by a name the registry does not know yields
that raw name with ``unknown=True`` so the store can list it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterator, Sequence

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.extract.numbers import fold, phrase_regex

# The source of a figure nobody is named for, in an article whose outlet is not known either.
UNATTRIBUTED = "unattributed"
_ARTICLES = {"le", "la", "l", "les", "the", "un", "une", "des", "du", "de", "d"}
_CASE_SENSITIVE_MAX = 4
_GAP_WORDS = 4
_UNKNOWN_MAX_WORDS = 8


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
        self._folded = _alias_regex(folded_forms, folded=True)
        self._exact = _alias_regex(exact_forms, folded=False)
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


def _alias_regex(forms: dict[str, str], *, folded: bool) -> re.Pattern[str]:
    parts = []
    for alias in sorted(forms, key=len, reverse=True):
        text = re.sub(r"\([^)]*\)", " ", fold(alias) if folded else alias)
        words = re.findall(r"\w+", text)
        while folded and len(words) > 1 and words[0] in _ARTICLES:
            words.pop(0)
        if words:
            parts.append(r"[\s'\-.]*".join(re.escape(w) for w in words))
    body = "|".join(sorted(set(parts), key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


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


class AttributionCues:
    """The compiled cue words of ``data/attribution.yml``."""

    def __init__(self, data: dict[str, Any]) -> None:
        try:
            verbs = phrase_regex(data["reporting_verbs"])
            aux = phrase_regex(data["auxiliaries"])
            self.preposition = re.compile(rf"({phrase_regex(data['preposition_cues'])})")
            # "a indiqué samedi l'OSDH", "a indiqué à l'AFP M. Abdel Rahmane" (the AFP only asked).
            asked = r"(?:\s+(?:a|au|aux)\s+(?:l'|la\s+|le\s+|les\s+)?[\w.-]+)?"
            gap = r"(?:\s+(?!(?:que|qu|de|d|du|des|a|au|aux|ont|et)(?!\w))[\w'.-]+){0,2}"
            speaker = rf"(?:\s+(?:un|une|le|la|l'|les|des)?\s*{phrase_regex(data['speakers'])}\s*(?:l'|la|le|les)?)?"
            self.inversion = re.compile(rf"{verbs}{asked}{gap}{speaker}\s*$")
            self.subject = re.compile(rf"\s*(?:\([^)]*\)\s*)?(?:,\s*qui\s+)?(?:{aux}\s+){{0,3}}{verbs}")
            self.apposition = re.compile(
                rf"\s*(?:\([^)]*\)\s*)?,\s*(?={phrase_regex(data['apposition_openers'])})([^,;:.()«»\"\d]+),"
            )
            self.apposition_finite = re.compile(phrase_regex(data["apposition_finite_verbs"]))
            self.apposition_max_words = int(data["apposition_max_words"])
            self.anaphora = re.compile(rf"\s*{phrase_regex(data['anaphora'])}")
            self.breaks = re.compile(phrase_regex(data["clause_breaks"]))
            self.typed_references = {
                fold(k).strip(): frozenset(v) for k, v in (data["typed_back_references"] or {}).items()
            }
            refs = phrase_regex([*data["back_references"], *data["typed_back_references"]])
            pronouns = phrase_regex(data["inverted_pronouns"])
            speaker_of = rf"(?:(?:un|une|le|la|les|des)\s+)?{phrase_regex(data['speakers'])}\s*"
            self.back_reference = re.compile(
                rf"{phrase_regex(data['preposition_cues'])}\s*(?:{speaker_of})?({refs})"
                rf"|{verbs}(?:\s+(?!que(?!\w))[\w.-]+){{0,2}}?\s+(?:{speaker_of})?({refs})"
                rf"|(?<![\w-])(?:a|ont|avait|avaient|aurait|auraient)-t-{pronouns}\s+{verbs}"
                rf"|{verbs}-(?:t-)?{pronouns}"
                rf"|{phrase_regex(data['standalone_back_references'])}"
            )
            self.back_reference_window = int(data["back_reference_window"])
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"attribution.yml: bad entry: {exc}") from exc

    @classmethod
    def load(cls) -> "AttributionCues":
        return _default_cues()


@cache
def _default_cues() -> AttributionCues:
    return AttributionCues(load_yaml("attribution.yml"))


class AttributionContext:
    """What "selon lui", "a-t-il ajouté", "de même source" stand for, across one article.

    Why stateful: a back-reference names no source; it points at the last source the article
    credited ("Le ministre russe de la Défense, Sergueï Choïgou, a annoncé ..." then "Selon lui,
    plus de 1.000 combattants ont été tués"). Make one context per article and hand it every
    sentence in text order, figures or not, since speakers are usually introduced in a sentence
    without a figure: ``claims_from_sentence(..., context=ctx)`` does this (``note`` for a
    sentence without figures, ``resolve`` for one with figures). A credited source stays
    available for ``back_reference_window`` sentences (``data/attribution.yml``).

    Noted sentences are only searched when a back-reference needs them, so a sentence without a
    figure costs nothing here (the registry scan is the dear part of attribution).
    """

    def __init__(self, *, registry: SourceRegistry | None = None, cues: AttributionCues | None = None) -> None:
        self._registry = registry or SourceRegistry.load()
        self._cues = cues or AttributionCues.load()
        self._last: SourceMention | None = None
        self._age = 0
        self._pending: list[str] = []
        self._clock = 0
        # (clock, sentence, its registry mentions or None until needed): for typed references.
        self._history: list[tuple[int, str, list[tuple[int, int, str]] | None]] = []

    def note(self, sentence: str) -> None:
        """A sentence with no figure: kept (text only) until a back-reference needs its sources."""
        self._age += 1
        self._pending = (self._pending + [sentence])[-(self._cues.back_reference_window + 1):]
        self._remember(sentence, None)

    def resolve(
        self,
        sentence: str,
        mentions: list[SourceMention],
        *,
        named: Sequence[SourceMention] = (),
    ) -> SourceMention | None:
        """The source a back-reference of ``sentence`` stands for, else None; remembers sources.

        ``mentions`` are the sentence's attributed sources (``attributed_sources``): when there
        are any they win and become the referent, so this returns None. ``named`` are registry
        names the sentence mentions without a cue ("Le ministre russe de la Défense a salué la
        reprise"): a later "selon lui" may point at them, so they become the referent too.
        """
        self._age += 1
        referent = None
        ref = None if mentions else self._cues.back_reference.search(fold(sentence))
        if ref is not None:
            referent = self._typed(ref, sentence, named) or self._from_pending() or (
                self._last if self._last is not None and self._age <= self._cues.back_reference_window else None
            )
        self._remember(sentence, [(m.start, m.end, m.name) for m in named])
        newest = mentions[-1] if mentions else referent or (named[-1] if named else None)
        if newest is not None:
            self._last, self._age, self._pending = newest, 0, []
        return referent

    def _remember(self, sentence: str, found: list[tuple[int, int, str]] | None) -> None:
        self._clock += 1
        keep = self._cues.back_reference_window
        self._history = [*self._history, (self._clock, sentence, found)][-keep:]

    def _typed(self, ref: re.Match[str], sentence: str, named: Sequence[SourceMention]) -> SourceMention | None:
        """'l'organisation', "l'ONG", "l'agence": the newest named source of a fitting type, in
        this sentence before the reference, then in the sentences before (window permitting)."""
        word = " ".join((ref.group(1) or ref.group(2) or "").split())
        types = self._cues.typed_references.get(word)
        if not types:
            return None
        fits = [m for m in named if m.end <= ref.start() and self._registry.get(m.name).type in types]
        if fits:
            return fits[-1]
        for i in range(len(self._history) - 1, -1, -1):
            clock, text, found = self._history[i]
            if found is None:
                found = self._registry.mentions(text)
                self._history[i] = (clock, text, found)
            for a, b, name in reversed(found):
                if self._registry.get(name).type in types:
                    return SourceMention(name, a, b, raw=text[a:b])
        return None

    def _from_pending(self) -> SourceMention | None:
        """The newest noted sentence's source: a cued one first, else a registry name; a noted
        sentence that itself refers back ("a déclaré le ministre") is passed over."""
        window = self._cues.back_reference_window
        for back, sentence in enumerate(reversed(self._pending), start=1):
            if back > window:
                break
            found = self._registry.mentions(sentence)
            if not found:
                continue
            cued = attributed_sources(sentence, registry=self._registry, cues=self._cues, mentions=found)
            if cued:
                return cued[-1]
            if self._cues.back_reference.search(fold(sentence)):
                continue  # "a déclaré le ministre": it points further back, as this one does
            a, b, name = found[-1]
            return SourceMention(name, a, b, raw=sentence[a:b])
        return None


def find_source(
    sentence: str,
    *,
    registry: SourceRegistry,
    figure_start: int | None = None,
    cues: AttributionCues | None = None,
) -> SourceMention | None:
    """The source the sentence attributes its figure to (the one nearest ``figure_start``)."""
    candidates = attributed_sources(sentence, registry=registry, cues=cues)
    return choose_source(candidates, sentence, figure_start=figure_start, cues=cues)


def choose_source(
    candidates: list[SourceMention],
    sentence: str,
    *,
    figure_start: int | None,
    cues: AttributionCues | None = None,
) -> SourceMention | None:
    """The candidate governing the figure: nearest to it, a clause break ("alors que") costing extra."""
    if not candidates:
        return None
    if figure_start is None:
        return candidates[0]
    c = cues or AttributionCues.load()
    f = fold(sentence)

    def cost(m: SourceMention) -> float:
        lo, hi = sorted((figure_start, m.start if m.start >= figure_start else m.end))
        return (hi - lo) + 200 * len(c.breaks.findall(f, lo, hi))

    return min(candidates, key=cost)


def attributed_sources(
    sentence: str,
    *,
    registry: SourceRegistry,
    cues: AttributionCues | None = None,
    mentions: list[tuple[int, int, str]] | None = None,
) -> list[SourceMention]:
    """Every source an attribution cue links to the sentence, known or not, in text order.

    ``mentions``: ``registry.mentions(sentence)`` when the caller already has them.
    """
    c = cues or AttributionCues.load()
    f = fold(sentence)
    out: list[SourceMention] = []
    covered: list[tuple[int, int]] = []
    for start, end, name in registry.mentions(sentence, f) if mentions is None else mentions:
        if _linked(c, f, start, end):
            out.append(SourceMention(name, start, end, raw=sentence[start:end]))
            covered.append((start, end))
    for m in c.preposition.finditer(f):
        if any(m.end() <= s and len(f[m.end():s].split()) <= _GAP_WORDS for s, _ in covered):
            continue
        unknown = _unknown_name(c, sentence, f, m.end())
        if unknown:
            out.append(unknown)
    out.sort(key=lambda s: s.start)
    return out


def _linked(c: AttributionCues, f: str, start: int, end: int) -> bool:
    before = f[max(0, start - 80):start]
    if c.inversion.search(before):
        return True
    for m in c.preposition.finditer(before):
        gap = before[m.end():]
        if len(gap.split()) <= _GAP_WORDS and not re.search(r"[,;:.()«»\"]", gap):
            return True
    return bool(c.subject.match(f, end) or c.subject.match(f, _past_apposition(c, f, end)))


def _past_apposition(c: AttributionCues, f: str, end: int) -> int:
    """After ', les secouristes qui opèrent dans le nord,' following a source, else ``end``.

    An apposition is one noun phrase: no figure, no finite verb before any relative "qui"
    ("Damas, les rebelles ont affirmé ..., a dit X" is two clauses, not an apposition)."""
    m = c.apposition.match(f, end)
    if not m or len(m.group(1).split()) > c.apposition_max_words:
        return end
    main = re.split(r"(?<!\w)(?:qui|dont|que|qu')(?!\w)", m.group(1), maxsplit=1)[0]
    return end if c.apposition_finite.search(main) else m.end()


def _unknown_name(c: AttributionCues, sentence: str, f: str, pos: int) -> SourceMention | None:
    """'selon le Comité local de coordination de Douma, ...' -> that raw name, unknown."""
    if c.anaphora.match(f, pos):
        return None
    m = re.compile(r"\s*((?:(?:le|la|les|l'|un|une|des|du|de|d')\s*)?)").match(f, pos)
    start = m.end() if m else pos
    stop = re.compile(r"[,;:.!?()«»\"\d]|\s(?:qui|que|qu'|alors|tandis|et|mais|a|ont)\s").search(f, start)
    end = stop.start() if stop else len(f)
    words = sentence[start:end].split()
    if not words or len(words) > _UNKNOWN_MAX_WORDS:
        return None
    raw = " ".join(words)
    if not any(w[:1].isupper() for w in words):
        return None
    end = start + len(sentence[start:end].rstrip())
    return SourceMention(raw, start, end, unknown=True, raw=raw)
