"""Canonical actors: the registry of ``data/actors.yml`` and the finding of their names in text.

Why tokens rather than regexes: French wire copy spells one group many ways (Etat islamique /
État Islamique, al-Nosra / al Nosra, l’EI / l'EI). Text and aliases are cut into word tokens
that are compared lower-cased and without accents; apostrophes and hyphens only separate tokens,
so every spelling variant of those kinds matches without being listed. Abbreviations that are
also ordinary letter pairs ("EI", "ASL") are flagged ``case_sensitive`` in the data and must
appear in capitals.

Three families of words live in the data file:
- aliases of one canonical actor ("Daech" -> Islamic State);
- country words ("l'armée", "le régime"), whose actor is the forces of the article's country;
- generic, often loaded words ("terroristes", "rebelles", "hommes armés") that name no group by
  themselves: :meth:`ActorRegistry.resolve_generic` picks the group the context means.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.models import Actor

DATA_FILE = "actors.yml"
KINDS = frozenset(
    {"state", "rebel", "political_militia", "identity_militia", "civilians", "protesters",
     "rioters", "external"}
)
SIDES = frozenset({"government", "opposition", "jihadist", "kurdish", "foreign", "neutral"})
RESOLVE_RULES = frozenset({"context", "fixed", "country"})
FORCES = frozenset({"military", "police"})
# Leading articles carry no meaning in a name: "l'EI" is "EI", "les FDS" is "FDS".
ARTICLES = frozenset({"l", "le", "la", "les"})

_WORD = re.compile(r"[^\W_]+")
# What may stand between two tokens of one name: spaces, apostrophes, hyphens.
_JOINER = re.compile(r"[\s'’ʼ‘`´\-‐‑‒–]+")
_HYPHENS = ["-", "‐", "‑", "–"]
_APOSTROPHES = ("'", "’")


@lru_cache(maxsize=1 << 16)  # called on every word of every article: the vocabulary repeats
def fold(word: str) -> str:
    """Lower-case ``word`` and drop its accents and ligatures (État -> etat, œ -> oe)."""
    word = word.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _unaccent(word: str) -> str:
    """Drop accents but keep the case, to compare capitals of abbreviations."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


class _Token(NamedTuple):  # a tuple: one per word of every article, built far faster than a frozen dataclass
    start: int
    end: int
    text: str
    norm: str


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group(), fold(m.group())) for m in _WORD.finditer(text)]


def _strip_articles(tokens: list[_Token]) -> list[_Token]:
    while len(tokens) > 1 and tokens[0].norm in ARTICLES:
        tokens = tokens[1:]
    return tokens


@dataclass(frozen=True)
class ActorMention:
    """A name of an actor found in text; ``start``/``end`` are character offsets.

    ``label`` is the canonical name, or for a word that names no actor by itself one of
    ``GENERIC_ARMED``, ``GENERIC_REBEL``, ``GENERIC_UNNAMED``, ``GENERIC_UNIDENTIFIED``
    (``generic`` is True and ``actor`` None: call :meth:`ActorRegistry.resolve_generic`), or ``COUNTRY_MILITARY`` /
    ``COUNTRY_POLICE`` (``actor`` already resolved to the forces of the given country).
    """

    start: int
    end: int
    text: str
    actor: str | None
    generic: bool
    label: str


@dataclass(frozen=True)
class _Alias:
    norm: tuple[str, ...]
    exact: tuple[str | None, ...]  # the capitals a case-sensitive alias demands, per token
    surface: str  # as written in the data, leading article removed
    label: str  # canonical name, GENERIC_* or COUNTRY_*
    actor: str | None  # canonical name; None for generic and country words

    def fits(self, tokens: Sequence[_Token], text: str | None) -> bool:
        """Do ``tokens`` spell this alias? With ``text``, also check what lies between them."""
        for i, (tok, exact) in enumerate(zip(tokens, self.exact)):
            if exact is not None and _unaccent(tok.text) != exact:
                return False
            if text is not None and i and not _JOINER.fullmatch(text[tokens[i - 1].end:tok.start]):
                return False
        return True


