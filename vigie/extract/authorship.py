"""Who the sentence says did it, when the frame's own subject does not: attributions and accusations.

Why a module of its own: the author of an attack is often not the grammatical subject of its
trigger. A participle after it names the author ("l'attaque perpétrée mercredi par le régime",
"un attentat attribué à l'EI"), and reports of contested attacks are told as accusations ("l'opposition
accuse le pouvoir d'avoir mené une attaque chimique"): there the accused is the author and the
accuser - the subject of the sentence, which the frame would otherwise take - is never it. The
words are data (assembly.yml author_after, author_window, accuse_verbs).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from vigie.resolve.actors import ActorMention

if TYPE_CHECKING:
    from vigie.extract.fold import AssemblyRules

_INTRO = re.compile(r"(?<!\w)(?:par|à|au|aux)(?!\w)", re.IGNORECASE)
_CHARGE = re.compile(r"(?<!\w)(?:d['’]|de\s|du\s)", re.IGNORECASE)
_DEED = re.compile(r"(?<!\w)d['’](?:avoir|être)(?!\w)", re.IGNORECASE)
_TO = re.compile(r"(?<!\w)(?:à|au|aux)(?!\w)", re.IGNORECASE)
_STOP = re.compile(r"[.;!?]")


@dataclass(frozen=True)
class Authorship:
    """The mentions naming the author of a trigger (``by``) and those naming who accuses (``accusers``);
    ``accused`` is True when the author comes from an accusation, not from a plain attribution."""

    by: tuple[ActorMention, ...] = ()
    accusers: tuple[ActorMention, ...] = ()
    accused: bool = False


class AuthorFinder:
    """Reads attribution participles and accusation verbs around a trigger."""

    def __init__(self, rules: "AssemblyRules") -> None:
        alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
        self.window = rules.author_window
        self._after = re.compile(r"(?<!\w)(?:" + alt(rules.author_after) + r")(?!\w)", re.IGNORECASE) if rules.author_after else None
        self._accuse = re.compile(r"(?<!\w)(?:" + alt(rules.accuse_verbs) + r")(?!\w)", re.IGNORECASE) if rules.accuse_verbs else None
        self._starts: tuple[Sequence[ActorMention], list[int] | None] | None = None

    def _starting_in(self, mentions: Sequence[ActorMention], lo: int, hi: int) -> Sequence[ActorMention]:
        """The mentions starting in [lo, hi): by bisection over the article's mentions (asked about
        every frame, so scanning them all each time grew with the square of the article)."""
        if self._starts is None or self._starts[0] is not mentions:
            starts = [m.start for m in mentions]
            self._starts = (mentions, starts if all(a <= b for a, b in zip(starts, starts[1:])) else None)
        starts = self._starts[1]
        if starts is None:
            return [m for m in mentions if lo <= m.start < hi]
        return mentions[bisect_left(starts, lo):bisect_left(starts, hi)]

    def find(self, text: str, *, sentence: tuple[int, int], trigger: tuple[int, int],
             mentions: Sequence[ActorMention]) -> Authorship:
        """``text`` is the article, ``sentence`` and ``trigger`` (start, end) offsets into it."""
        s_start, s_end = sentence
        t_start, t_end = trigger
        here = sorted(self._starting_in(mentions, s_start, s_end), key=lambda m: m.start)
        accusation = self._accusation(text, s_start, t_start, here)
        if accusation.by:
            return accusation
        after = self._attributed(text, t_end, s_end, here)
        if after:
            return Authorship(by=after, accusers=accusation.accusers)
        return accusation

    def _attributed(self, text: str, t_end: int, s_end: int, here: list[ActorMention]) -> tuple[ActorMention, ...]:
        """"perpétrée selon elle mercredi ... par le régime": the first actor after "par"/"à"
        that follows an attribution participle close after the trigger."""
        if self._after is None:
            return ()
        end = min(s_end, t_end + self.window)
        cue = self._after.search(text, t_end, end)
        if cue is None or _STOP.search(text, t_end, cue.start()):
            return ()
        intro = _INTRO.search(text, cue.end(), min(s_end, cue.end() + self.window))
        if intro is None:
            return ()
        found = next((m for m in here if m.start >= intro.end() and m.start - intro.end() <= self.window), None)
        return (found,) if found is not None else ()

    def _accusation(self, text: str, s_start: int, t_start: int, here: list[ActorMention]) -> Authorship:
        """"A accuse B d'avoir <trigger>" / "A impute <trigger> à B": B is the author, A accuses."""
        if self._accuse is None:
            return Authorship()
        verbs = [m for m in self._accuse.finditer(text, s_start, t_start)]
        if not verbs:
            return Authorship()
        verb = verbs[-1]
        accusers = tuple(m for m in here if m.end <= verb.start())
        if verb.group(0).lower().startswith("accus"):
            # "accusent le gouvernement de Bachar al-Assad d'avoir": the charge opens at
            # "d'avoir", else at the last "de" before the trigger ("accuse l'armée de l'attaque")
            deed = _DEED.search(text, verb.end(), t_start)
            charges = list(_CHARGE.finditer(text, verb.end(), t_start))
            stop = deed.start() if deed else (charges[-1].start() if charges else t_start)
            by = tuple(m for m in here if verb.end() <= m.start and m.end <= stop)
        else:
            to = _TO.search(text, verb.end(), verb.end() + self.window)
            by = tuple(m for m in here if to is not None and m.start >= to.end())[:1]
        return Authorship(by=by, accusers=accusers, accused=bool(by))
