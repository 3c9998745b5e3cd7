"""Who a figure is attributed to: the attribution patterns of news French over the source registry.

Why: vigie never hides a claim, so every figure carries whoever the sentence credits it to
("selon l'OSDH", "a indiqué Sana", "le ministère russe de la Défense a annoncé"), named by the
registry's short canonical name so claims from different outlets line up. Sources and their
aliases live in ``data/sources.yml`` (read by ``source_registry``, re-exported here); the cue
words in ``data/attribution.yml``.

A mention of a known source only counts when an attribution cue links it to the sentence:
"selon X", "d'après X" (a preposition in front), "a indiqué X" (inversion), or "X a indiqué"
(subject of a reporting verb). A cue followed by a name the registry does not know yields
that raw name with ``unknown=True`` so the store can list it.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any, Sequence

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.extract.numbers import fold, phrase_regex
from vigie.extract.source_registry import Source, SourceMention, SourceRegistry, name_key

__all__ = [
    "UNATTRIBUTED", "AttributionContext", "AttributionCues", "Source", "SourceMention", "SourceRegistry",
    "attributed_sources", "choose_source", "find_source", "name_key", "person_sources", "spokespeople",
    "standing_source",
]

# The source of a figure nobody is named for, in an article whose outlet is not known either.
UNATTRIBUTED = "unattributed"
_GAP_WORDS = 6
_UNKNOWN_MAX_WORDS = 8
# the article before an unknown source's name: "une" is not "un" + "e ONG"
_LEADING_ARTICLE = re.compile(r"\s*((?:(?:les|le|la|une|un|des|du|de)\s+|l'\s*|d'\s*)?)")


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
            # "a rapporté l'agence de presse officielle syrienne Sana": a kind of source and its
            # qualifiers ("de presse", "d'État", "officielle") before the name
            described = (rf"(?:\s+(?:l'|la\s+|le\s+|les\s+)?{phrase_regex(data['source_descriptors'])}"
                         rf"(?:\s+(?!(?:que|qu|a|ont|et)(?!\w))[\w'.-]+){{0,{int(data['descriptor_max_words'])}}})?")
            # ", porte-parole des YPG": a person's role in a source, after his name
            self.role = re.compile(rf"\s*,\s*(?:(?:un|une|le|la|l')\s*)?{phrase_regex(data['speakers'])}\s*(?:(?:l'|la|le|les)\s*)?")
            self.inversion = re.compile(rf"{verbs}{asked}{gap}{described}{speaker}\s*$")
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
            self.standing_types = frozenset(data.get("standing_source_types") or ())
            self.own_figures_stances = frozenset(data.get("own_figures_stances") or ())
            titles = [fold(t).strip() for t in data["name_titles"]]
            # where an unknown source's name ends: punctuation (a title's dot aside), a digit, an end word
            self.name_stop = re.compile(r"[,;:!?()«»\"\d]|" + "".join(rf"(?<!\b{re.escape(t)})" for t in titles)
                                        + rf"\.|\s{phrase_regex(data['name_end_words'])}\s")
            self.title = "|".join(re.escape(t.capitalize()) for t in titles)  # as written before a name
            self.not_name_starts = frozenset(fold(w).strip() for w in data["not_name_starts"])
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
        # Who speaks for which source in this article (``spokespeople``), set by the caller.
        self.persons: dict[str, str] = {}
        # Kind and group of the last figure of the sentence just read (None after a figureless
        # one): "... 1300 miliciens tués. 300 d'entre eux en fuyant" elides both.
        self.carried: tuple[str, str] | None = None

    def note(self, sentence: str) -> None:
        """A sentence with no figure: kept (text only) until a back-reference needs its sources."""
        self._age += 1
        self.carried = None
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

    def recent(self) -> SourceMention | None:
        """The last source credited, while still within ``back_reference_window`` sentences:
        a figure elided from the sentence before is that source's too."""
        return self._last if self._last is not None and self._age < self._cues.back_reference_window else None

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
    found = registry.mentions(sentence, f) if mentions is None else mentions
    for k, (start, end, name) in enumerate(found):
        if _names_the_next(f, end, found[k + 1:]):
            continue  # "la télévision nationale al-Ikhbariya": the name that follows is the source
        if _linked(c, f, start, end) or (k > 0 and _names_the_next(f, found[k - 1][1], found[k:])
                                         and _linked(c, f, *found[k - 1][:2])):
            out.append(SourceMention(name, start, end, raw=sentence[start:end]))
            covered.append((start, end))
    for m in c.preposition.finditer(f):
        if any(m.end() <= s and len(f[m.end():s].split()) <= _GAP_WORDS for s, _ in covered):
            continue
        unknown = _known_after_all(_unknown_name(c, sentence, f, m.end()), registry)
        if unknown:
            out.append(_speaking_for(c, sentence, f, unknown, found) or unknown)
    out.sort(key=lambda s: s.start)
    return out


