"""Which actor a span names: named mentions, generic words resolved from context, opponents.

Why a module of its own: event assembly (events.py) asks the same questions of every frame -
who is inside the agent span, which group a generic word ("terroristes") means here, who
fights whom - and the answers depend on the article (its named actors, the words around a
mention) but not on the frame being assembled. ``ActorPicker`` holds one article's text and a
memo of its resolutions; ``start`` resets both for the next article.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import chain
from typing import TYPE_CHECKING, Any

from vigie.extract.frames import DocFrames, Frame, TextSpan
from vigie.models import Actor
from vigie.resolve.actors import ActorMention, ActorRegistry

if TYPE_CHECKING:
    from vigie.extract.fold import AssemblyRules
    from vigie.extract.subtypes import EventRules

CIVILIANS = "Civilians (Syria)"
# "de", "du", "des", "de la", "de l'" between a member word and the group it belongs to
_OF = re.compile(r"\s*(?:de(?:s|\s+la|\s+l['’])?|du|d['’])\s*")
_WORD = re.compile(r"[^\W\d_]+")


class ActorPicker:
    """One article's actor questions, answered from its mentions and the registries."""

    def __init__(self, *, actors: ActorRegistry, rules: "EventRules", assembly: "AssemblyRules") -> None:
        self.actors = actors
        self.rules = rules
        self.assembly = assembly
        self._memo: dict[tuple[Any, ...], Any] = {}
        self._text = ""
        self._indexed: tuple[list[ActorMention], list[int], list[int]] | None = None

    def start(self, text: str) -> None:
        """A new article: forget the last one's resolutions."""
        self._memo = {}
        self._text = text
        self._indexed = None

    def _offsets(self, mentions: list[ActorMention]) -> tuple[list[int], list[int]] | None:
        """Starts and ends of the article's mentions, both ascending (the registry finds them in
        text order, without overlaps), so a span's mentions are found by bisection rather than by
        scanning the whole article for every frame; None when they are not in that order."""
        if self._indexed is None or self._indexed[0] is not mentions:
            starts, ends = [m.start for m in mentions], [m.end for m in mentions]
            ordered = all(a <= b for a, b in zip(starts, starts[1:])) and all(a <= b for a, b in zip(ends, ends[1:]))
            self._indexed = (mentions, starts, ends) if ordered else (mentions, [], [])
        _, starts, ends = self._indexed
        return (starts, ends) if len(starts) == len(mentions) else None

    def starting_in(self, mentions: list[ActorMention], lo: int, hi: int) -> list[ActorMention]:
        """The mentions starting in [lo, hi), in text order."""
        offsets = self._offsets(mentions)
        if offsets is None:
            return [m for m in mentions if lo <= m.start < hi]
        starts = offsets[0]
        return mentions[bisect_left(starts, lo):bisect_left(starts, hi)]

    def overlapping(self, mentions: list[ActorMention], spans: tuple[TextSpan, ...]) -> list[ActorMention]:
        """The mentions overlapping any of ``spans``, in text order."""
        offsets = self._offsets(mentions)
        if offsets is None:
            return [m for m in mentions if any(m.start < s.end and s.start < m.end for s in spans)]
        starts, ends = offsets
        hits: set[int] = set()
        for s in spans:
            hits.update(range(bisect_right(ends, s.start), bisect_left(starts, s.end)))
        return [mentions[i] for i in sorted(hits)]

    def get(self, name: str | None) -> Actor | None:
        if not name:
            return None
        try:
            return self.actors.get(name)
        except KeyError:
            return None

    def allied(self, a: str | None, b: str | None) -> bool:
        """Both on the government's side: "l'aviation russe a bombardé X, où l'armée progresse"
        does not strike the army (a patient span may run into a relative clause)."""
        x, y = self.get(a), self.get(b)
        return bool(x and y and self.assembly.camp(x) == self.assembly.camp(y) == "government")

    def resolve(self, m: ActorMention, context: list[str]) -> str | None:
        if m.actor and not m.generic:
            return m.actor
        key = ("actor", m.text, tuple(context))
        if key not in self._memo:
            try:
                self._memo[key] = self.actors.resolve_generic(m.text, context=context)
            except KeyError:
                self._memo[key] = None
        return self._memo[key]

    def near_actors(self, mentions: list[ActorMention], df: DocFrames, si: int) -> list[str]:
        """Named actors of the sentence and its neighbours, nearest sentence first."""
        if ("near", si) in self._memo:
            return self._memo[("near", si)]
        order = [si, si - 1, si + 1, si - 2]
        out: list[str] = []
        for k in order:
            if 0 <= k < len(df.sentences):
                s = df.sentences[k]
                out += [m.actor for m in self.starting_in(mentions, s.start, s.end) if m.actor and not m.generic]
        self._memo[("near", si)] = uniq(out)
        return self._memo[("near", si)]

    def qualifies_place(self, m: ActorMention) -> bool:
        """A generic word qualifying a place names no actor ("ville rebelle", "quartiers insurgés");
        nor does the holder of a place ("dans des zones contrôlées par les rebelles de l'ASL")."""
        if self.assembly.holds_place(self._text[max(0, m.start - 40):m.start]):
            return True
        if not m.generic:
            return False
        before = _WORD.findall(self._text[max(0, m.start - 30):m.start])
        return bool(before) and (before[-1].lower() in self.rules.place_nouns or before[-1].lower().rstrip("sx") in self.rules.place_nouns)

    def named_over_generic(self, found: list[ActorMention]) -> list[ActorMention]:
        """"des hommes armés de HTS", "neuf soldats de l'Armée syrienne libre": the named group
        the generic word is a member of, not the unidentified gunmen or the country's army."""
        return [m for m, o in zip(found, [*found[1:], None]) if not self._member_word(m, o)]

    def _member_word(self, m: ActorMention, following: ActorMention | None) -> bool:
        """Is ``m`` a generic or country word whose group the mention right after it names?"""
        return (following is not None and m.label != m.actor and bool(following.actor)
                and following.label == following.actor and 0 <= following.start - m.end <= 8
                and _OF.fullmatch(self._text[m.end:following.start]) is not None)

    def actors_in(self, spans: tuple[TextSpan, ...], mentions: list[ActorMention], context: list[str]) -> list[str]:
        # overlap, not inclusion: "raids russes" is one mention, the agent span only "russes"
        found = self.named_over_generic([m for m in self.overlapping(mentions, spans) if not self.qualifies_place(m)])
        return uniq([a for a in (self.resolve(m, context) for m in found) if a])

    def sentence_agent(self, fr: Frame, df: DocFrames, mentions: list[ActorMention], context: list[str],
                       patient: list[str]) -> str | None:
        """The author a sibling frame of the sentence names: "des roquettes tirées par les
        terroristes" - the munition noun speaks, its participle (too weak to be kept) knows who fired.
        A battle noun with no author ("après trois jours de combats, les rebelles...") takes the
        first actor its sentence names: a clash needs two sides, and they are in the sentence."""
        for other in self._frames_of(df, fr.sentence):
            if other is fr or other.status != "event" or not other.agent:
                continue
            found = [a for a in self.actors_in(other.agent, mentions, context) if a not in patient and a != CIVILIANS]
            if found:
                return found[0]
        if fr.rule != "clash":
            return None
        sent = df.sentences[fr.sentence]
        inside = self.named_over_generic([m for m in self.starting_in(mentions, sent.start, sent.end)
                                          if not self.qualifies_place(m)])
        return next((a for a in (self.resolve(m, context) for m in inside) if a and a not in patient and a != CIVILIANS), None)

    def _frames_of(self, df: DocFrames, sentence: int) -> list[Frame]:
        """The frames of one sentence, in frame order (grouped once per article)."""
        key = ("frames", id(df))
        if key not in self._memo:
            groups: dict[int, list[Frame]] = {}
            for f in df.frames:
                groups.setdefault(f.sentence, []).append(f)
            self._memo[key] = (df, groups)  # df kept alive with its id
        return self._memo[key][1].get(sentence, [])

    def state_author(self, fr: Frame, df: DocFrames) -> str | None:
        """A state standing for its forces when no actor is named: "Israël a mené une série de
        frappes" (a state name as the subject, before the trigger, after no preposition), "le
        bombardement ... qu'il attribue à l'artillerie gouvernementale" (a government adjective
        in the frame's agent span). Words: assembly.yml state_forces."""
        for span in fr.agent:
            found = self.assembly.state_named(span.text, names_only=False)
            if found:
                return found
        sent = df.sentences[fr.sentence]
        return self.assembly.state_named(self._text[sent.start:fr.trigger.start], names_only=True)

    def opponent(self, actor1: str | None, mentions: list[ActorMention], df: DocFrames, fr: Frame,
                 article_actors: list[str]) -> str | None:
        """The enemy of actor1 named most recently before the trigger (else anywhere in the article)."""
        me = self.get(actor1)
        if me is None:
            return None
        context = self.near_actors(mentions, df, fr.sentence) + article_actors
        targets = dict(self.assembly.targets).get(me.name)
        if targets:
            # a foreign force fights its listed targets in their order (Turkey in Afrin: the Kurdish
            # units, not the Syrian army a passing "supplétifs syriens" names)
            named = {self.resolve(m, context) for m in mentions}
            return next((t for t in targets if t in named), None)
        # nearest before the trigger first, then after it; resolved one by one, as far as needed
        before = self.starting_in(mentions, -1, fr.trigger.start)
        after = mentions[len(before):] if self._offsets(mentions) is not None else [m for m in mentions if m.start >= fr.trigger.start]
        # a member word ("soldats de l'ASL") is read as the group it names, as in actors_in
        seq = before + after
        for i in chain(range(len(before) - 1, -1, -1), range(len(before), len(seq))):
            m = seq[i]
            if self._member_word(m, seq[i + 1] if i + 1 < len(seq) else None):
                continue
            name = self.resolve(m, context)
            other = self.get(name)
            if other is None or name == actor1 or other.kind == "civilians":
                continue
            if self.assembly.enemies(me, other):
                return name
        return None


def inside(m: ActorMention, spans: tuple[TextSpan, ...]) -> bool:
    return any(s.start <= m.start and m.end <= s.end for s in spans)


def uniq(items: list[Any]) -> list[Any]:
    out: list[Any] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out
