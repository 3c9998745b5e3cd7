"""vigie: French conflict news in, geocoded, source-attributed ACLED-style events out.

``vigie.extract(text, published="2015-06-10", outlet="AFP")`` is the one-call API; the stages
live in their sub-packages (``vigie.ingest``, ``vigie.extract``, ``vigie.merge``, ``vigie.store``).
"""
from __future__ import annotations

import importlib
from types import ModuleType


def __getattr__(name: str) -> ModuleType:
    """``vigie.extract`` without ``import vigie.extract``: loaded on first use, since it brings
    spaCy, which ``import vigie`` alone (the CLI, the store) must not pay for."""
    if name == "extract":
        return importlib.import_module("vigie.extract")
    raise AttributeError(f"module 'vigie' has no attribute {name!r}")