def standing_source(text: str, *, outlet: str | None, registry: SourceRegistry, cues: AttributionCues | None = None,
                    mentions: Sequence[tuple[int, int, str]] | None = None) -> str | None:
    """The source an article credits its figures to most often, when it is of a type that
    keeps count (``standing_source_types`` of ``data/attribution.yml``: a monitor, an NGO).

    Why: a wire names the monitor once ("selon l'OSDH") and then gives its figures bare; the
    reader, and ACLED's coder, read them as the monitor's, not the outlet's. A partisan outlet
    (``own_figures_stances``) that cites the monitor still gives its own figures bare: None
    then. One registry scan of the whole text, so the cost stays linear in the article;
    ``mentions``: ``registry.mentions(text)`` when the caller already has them (the nlp stage's)."""
    c = cues or AttributionCues.load()
    own = registry.canonical(outlet)
    if not c.standing_types or (own is not None and registry.get(own).stance in c.own_figures_stances):
        return None
    f = fold(text)
    counts: dict[str, int] = {}
    for start, end, name in registry.mentions(text, f) if mentions is None else mentions:
        if registry.get(name).type in c.standing_types and _linked(c, f, start, end):
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: (counts[n], n)) if counts else None


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


_PERSON = re.compile(r"(?<![\w'-])((?:[A-ZÀ-Ý][\w'-]+\s+){1,3}[A-ZÀ-Ý][\w'-]+)")


def spokespeople(text: str, *, registry: SourceRegistry, cues: AttributionCues | None = None,
                 mentions: Sequence[tuple[int, int, str]] | None = None) -> dict[str, str]:
    """Who speaks for which source in an article: 'Farhad Shami, un porte-parole des FDS' ->
    {'Shami': 'SDF'}, so that "selon M. Shami" or "M. Shami a indiqué" further on is the SDF's
    claim. Keyed by the surname (the last word); one pass over the text."""
    c = cues or AttributionCues.load()
    found = list(registry.mentions(text) if mentions is None else mentions)
    if not found:
        return {}
    f = fold(text)
    starts = {a: name for a, _, name in found}
    out: dict[str, str] = {}
    for m in _PERSON.finditer(text):
        role = c.role.match(f, m.end())
        if role and role.end() in starts and registry.canonical(m.group(1)) is None:
            out[m.group(1).split()[-1]] = starts[role.end()]
    return out


def person_sources(sentence: str, persons: dict[str, str], *, cues: AttributionCues | None = None) -> list[SourceMention]:
    """The sources the sentence credits through a spokesperson named earlier (``spokespeople``)."""
    c = cues or AttributionCues.load()
    f = fold(sentence)
    out = []
    for surname, source in persons.items():
        for m in re.finditer(rf"(?<![\w'-])(?:(?:{c.title})\.?\s+)?(?:[A-ZÀ-Ý][\w'-]+\s+){{0,2}}{re.escape(surname)}(?![\w'-])", sentence):
            if _linked(c, f, m.start(), m.end()):
                out.append(SourceMention(source, m.start(), m.end(), raw=m.group(0)))
    return out


def _known_after_all(found: SourceMention | None, registry: SourceRegistry) -> SourceMention | None:
    """An unknown name that is a registry name written otherwise ("l'Osdh") is that source."""
    if found is None:
        return None
    known = registry.canonical(found.raw)
    return SourceMention(known, found.start, found.end, raw=found.raw) if known else found


def _names_the_next(f: str, end: int, rest: Sequence[tuple[int, int, str]]) -> bool:
    """Whether a registry mention ending at ``end`` is followed right away by another one, of
    which it is only the description ("la télévision nationale al-Ikhbariya")."""
    return bool(rest) and rest[0][0] > end and not f[end:rest[0][0]].strip()


def _speaking_for(c: AttributionCues, sentence: str, f: str, person: SourceMention,
                  found: Sequence[tuple[int, int, str]]) -> SourceMention | None:
    """'selon Jean Dupont, porte-parole des YPG, ...' -> the YPG: a person the registry does not
    know, named with his role in a source it knows, speaks for that source."""
    role = c.role.match(f, person.end)
    if not role:
        return None
    for start, end, name in found:
        if start == role.end():
            return SourceMention(name, start, end, raw=sentence[start:end])
    return None


def _unknown_name(c: AttributionCues, sentence: str, f: str, pos: int) -> SourceMention | None:
    """'selon le Comité local de coordination de Douma, ...' -> that raw name, unknown."""
    if c.anaphora.match(f, pos):
        return None
    m = _LEADING_ARTICLE.match(f, pos)
    start = m.end() if m else pos
    stop = c.name_stop.search(f, start)
    end = stop.start() if stop else len(f)
    words = sentence[start:end].split()
    if not words or len(words) > _UNKNOWN_MAX_WORDS or fold(words[0]) in c.not_name_starts:
        return None  # "de sources en Syrie": a place, not a name
    raw = " ".join(words)
    if not any(w[:1].isupper() for w in words):
        return None
    end = start + len(sentence[start:end].rstrip())
    return SourceMention(raw, start, end, unknown=True, raw=raw)
