"""ACLED sub-type decisions for trigger rules (word lists in ``data/event_rules.yml``).

Why rules rather than a lexicon mapping: the same verb names different ACLED sub-types
depending on who acts and with what ("reprendre" is *Government regains territory* for the
army and *Non-state actor overtakes territory* for a rebel group; "bombarder" is an air strike
when aircraft are named and shelling otherwise). Each rule reads the frame's cue words and
the resolved actors and returns the sub-type, or None when the frame is not an event.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from vigie.data import load_yaml
from vigie.errors import DataFileError
from vigie.models import Actor

EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}

GOVERNMENT_SIDES = frozenset({"government"})


@dataclass(frozen=True)
class EventRules:
    """The word lists and thresholds of ``event_rules.yml``, as frozensets of lemmas."""

    place_nouns: frozenset[str]
    weapon_nouns: frozenset[str]
    civilian_nouns: frozenset[str]
    combatant_nouns: frozenset[str]
    cues: dict[str, frozenset[str]]
    plan_verbs: frozenset[str]
    habitual_words: frozenset[str]
    negation_words: frozenset[str]
    conditional_marks: frozenset[str]
    purpose_marks: frozenset[str]
    assoc_markers: tuple[tuple[str, ...], ...]
    stative_completion: frozenset[str]
    min_confidence: float
    attach_window: int
    background_days: int
    name_particles: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    anaphora: frozenset[str] = frozenset()
    protest_nouns: frozenset[str] = frozenset()
    former_marks: frozenset[str] = frozenset()
    name_directions: frozenset[str] = frozenset()
    outcome_verbs: frozenset[str] = frozenset()
    winner_nouns: frozenset[str] = frozenset()
    loser_nouns: frozenset[str] = frozenset()
    attempt_verbs: frozenset[str] = frozenset()
    reference_marks: frozenset[str] = frozenset()
    still_words: frozenset[str] = frozenset()
    position_nouns: frozenset[str] = frozenset()
    region_nouns: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    attribution_verbs: frozenset[str] = frozenset()
    defused_by: frozenset[str] = frozenset()
    prior_marks: frozenset[str] = frozenset()
    habitual_phrases: frozenset[str] = frozenset()
    statistic_nouns: frozenset[str] = frozenset()
    counted_nouns: frozenset[str] = frozenset()
    target_nouns: frozenset[str] = frozenset()
    background_marks: frozenset[str] = frozenset()
    instance_phrases: frozenset[str] = frozenset()
    person_titles: frozenset[str] = frozenset()
    teller_marks: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    family_names: frozenset[str] = frozenset()
    place_phrase_heads: frozenset[str] = frozenset()
    place_list_words: frozenset[str] = frozenset()
    place_list_joiners: frozenset[str] = frozenset()
    place_list_coordinated_words: frozenset[str] = frozenset()
    place_clause_after_comma: frozenset[str] = frozenset()
    place_clause_anywhere: frozenset[str] = frozenset()
    inquiry_nouns: frozenset[str] = frozenset()
    campaign_verbs: frozenset[str] = frozenset()
    period_nouns: frozenset[str] = frozenset()
    cancel_verbs: frozenset[str] = frozenset()
    purpose_events: frozenset[str] = frozenset()
    lead_up_marks: frozenset[str] = frozenset()
    state_participles: frozenset[str] = frozenset()
    # kept as written (case matters in a dateline): see frame_records.dateline_pattern
    dateline_agencies: tuple[str, ...] = ()

    @classmethod
    def load(cls, name: str = "event_rules.yml") -> "EventRules":
        return _load(name)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "EventRules":
        def words(key: str) -> frozenset[str]:
            try:
                return frozenset(str(w).lower() for w in data[key])
            except (KeyError, TypeError) as exc:
                raise DataFileError(f"event_rules.yml: missing or bad list {key!r}") from exc

        def optional(key: str) -> frozenset[str]:
            # lists added after the first release: a rules file without them keeps working
            return words(key) if key in data else frozenset()

        if not isinstance(data, dict):
            raise DataFileError("event_rules.yml: expected a mapping")
        return cls(
            place_nouns=words("place_nouns"),
            weapon_nouns=words("weapon_nouns"),
            civilian_nouns=words("civilian_nouns"),
            combatant_nouns=words("combatant_nouns"),
            cues={k: frozenset(str(w).lower() for w in v) for k, v in data["cues"].items()},
            plan_verbs=words("plan_verbs"),
            habitual_words=words("habitual_words"),
            negation_words=words("negation_words"),
            conditional_marks=words("conditional_marks"),
            purpose_marks=words("purpose_marks"),
            assoc_markers=tuple(tuple(str(w).lower() for w in m) for m in data["assoc_markers"]),
            stative_completion=words("stative_completion"),
            min_confidence=float(data["min_confidence"]),
            attach_window=int(data["attach_window"]),
            background_days=int(data["background_days"]),
            name_particles=words("name_particles"),
            denial_verbs=words("denial_verbs"),
            anaphora=words("anaphora"),
            protest_nouns=words("protest_nouns"),
            former_marks=words("former_marks"),
            name_directions=words("name_directions"),
            outcome_verbs=optional("outcome_verbs"),
            winner_nouns=optional("winner_nouns"),
            loser_nouns=optional("loser_nouns"),
            attempt_verbs=optional("attempt_verbs"),
            reference_marks=optional("reference_marks"),
            still_words=optional("still_words"),
            position_nouns=optional("position_nouns"),
            region_nouns=optional("region_nouns"),
            claim_verbs=optional("claim_verbs"),
            attribution_verbs=optional("attribution_verbs"),
            defused_by=optional("defused_by"),
            prior_marks=optional("prior_marks"),
            habitual_phrases=optional("habitual_phrases"),
            statistic_nouns=optional("statistic_nouns"),
            counted_nouns=optional("counted_nouns"),
            target_nouns=optional("target_nouns"),
            background_marks=optional("background_marks"),
            instance_phrases=optional("instance_phrases"),
            person_titles=optional("person_titles"),
            teller_marks=optional("teller_marks"),
            given_names=optional("given_names"),
            family_names=optional("family_names"),
            place_phrase_heads=optional("place_phrase_heads"),
            place_list_words=optional("place_list_words"),
            place_list_joiners=optional("place_list_joiners"),
            place_list_coordinated_words=optional("place_list_coordinated_words"),
            place_clause_after_comma=optional("place_clause_after_comma"),
            place_clause_anywhere=optional("place_clause_anywhere"),
            inquiry_nouns=optional("inquiry_nouns"),
            campaign_verbs=optional("campaign_verbs"),
            period_nouns=optional("period_nouns"),
            cancel_verbs=optional("cancel_verbs"),
            purpose_events=optional("purpose_events"),
            lead_up_marks=optional("lead_up_marks"),
            state_participles=optional("state_participles"),
            dateline_agencies=tuple(str(w) for w in data.get("dateline_agencies") or ()),
        )

    def word_list(self, name: str) -> frozenset[str]:
        """A named list (``place``, ``weapon``...) used by trigger object constraints."""
        return {
            "place": self.place_nouns,
            "weapon": self.weapon_nouns,
            "civilian": self.civilian_nouns,
            "combatant": self.combatant_nouns,
            "protest": self.protest_nouns,
        }.get(name, frozenset())


@cache
def _load(name: str) -> EventRules:
    return EventRules.from_data(load_yaml(name))


@dataclass(frozen=True)
class Decision:
    """A rule's verdict: the sub-type (None = not an event) and whether civilians were targeted."""

    sub_type: str | None
    civilian_targeting: bool = False
    swap_actors: bool = False


