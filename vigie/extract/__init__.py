"""Event extraction: frames, casualty figures and their attribution.

Public API:

- :func:`extract` - one text -> its EventReports;
- :func:`extract_articles` - Articles -> (Article, EventReports), parsed in batches with nlp.pipe.

No spaCy ``Doc`` leaves this stage: the frames component stores plain records on the doc and
:mod:`vigie.extract.events` turns them into ``EventReport`` records.
"""
from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from itertools import islice

from vigie import settings
from vigie.models import Article, EventReport


def build_assembler(*, model=None):  # type: ignore[no-untyped-def]
    """An EventAssembler over the packaged registries; ``model`` is the learned sentence gate
    (None: the rules alone decide, as ``vigie train`` needs to read them)."""
    from vigie.extract.attribution import SourceRegistry
    from vigie.extract.events import EventAssembler
    from vigie.extract.locate import PlaceFinder
    from vigie.extract.subtypes import EventRules
    from vigie.resolve.actors import ActorRegistry

    return EventAssembler(actors=ActorRegistry.load(), sources=SourceRegistry.load(),
                          places=PlaceFinder.load(), rules=EventRules.load(), model=model)


@lru_cache(maxsize=1)
def _assembler():  # type: ignore[no-untyped-def]
    from vigie.extract.sentence_model import SentenceModel

    return build_assembler(model=SentenceModel.load() if settings.get("learned_gate") else None)


def _input(text: str, published: date | None, outlet: str | None, article_id: str | None):
    from vigie.extract.events import ArticleInput

    return ArticleInput(text=text, published=published or date.today(), published_known=published is not None,
                        outlet=outlet, article_id=article_id or "")


def _vetted(article: Article, reports: list[EventReport]) -> list[EventReport]:
    """Reports with implausible figures flagged and uncounted, and dates marked doubtful when the
    article's publication date is untrusted: the checks every caller of extraction needs."""
    from vigie.ingest.trust import mark_reports
    from vigie.resolve.plausible import vet_reports

    return mark_reports(article, vet_reports(reports))


def extract(text: str, *, published: date | str | None = None, outlet: str | None = None,
            article_id: str | None = None) -> list[EventReport]:
    """The events one article reports. ``published`` (a date or "YYYY-MM-DD") anchors relative
    dates; without it they are resolved against today and the reports are marked
    ``date_doubtful``. ``outlet`` is the source of figures the text attributes to no one."""
    from vigie.nlp.pipeline import load_nlp

    if isinstance(published, str):
        published = date.fromisoformat(published.strip())
    doc = load_nlp()(text)
    reports = _assembler().reports(doc._.vigie_frames, _input(text, published, outlet, article_id))
    return _vetted(Article(id=article_id or "", text=text, published=published, outlet=outlet), reports)


def extract_articles(articles: Iterable[Article], *, batch_size: int | None = None,
                     trace: list[dict] | None = None) -> Iterator[tuple[Article, list[EventReport]]]:
    """Each article with its events; texts are parsed in batches (``batch_size`` setting).
    With ``trace``, each article appends what became of its sentences (vigie.extract.trace)."""
    from vigie.nlp.pipeline import load_nlp

    nlp = load_nlp()
    size = batch_size or int(settings.get("batch_size"))
    it = iter(articles)
    while batch := list(islice(it, size)):
        for doc, art in nlp.pipe(((a.text, a) for a in batch), as_tuples=True, batch_size=size):
            frames = doc._.vigie_frames
            reports = _assembler().reports(frames, _input(art.text, art.published, art.outlet, art.id), trace=trace)
            yield art, _vetted(art, reports)


class _CallableModule(types.ModuleType):
    """Lets ``vigie.extract(text, ...)`` stand for ``vigie.extract.extract(text, ...)``.

    Why: the package name is the verb users reach for first (``import vigie.extract``); the
    module stays an ordinary package for everything else.
    """

    def __call__(self, text: str, *, published: date | str | None = None, outlet: str | None = None,
                 article_id: str | None = None) -> list[EventReport]:
        return extract(text, published=published, outlet=outlet, article_id=article_id)


sys.modules[__name__].__class__ = _CallableModule
