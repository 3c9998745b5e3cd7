"""The words and thresholds of event assembly (assembly.yml), with the small readers that use them.

Why a module of its own: what counts as a headline, a launch day, a hearsay cue, a holder, a
compass point or a state standing for its forces is data; the modules that assemble events
(events, fold, dating, locate, authorship, actors_pick) all read it through one frozen record.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from vigie.errors import DataFileError


@dataclass(frozen=True)
class AssemblyRules:
    """Thresholds of ``assembly.yml``: what is a headline, the lead, the place fallback order."""

    headline_max_chars: int
    lead_paragraphs: int
    place_fallback: tuple[str, ...]
    narrative_days: tuple[tuple[str, int], ...] = ()
    narrative_window: int = 3
    same_time: tuple[str, ...] = ()
    media_nouns: frozenset[str] = frozenset()
    nominal_determiners: frozenset[str] = frozenset()
    hearsay_cues: tuple[str, ...] = ()
    launch_nouns: tuple[str, ...] = ()
    launch_before: tuple[str, ...] = ()
    launch_after: tuple[str, ...] = ()
    day_words: tuple[str, ...] = ()
    allies: tuple[tuple[str, str], ...] = ()
    targets: tuple[tuple[str, tuple[str, ...]], ...] = ()
    lead_forces: tuple[str, ...] = ()
    author_after: tuple[str, ...] = ()
    author_window: int = 90
    accuse_verbs: tuple[str, ...] = ()
    region_nouns: tuple[str, ...] = ()
    region_sides: tuple[str, ...] = ()
    region_km: float = 30.0
    holder_cues: tuple[str, ...] = ()
    day_parts: tuple[str, ...] = ()
    ongoing_cues: tuple[str, ...] = ()
    air_forces: tuple[str, ...] = ()
    compass_points: tuple[str, ...] = ()
    state_forces: tuple[tuple[str, str], ...] = ()  # (word, actor), longest word first
    back_determiners: frozenset[str] = frozenset()  # "ce raid", "l'attaque": a deed told before
    carried_date_km: float = 30.0  # an undated telling this near the day told a paragraph before is that day's
    unweighed_types: frozenset[str] = frozenset()  # event types the learned gate's keep_from never drops
    scene_severity: tuple[tuple[str, ...], ...] = ()  # sub-type ladders, mildest first (one_per_scene)
    story_day_sentences: int = 0  # the lead's first sentences that may name the story's day (0: none)
    civilian_target_types: frozenset[str] = frozenset()  # event types and sub-types whose actor2, when unnamed, is civilians
    refined_tellings: frozenset[tuple[str, str]] = frozenset()  # (sub-type, the closer telling's sub-type that wins)
    quarter_km: float = 0.0  # a town's neighbourhoods lie this close to its point (0: no town-to-quarter fold)
    unnamed_actor2: tuple[tuple[str, str], ...] = ()  # (sub-type, actor2 when none is named)
    additive_words: tuple[str, ...] = ()  # "le raid a également touché X": a new place of the deed told before

    def camp(self, actor: Any) -> str:
        """The side an actor (vigie.models.Actor) fights on: the government's (state forces,
        pro-government militias, the foreign forces assembly.yml lists as its allies) or another."""
        own = dict(self.allies).get(actor.name)
        if own:
            return own
        return "government" if actor.inter == 1 or actor.side == "government" else "other"

    def enemies(self, a: Any, b: Any) -> bool:
        """Whether actors ``a`` and ``b`` fight each other: a foreign force with listed targets
        (Turkey: the Kurdish units; the Coalition: IS) fights those only; else the camps differ."""
        targets = dict(self.targets)
        if a.name in targets or b.name in targets:
            return b.name in targets.get(a.name, ()) or a.name in targets.get(b.name, ())
        return self.camp(a) != self.camp(b)

    def launch_days(self, text: str) -> list[tuple[int, int, int, int]]:
        """(noun start, noun end, day start, day end) of each day named for the launch of an
        offensive that led to something else: "après une offensive dimanche", "l'assaut lancé
        lundi", "une offensive éclair samedi qui a abouti à". Offsets into ``text``."""
        if not (self.launch_nouns and self.day_words):
            return []
        pat, after, before = _launch_patterns(self.launch_nouns, self.day_words, self.launch_after, self.launch_before)
        out = []
        for m in pat.finditer(text):
            between = text[m.end("noun"):m.start("day")].lower()
            launched = any(w in between for w in self.launch_after)
            led = bool(after and after.match(text, m.end("day")))
            came_after = bool(before and before.search(text[max(0, m.start() - 40):m.start()]))
            if launched or led or came_after:
                out.append((m.start("noun"), m.end("noun"), m.start("day"), m.end("day")))
        return out

    def holds_place(self, before: str) -> bool:
        """Whether ``before`` (the words right before an actor) ends with a holder cue
        ("zones contrôlées par les", "aux mains des"): that actor holds the place, it does not act."""
        low = " ".join(before.lower().replace("’", "'").split())
        # up to four words between: "contrôlées par les rebelles de l'" + "ASL"
        return _found(self.holder_cues, r"(?<!\w)", r"(?:\s*[^\W\d]+(?:'|\s+|$)){0,4}$", low)

    def hearsay(self, text: str) -> bool:
        """Whether ``text`` frames what it says as a rumour, belief or expectation."""
        low = " ".join(text.lower().replace("’", "'").split())
        return _found(self.hearsay_cues, r"(?<!\w)", "", low)

    def tells_same_time(self, text: str) -> bool:
        """Whether ``text`` opens with "Dans le même temps" or a like phrase."""
        low = " ".join(text.lower().replace("’", "'").split())
        return any(low.startswith(w) for w in self.same_time)

    def goes_on(self, text: str) -> bool:
        """Whether ``text`` (the words before a trigger) ends telling something still going on:
        "les insurgés continuent de" + "combattre", "poursuivent leurs" + "raids"."""
        low = " ".join(text.lower().replace("’", "'").split())
        return _found(self.ongoing_cues, r"(?<!\w)", r"(?:\s+(?:leur|leurs|ses|son|sa|les|la|le|l'|des|de|d'|à))?\s*$", low)

    def names_day_part(self, text: str) -> bool:
        """Whether ``text`` names a part of a day ("à l'aube", "en soirée")."""
        low = " ".join(text.lower().replace("’", "'").split())
        return _found(self.day_parts, r"(?<!\w)", r"(?!\w)", low)

    def state_named(self, text: str, *, names_only: bool) -> str | None:
        """The forces of the first state ``text`` names (state_forces); with ``names_only`` only
        capitalised names opening the sentence or a clause after a comma count (the subject:
        "Israël a mené...", "Depuis 2011, Israël a..." - not "des cibles en Israël", not "accusent
        Moscou de frapper", an accusation)."""
        found: list[tuple[int, str]] = []
        for word, actor in self.state_forces:
            if names_only and not word[:1].isupper():
                continue
            for m in _state_word(word).finditer(text):
                if names_only and not _CLAUSE_OPENING.search(text[:m.start()]):
                    continue
                found.append((m.start(), actor))
        return min(found)[1] if found else None

    def adds_to(self, after: str) -> bool:
        """Whether ``after`` (the words right after a trigger) opens with an additive word within
        its first few words: "le raid" + " a également touché", "les frappes" + " ont aussi visé"."""
        low = " ".join(after.lower().replace("’", "'").split())
        return _found(self.additive_words, r"^(?:[^\W\d]+'?\s+){0,3}", r"(?!\w)", low)

    def narrative_shift(self, text: str) -> int | None:
        """Days from the story's day when ``text`` says "la veille" / "le lendemain", else None."""
        low = " ".join(text.lower().replace("’", "'").split())
        return next((d for w, d in self.narrative_days if _whole_word(w).search(low)), None)

    @classmethod
    def load(cls, name: str = "assembly.yml") -> "AssemblyRules":
        from vigie.data import load_yaml

        return cls.from_data(load_yaml(name))

    @classmethod
    def from_data(cls, data: Any) -> "AssemblyRules":
        if not isinstance(data, dict):
            raise DataFileError("assembly.yml: expected a mapping")
        try:
            order = tuple(str(x) for x in data["place_fallback"])
            days = tuple((" ".join(str(w).lower().split()), int(d)) for w, d in data["narrative_days"].items())
            words = lambda key: tuple(" ".join(str(w).lower().split()) for w in data.get(key) or ())  # noqa: E731
            rules = cls(int(data["headline_max_chars"]), int(data["lead_paragraphs"]), order, days,
                        int(data["narrative_window"]), words("same_time"), frozenset(words("media_nouns")),
                        frozenset(words("nominal_determiners")), words("hearsay_cues"), words("launch_nouns"),
                        words("launch_before"), words("launch_after"), words("day_words"),
                        tuple((str(k), str(v)) for k, v in (data.get("allies") or {}).items()),
                        tuple((str(k), tuple(str(x) for x in v)) for k, v in (data.get("targets") or {}).items()),
                        tuple(str(x) for x in data.get("lead_forces") or ()), words("author_after"),
                        int(data.get("author_window", 90)), words("accuse_verbs"), words("region_nouns"),
                        words("region_sides"), float(data.get("region_km", 30)), words("holder_cues"),
                        words("day_parts"), words("ongoing_cues"), tuple(str(x) for x in data.get("air_forces") or ()),
                        words("compass_points"),
                        tuple(sorted(((str(w), str(a)) for a, ws in (data.get("state_forces") or {}).items() for w in ws),
                                     key=lambda wa: -len(wa[0]))),
                        frozenset(words("back_determiners")), float(data.get("carried_date_km", 30)),
                        frozenset(str(x) for x in data.get("unweighed_types") or ()),
                        tuple(tuple(str(x) for x in ladder) for ladder in data.get("scene_severity") or ()),
                        int(data.get("story_day_sentences", 0)),
                        frozenset(str(x) for x in data.get("civilian_target_types") or ()),
                        frozenset((str(k), str(v)) for k, v in (data.get("refined_tellings") or {}).items()),
                        float(data.get("quarter_km", 0)),
                        tuple((str(k), str(v)) for k, v in (data.get("unnamed_actor2") or {}).items()),
                        additive_words=words("additive_words"))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DataFileError(f"assembly.yml: missing or bad value: {exc}") from exc
        unknown = set(order) - FALLBACK_STEPS
        if unknown:
            raise DataFileError(f"assembly.yml: unknown place_fallback steps {sorted(unknown)}")
        return rules