def is_state_side(actor: Actor | None) -> bool:
    """State forces and pro-government militias take territory back for the government."""
    return actor is not None and (actor.inter == 1 or actor.side in GOVERNMENT_SIDES)


def decide(
    rule: str,
    *,
    cues: frozenset[str],
    actor1: Actor | None,
    patient_civilian: bool,
    patient_combatant: bool,
    patient_weapon: bool,
    in_battle: bool,
) -> Decision:
    """Apply ``rule`` to a frame. ``cues`` are the cue families present (air, artillery...)."""
    if rule == "territory":
        if actor1 is None:
            return Decision("Government regains territory")
        return Decision(
            "Government regains territory" if is_state_side(actor1) else "Non-state actor overtakes territory"
        )
    if rule == "bombing" and "device" in cues:
        rule = "explosive"  # "des attentats à la bombe ont frappé X": the charge struck, not guns
    if rule == "bombing":
        if "chemical" in cues:
            return Decision("Chemical weapon", civilian_targeting=patient_civilian)
        kind = "Air/drone strike" if "air" in cues else "Shelling/artillery/missile attack"
        return Decision(kind, civilian_targeting=patient_civilian)
    if rule == "explosive":
        if "chemical" in cues:
            return Decision("Chemical weapon", civilian_targeting=patient_civilian)
        if "suicide" in cues:
            return Decision("Suicide bomb", civilian_targeting=patient_civilian)
        return Decision("Remote explosive/landmine/IED", civilian_targeting=patient_civilian)
    if rule == "chemical":
        return Decision("Chemical weapon", civilian_targeting=True)
    if rule == "gunfire":
        # ACLED codes the weapon first, then whom the shots were aimed at
        if "air" in cues:
            return Decision("Air/drone strike", civilian_targeting=patient_civilian)
        if "artillery" in cues:
            return Decision("Shelling/artillery/missile attack", civilian_targeting=patient_civilian)
        if "protesters" in cues and not patient_combatant:
            return Decision("Excessive force against protesters")
        if patient_civilian and not patient_combatant and not in_battle:
            return Decision("Attack", civilian_targeting=True)
        return Decision("Armed clash")
    if rule in ("kill", "massacre") and "air_author" in cues:
        # "ses avions ont éliminé 180 combattants": who kills from the air strikes, whoever dies
        return Decision("Air/drone strike", civilian_targeting=patient_civilian and not patient_combatant)
    if rule in ("kill", "massacre") and ("air" in cues or "artillery" in cues) and not patient_combatant:
        # "les avions du régime ont tué six civils": ACLED codes the weapon, civilians as targets
        kind = "Air/drone strike" if "air" in cues else "Shelling/artillery/missile attack"
        return Decision(kind, civilian_targeting=patient_civilian)
    if rule in ("kill", "massacre") and "protesters" in cues and not patient_combatant and not in_battle:
        # "six manifestants ont été tués par les forces de l'ordre": lethal force on a crowd
        return Decision("Excessive force against protesters")
    if rule == "attack" and "suicide_clause" in cues:
        # "ont mené deux attaques suicides contre X", "la cible d'une attaque suicide": a suicide bombing
        return Decision("Suicide bomb", civilian_targeting=patient_civilian and not patient_combatant)
    if rule in ("attack", "kill", "massacre"):
        if patient_civilian and not patient_combatant and not in_battle:
            return Decision("Attack", civilian_targeting=True)
        if rule == "massacre":
            # "le massacre de X" said of battle losses is not violence against civilians
            return Decision("Attack", civilian_targeting=True) if not (in_battle or patient_combatant) else Decision(None)
        return Decision("Armed clash")
    if rule == "clash":
        return Decision("Armed clash")
    if rule == "abduction":
        if patient_combatant or in_battle:
            return Decision(None)
        return Decision("Abduction/forced disappearance", civilian_targeting=True)
    if rule == "protest":
        if "excessive_force" in cues and "intervention" in cues:
            return Decision("Excessive force against protesters")
        if "intervention" in cues:
            return Decision("Protest with intervention")
        return Decision("Peaceful protest")
    if rule == "arrest":
        return Decision(None) if patient_combatant or in_battle else Decision("Arrests")
    if rule == "agreement":
        return Decision("Agreement")
    if rule == "destroy":
        return Decision("Disrupted weapons use") if patient_weapon else Decision(None)
    if rule == "spoils":
        return Decision(None)  # gear destroyed while killing fighters: part of a fight told elsewhere
    raise DataFileError(f"triggers.yml names an unknown rule {rule!r}")


def event_type(sub_type: str) -> str:
    """The ACLED event type of a sub-type."""
    return EVENT_TYPES[sub_type]
