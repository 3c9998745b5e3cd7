"""The date of one frame: its clause's time expression, else its sentence's, else its paragraph's.

Why a module of its own: which time expression dates an event is most of what goes wrong with
dates, and each fix is about *which words speak for the trigger* - a relative clause of the
patient dates an older loss ("les points qu'elle a perdus la semaine passée"), a day named for
the launch of an offensive dates its start, not its outcome ("quelques heures après une offensive
dimanche qui a abouti à la prise de X"), "la veille" counts from the story's day. The words that
say so are data (assembly.yml); this module only blanks them (offsets are kept) before the
resolver (vigie.resolve.dates) reads the text.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Callable

from vigie.extract.frames import DocFrames, Frame
from vigie.resolve.dates import is_background, resolve_event_date

if TYPE_CHECKING:
    from vigie.extract.events import ArticleInput
    from vigie.extract.fold import AssemblyRules, Draft

_RELATIVE = re.compile(r"\s(?:qu['’]|que\s|qui\s|dont\s|où\s|lesquel)", re.IGNORECASE)
_TOLL_RULES = frozenset({"bombing", "gunfire", "kill", "massacre", "chemical"})
Blank = Callable[[int, str], str]


class EventDater:
    """Dates the frames of one article (a fresh instance, or :meth:`reset`, per article)."""

    def __init__(self, assembly: "AssemblyRules", *, background_days: int) -> None:
        self.assembly = assembly
        self.background_days = background_days
        self._memo: dict[tuple[Any, ...], Any] = {}

    def reset(self) -> None:
        self._memo = {}

    def date(self, fr: Frame, df: DocFrames, art: "ArticleInput", *, last: "Draft | None" = None) -> tuple[date | None, str, bool]:
        """(day, precision, dated); day None = no event (history, future, campaign toll).
        ``last`` is the event told just before (for "Dans le même temps")."""
        sent = df.sentences[fr.sentence]
        key = ("background", fr.clause.text)
        if key not in self._memo:
            self._memo[key] = is_background(fr.clause.text, art.published, max_age_days=self.background_days)
        if self._memo[key]:
            return None, "", False
        opening = self._fronted(sent.text, fr.trigger.start - sent.start)
        if opening and is_background(opening, art.published, max_age_days=self.background_days):
            return None, "", False  # "Depuis le début du conflit en 2011, Israël a mené des centaines de frappes"
        if last is not None and last.dated and self.assembly.tells_same_time(sent.text):
            return last.when, last.precision, True
        blank = self._blanker(fr, art.text)
        paragraph = " ".join(blank(s.start, s.text) for s in self._paragraph(df, sent.paragraph))
        for text, anchor in ((blank(fr.clause.start, fr.clause.text), fr.trigger.start - fr.clause.start),
                             (blank(sent.start, sent.text), fr.trigger.start - sent.start), (paragraph, None)):
            shift = self.assembly.narrative_shift(text) if anchor is not None else None
            if shift is not None:
                anchor_day = self._narrative_anchor(df, fr.sentence, art)
                if anchor_day is not None:
                    return anchor_day + timedelta(days=shift), "day", True
            key = ("date", text, anchor)
            if key not in self._memo:
                self._memo[key] = resolve_event_date(text, art.published, anchor=anchor)
            res = self._memo[key]
            if res.is_default:
                continue
            if anchor is None and (res.kind == "future" or (art.published - res.date).days > self.background_days):
                # another sentence's history or plan ("depuis le début du conflit, en mars 2011")
                # dates that sentence only: it does not make this frame history
                continue
            if res.kind == "future":
                return None, "", False  # "l'entrée en vigueur vendredi prochain": not yet an event
            if res.kind == "start" and res.precision != "day" and fr.rule in _TOLL_RULES:
                return None, "", False  # "depuis le 30 avril, 300 civils tués": a campaign toll
            if (art.published - res.date).days > self.background_days:
                return None, "", False
            if anchor is None and res.kind == "start":
                # "Depuis dimanche, ..." said earlier in the paragraph: the fighting still goes on
                return art.published, "week", False
            return res.date, res.precision, True
        if self.assembly.names_day_part(fr.clause.text) or self.assembly.names_day_part(sent.text):
            # "des combats ont éclaté à l'aube", no day named: the story's day
            anchor_day = self._narrative_anchor(df, fr.sentence, art)
            if anchor_day is not None:
                return anchor_day, "day", True
        lead_in = sent.text[max(0, fr.trigger.start - sent.start - 40):fr.trigger.start - sent.start]
        if art.published_known and self.assembly.goes_on(lead_in):
            return art.published, "day", True  # still going on as the report is written
        story = self._story_day(df, art)
        if story is not None and story[1] < fr.sentence:
            return story[0], "day", False
        return art.published, "week", False

    def _story_day(self, df: DocFrames, art: "ArticleInput") -> tuple[date, int] | None:
        """The day the lead names (within its first sentences) and the sentence naming it: a wire
        dates its news once ("12 soldats ont été tués samedi") and tells the details after without
        a day, so a detail whose paragraph names no time is that day's, not the publication's."""
        key = ("story",)
        if key not in self._memo:
            self._memo[key] = None
            for k in range(min(len(df.sentences), self.assembly.story_day_sentences)):
                day = self._day_named(df.sentences[k].text, art)
                if day is not None and 0 <= (art.published - day).days <= self.background_days:
                    self._memo[key] = (day, k)
                    break
        return self._memo[key]

    def names_time(self, text: str, art: "ArticleInput") -> bool:
        """Whether ``text`` names any time at all (a day, a date, a day part, a span): a passage
        that names none may take its day from the one before."""
        key = ("date", text, None)
        if key not in self._memo:
            self._memo[key] = resolve_event_date(text, art.published, anchor=None)
        return not self._memo[key].is_default or self.assembly.names_day_part(text)

    def _paragraph(self, df: DocFrames, paragraph: int) -> list[Any]:
        """The sentences of ``paragraph``, grouped once per article (not searched for every frame)."""
        key = ("paragraphs",)
        if key not in self._memo:
            groups: dict[int, list[Any]] = {}
            for s in df.sentences:
                groups.setdefault(s.paragraph, []).append(s)
            self._memo[key] = groups
        return self._memo[key].get(paragraph, [])

    @staticmethod
    def _fronted(text: str, trigger: int) -> str | None:
        """The adverbial opening the sentence before its first comma, when it comes before the
        trigger: it sets the time of the whole sentence ("Depuis le début du conflit en 2011, ...")."""
        comma = text.find(",")
        return text[:comma] if 0 < comma < trigger else None

    def _blanker(self, fr: Frame, text: str) -> Blank:
        """A text slicer that blanks the words dating something else than the frame:

        - the relative clauses inside the frame's patient: in "reconquérant les points qu'elle a
          perdus la semaine passée" the time expression dates the loss, not the reconquest;
        - the day of an offensive's launch (assembly.yml launch_nouns / launch_cues), unless the
          frame is that offensive: "quelques heures après une offensive dimanche qui a abouti à
          la prise de X" dates neither the taking of X nor what came hours after it.
        Offsets are kept (blanks, not cuts)."""
        cuts: list[tuple[int, int]] = []
        for span in fr.patient:
            m = _RELATIVE.search(span.text)
            if m:
                cuts.append((span.start + m.start(), span.end))
        base = max(0, fr.clause.start - 300)
        for noun_start, noun_end, day_start, day_end in self.assembly.launch_days(text[base:fr.clause.end + 300]):
            if not (base + noun_start <= fr.trigger.start < base + noun_end):
                cuts.append((base + day_start, base + day_end))

        def blank(start: int, text: str) -> str:
            for a, b in cuts:
                lo, hi = max(a - start, 0), min(b - start, len(text))
                if lo < hi:
                    text = text[:lo] + " " * (hi - lo) + text[hi:]
            return text
        return blank

    def _narrative_anchor(self, df: DocFrames, si: int, art: "ArticleInput") -> date | None:
        """The day of the nearest earlier sentence (within a few) that names one: "la veille" and
        "le lendemain" count from the story's day, not from the publication."""
        for k in range(si - 1, max(-1, si - 1 - self.assembly.narrative_window), -1):
            day = self._day_named(df.sentences[k].text, art)
            if day is not None:
                return day
        return None

    def _day_named(self, text: str, art: "ArticleInput") -> date | None:
        """The day ``text`` names for an event of its own (not a plan, nor a day counted from
        another one: "la veille"), else None; resolved once per text of the article."""
        key = ("date", text, None)
        if key not in self._memo:
            self._memo[key] = resolve_event_date(text, art.published)
        res = self._memo[key]
        if not res.is_default and res.precision == "day" and res.kind == "event" and self.assembly.narrative_shift(text) is None:
            return res.date
        return None