@dataclass(frozen=True)
class GenericRule:
    """How the words of one generic category are resolved (see the ``generic`` data section)."""

    label: str
    resolve: str  # context | fixed | country
    words: tuple[str, ...]
    sides: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    fallback: str | None = None
    force: str | None = None  # military | police, for resolve == "country"


def _make_alias(surface: str, *, label: str, actor: str | None, case_sensitive: bool) -> _Alias:
    toks = _strip_articles(_tokens(surface))
    if not toks:
        raise DataFileError(f"{DATA_FILE}: alias {surface!r} of {label!r} has no word")
    exact = tuple(_unaccent(t.text) if case_sensitive and t.text.isupper() else None for t in toks)
    return _Alias(tuple(t.norm for t in toks), exact, surface[toks[0].start:], label, actor)


def _parse_actor(entry: Any) -> Actor:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise DataFileError(f"{DATA_FILE}: actor entry without a name: {entry!r}")
    name = entry["name"]
    kind, side, inter = entry.get("kind"), entry.get("side"), entry.get("inter")
    if kind not in KINDS:
        raise DataFileError(f"{DATA_FILE}: actor {name!r} has unknown kind {kind!r}")
    if side not in SIDES:
        raise DataFileError(f"{DATA_FILE}: actor {name!r} has unknown side {side!r}")
    if not isinstance(inter, int) or not 1 <= inter <= 8:
        raise DataFileError(f"{DATA_FILE}: actor {name!r} needs an ACLED inter code 1-8, not {inter!r}")
    return Actor(name=name, kind=kind, side=side, inter=inter, country=entry.get("country"))


def _alias_entry(item: Any, owner: str) -> tuple[str, bool]:
    if isinstance(item, str):
        return item, False
    if isinstance(item, dict) and isinstance(item.get("alias"), str):
        return item["alias"], bool(item.get("case_sensitive", False))
    raise DataFileError(f"{DATA_FILE}: bad alias {item!r} of {owner!r}")


@dataclass(frozen=True)
class PeriodCoding:
    """From ``start`` on, ``actor`` is coded as ``coded_as`` (actors.yml ``period_codings``)."""

    actor: str
    start: date
    coded_as: str


