"""A long article costs in proportion to its length: vigie's own work on an article three times
longer is three times the work, counted (lines of vigie's code run), not timed.

Why counted: timings depend on the machine and its load; a count of executed lines does not,
and it sees every scan (a line inside a loop or a comprehension counts once per item) that
grows with the square of the article, which made a 1M-character article take minutes."""
from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

import vigie
from vigie.bench import long_text
from vigie.extract import extract_articles
from vigie.models import Article

_ROOT = str(Path(vigie.__file__).resolve().parent)


def _lines_run(chars: int) -> Counter[str]:
    """Lines of vigie's code executed while extracting one article of ``chars`` characters, per function."""
    counts: Counter[str] = Counter()

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            counts[f"{frame.f_code.co_filename[len(_ROOT) + 1:]}:{frame.f_code.co_name}"] += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(_ROOT) else None

    article = Article(id=f"long-{chars}", text=long_text(chars), published=date(2015, 6, 10))
    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        list(extract_articles([article]))
    finally:
        sys.settrace(previous)
    return counts


def test_three_times_the_text_is_three_times_the_work() -> None:
    list(extract_articles([Article(id="warm", text=long_text(2000), published=date(2015, 6, 10))]))
    small, large = _lines_run(15_000), _lines_run(45_000)
    ratio = sum(large.values()) / sum(small.values())
    # linear work gives 3 (a little less: per-article set-up); a scan per mention of the
    # article's places gave 3.6 at these sizes, and grows with the length
    grown = {f: round(large[f] / small[f], 1) for f in large if small[f] >= 1000 and large[f] > 3.3 * small[f]}
    assert ratio <= 3.15, (ratio, grown)
    assert not grown