_CLAUSE_OPENING = re.compile(r"(?:^|,)\s*(?:(?:la|le|les|l['’])\s*)?$", re.IGNORECASE)
FALLBACK_STEPS = frozenset({"sentence", "paragraph", "article", "governorate"})


# The readers above run for every frame; their patterns are compiled once per word list here
# (the lists are the rules' tuples) rather than rebuilt, escaped and looked up on every call.

def _found(words: tuple[str, ...], before: str, after: str, text: str) -> bool:
    """Whether any of ``words`` occurs in ``text`` between the contexts ``before`` and ``after``."""
    return bool(words) and _any_of(words, before, after).search(text) is not None


@lru_cache(maxsize=32)
def _any_of(words: tuple[str, ...], before: str, after: str) -> re.Pattern[str]:
    # one alternation finds a match exactly where one of the words alone would
    return re.compile(before + "(?:" + "|".join(re.escape(w) for w in words) + ")" + after)


@lru_cache(maxsize=1024)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")


@lru_cache(maxsize=1024)
def _state_word(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(word).replace("'", "['’]") + r"(?!\w)")


@lru_cache(maxsize=4)
def _launch_patterns(nouns: tuple[str, ...], days: tuple[str, ...], after: tuple[str, ...],
                     before: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]:
    """The patterns of :meth:`AssemblyRules.launch_days`: a launch noun and its day, the words
    after the day and before the noun that make it a launch."""
    alt = lambda ws: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    pat = re.compile(
        r"(?<!\w)(?P<noun>" + alt(nouns) + r")(?:\s+[^\W\d]+){0,2}?\s+(?:(?:le|ce)\s+)?"
        r"(?P<day>" + alt(days) + r")(?!\w)", re.IGNORECASE)
    after_re = re.compile(r"[\s,]*(?:(?:matin|soir|après-midi|dernier)\s+)?(?:" + alt(after) + r")(?!\w)", re.IGNORECASE) if after else None
    before_re = re.compile(r"(?<!\w)(?:" + alt(before) + r")\s+(?:\S+\s+){0,2}$", re.IGNORECASE) if before else None
    return pat, after_re, before_re
