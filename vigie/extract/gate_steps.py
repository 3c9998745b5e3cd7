"""The assembly steps that ask the learned sentence gate how sure it is (vigie.extract.sentence_model).

Why apart from events.py: they are the model's say after step 1 (which frames count), and
they change only with it: retyping an event the model reads as another ACLED type, weighing
each assembled event, and naming the author of an event told with none.
"""
from __future__ import annotations

from collections.abc import Collection

from vigie.extract.actors_pick import ActorPicker
from vigie.extract.fold import Draft
from vigie.extract.sentence_model import SentenceScores
from vigie.extract.subtypes import event_type

UNIDENTIFIED = "Unidentified Armed Group (Syria)"
CROWDS = {"Protests": "Protesters (Syria)", "Riots": "Rioters (Syria)"}
_NOT_ARMED = ("civilians", "protesters", "rioters")


def retype(drafts: list[Draft], scores: SentenceScores, *, retype_from: float) -> None:
    """The model's sub-type wins where it is sure (``retype_from``) and names another event type
    than the rules (a clash told with a shelling verb, a strike read as an attack on civilians);
    a protest or riot so read is the demonstrators'."""
    for d in drafts:
        i = min(d.sentences)
        sub = scores.sub_type[i]
        if scores.p_sub_type[i] < retype_from or event_type(sub) == event_type(d.sub_type):
            continue
        d.sub_type = sub
        crowd = CROWDS.get(event_type(sub))
        if crowd:
            d.actor1 = crowd


def weighed(drafts: list[Draft], scores: SentenceScores, *, keep_from: float,
            unweighed: Collection[str] = ()) -> list[Draft]:
    """The assembled events one of whose tellings the model scores at ``keep_from`` or more: an
    event is weighed with all the sentences merged into it, so a background retold in passing
    goes while the news it repeats stays. Events of the ``unweighed`` types (assembly.yml) stand."""
    return [d for d in drafts
            if event_type(d.sub_type) in unweighed or max(scores.p_event[i] for i in d.sentences) >= keep_from]


def fallback_author(d: Draft, article_actors: list[str], *, pick: ActorPicker, air_forces: Collection[str]) -> str:
    """An event whose telling names no author: the armed actor the article names most
    (a wire on a day of strikes names the side striking once, then writes "les raids"),
    an air force for an air strike; else an unidentified armed group, as ACLED codes it."""
    armed = [a for a in article_actors if a != d.actor2 and (actor := pick.get(a)) is not None
             and actor.kind not in _NOT_ARMED]
    if d.sub_type == "Air/drone strike":
        armed = [a for a in armed if a in air_forces] or armed
    return armed[0] if armed else UNIDENTIFIED
