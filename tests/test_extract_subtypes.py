"""Sub-type decisions of the event rules (vigie.extract.subtypes.decide)."""
import pytest

from vigie.extract.subtypes import EventRules, decide, event_type


def rule(name, *, cues=(), civ=False, comb=False, weapon=False, battle=False, actor1=None):
    return decide(name, cues=frozenset(cues), actor1=actor1, patient_civilian=civ,
                  patient_combatant=comb, patient_weapon=weapon, in_battle=battle)


def test_aircraft_killing_civilians_is_an_air_strike_with_civilian_targeting():
    d = rule("kill", cues={"air"}, civ=True)
    assert d.sub_type == "Air/drone strike" and d.civilian_targeting


def test_shells_killing_civilians_is_shelling():
    assert rule("kill", cues={"artillery"}, civ=True).sub_type == "Shelling/artillery/missile attack"


def test_killing_without_a_weapon_is_an_attack_on_civilians_or_a_clash():
    assert rule("kill", civ=True).sub_type == "Attack"
    assert rule("kill", comb=True).sub_type == "Armed clash"


def test_massacre_of_fighters_is_not_violence_against_civilians():
    assert rule("massacre", comb=True).sub_type is None
    assert rule("massacre", battle=True).sub_type is None
    assert rule("massacre", civ=True).sub_type == "Attack"
    assert rule("massacre", cues={"air"}, civ=True).sub_type == "Air/drone strike"


def test_suicide_and_chemical_cues_decide_explosions():
    assert rule("explosive", cues={"suicide"}).sub_type == "Suicide bomb"
    assert rule("bombing", cues={"air", "chemical"}).sub_type == "Chemical weapon"
    assert rule("bombing", cues={"air"}).sub_type == "Air/drone strike"


@pytest.mark.parametrize("cues,expected", [
    ({"intervention"}, "Protest with intervention"),
    ({"intervention", "excessive_force"}, "Excessive force against protesters"),
    (set(), "Peaceful protest"),
])
def test_protest_sub_types(cues, expected):
    assert rule("protest", cues=cues).sub_type == expected
    assert event_type(expected) == "Protests"


def test_captured_fighters_are_not_abducted_or_arrested():
    assert rule("abduction", comb=True).sub_type is None
    assert rule("arrest", comb=True).sub_type is None
    assert rule("abduction", civ=True).sub_type == "Abduction/forced disappearance"


def test_later_word_lists_are_optional_and_packaged():
    from vigie.data import load_yaml

    data = load_yaml("event_rules.yml")
    packaged = EventRules.from_data(data)
    assert "solder" in packaged.outcome_verbs and "revendiquer" in packaged.claim_verbs
    assert "victoire" in packaged.winner_nouns and "retrait" in packaged.loser_nouns
    older = {k: v for k, v in data.items() if k not in ("outcome_verbs", "claim_verbs", "defused_by")}
    rules = EventRules.from_data(older)
    assert rules.outcome_verbs == frozenset() and rules.claim_verbs == frozenset()


def test_dateline_agencies_load_and_make_a_pattern_for_wire_datelines():
    from vigie.extract.frame_records import dateline_pattern
    from vigie.extract.subtypes import EventRules

    rules = EventRules.load()
    assert "AFP" in rules.dateline_agencies
    pattern = dateline_pattern(rules.dateline_agencies)
    assert pattern.match("HOMS, 2 avril 2015 (Reuters) - Des obus sont tombés").group(0) == "HOMS, 2 avril 2015 (Reuters) - "
    assert pattern.match("Hama / SANA – L'armée a repris").group(0) == "Hama / SANA – "
    assert pattern.match("Les rebelles (AFP selon des témoins) ont fui") is None
    # a bare place before a spaced dash or bar, as newspapers file wire copy
    for line, head in (("Beyrouth — Les forces du régime ont repris", "Beyrouth — "),
                       ("TALL ABYAD | Des obus sont tombés", "TALL ABYAD | "),
                       ("Beyrouth (Liban) - Deux kamikazes", "Beyrouth (Liban) - ")):
        assert pattern.match(line).group(0) == head
    for line in ("Dimanche, 35 personnes - 27 civils - ont péri", "Les forces de sécurité - selon l'OSDH - ont tiré",
                 "Al-Nosra a revendiqué l'attaque"):
        assert pattern.match(line) is None
    assert dateline_pattern(()).match("Beyrouth — Deux kamikazes") is not None


def test_fighters_killed_by_aircraft_are_an_air_strike_not_a_clash():
    d = rule("kill", cues={"air", "air_author"}, comb=True)
    assert d.sub_type == "Air/drone strike" and not d.civilian_targeting
    # an air cue from elsewhere in the clause (air support of a ground fight) still codes the fight
    assert rule("kill", cues={"air"}, comb=True).sub_type == "Armed clash"


def test_an_attack_whose_own_clause_says_suicide_is_a_suicide_bombing():
    # "ont mené deux attaques suicides à l'aide de camions" (train outlets: yahoo, almanar)
    assert rule("attack", cues={"suicide_clause"}, comb=True).sub_type == "Suicide bomb"
    assert rule("attack", cues={"suicide"}, comb=True).sub_type == "Armed clash"
