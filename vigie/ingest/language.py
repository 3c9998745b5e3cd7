"""Telling the language of an article with py3langid, restricted to plausible languages.

Why restricted: over its 97 languages py3langid mistakes short French wire copy for
neighbouring languages now and then; the list in ``data/ingest.yml`` holds the languages a
monitor of the Syrian war actually meets. Non-French articles are still ingested, with their
language set, and the caller reports them as unsupported.
"""
from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from vigie.ingest.config import load_ingest_config

UNDETERMINED = "und"


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """The py3langid model, loaded once and restricted to the configured languages."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(load_ingest_config().languages))
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "und" when there are too few letters to tell."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < load_ingest_config().min_letters_for_language:
        return UNDETERMINED
    lang, _prob = _identifier().classify(text)
    return str(lang)
