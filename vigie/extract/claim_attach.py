"""Step 7 of the assembly (vigie.extract.events): each sentence's figures go to an event.

Why apart: who a figure belongs to is read on the article's final events, after merging, and
needs none of the frame machinery: the sentence's own event, else the event of the place it
names, else the nearest one of its paragraph (before it first: a toll follows what it counts),
else the article's main event. Whose claim it is comes from ``attribution``: the source the
sentence credits, a back-reference ("selon lui"), else the article's standing source or outlet.
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace

from vigie.extract.attribution import AttributionContext, SourceRegistry, spokespeople, standing_source
from vigie.extract.casualties import claims_from_sentence, own_name
from vigie.extract.fold import Draft
from vigie.extract.frames import DocFrames
from vigie.extract.gate_steps import CROWDS
from vigie.extract.subtypes import event_type
from vigie.models import Claim


_BARE = "<bare>"  # the source claims_from_sentence gives a figure no one is named for, replaced after
_FEW_NAMES = 64  # below this many distinct place names, each is looked for in a figure's words


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
    context.persons = spokespeople(text, registry=sources, mentions=df.source_mentions)  # "selon M. X" = his source
    bare = standing_source(text, outlet=outlet, registry=sources, mentions=df.source_mentions) or outlet  # whose a bare figure is
    held = {id(d): {(c.start, c.end) for c in d.claims} for d in drafts}
    default = own_name(bare, sources)
    given_bare: set[tuple[int | None, int | None]] = set()  # the figures no one is named for
    index = _DraftIndex(drafts, fighting, df)
    told: set[str] = set()  # sentences already read: a page that repeats its lead repeats no claim
    for si, sent in enumerate(df.sentences):
        claims = claims_from_sentence(sent.text, offset=sent.start, registry=sources, outlet=_BARE, context=context)
        if not claims or _repeats(sent.text, told):
            continue
        given_bare.update((c.start, c.end) for c in claims if c.source == _BARE)
        claims = [_credited(c, default) for c in claims]
        here = list(index.telling.get(si, ()))
        if not here:
            if main is None:
                continue
            earlier = index.near(si - window, si - 1, sent.paragraph)
            later = index.near(si + 1, si + window, sent.paragraph)
            named = index.named_in(sent.text, index.fights)
            here = (named[:1] or sorted(earlier, key=lambda d: -max(s for s in d.sentences if s < si))[:1]
                    or sorted(later, key=lambda d: min(s for s in d.sentences if s > si))[:1] or [main])
        for i, c in enumerate(claims):
            # "dont 300 alors qu'ils fuyaient vers le village de X": the place named in the
            # figure's own clause wins over the sentence's event
            upto = claims[i + 1].start if i + 1 < len(claims) and claims[i + 1].start is not None else sent.end
            own = text[c.start:upto] if c.start is not None else c.quote
            placed = index.named_in(own, lambda d, first=here[0]: d is not first)
            target = placed[0] if placed and not (here[0].place.mention and here[0].place.mention in own) else here[0]
            if (c.start, c.end) not in held[id(target)]:
                held[id(target)].add((c.start, c.end))
                target.claims.append(c)
    _drop_headline_repeats(drafts, df, headline)
    for d in drafts:
        d.claims = _retold_bare(_told_once(d.claims), given_bare)


def _repeats(sentence: str, told: set[str]) -> bool:
    """Whether a sentence with figures was told word for word earlier in the article (a stored
    page repeating its lead paragraph); notes it otherwise."""
    key = " ".join(sentence.split())
    if key in told:
        return True
    told.add(key)
    return False


class _DraftIndex:
    """Which drafts tell each sentence, and which name a place a figure's words hold: looked up
    per figure, not scanned, so an article with many separate events and figures costs in
    proportion to its length (a long article's main event gathers thousands of figures)."""

    def __init__(self, drafts: list[Draft], fighting: list[Draft], df: DocFrames) -> None:
        self.df = df
        self.telling: dict[int, list[Draft]] = {}
        for d in drafts:
            for s in dict.fromkeys(d.sentences):
                self.telling.setdefault(s, []).append(d)
        self.rank = {id(d): i for i, d in enumerate(drafts)}
        self._fighting = {id(d) for d in fighting}
        self.by_mention: dict[str, list[Draft]] = {}
        for d in drafts:
            if d.place.mention:
                self.by_mention.setdefault(d.place.mention, []).append(d)
        self.lengths = sorted({len(m) for m in self.by_mention})

    def fights(self, d: Draft) -> bool:
        return id(d) in self._fighting

    def named_in(self, words: str, pool: Callable[[Draft], bool]) -> list[Draft]:
        """The drafts of ``pool`` whose place name ``words`` hold, in draft order. With many
        distinct names, the substrings of ``words`` of their lengths are looked up instead: a
        few thousand slices of a short clause, however many events the article has."""
        if len(self.by_mention) <= _FEW_NAMES:
            names = [m for m in self.by_mention if m in words]
        else:
            slices = {words[i:i + n] for n in self.lengths for i in range(len(words) - n + 1)}
            names = list(slices & self.by_mention.keys())
        return sorted((d for m in names for d in self.by_mention[m] if pool(d)), key=lambda d: self.rank[id(d)])

    def near(self, lo: int, hi: int, paragraph: int) -> list[Draft]:
        """The fighting drafts telling a sentence of ``paragraph`` in [lo, hi], in draft order."""
        sentences = self.df.sentences
        found = {id(d): d for s in range(max(lo, 0), min(hi, len(sentences) - 1) + 1)
                 if sentences[s].paragraph == paragraph for d in self.telling.get(s, ()) if self.fights(d)}
        return sorted(found.values(), key=lambda d: self.rank[id(d)])


def _told_once(claims: list[Claim]) -> list[Claim]:
    """An event's figure a source gives twice is one claim: the lead's toll retold in the quote
    below it ("... a fait trois morts, a annoncé le centre russe", then "« Trois soldats ont
    trouvé la mort », a-t-il indiqué"), or in a recap paragraph. The same toll of two events
    stays two claims. The first telling keeps it (injuries and vague figures aside)."""
    seen: set[tuple[int, str]] = set()
    out = []
    for c in claims:
        key = (c.count, c.source)
        if c.count is not None and c.is_fatality and key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def _credited(claim: Claim, default: str) -> Claim:
    """The claim with a bare figure's stand-in source (``_BARE``) replaced by ``default``."""
    if claim.source != _BARE:
        return claim
    return replace(claim, source=default, subfigures=tuple(_credited(s, default) for s in claim.subfigures))


def _retold_bare(claims: list[Claim], given_bare: set[tuple[int | None, int | None]]) -> list[Claim]:
    """A figure given bare (credited to the outlet or the article's standing source) that a
    named source of the same event gives too is that source's figure retold."""
    bare = lambda c: (c.start, c.end) in given_bare  # noqa: E731
    named = {c.count for c in claims if not bare(c) and c.count is not None and c.is_fatality}
    return [c for c in claims if not (bare(c) and c.count in named and c.is_fatality)]


def _drop_headline_repeats(drafts: list[Draft], df: DocFrames, headline: Collection[int]) -> None:
    """A headline figure equal to a body figure repeats the body's claim ("1300 tués" in the
    title, "1300 tués selon X" below): it is X's claim, not a second one by the outlet."""
    heads = [df.sentences[i] for i in headline]
    in_head = lambda c: c.start is not None and any(h.start <= c.start < h.end for h in heads)  # noqa: E731
    body = {c.count for d in drafts for c in d.claims if c.count is not None and not in_head(c)}
    for d in drafts:
        d.claims = [c for c in d.claims if not (in_head(c) and c.count in body)]
