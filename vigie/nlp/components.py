"""vigie's spaCy components, in spaCy's own anatomy (registered factories versioned by a "_v1" suffix, since spaCy forbids dots in factory names; keyword-only options,
data given at ``initialize``), so the pipeline can be inspected, configured and saved like
any spaCy pipeline.

- ``vigie_actor_ruler_v1``: a span ruler over the actor registry's aliases and generic words
  (``doc.spans["vigie_actors"]``, label = canonical name or GENERIC_* / COUNTRY_*).
- ``vigie_source_ruler_v1``: a span ruler over the source registry (``doc.spans["vigie_sources"]``).
- ``vigie_frames_v1``: event frames from the parse, stored on ``doc._.vigie_frames``.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from vigie.extract.attribution import SourceRegistry
from vigie.extract.frames import DocFrames, FrameBuilder
from vigie.extract.subtypes import EventRules
from vigie.extract.triggers import TriggerLexicon
from vigie.resolve.actors import ActorRegistry

if not Doc.has_extension("vigie_frames"):
    Doc.set_extension("vigie_frames", default=None)

def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc: spaCy joins every token's text again on each access
    (milliseconds per article), so the first component keeps it in ``doc.user_data["vigie_text"]``."""
    text = doc.user_data.get("vigie_text")
    if text is None:
        text = doc.user_data["vigie_text"] = doc.text
    return text


class RegistrySpans:
    """Marks the names a registry knows as ``doc.spans[spans_key]`` (label and id = canonical name).

    Why not spaCy's SpanRuler over ``registry.patterns()``: with a thousand token patterns with
    optional hyphens it cost as much as the parse itself; the registries' own finders are exact
    (accent and apostrophe variants included) and run in a few milliseconds per article.
    """

    def __init__(self, nlp: Language, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.find: Callable[[str], list[tuple[int, int, str]]] | None = None

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, finder: Callable[[str], list[tuple[int, int, str]]] | None = None) -> None:
        """``finder(text) -> [(start, end, label)]``; the factories default to the packaged registries."""
        self.find = finder or self.default_finder()

    def default_finder(self) -> Callable[[str], list[tuple[int, int, str]]]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        if self.find is None:
            self.initialize()
        assert self.find is not None
        text = doc_text(doc)
        spans = []
        for start, end, label in self.find(text):
            span = doc.char_span(start, end, label=label, kb_id=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


class ActorSpans(RegistrySpans):
    """Also keeps the registry's ActorMention records (``doc.user_data["vigie_actor_mentions"]``)
    so extraction does not search the names a second time."""

    def default_finder(self) -> Callable[[str], list[tuple[int, int, str]]]:
        registry = ActorRegistry.load()
        self._last: list[Any] = []

        def find(text: str) -> list[tuple[int, int, str]]:
            self._last = registry.find_mentions(text)
            return [(m.start, m.end, m.label) for m in self._last]

        return find

    def __call__(self, doc: Doc) -> Doc:
        super().__call__(doc)
        doc.user_data["vigie_actor_mentions"] = tuple(getattr(self, "_last", ()))
        return doc


class SourceSpans(RegistrySpans):
    """Also keeps the registry's (start, end, name) mentions at their exact offsets
    (``doc.user_data["vigie_source_mentions"]``; spans snap to tokens), so the article's
    standing source is read without searching the names a second time."""

    def default_finder(self) -> Callable[[str], list[tuple[int, int, str]]]:
        registry = SourceRegistry.load()

        def find(text: str) -> list[tuple[int, int, str]]:
            self._last = registry.mentions(text)
            return self._last

        return find

    def __call__(self, doc: Doc) -> Doc:
        self._last: list[tuple[int, int, str]] | None = None  # stays None with a finder of the caller's
        super().__call__(doc)
        if self._last is not None:
            doc.user_data["vigie_source_mentions"] = tuple(self._last)
        return doc


@Language.factory("vigie_actor_ruler_v1", assigns=["doc.spans"], default_config={"spans_key": "vigie_actors"})
def make_actor_ruler(nlp: Language, name: str, *, spans_key: str) -> ActorSpans:
    """Actor names and generic words (label = canonical name or GENERIC_* / COUNTRY_*)."""
    return ActorSpans(nlp, name, spans_key=spans_key)


@Language.factory("vigie_source_ruler_v1", assigns=["doc.spans"], default_config={"spans_key": "vigie_sources"})
def make_source_ruler(nlp: Language, name: str, *, spans_key: str) -> SourceSpans:
    """Source names (label = the registry's canonical name)."""
    return SourceSpans(nlp, name, spans_key=spans_key)


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
    requires=["token.dep", "token.lemma", "token.pos"],
    default_config={"actors_key": "vigie_actors", "sources_key": "vigie_sources"},
)
def make_frames(nlp: Language, name: str, *, actors_key: str, sources_key: str) -> FramesComponent:
    return FramesComponent(nlp, name, actors_key=actors_key, sources_key=sources_key)
