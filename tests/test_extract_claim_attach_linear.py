"""Claim attachment costs in proportion to the article: each figure asks which drafts its words
name or which tell the sentences around it through indexes, not by scanning every draft (an
article with many separate events used to cost their number times its figures). Counted in
lines of claim_attach.py run, not timed."""
from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from types import FrameType
from typing import Any

from vigie.extract import claim_attach
from vigie.extract.attribution import SourceRegistry
from vigie.extract.fold import Draft
from vigie.extract.frames import DocFrames, Sentence
from vigie.models import Place


def _article(n: int) -> tuple[list[Draft], DocFrames, str]:
    """``n`` paragraphs, each an event at its own town and a toll told apart after it."""
    sentences, drafts, text = [], [], ""
    for i in range(n):
        town = f"Kafr Test{i:04d}"
        for j, body in enumerate((f"Des obus sont tombés mardi sur {town}.", f"Trois civils ont été tués à {town}.")):
            start = len(text)
            text += body + "\n\n"
            sentences.append(Sentence(start, start + len(body), body, 2 * i + j))
        place = Place(town, 35.0, 36.0, "Idlib", "Syria", "SY", 1, mention=town, gazetteer_id=f"t{i}")
        drafts.append(Draft("Shelling/artillery/missile attack", "Military Forces of Syria", None, [], [], place,
                            date(2015, 6, 9), "day", True, False, 0.6, "t", None, [2 * i], 2 * i))
    return drafts, DocFrames(frames=(), sentences=tuple(sentences), places=(), actors=(), sources=()), text


def _lines(n: int) -> tuple[int, list[Draft]]:
    drafts, df, text = _article(n)
    count: Counter[str] = Counter()
    path = claim_attach.__file__

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            count["lines"] += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename == path else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        claim_attach.attach_claims(drafts, df, text=text, outlet="AFP", sources=SourceRegistry.load(), window=1,
                                   headline=())
    finally:
        sys.settrace(previous)
    return count["lines"], drafts


def test_each_separate_toll_goes_to_its_own_event_and_the_work_grows_linearly() -> None:
    small, drafts = _lines(80)
    assert all([c.count for c in d.claims] == [3] for d in drafts)
    large, _ = _lines(240)
    assert large / small <= 3.2, (small, large)
