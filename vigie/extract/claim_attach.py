"""Step 7 of the assembly (vigie.extract.events): each sentence's figures go to an event.

Why apart: who a figure belongs to is read on the article's final events, after merging, and
needs none of the frame machinery: the sentence's own event, else the event of the place it
names, else the nearest one of its paragraph (before it first: a toll follows what it counts),
else the article's main event. Whose claim it is comes from ``attribution``: the source the
sentence credits, a back-reference ("selon lui"), else the article's standing source or outlet.
"""
from __future__ import annotations

from collections.abc import Collection

from vigie.extract.attribution import AttributionContext, SourceRegistry, standing_source
from vigie.extract.casualties import claims_from_sentence
from vigie.extract.fold import Draft
from vigie.extract.frames import DocFrames
from vigie.extract.gate_steps import CROWDS
from vigie.extract.subtypes import event_type


def attach_claims(drafts: list[Draft], df: DocFrames, *, text: str, outlet: str | None, sources: SourceRegistry,
                  window: int, headline: Collection[int]) -> None:
    """Give each draft the claims of its sentences and of the figures told apart near it."""
    if not drafts:
        return
    # a figure told apart from any event never goes to a protest or riot: their toll is the
    # demonstrators' deaths told with them, not the fighting told nearby
    fighting = [d for d in drafts if event_type(d.sub_type) not in CROWDS]
    main = max(fighting, key=lambda d: (len(d.sentences), -min(d.sentences)), default=None)
    context = AttributionContext(registry=sources)  # "selon lui" = the last source credited
    bare = standing_source(text, outlet=outlet, registry=sources) or outlet  # whose a bare figure is
    # which drafts tell each sentence, and the (start, end) of each draft's claims: looked up per
    # figure, not scanned (a long article's main event gathers thousands of figures)
    telling: dict[int, list[Draft]] = {}
    for d in drafts:
        for s in dict.fromkeys(d.sentences):
            telling.setdefault(s, []).append(d)
    held = {id(d): {(c.start, c.end) for c in d.claims} for d in drafts}
    for si, sent in enumerate(df.sentences):
        claims = claims_from_sentence(sent.text, offset=sent.start, registry=sources, outlet=bare, context=context)
        if not claims:
            continue
        here = list(telling.get(si, ()))
        if not here:
            if main is None:
                continue
            earlier = [d for d in fighting if any(si - window <= s < si and df.sentences[s].paragraph == sent.paragraph for s in d.sentences)]
            later = [d for d in fighting if any(si < s <= si + window and df.sentences[s].paragraph == sent.paragraph for s in d.sentences)]
            named = [d for d in fighting if d.place.mention and d.place.mention in sent.text]
            here = (named[:1] or sorted(earlier, key=lambda d: -max(s for s in d.sentences if s < si))[:1]
                    or sorted(later, key=lambda d: min(s for s in d.sentences if s > si))[:1] or [main])
        for i, c in enumerate(claims):
            # "dont 300 alors qu'ils fuyaient vers le village de X": the place named in the
            # figure's own clause wins over the sentence's event
            upto = claims[i + 1].start if i + 1 < len(claims) and claims[i + 1].start is not None else sent.end
            own = text[c.start:upto] if c.start is not None else c.quote
            placed = [d for d in drafts if d.place.mention and d.place.mention in own and d is not here[0]]
            target = placed[0] if placed and not (here[0].place.mention and here[0].place.mention in own) else here[0]
            if (c.start, c.end) not in held[id(target)]:
                held[id(target)].add((c.start, c.end))
                target.claims.append(c)
    _drop_headline_repeats(drafts, df, headline)


def _drop_headline_repeats(drafts: list[Draft], df: DocFrames, headline: Collection[int]) -> None:
    """A headline figure equal to a body figure repeats the body's claim ("1300 tués" in the
    title, "1300 tués selon X" below): it is X's claim, not a second one by the outlet."""
    heads = [df.sentences[i] for i in headline]
    in_head = lambda c: c.start is not None and any(h.start <= c.start < h.end for h in heads)  # noqa: E731
    body = {c.count for d in drafts for c in d.claims if c.count is not None and not in_head(c)}
    for d in drafts:
        d.claims = [c for c in d.claims if not (in_head(c) and c.count in body)]
