"""Reading settings of the ingest stage, from ``data/ingest.yml`` (extensions, encodings, languages)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from vigie.data import load_yaml


@dataclass(frozen=True)
class IngestConfig:
    """What the readers need to know about files: why each knob exists is in the YAML file."""

    extensions: dict[str, str]
    encodings: tuple[str, ...]
    max_garbage_share: float
    languages: tuple[str, ...]
    min_letters_for_language: int
    shingle_words: int
    near_duplicate_jaccard: float
    hidden_tags: tuple[str, ...]
    hidden_attributes: tuple[str, ...]
    hidden_styles: tuple[str, ...]


@lru_cache(maxsize=1)
def load_ingest_config() -> IngestConfig:
    """The ingest configuration, read once on first use."""
    data = load_yaml("ingest.yml")
    return IngestConfig(
        extensions={k.lower(): v for k, v in data["extensions"].items()},
        encodings=tuple(data["encodings"]),
        max_garbage_share=float(data["max_garbage_share"]),
        languages=tuple(data["languages"]),
        min_letters_for_language=int(data["min_letters_for_language"]),
        shingle_words=int(data["shingle_words"]),
        near_duplicate_jaccard=float(data["near_duplicate_jaccard"]),
        hidden_tags=tuple(data["hidden_html"]["tags"]),
        hidden_attributes=tuple(data["hidden_html"]["attributes"]),
        hidden_styles=tuple(data["hidden_html"]["styles"]),
    )
