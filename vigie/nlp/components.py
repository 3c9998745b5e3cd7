"""vigie's spaCy components, in spaCy's own anatomy (registered factories versioned by a "_v1" suffix, since spaCy forbids dots in factory names; keyword-only options,
patterns given at ``initialize``), so the pipeline can be inspected, configured and saved like
any spaCy pipeline.

- ``vigie_actor_ruler_v1``: a span ruler over the actor registry's aliases and generic words
  (``doc.spans["vigie_actors"]``, label = canonical name or GENERIC_* / COUNTRY_*).
- ``vigie_source_ruler_v1``: a span ruler over the source registry (``doc.spans["vigie_sources"]``).
- ``vigie_frames_v1``: event frames from the parse, stored on ``doc._.vigie_frames``.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Doc

from vigie.extract.frames import DocFrames, FrameBuilder
from vigie.extract.subtypes import EventRules
from vigie.extract.triggers import TriggerLexicon

if not Doc.has_extension("vigie_frames"):
    Doc.set_extension("vigie_frames", default=None)

_LONGEST = {"@misc": "spacy.first_longest_spans_filter.v1"}


@Language.factory(
    "vigie_actor_ruler_v1",
    assigns=["doc.spans"],
    default_config={"spans_key": "vigie_actors", "spans_filter": _LONGEST},
)
def make_actor_ruler(nlp: Language, name: str, *, spans_key: str, spans_filter: Callable) -> SpanRuler:
    """Patterns come at initialize: ``ActorRegistry.patterns(tokenizer=nlp.tokenizer)``."""
    return SpanRuler(nlp, name, spans_key=spans_key, spans_filter=spans_filter, annotate_ents=False,
                     validate=False, overwrite=True)


@Language.factory(
    "vigie_source_ruler_v1",
    assigns=["doc.spans"],
    default_config={"spans_key": "vigie_sources", "spans_filter": _LONGEST},
)
def make_source_ruler(nlp: Language, name: str, *, spans_key: str, spans_filter: Callable) -> SpanRuler:
    """Patterns come at initialize: ``SourceRegistry.patterns()``."""
    return SpanRuler(nlp, name, spans_key=spans_key, spans_filter=spans_filter, annotate_ents=False,
                     validate=False, overwrite=True)


class FramesComponent:
    """Builds event frames (see :mod:`vigie.extract.frames`) and sets ``doc._.vigie_frames``."""

    def __init__(self, nlp: Language, name: str, *, actors_key: str, sources_key: str) -> None:
        self.name = name
        self.actors_key = actors_key
        self.sources_key = sources_key
        self.builder: FrameBuilder | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon: TriggerLexicon | None = None,
        rules: EventRules | None = None,
    ) -> None:
        """Load the trigger lexicon and event rules (the packaged data files by default)."""
        self.builder = FrameBuilder(lexicon or TriggerLexicon.load(), rules or EventRules.load())

    def __call__(self, doc: Doc) -> Doc:
        if self.builder is None:
            self.initialize()
        assert self.builder is not None
        frames: DocFrames = self.builder(doc, actors_key=self.actors_key, sources_key=self.sources_key)
        doc._.vigie_frames = frames
        return doc


@Language.factory(
    "vigie_frames_v1",
    assigns=["doc._.vigie_frames"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
    default_config={"actors_key": "vigie_actors", "sources_key": "vigie_sources"},
)
def make_frames(nlp: Language, name: str, *, actors_key: str, sources_key: str) -> FramesComponent:
    return FramesComponent(nlp, name, actors_key=actors_key, sources_key=sources_key)
