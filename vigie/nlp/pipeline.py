"""Load the nlp pipeline once per process: fr_core_news_md plus vigie's components."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from vigie import settings
from vigie.nlp import components  # noqa: F401  (registers the factories)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The French model with the actor and source rulers and the frames component, initialised
    from the packaged data files. Cached: every caller in a process shares one pipeline."""
    nlp = spacy.load(settings.get("spacy_model"), exclude=["ner"])
    actors = nlp.add_pipe("vigie_actor_ruler_v1", name="vigie_actors", after="lemmatizer")
    sources = nlp.add_pipe("vigie_source_ruler_v1", name="vigie_sources", after="vigie_actors")
    frames = nlp.add_pipe("vigie_frames_v1", name="vigie_frames", last=True)
    actors.initialize(nlp=nlp)
    sources.initialize(nlp=nlp)
    frames.initialize(nlp=nlp)
    return nlp
