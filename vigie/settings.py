"""One table of settings (name, default, help), overlaid by the environment.

Why a table: every knob a user may turn is listed in one place with its reason, and the
CLI and library read the same values. ``VIGIE_<NAME>`` in the environment overrides a default.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "vigie.db", "SQLite database file or postgresql:// URL (also --db / VIGIE_DB)."),
    Setting("spacy_model", "fr_core_news_md", "spaCy model package used by the nlp stage."),
    Setting("batch_size", 16, "Articles per nlp.pipe batch."),
    Setting("merge_batch", 50, "Articles stored between two merges (and one at the end of a run): a merge rebuilds every event it touches, so an event told by hundreds of articles is rebuilt once per batch, not once per article."),
    Setting("max_file_bytes", 20_000_000, "Input files larger than this are refused, not read."),
    Setting("fatalities_policy", "lowest", "How fatalities_best is chosen: lowest (ACLED) or median (UCDP-style best estimate)."),
    Setting("learned_gate", True, "Let the trained sentence model (vigie train) decide which frames count, with the rules' findings as its features; off: the rules alone."),
    Setting("fuzzy_threshold", 88, "Minimum rapidfuzz score for a fuzzy gazetteer match."),
    Setting("scheduler_timeout", 10, "Seconds to reach a Dask scheduler (--scheduler) before giving up."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> Any:
    """The value of a setting: ``VIGIE_<NAME>`` if set (cast to the default's type), else the default."""
    setting = _BY_NAME[name]
    raw = os.environ.get(f"VIGIE_{name.upper()}")
    if raw is None:
        return setting.default
    if isinstance(setting.default, bool):
        return raw.lower() in {"1", "true", "yes", "on"}
    if isinstance(setting.default, int):
        return int(raw)
    return raw
