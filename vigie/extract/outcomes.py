"""Battle outcomes: whether a territory verb reports a change of hands or only fighting.

Why apart: "prendre", "reprendre", "entrer" are takeovers only when the text says the place
changed hands. A battle that "s'est soldée par la victoire de Y" names its winner; one that
ended with "le retrait de Z" may be the attacker's own failure; "tentent de reprendre",
"ont pris des positions" and "entrés dans l'enclave" report fighting. These readings need the
outcome vocabulary of the event rules and nothing else of the frame builder.
"""
from __future__ import annotations

from typing import Any

from vigie.extract.frame_args import OBJ_DEPS, PASSIVE_SUBJ, Arguments
from vigie.extract.frame_records import TextSpan
from vigie.extract.subtypes import EventRules
from vigie.extract.triggers import inflections

_QUANTITY = frozenset({"totalité", "partie", "plupart", "majorité", "contrôle", "ensemble", "dizaine", "série"})


class Outcomes:
    """Outcome readings under one set of event rules."""

    def __init__(self, rules: EventRules) -> None:
        self.rules = rules
        # "soldée", "achevée": the tagger lemmatises participles of these verbs as adjectives
        self.outcome_forms = frozenset(f for v in rules.outcome_verbs for f in inflections(v))

    def outcome(self, doc: Any, head: Any, args: Arguments) -> tuple[tuple[TextSpan, ...], tuple[TextSpan, ...], str] | None:
        """(agent, patient, kind) from the outcome a battle "s'est soldée par": the winner of
        "la victoire de Y" takes (kind "normal"); "le retrait de Z" names Z as the side that gave
        way, which may be the attacker itself, so the frame is fighting (kind "clash")."""
        r = self.rules
        verb = next((a for a in list(head.ancestors)[:4] if a.lemma_.lower() in self.outcome_forms or a.lower_ in self.outcome_forms), None)
        if verb is None:
            return None
        for n in verb.children:
            lem = n.lemma_.lower()
            if n.i == head.i or n.dep_ not in ("obl", "obl:arg", "obl:mod", "obl:agent", "obj") or lem not in r.winner_nouns | r.loser_nouns:
                continue
            side = [c for c in n.children if c.dep_.startswith("nmod") and any(g.dep_ == "case" and g.lower_ in ("de", "du", "des", "d'") for g in c.children)]
            if not side:
                continue
            who = (args.np(doc, side[0], head),)
            # a withdrawal may be the attacker's own failure: fighting, not a change of hands
            return (who, (), "normal") if lem in r.winner_nouns else ((), who, "clash")
        return None

    def outcome_verb(self, head: Any) -> bool:
        """"pour s'emparer de X" under "s'est soldée par": the purpose was reached."""
        return any(a.lemma_.lower() in self.outcome_forms or a.lower_ in self.outcome_forms for a in list(head.ancestors)[:4])

    def fight_not_takeover(self, head: Any, objects: list[Any], entry_id: str) -> bool:
        """Territory verbs that report fighting: trying to take ("tentent de reprendre"), taking
        positions but no named place, entering a whole region ("entrés dans l'enclave")."""
        r = self.rules
        if any(a.lemma_.lower() in r.attempt_verbs for a in list(head.ancestors)[:2]):
            return True
        named = any(t.pos_ == "PROPN" for o in objects for t in o.subtree)
        direct = [o for o in objects if o.dep_ in OBJ_DEPS or o.dep_ in PASSIVE_SUBJ]
        direct += [c for o in direct if o.lemma_.lower() in _QUANTITY for c in o.children if c.dep_.startswith("nmod")]
        nouns = {o.lemma_.lower() for o in direct if o.pos_ == "NOUN"} - _QUANTITY
        if not named and nouns and nouns <= r.position_nouns:
            return True
        if entry_id != "enter":
            return False
        areas = {o.lemma_.lower() for o in objects if o.pos_ == "NOUN"}
        return bool(areas & r.region_nouns) and not areas & (r.place_nouns - r.region_nouns)