def _parse_period(item: Any, actors: Mapping[str, Actor]) -> PeriodCoding:
    try:
        coding = PeriodCoding(str(item["actor"]), date.fromisoformat(str(item["from"])), str(item["coded_as"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"{DATA_FILE}: period_codings entry needs actor, from (YYYY-MM-DD), coded_as: {item!r}") from exc
    unknown = {coding.actor, coding.coded_as} - set(actors)
    if unknown:
        raise DataFileError(f"{DATA_FILE}: period_codings names unknown actors {sorted(unknown)}")
    return coding


def _parse_rule(item: Any, actors: Mapping[str, Actor]) -> GenericRule:
    label = item.get("label") if isinstance(item, dict) else None
    if not isinstance(label, str) or not label.startswith(("GENERIC_", "COUNTRY_")):
        raise DataFileError(f"{DATA_FILE}: generic entry needs a GENERIC_/COUNTRY_ label: {item!r}")
    resolve = item.get("resolve")
    if resolve not in RESOLVE_RULES:
        raise DataFileError(f"{DATA_FILE}: {label}: unknown resolve rule {resolve!r}")
    sides = frozenset(item.get("sides") or ())
    exclude = frozenset(item.get("exclude") or ())
    fallback, force = item.get("fallback"), item.get("force")
    if not sides <= SIDES or not exclude <= set(actors):
        raise DataFileError(f"{DATA_FILE}: {label}: unknown side or excluded actor")
    if resolve == "country" and force not in FORCES:
        raise DataFileError(f"{DATA_FILE}: {label}: force must be one of {sorted(FORCES)}")
    if resolve != "country" and fallback not in actors:
        raise DataFileError(f"{DATA_FILE}: {label}: fallback {fallback!r} is not a canonical actor")
    words = tuple(item.get("words") or ())
    return GenericRule(label, resolve, words, sides, exclude, fallback, force)


class ActorRegistry:
    """The canonical actors, their aliases and the generic words, with lookups over them."""

    def __init__(
        self,
        actors: Mapping[str, Actor],
        aliases: Iterable[_Alias],
        rules: Iterable[GenericRule],
        *,
        country_forces: Mapping[str, Mapping[str, str]],
        default_country: str,
        period_codings: Iterable[PeriodCoding] = (),
    ) -> None:
        self._actors = dict(actors)
        self._periods: dict[str, list[PeriodCoding]] = {}
        for coding in period_codings:
            self._periods.setdefault(coding.actor, []).append(coding)
        self._rules = {r.label: r for r in rules}
        self._forces = {k: dict(v) for k, v in country_forces.items()}
        self.default_country = default_country
        self._by_norm: dict[tuple[str, ...], _Alias] = {}
        for alias in aliases:
            other = self._by_norm.get(alias.norm)
            if other is not None and other.label != alias.label:
                raise DataFileError(
                    f"{DATA_FILE}: alias {alias.surface!r} of {alias.label!r} "
                    f"is also {other.surface!r} of {other.label!r}"
                )
            self._by_norm.setdefault(alias.norm, alias)
        self._by_first: dict[str, list[_Alias]] = {}
        for alias in self._by_norm.values():
            self._by_first.setdefault(alias.norm[0], []).append(alias)
        for group in self._by_first.values():
            group.sort(key=lambda a: -len(a.norm))

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls) -> ActorRegistry:
        """The registry of the packaged ``actors.yml``, read once per process on first use."""
        return _default_registry()

    @classmethod
    def from_data(cls, data: Any) -> ActorRegistry:
        """Build a registry from the parsed YAML; a malformed entry is a DataFileError."""
        if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
            raise DataFileError(f"{DATA_FILE}: expected a mapping with an 'actors' list")
        actors: dict[str, Actor] = {}
        aliases: list[_Alias] = []
        nouns = data.get("military_nouns") or {}
        for entry in data["actors"]:
            actor = _parse_actor(entry)
            if actor.name in actors:
                raise DataFileError(f"{DATA_FILE}: actor {actor.name!r} listed twice")
            actors[actor.name] = actor
            aliases.append(_make_alias(actor.name, label=actor.name, actor=actor.name, case_sensitive=False))
            for item in entry.get("aliases") or []:
                surface, cs = _alias_entry(item, actor.name)
                aliases.append(_make_alias(surface, label=actor.name, actor=actor.name, case_sensitive=cs))
            for form, adjective in (entry.get("adjectives") or {}).items():
                for noun in nouns.get(form, ()):
                    aliases.append(
                        _make_alias(f"{noun} {adjective}", label=actor.name, actor=actor.name, case_sensitive=False)
                    )
        rules = [_parse_rule(item, actors) for item in data.get("generic") or []]
        for rule in rules:
            aliases.extend(_make_alias(w, label=rule.label, actor=None, case_sensitive=False) for w in rule.words)
        forces = dict(data.get("country_forces") or {})
        default = forces.pop("default", None)
        if default not in forces:
            raise DataFileError(f"{DATA_FILE}: country_forces needs a default country with its forces")
        for country, table in forces.items():
            if not isinstance(table, dict) or "military" not in table:
                raise DataFileError(f"{DATA_FILE}: country_forces {country!r} needs a military")
            for name in table.values():
                if name not in actors:
                    raise DataFileError(f"{DATA_FILE}: country_forces {country!r} names unknown actor {name!r}")
        periods = [_parse_period(item, actors) for item in data.get("period_codings") or []]
        return cls(actors, aliases, rules, country_forces=forces, default_country=default, period_codings=periods)

    def coded_as(self, name: str | None, when: date) -> str | None:
        """The actor ``name`` is coded as on day ``when`` (``period_codings``: after the fall of
        the Assad government the new authorities' security forces are its military)."""
        for coding in self._periods.get(name or "", ()):
            if when >= coding.start:
                return coding.coded_as
        return name

    # ------------------------------------------------------------------ lookups
    def get(self, name: str) -> Actor:
        """The actor of a canonical name (KeyError for any other string)."""
        try:
            return self._actors[name]
        except KeyError:
            raise KeyError(f"unknown canonical actor {name!r}") from None

    def names(self) -> list[str]:
        """Every canonical name, in data-file order."""
        return list(self._actors)

    def aliases(self, name: str) -> list[str]:
        """The aliases (as written, generated ones included) of one canonical actor."""
        self.get(name)
        return [a.surface for a in self._by_norm.values() if a.actor == name]

    def is_state(self, name: str) -> bool:
        return self.get(name).kind == "state"

    def side(self, name: str) -> str:
        return self.get(name).side

    def inter(self, name: str, *, country: str | None = None) -> int:
        """ACLED inter code of ``name`` for an event in ``country``: a state at home is 1."""
        actor = self.get(name)
        if actor.kind == "state" and country is not None and actor.country == country:
            return 1
        return actor.inter

    def forces_of(self, country: str | None, *, force: str = "military") -> str:
        """The canonical forces a bare "l'armée" (or "la police") means in ``country``.

        An unknown country falls back to the default (Syria): vigie reads Syrian-war news.
        A country without its own police entry falls back to its military.
        """
        table = self._forces.get(country or self.default_country) or self._forces[self.default_country]
        return table.get(force) or table["military"]

    def match(self, text: str, *, country: str | None = None) -> Actor | None:
        """The actor ``text`` names as a whole ("l'État Islamique" -> Islamic State).

        Country words resolve to the forces of ``country``; generic words give None.
        """
        if text.strip() in self._actors:
            return self._actors[text.strip()]
        alias = self._whole(text)
        if alias is None:
            return None
        if alias.actor is not None:
            return self._actors[alias.actor]
        rule = self._rules[alias.label]
        if rule.resolve == "country":
            return self._actors[self.forces_of(country, force=rule.force or "military")]
        return None

    def _whole(self, text: str) -> _Alias | None:
        toks = _strip_articles(_tokens(text))
        alias = self._by_norm.get(tuple(t.norm for t in toks))
        return alias if alias is not None and alias.fits(toks, None) else None

    # ------------------------------------------------------------------ text
    def find_mentions(self, text: str, *, country: str | None = None) -> list[ActorMention]:
        """Every actor name and generic word in ``text``, in order, without overlaps.

        Longest names win ("Armée syrienne libre" over "armée syrienne"); leading articles are
        left out of the span. Country words get the forces of ``country`` (Syria by default).
        """
        # the words' folded forms only: a token record is built for the few words that open a
        # name, not for every word of the article
        words = list(_WORD.finditer(text))
        norms = [fold(m.group()) for m in words]
        found: list[tuple[int, int, _Alias]] = []
        for i, norm in enumerate(norms):
            for alias in self._by_first.get(norm, ()):
                j = i + len(alias.norm)
                if j <= len(norms) and all(norms[k] == n for k, n in zip(range(i, j), alias.norm)) \
                        and alias.fits([_Token(m.start(), m.end(), m.group(), n)
                                        for m, n in zip(words[i:j], norms[i:j])], text):
                    found.append((i, j, alias))
                    break
        found.sort(key=lambda f: (f[0] - f[1], words[f[0]].start() - words[f[1] - 1].end(), f[0]))
        taken = _disjoint(found)
        return [self._mention(text, words[i].start(), words[j - 1].end(), a, country) for i, j, a in taken]

    def _mention(self, text: str, start: int, end: int, alias: _Alias, country: str | None) -> ActorMention:
        if alias.actor is not None:
            return ActorMention(start, end, text[start:end], alias.actor, False, alias.label)
        rule = self._rules[alias.label]
        if rule.resolve == "country":
            actor = self.forces_of(country, force=rule.force or "military")
            return ActorMention(start, end, text[start:end], actor, False, alias.label)
        return ActorMention(start, end, text[start:end], None, True, alias.label)

    def resolve_generic(
        self, word: str, *, context: Sequence[str], country: str | None = None
    ) -> str:
        """The canonical actor a generic word means here.

        ``word`` is the word as found ("les terroristes") or its label ("GENERIC_ARMED").
        ``context`` lists the actors named around it, nearest first (canonical names or any
        alias), then, if the caller wishes, the article's main actors: the first non-state
        actor on a side the word can designate wins, else the word's fallback (Syrian rebels
        (unspecified); Unidentified Armed Group (Syria) for "hommes armés"). Country words
        ("l'armée") give the forces of ``country``. An unknown word is a KeyError.
        """
        rule = self._rule_for(word)
        if rule.resolve == "country":
            return self.forces_of(country, force=rule.force or "military")
        if rule.resolve == "context":
            for item in context:
                actor = self._actors.get(item) or self.match(item, country=country)
                if (
                    actor is not None
                    and actor.kind != "state"
                    and actor.side in rule.sides
                    and actor.name not in rule.exclude
                ):
                    return actor.name
        assert rule.fallback is not None  # guaranteed by the loader for context/fixed rules
        return rule.fallback

    def _rule_for(self, word: str) -> GenericRule:
        if word in self._rules:
            return self._rules[word]
        alias = self._whole(word)
        if alias is None or alias.actor is not None:
            raise KeyError(f"{word!r} is not a generic actor word")
        return self._rules[alias.label]

    # ------------------------------------------------------------------ spaCy
    def patterns(self, *, tokenizer: Callable[[str], Iterable[Any]] | None = None) -> list[dict[str, Any]]:
        """Token patterns for a spaCy SpanRuler / EntityRuler, one per alias and generic word.

        ``label`` (and ``id``) is the canonical name, or GENERIC_ARMED / GENERIC_REBEL / GENERIC_UNNAMED /
        GENERIC_UNIDENTIFIED / COUNTRY_MILITARY / COUNTRY_POLICE as in :class:`ActorMention`.
        Tokens match on LOWER, as written and without accents; hyphens and lone apostrophes are
        optional; capitals of case-sensitive aliases match on ORTH. Aliases are cut with
        ``tokenizer`` (default: a blank French spaCy tokenizer) so the patterns fit the
        pipeline's tokens. Accent variants other than "as written" and "none" are not covered:
        :meth:`find_mentions` is the exact reference.
        """
        tokenize = tokenizer or _french_tokenizer()
        out: list[dict[str, Any]] = []
        for alias in self._by_norm.values():
            pattern = [_token_pattern(t.text, case_sensitive=any(alias.exact)) for t in tokenize(alias.surface)]
            out.append({"label": alias.label, "id": alias.label, "pattern": pattern})
        return out


def _token_pattern(text: str, *, case_sensitive: bool) -> dict[str, Any]:
    if text in _HYPHENS:
        return {"ORTH": {"IN": _HYPHENS}, "OP": "?"}
    if text in _APOSTROPHES:
        return {"ORTH": {"IN": list(_APOSTROPHES)}, "OP": "?"}
    if case_sensitive and text.isupper() and len(text) > 1:
        return {"ORTH": text}
    lower = text.lower()
    variants = {lower, _unaccent(lower)}
    variants |= {v.replace("'", "’") for v in variants} | {v.replace("’", "'") for v in variants}
    if len(variants) == 1:
        return {"LOWER": lower}
    return {"LOWER": {"IN": sorted(variants)}}


@lru_cache(maxsize=1)
def _french_tokenizer() -> Callable[[str], Iterable[Any]]:
    import spacy  # spaCy is only needed by callers that want patterns

    return spacy.blank("fr").tokenizer


@lru_cache(maxsize=1)
def _default_registry() -> ActorRegistry:
    return ActorRegistry.from_data(load_yaml(DATA_FILE))


def _disjoint(found: list[tuple[int, int, _Alias]]) -> list[tuple[int, int, _Alias]]:
    """The matches kept in ``found``'s order of preference, each only when it overlaps none kept
    before it, in text order. The kept ones never overlap, so the one starting last before a
    match's end is the only one that may reach into it: a bisection, not a scan of all kept."""
    starts: list[int] = []
    ends: list[int] = []
    taken: list[tuple[int, int, _Alias]] = []
    for f in found:
        k = bisect_left(starts, f[1])  # kept matches starting before f ends: starts[:k]
        if k and ends[k - 1] > f[0]:
            continue
        starts.insert(k, f[0])
        ends.insert(k, f[1])
        taken.insert(k, f)
    return taken
