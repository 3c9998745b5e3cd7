"""In-article merging of drafts: one event per sub-type, place, day and actor pair (ACLED).

Why a separate step: an article tells the same event several times - the headline sums it up,
the lead names the governorate, the body names the town and the actors. Counting each telling
as an event is the largest source of false positives, and letting the vaguest telling decide
the sub-type or actors is the largest source of wrong codes. The order of the cascade:

1. body drafts merge when they are the same event (same sub-type, place and date, whatever
   actors each telling found); two territory changes of one place and day are one event
   whatever their takers;
2. a territory change absorbs a clash of its place and day; a battle absorbs a strike of its
   sentence at its place (an air strike inside a ground battle is part of the battle);
3. a governorate-level draft (precision 3) folds into a more specific draft of the same event
   type in that governorate, on the same day (or undated, in the same paragraph or the lead);
4. a headline draft becomes an event only when no body draft tells it: same event type, same
   place or governorate, compatible dates;
5. a headline or lead telling at a town folds into a telling of the same sub-type and day at one
   of the town's neighbourhoods;
6. a telling of a general sub-type (an explosion) folds into a closer telling of its day nearby
   (a suicide bombing), assembly.yml refined_tellings.

When two tellings merge, the one with the better-resolved first actor (a named actor as the
grammatical subject beats a generic word, which beats an actor borrowed from the context)
decides the sub-type and the actors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Callable

from vigie.extract.assembly_rules import FALLBACK_STEPS, AssemblyRules  # noqa: F401  (re-exported: the callers' import path)
from vigie.extract.frames import DocFrames
from vigie.extract.subtypes import event_type
from vigie.models import Claim, Place

TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
UNIDENTIFIED = "Unidentified Armed Group (Syria)"  # the placeholder for an unclaimed bombing: no actor told
TOLL_KM = 30.0  # a toll counts a strike of the sentence before when its place lies this close
AGREEMENT = "Agreement"
DEAL_KM = 30.0  # the places one agreement names lie this close together
REFINED_KM = 10.0  # a general telling this close to a closer one of the day tells it (step 6)

# How actor1 was found, best first (Draft.agent_rank).
RANK_NAMED_SUBJECT = 0
RANK_GENERIC_SUBJECT = 1
RANK_OPPONENT = 2
RANK_BEFORE_TRIGGER = 3
RANK_BORROWED = 4
RANK_NONE = 5


@dataclass
class Draft:
    """An event under construction (mutable until it becomes an EventReport)."""

    sub_type: str
    actor1: str | None
    actor2: str | None
    assoc1: list[str]
    assoc2: list[str]
    place: Place
    when: date
    precision: str
    dated: bool
    civilian_targeting: bool
    confidence: float
    trigger: str
    rule: str | None
    sentences: list[int]
    paragraph: int
    claims: list[Claim] = field(default_factory=list)
    agent_rank: int = RANK_NONE
    headline: bool = False
    weak: bool = False  # a bare toll ("X a été tué ainsi que 9 autres"): no trigger of violence
    victim: str | None = None  # actor2 as the frame's patient names it (not an enemy guessed)
    borrowed: bool = False  # the place was borrowed from the context (the frame names none)
    definite: bool = False  # a noun pointing back ("le massacre perpétré", "ce raid"): a deed told before


def merge_drafts(drafts: list[Draft], *, lead_paragraphs: int = 1,
                 refined: frozenset[tuple[str, str]] = frozenset(), quarter_km: float = 0.0) -> list[Draft]:
    """The cascade of the module docstring; ``lead_paragraphs`` = paragraphs after the headline
    that summarise the article (their governorate-level drafts fold like the headline's);
    ``refined`` = (sub-type, sub-type of a closer telling of the same strike, which wins);
    ``quarter_km`` = how far from a town's point its neighbourhoods lie (step 5)."""
    body = _fold_tolls([d for d in drafts if not d.headline])
    heads = [d for d in drafts if d.headline]
    out = _fold_tolls(_merge_body(body, refined))  # a strike retold across a paragraph break counts its toll too
    out = _fold_coarse(out, lead_paragraphs=lead_paragraphs)
    for h in heads:
        target = _headline_target(h, out)
        if target is None:
            out.append(h)
        else:
            _add_telling(target, h)
    out = _fold_town(_fold_coarse(out, lead_paragraphs=lead_paragraphs), km=quarter_km, lead_paragraphs=lead_paragraphs)
    return _fold_refined(out, refined)


def _fold_town(drafts: list[Draft], *, km: float, lead_paragraphs: int) -> list[Draft]:
    """Step 5: a telling at a town in the headline or lead folds into the telling at one of its
    neighbourhoods of the same sub-type and day ("une voiture a explosé samedi à Damas" ... "dans
    le quartier de Mazzeh"): the lead names the city, the body the quarter; one event, at the
    quarter. In the body a town's telling beside a quarter's is as often another event of the
    city (real/train: 21 spurious events fewer for 3 found when the lead alone folds, 23 for 6
    when every paragraph does)."""
    quarters = [d for d in drafts if d.place.feature == "neighbourhood"]
    if not quarters or km <= 0:
        return drafts
    out: list[Draft] = []
    for d in drafts:
        target = None
        if d.place.feature == "town" and d.place.geo_precision == 1 and (d.headline or d.paragraph <= lead_paragraphs):
            near = [q for q in quarters if q.sub_type == d.sub_type and dates_agree(q, d) and actors_agree(q, d)
                    and _near(q.place, d.place, km)]
            target = min(near, key=lambda q: abs(min(q.sentences) - min(d.sentences)), default=None)
        if target is None:
            out.append(d)
        else:
            fold(target, d)
    return out


def _fold_refined(drafts: list[Draft], refined: frozenset[tuple[str, str]]) -> list[Draft]:
    """Step 6: a telling of the general sub-type folds into a closer telling of the day nearby
    ("une voiture piégée a explosé à Hassaké" ... "des kamikazes de l'EI ont tué dix personnes
    à l'entrée de Hassaké"): one suicide bombing, told twice, the second time closer (real/train:
    13 spurious events fewer, none found lost; the one double attack the corpus codes as two
    events, a car bomb then a suicide bomber at one place, becomes one)."""
    closer = {general: fine for general, fine in refined}
    fines = [o for o in drafts if o.sub_type in closer.values()]  # few: the closer tellings only
    out: list[Draft] = []
    for d in drafts:
        fine = closer.get(d.sub_type)
        target = next((o for o in fines if fine and o.sub_type == fine and dates_agree(o, d)
                       and _near(o.place, d.place, REFINED_KM)), None)
        if target is None:
            out.append(d)
        else:
            fold(target, d, refined)
    return out


def _fold_tolls(drafts: list[Draft], *, km: float = TOLL_KM) -> list[Draft]:
    """A bare toll told right after a strike, in its paragraph and near its place ("des raids de
    l'aviation ont visé les convois. Le chef local du groupe a été tué ainsi que 9 autres") counts
    the strike's dead: it is that strike, not a clash of its own. The toll names the place more
    precisely and the victims' group (the strike's actor2 when the strike did not name its target)."""
    out: list[Draft] = []
    for d in drafts:
        strike = None
        if d.weak and d.rule == "kill":
            first = min(d.sentences)
            # the toll opening the next paragraph with no place or day of its own still counts the strike
            strike = next((s for s in reversed(out) if event_type(s.sub_type) == "Explosions/Remote violence"
                           and (s.paragraph == d.paragraph or (d.borrowed and not d.dated and 0 < d.paragraph - s.paragraph <= 2))
                           and 0 < first - max(s.sentences) <= 2
                           and dates_agree(s, d) and _near(s.place, d.place, km)), None)
        if strike is None:
            out.append(d)
            continue
        strike.sentences = sorted(set(strike.sentences) | set(d.sentences))
        if d.place.geo_precision < strike.place.geo_precision:
            strike.place = d.place
        if strike.victim is None and d.victim and d.victim != strike.actor1:
            strike.actor2 = strike.victim = d.victim
        if not strike.dated and d.dated:
            strike.when, strike.precision, strike.dated = d.when, d.precision, True
        strike.civilian_targeting = strike.civilian_targeting or d.civilian_targeting
    return out


def _near(a: Place, b: Place, km: float) -> bool:
    from vigie.resolve.places import distance_km

    return _place_key(a) == _place_key(b) or distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= km


def _points_back_to(d: Draft, out: list[Draft]) -> Draft | None:
    """"Plus de 500 personnes tuées dans l'attaque chimique du 21 août près de Damas. L'OSDH a recensé
    502 morts dans le massacre perpétré par le régime dans la Ghouta": a definite noun of violence
    told at the place of the attack just before (its paragraph or the next) is that attack, whatever
    day its count is given for; the first, more specific telling keeps its sub-type and day."""
    if not d.definite or event_type(d.sub_type) not in _VIOLENCE:
        return None
    return next((o for o in reversed(out) if event_type(o.sub_type) in _VIOLENCE and 0 <= d.paragraph - o.paragraph <= 1
                 and o.when <= d.when and _near(o.place, d.place, TOLL_KM) and actors_agree(o, d)), None)


_VIOLENCE = frozenset({"Explosions/Remote violence", "Violence against civilians"})


def _told_again(d: Draft, out: list[Draft]) -> Draft | None:
    """A frame naming no place of its own that has the sub-type, day and actors of an event told
    just before (its paragraph or the one before) tells that event again: "L'OSDH a compté 300
    morts par gaz toxique" after the chemical attack on the Ghouta is that attack, not a second
    one at whatever place the context lends it."""
    if not d.borrowed:
        return None
    # in the same paragraph a later day is the day it is spoken of ("a qualifié samedi d'absurdes
    # les accusations d'utilisation d'armes chimiques"), not a second attack
    return next((o for o in reversed(out) if o.sub_type == d.sub_type and 0 <= d.paragraph - o.paragraph <= 1
                 and (dates_agree(o, d) or (o.paragraph == d.paragraph and o.when < d.when))
                 and actors_agree(o, d)), None)


def _merge_body(drafts: list[Draft], refined: frozenset[tuple[str, str]] = frozenset()) -> list[Draft]:
    out: list[Draft] = []
    for d in drafts:
        target = _told_again(d, out) or next((o for o in out if same_event(o, d)), None)
        again = _points_back_to(d, out) if target is None else None
        if again is not None:
            _add_telling(again, d)
            continue
        if target is None:
            target = next((o for o in out if absorbs(o, d)), None)
        if target is None:
            absorbed = [o for o in out if absorbs(d, o)]
            if absorbed:
                take_over(absorbed[0], d)
                continue
            out.append(d)
            continue
        fold(target, d, refined)
    return out


def _fold_coarse(drafts: list[Draft], *, lead_paragraphs: int) -> list[Draft]:
    """Step 3: a governorate-level draft joins the most specific matching draft of its governorate."""
    out = list(drafts)
    for d in sorted(drafts, key=lambda x: -x.place.geo_precision):
        if d.place.geo_precision < 3 or d not in out:
            continue
        fine = [o for o in out if o is not d and o.place.geo_precision < 3 and _coarse_matches(d, o, lead_paragraphs)]
        if not fine:
            continue
        target = min(fine, key=lambda o: (o.sub_type != d.sub_type, o.place.geo_precision, abs(o.paragraph - d.paragraph)))
        _add_telling(target, d)
        out.remove(d)
    return out


def _coarse_matches(coarse: Draft, fine: Draft, lead_paragraphs: int) -> bool:
    if event_type(coarse.sub_type) != event_type(fine.sub_type) or not coarse.place.admin1:
        return False
    if coarse.place.admin1 != fine.place.admin1 or not actors_agree(coarse, fine):
        return False
    if coarse.dated and fine.dated:
        return coarse.when == fine.when
    return coarse.headline or coarse.paragraph <= lead_paragraphs or coarse.paragraph == fine.paragraph


def _headline_target(h: Draft, drafts: list[Draft]) -> Draft | None:
    """The body draft telling what the headline sums up: same event type and place (or governorate)."""
    cands = [o for o in drafts if not o.headline and event_type(o.sub_type) == event_type(h.sub_type)
             and (_place_key(o.place) == _place_key(h.place) or (h.place.admin1 and o.place.admin1 == h.place.admin1))
             and dates_agree(o, h)]
    if not cands:
        return None
    return min(cands, key=lambda o: (_place_key(o.place) != _place_key(h.place), o.sub_type != h.sub_type,
                                     o.agent_rank, min(o.sentences)))


def _add_telling(target: Draft, d: Draft) -> None:
    """``d`` tells ``target`` again, less precisely: it adds evidence and missing facts only."""
    target.sentences = sorted(set(target.sentences) | set(d.sentences))
    if not target.actor1 and d.actor1:
        target.actor1, target.agent_rank = d.actor1, d.agent_rank
    if not target.dated and d.dated and not d.headline:
        target.when, target.precision, target.dated = d.when, d.precision, True
    if not target.actor2 and d.actor2 and d.actor2 != target.actor1:
        target.actor2 = d.actor2
    target.confidence = min(0.99, max(target.confidence, d.confidence) + 0.05)
    target.civilian_targeting = target.civilian_targeting or d.civilian_targeting


def _place_key(p: Place) -> tuple[Any, ...]:
    return (p.gazetteer_id or p.name, p.geo_precision if p.geo_precision == 3 else 1)


def dates_agree(a: Draft, b: Draft) -> bool:
    return a.when == b.when or not a.dated or not b.dated


def actors_agree(a: Draft, b: Draft) -> bool:
    pa = {x for x in (a.actor1, a.actor2) if x and x != UNIDENTIFIED}
    pb = {x for x in (b.actor1, b.actor2) if x and x != UNIDENTIFIED}
    return not pa or not pb or pa <= pb or pb <= pa or a.actor1 == b.actor1


def same_event(a: Draft, b: Draft) -> bool:
    if a.sub_type in TERRITORY and b.sub_type in TERRITORY:
        # one place changes hands once a day: the takers are settled by the better-resolved telling;
        # an undated taking by the other side is the place changing hands again ("conquise lundi
        # dernier par X" ... "l'armée l'a reprise"), not a second telling
        if _place_key(a.place) != _place_key(b.place) or not dates_agree(a, b):
            return False
        opposed = bool(a.actor1 and b.actor1 and a.actor1 != b.actor1 and (a.actor1 == b.actor2 or b.actor1 == a.actor2))
        return (a.dated and b.dated) or a.sub_type == b.sub_type or not opposed
    if _one_strike(a, b):
        return _place_key(a.place) == _place_key(b.place) and dates_agree(a, b) and actors_agree(a, b)
    if a.sub_type == b.sub_type == AGREEMENT:
        # a deal covers an area: its towns, the quarter and its city, the region and its towns
        # ("un accord pour Talbissé, Rastane et Houla", "à Qadam, un quartier de Damas") are one
        # agreement a day; the four towns of a swap 200 km apart stay two
        return _near(a.place, b.place, DEAL_KM) and (dates_agree(a, b) or "day" not in (a.precision, b.precision))
    # the actors vigie finds in two tellings of one place, day and sub-type disagree far more
    # often because a telling names them less well than because two events happened there: the
    # better-resolved telling settles them (fold)
    return a.sub_type == b.sub_type and _place_key(a.place) == _place_key(b.place) and dates_agree(a, b)


def one_per_scene(drafts: list[Draft], severity: tuple[tuple[str, ...], ...] = ()) -> list[Draft]:
    """One event per opening sentence, place and day: triggers of one sentence that the cascade
    left apart because their sub-types differ ("ont attaqué un camp où ils ont enlevé dix
    habitants", "a abattu un avion qui pilonnait les colonnes") tell one event there, the first
    one found (real corpus: train 25 spurious events fewer for 7 found, test 5 fewer for none),
    unless a later one is a harsher rung of a ``severity`` ladder than the first (a crowd named
    before the gunfire on it: the scene is the force used, as ACLED codes it)."""
    rung = {sub: (i, n) for i, ladder in enumerate(severity) for n, sub in enumerate(ladder)}
    kept: dict[tuple[Any, ...], int] = {}
    out: list[Draft] = []
    for d in drafts:
        key = (min(d.sentences), _place_key(d.place), d.when)
        if key not in kept:
            kept[key] = len(out)
            out.append(d)
            continue
        first = out[kept[key]]
        if d.sub_type in rung and first.sub_type in rung and rung[d.sub_type][0] == rung[first.sub_type][0] \
                and rung[d.sub_type][1] > rung[first.sub_type][1]:
            out[kept[key]] = d
    return out


def _one_strike(a: Draft, b: Draft) -> bool:
    """Two remote-violence triggers of one sentence ("des frappes aériennes ont visé X") tell one
    strike: the noun and the verb may lean to different sub-types, the better-resolved author decides."""
    kinds = {event_type(a.sub_type), event_type(b.sub_type)}
    if kinds != {"Explosions/Remote violence"} or "Chemical weapon" in (a.sub_type, b.sub_type):
        return False
    if set(a.sentences) & set(b.sentences):
        return True
    # "Israël a mené des frappes ... aux abords de X." / "L'armée israélienne a indiqué avoir visé des
    # dépôts": the same author's telling with no place of its own, a paragraph later, undated or
    # on the same day (a day carried over from the paragraph before)
    first, later = (a, b) if min(a.sentences) <= min(b.sentences) else (b, a)
    return bool(first.actor1 and first.actor1 == later.actor1 and later.borrowed
                and (not later.dated or later.when == first.when)
                and 0 <= later.paragraph - first.paragraph <= 1)


def absorbs(big: Draft, small: Draft) -> bool:
    """A territory change absorbs a clash at its place and day; a battle absorbs a strike of its
    sentence at its place (ACLED: an air strike inside a ground battle is part of the battle)."""
    if _place_key(big.place) != _place_key(small.place) or not dates_agree(big, small):
        return False
    if big.sub_type in TERRITORY and small.sub_type == "Armed clash":
        return True
    if event_type(big.sub_type) == "Battles" and event_type(small.sub_type) == "Explosions/Remote violence" \
            and small.sub_type != "Chemical weapon":  # ACLED codes a chemical attack on its own
        return bool(set(big.sentences) & set(small.sentences))
    return False


def fold(target: Draft, d: Draft, refined: frozenset[tuple[str, str]] = frozenset()) -> None:
    """Merge ``d`` into ``target``; the telling with the better-resolved actor1 decides the codes,
    but a closer telling of one strike (``refined``) decides its sub-type."""
    strike = _one_strike(target, d)
    same_kind = d.sub_type == target.sub_type or (d.sub_type in TERRITORY and target.sub_type in TERRITORY) or strike
    if d.agent_rank < target.agent_rank and d.actor1 and same_kind:
        if not (strike and (d.sub_type, target.sub_type) in refined):
            target.sub_type = d.sub_type
        target.actor1, target.actor2 = d.actor1, d.actor2
        target.agent_rank, target.trigger, target.rule = d.agent_rank, d.trigger, d.rule
        target.assoc1 = [a for a in target.assoc1 if a not in (d.actor1, d.actor2)]
        target.assoc2 = [a for a in target.assoc2 if a not in (d.actor1, d.actor2)]
    elif strike and (target.sub_type, d.sub_type) in refined:
        target.sub_type = d.sub_type
    target.sentences = sorted(set(target.sentences) | set(d.sentences))
    if not target.dated and _dates_it(d, target):
        target.when, target.precision, target.dated = d.when, d.precision, True
    if not target.actor1:
        target.actor1 = d.actor1
    if not target.actor2 and d.actor2 != target.actor1:
        target.actor2 = d.actor2
    for a in d.assoc1:
        if a not in target.assoc1 and a not in (target.actor1, target.actor2):
            target.assoc1.append(a)
    for a in d.assoc2:
        if a not in target.assoc2 and a not in (target.actor1, target.actor2):
            target.assoc2.append(a)
    if d.place.geo_precision < target.place.geo_precision and not d.borrowed:
        target.place, target.borrowed = d.place, False
    target.confidence = min(0.99, max(target.confidence, d.confidence) + 0.05)
    target.civilian_targeting = target.civilian_targeting or d.civilian_targeting


def carry_dates(drafts: list[Draft], df: DocFrames, *, names_time: Callable[[str], bool], km: float) -> None:
    """A telling whose paragraph names no time at all, right after a paragraph that dated an
    event of the same two actors at a place nearby (not the same one), tells that event again
    (a wire tells the news with its day, then another outlet's details without one): it takes
    that day instead of the publication week (assembly.yml carried_date_km)."""
    undated_pars = {p for p in {d.paragraph for d in drafts if not d.dated}
                    if not names_time(" ".join(s.text for s in df.sentences if s.paragraph == p))}
    for d in drafts:
        if d.dated or d.headline or d.paragraph not in undated_pars or not (d.actor1 and d.actor2):
            continue
        pair = {d.actor1, d.actor2}
        # at the very same place the fold already joins an undated telling to the dated one
        before = [p for p in drafts if p.paragraph == d.paragraph - 1 and p.dated and p.precision == "day"
                  and {p.actor1, p.actor2} == pair and _place_key(p.place) != _place_key(d.place)
                  and _near(p.place, d.place, km)]
        if before:
            src = max(before, key=lambda p: max(p.sentences))
            d.when, d.precision, d.dated = src.when, src.precision, True


def _dates_it(d: Draft, target: Draft) -> bool:
    """Whether telling ``d`` may date the undated ``target``: a day, or any date told in the
    target's paragraph. A month from another paragraph ("qui avait chassé en novembre les rebelles
    qui combattaient...") dates the background the clause tells, not this event."""
    return d.dated and (d.precision == "day" or d.paragraph == target.paragraph)


def take_over(target: Draft, big: Draft) -> None:
    """``big`` absorbs the earlier ``target``: target takes big's sub-type and actors."""
    small = replace(target)
    target.sub_type, target.actor1, target.actor2 = big.sub_type, big.actor1, big.actor2
    target.assoc1, target.assoc2, target.rule, target.trigger = list(big.assoc1), list(big.assoc2), big.rule, big.trigger
    target.place, target.when, target.precision, target.dated = big.place, big.when, big.precision, big.dated
    target.civilian_targeting, target.agent_rank = big.civilian_targeting, big.agent_rank
    fold(target, small)
    target.sentences = sorted(set(target.sentences) | set(big.sentences))


_KICKER = re.compile(r"^[\w' -]{2,30}\s:\s")  # "Syrie : ...", "Idlib : ..."
_CLOSED = re.compile(r"[.!?»\"”]$")


def headline_sentences(df: DocFrames, *, max_chars: int) -> frozenset[int]:
    """Sentences of the title block: a short first paragraph, followed by more text, whose lines
    read as titles (no closing period, or a "Syrie : " kicker). A one-sentence lead is not one."""
    first = [i for i, s in enumerate(df.sentences) if s.paragraph == 0]
    if not first or len(first) == len(df.sentences):
        return frozenset()
    texts = [df.sentences[i].text for i in first]
    if sum(len(t) for t in texts) > max_chars:
        return frozenset()
    if not all(_KICKER.match(t) or not _CLOSED.search(t.rstrip()) for t in texts):
        return frozenset()
    return frozenset(first)
