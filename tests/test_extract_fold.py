"""In-article folding of drafts (vigie.extract.fold) and its data file assembly.yml.

Drafts are built by hand: the rules are about places, dates, types and ranks, not parsing."""
from dataclasses import replace
from datetime import date

import pytest

from vigie.errors import DataFileError
from vigie.extract import fold as F
from vigie.extract.fold import AssemblyRules, Draft, headline_sentences, merge_drafts
from vigie.extract.frames import DocFrames, Sentence
from vigie.models import Place

DAY = date(2016, 3, 8)
SARAQEB = Place("Saraqib", 35.86, 36.80, "Idlib", "Syria", "SY", 1, gazetteer_id="1")
ARIHA = Place("Ariha", 35.81, 36.61, "Idlib", "Syria", "SY", 1, gazetteer_id="2")
IDLIB_GOV = Place("Idlib", 35.9, 36.6, "Idlib", "Syria", "SY", 3, gazetteer_id="g-idlib")
HAMA = Place("Hama", 35.13, 36.75, "Hama", "Syria", "SY", 1, gazetteer_id="3")


def draft(sub, place, *, a1="Military Forces of Syria", a2="Syrian rebels (unspecified)", when=DAY,
          dated=True, sent=5, par=2, rank=F.RANK_NAMED_SUBJECT, headline=False):
    return Draft(sub, a1, a2, [], [], place, when, "day" if dated else "week", dated, False, 0.6, "t",
                 None, [sent], par, agent_rank=rank, headline=headline)


def test_headline_folds_into_the_body_event_of_its_governorate():
    body = draft("Air/drone strike", ARIHA)
    head = draft("Shelling/artillery/missile attack", IDLIB_GOV, dated=False, sent=0, par=0, headline=True)
    out = merge_drafts([body, head])
    assert len(out) == 1
    assert out[0].place == ARIHA and out[0].sub_type == "Air/drone strike"
    assert out[0].sentences == [0, 5]


def test_headline_with_no_body_telling_stays_an_event():
    body = draft("Air/drone strike", HAMA)
    head = draft("Government regains territory", SARAQEB, dated=False, sent=0, par=0, headline=True)
    assert len(merge_drafts([body, head])) == 2


def test_governorate_level_draft_folds_into_a_town_of_that_governorate_same_day():
    town = draft("Air/drone strike", SARAQEB, sent=4, par=2)
    coarse = draft("Air/drone strike", IDLIB_GOV, sent=6, par=3)
    out = merge_drafts([coarse, town])
    assert [d.place for d in out] == [SARAQEB]


def test_governorate_level_draft_of_another_day_stays_apart():
    town = draft("Air/drone strike", SARAQEB, sent=4, par=2)
    coarse = draft("Air/drone strike", IDLIB_GOV, when=date(2016, 3, 9), sent=9, par=5)
    assert len(merge_drafts([town, coarse])) == 2


def test_undated_governorate_draft_far_from_the_lead_stays_apart():
    town = draft("Air/drone strike", SARAQEB, sent=4, par=2)
    coarse = draft("Air/drone strike", IDLIB_GOV, dated=False, sent=12, par=6)
    assert len(merge_drafts([town, coarse])) == 2


def test_two_territory_tellings_of_one_place_keep_the_named_subject():
    borrowed = draft("Non-state actor overtakes territory", SARAQEB, a1="Jabhat al-Nusra",
                     a2="Military Forces of Syria", rank=F.RANK_BORROWED, sent=1)
    named = draft("Government regains territory", SARAQEB, rank=F.RANK_NAMED_SUBJECT, sent=3)
    out = merge_drafts([borrowed, named])
    assert len(out) == 1
    assert out[0].sub_type == "Government regains territory"
    assert out[0].actor1 == "Military Forces of Syria"


def test_a_territory_change_absorbs_a_clash_without_taking_its_sub_type():
    clash = draft("Armed clash", SARAQEB, rank=F.RANK_NAMED_SUBJECT, sent=2)
    taken = draft("Government regains territory", SARAQEB, rank=F.RANK_BEFORE_TRIGGER, sent=3)
    out = merge_drafts([clash, taken])
    assert [d.sub_type for d in out] == ["Government regains territory"]


def sentences(*texts_by_par):
    out, pos = [], 0
    for par, text in texts_by_par:
        out.append(Sentence(pos, pos + len(text), text, par))
        pos += len(text) + 2
    return DocFrames((), tuple(out), (), (), ())


def test_headline_block_is_a_short_unclosed_first_paragraph():
    df = sentences((0, "Syrie : l'armée reprend Saraqeb aux rebelles"), (1, "L'armée a repris mardi Saraqeb."))
    assert headline_sentences(df, max_chars=260) == frozenset({0})


def test_a_one_sentence_lead_is_not_a_headline():
    df = sentences((0, "Au moins neuf civils ont été tués mardi à Saraqeb par des frappes."), (1, "Le bilan pourrait s'alourdir."))
    assert headline_sentences(df, max_chars=260) == frozenset()


def test_assembly_rules_load_and_reject_unknown_fallback_steps():
    rules = AssemblyRules.load()
    assert rules.headline_max_chars > 50 and rules.lead_paragraphs >= 0
    assert set(rules.place_fallback) <= F.FALLBACK_STEPS
    with pytest.raises(DataFileError):
        AssemblyRules.from_data({"headline_max_chars": 100, "lead_paragraphs": 1, "place_fallback": ["moon"]})
    with pytest.raises(DataFileError):
        AssemblyRules.from_data(["not", "a", "mapping"])


def test_assembly_rules_read_same_time_hearsay_and_media_words():
    rules = AssemblyRules.load()
    assert rules.tells_same_time("Dans le même temps, l'aviation a frappé Saraqeb.")
    assert not rules.tells_same_time("L'aviation a frappé Saraqeb dans le même temps que l'armée avançait.")
    assert rules.hearsay("Des rumeurs persistantes laissaient croire que")
    assert not rules.hearsay("L'armée a repris la ville")
    assert "vidéo" in rules.media_nouns and "les" in rules.nominal_determiners


def test_undated_taking_by_the_other_side_is_a_second_event():
    lost = draft("Non-state actor overtakes territory", SARAQEB, a1="Islamic State", a2="Military Forces of Syria",
                 when=date(2016, 3, 7), sent=3, par=2)
    back = draft("Government regains territory", SARAQEB, a2="Islamic State", dated=False, when=DAY, sent=6, par=4)
    out = merge_drafts([lost, back])
    assert len(out) == 2
    assert {d.when for d in out} == {date(2016, 3, 7), DAY}


def test_two_undated_tellings_of_one_taking_still_merge():
    a = draft("Government regains territory", SARAQEB, dated=False, sent=3)
    b = draft("Government regains territory", SARAQEB, dated=False, sent=7, rank=F.RANK_BORROWED)
    assert len(merge_drafts([a, b])) == 1


def test_launch_day_of_an_offensive_is_found_only_when_it_led_to_something_else():
    rules = AssemblyRules.load()
    text = "Deux jours après une offensive surprise samedi, les insurgés tenaient le village."
    (noun_start, noun_end, day_start, day_end), = rules.launch_days(text)
    assert text[noun_start:noun_end] == "offensive" and text[day_start:day_end] == "samedi"
    assert rules.launch_days("L'assaut déclenché mardi par les jihadistes a permis la prise du barrage.")
    assert rules.launch_days("Une attaque lundi soir qui a abouti au contrôle de la colline.")
    assert rules.launch_days("L'attaque de vendredi a fait quatre morts.") == []


class _Actor:
    def __init__(self, name, inter, side):
        self.name, self.inter, self.side = name, inter, side


def test_allies_and_targets_decide_who_fights_whom():
    rules = AssemblyRules.load()
    army = _Actor("Military Forces of Syria", 1, "government")
    russia = _Actor("Military Forces of Russia", 8, "foreign")
    turkey = _Actor("Military Forces of Turkey", 8, "foreign")
    ypg = _Actor("YPG: People's Protection Units", 2, "kurdish")
    rebels = _Actor("Syrian rebels (unspecified)", 2, "rebel")
    assert rules.camp(russia) == "government"
    assert not rules.enemies(army, russia) and rules.enemies(russia, rebels)
    assert rules.enemies(turkey, ypg) and not rules.enemies(turkey, rebels)


def test_holder_cues_and_ongoing_phrases_are_read_from_assembly_data():
    rules = AssemblyRules.load()
    assert rules.holds_place("dans des quartiers contrôlés par les ")
    assert rules.holds_place("une zone aux mains des rebelles de l'")
    assert not rules.holds_place("contrôlées par les rebelles, l'armée ")
    assert rules.goes_on("les insurgés continuent de ") and rules.goes_on("l'aviation poursuit ses")
    assert not rules.goes_on("les insurgés ont ") and not rules.goes_on("la bataille se poursuit, l'armée a ")
    assert rules.names_day_part("ont éclaté à l'aube") and not rules.names_day_part("ont éclaté lundi")


def test_a_month_told_in_another_paragraph_does_not_date_an_undated_taking():
    taking = draft("Non-state actor overtakes territory", SARAQEB, a1="Jabhat al-Nusra", a2="Military Forces of Syria",
                   dated=False, sent=5, par=2)
    background = replace(draft("Armed clash", SARAQEB, a1="Jabhat al-Nusra", a2="Military Forces of Syria",
                               when=date(2016, 1, 15), sent=7, par=3), precision="month")
    out = merge_drafts([taking, background])
    assert len(out) == 1 and not out[0].dated and out[0].when == DAY


def test_a_day_told_in_another_paragraph_dates_an_undated_taking():
    taking = draft("Non-state actor overtakes territory", SARAQEB, a1="Jabhat al-Nusra", a2="Military Forces of Syria",
                   dated=False, sent=5, par=2)
    told = draft("Armed clash", SARAQEB, a1="Jabhat al-Nusra", a2="Military Forces of Syria",
                 when=date(2016, 3, 6), sent=7, par=3)
    out = merge_drafts([taking, told])
    assert len(out) == 1 and out[0].dated and out[0].when == date(2016, 3, 6)


def test_a_bare_toll_after_a_strike_folds_into_it_with_its_place_and_victims():
    strike = draft("Air/drone strike", IDLIB_GOV, a2="Ahrar al-Sham", sent=5, par=2)
    toll = replace(draft("Armed clash", ARIHA, a1="Ahrar al-Sham", a2="Jabhat al-Nusra", sent=6, par=2,
                         rank=F.RANK_BORROWED), weak=True, rule="kill", victim="Jabhat al-Nusra")
    out = merge_drafts([strike, toll])
    assert len(out) == 1
    assert out[0].sub_type == "Air/drone strike" and out[0].place == ARIHA
    assert (out[0].actor1, out[0].actor2) == ("Military Forces of Syria", "Jabhat al-Nusra")


def test_a_bare_toll_far_from_the_strike_stays_apart():
    strike = draft("Air/drone strike", HAMA, sent=5, par=2)
    toll = replace(draft("Armed clash", ARIHA, sent=6, par=2, rank=F.RANK_BORROWED), weak=True, rule="kill")
    assert len(merge_drafts([strike, toll])) == 2


def test_a_frame_with_a_borrowed_place_tells_again_the_event_of_its_sub_type_just_before():
    """"L'OSDH a compté 300 morts par gaz toxique" after a chemical attack on the Ghouta is that
    attack: the place the context lent it (a suburb named in a denial) makes no second event."""
    from datetime import date as _d
    from vigie.models import Place as _P

    ghouta = _P("Eastern Ghouta", 33.56, 36.42, "Rif Dimashq", "Syria", "SY", 2, gazetteer_id="g")
    damascus = _P("Damascus", 33.51, 36.29, "Damascus", "Syria", "SY", 2, gazetteer_id="d")
    day = _d(2013, 8, 21)
    first = Draft("Chemical weapon", "Military Forces of Syria", "Civilians (Syria)", [], [], ghouta, day, "day", True,
                  True, 0.7, "chimique", "chemical", [0], 0)
    again = Draft("Chemical weapon", "Military Forces of Syria", "Civilians (Syria)", [], [], damascus, day, "day", True,
                  True, 0.7, "toxique", "chemical", [3], 0, borrowed=True)
    out = merge_drafts([first, again])
    assert len(out) == 1 and out[0].place.name == "Eastern Ghouta" and out[0].sentences == [0, 3]
    # named for itself, the same place-less telling in a far paragraph stays its own event
    far = Draft("Chemical weapon", "Military Forces of Syria", "Civilians (Syria)", [], [], damascus, day, "day", True,
                True, 0.7, "toxique", "chemical", [9], 4, borrowed=True)
    assert len(merge_drafts([first, far])) == 2


def test_an_unclaimed_placeholder_author_does_not_keep_two_tellings_of_one_bombing_apart():
    plain = draft("Suicide bomb", SARAQEB, a1=F.UNIDENTIFIED, a2="Civilians (Syria)", sent=2)
    claimed = draft("Suicide bomb", SARAQEB, a1="Islamic State", a2="Civilians (Syria)", sent=4)
    out = merge_drafts([plain, claimed])
    assert len(out) == 1 and out[0].sentences == [2, 4]
    other = draft("Suicide bomb", ARIHA, a1="Islamic State", a2=None, sent=4)
    assert len(merge_drafts([plain, other])) == 2


def test_an_undated_placeless_strike_by_the_same_author_a_paragraph_later_is_that_strike():
    air = draft("Air/drone strike", SARAQEB, a1="Military Forces of Israel", sent=0, par=0)
    again = replace(draft("Shelling/artillery/missile attack", SARAQEB, a1="Military Forces of Israel",
                          dated=False, sent=1, par=1), borrowed=True)
    out = merge_drafts([air, again])
    assert len(out) == 1 and out[0].sub_type == "Air/drone strike" and out[0].when == DAY
    # a strike naming its own place or day, or by another author, stays apart
    own = draft("Shelling/artillery/missile attack", SARAQEB, a1="Military Forces of Israel", sent=1, par=1,
                when=date(2016, 3, 9))
    assert len(merge_drafts([air, own])) == 2
    other = replace(again, actor1="Military Forces of Syria")
    assert len(merge_drafts([air, other])) == 2
    # the day carried over from the paragraph before is the strike's own day: still that strike;
    # another day is another strike
    carried = replace(again, dated=True)
    assert len(merge_drafts([air, carried])) == 1
    assert len(merge_drafts([air, replace(carried, when=date(2016, 3, 9))])) == 2


def test_a_placeless_undated_toll_opening_the_next_paragraph_counts_the_strike():
    strike = draft("Air/drone strike", SARAQEB, a2="Military Forces of Iran", sent=1, par=1)
    toll = replace(draft("Armed clash", SARAQEB, a2="Military Forces of Syria", dated=False, sent=3, par=2),
                   weak=True, rule="kill", borrowed=True)
    assert len(merge_drafts([strike, toll])) == 1
    dated = replace(toll, dated=True, when=date(2016, 3, 9), precision="day")
    assert len(merge_drafts([strike, dated])) == 2


def test_a_definite_massacre_at_the_place_of_an_attack_just_told_is_that_attack():
    chem = draft("Chemical weapon", SARAQEB, a2="Civilians (Syria)", sent=0, par=0)
    later = date(2016, 3, 18)
    massacre = replace(draft("Attack", SARAQEB, a2="Civilians (Syria)", when=later, sent=1, par=0), definite=True)
    out = merge_drafts([chem, massacre])
    assert len(out) == 1 and out[0].sub_type == "Chemical weapon" and out[0].when == DAY
    assert len(merge_drafts([chem, replace(massacre, definite=False)])) == 2
    assert len(merge_drafts([chem, replace(massacre, place=HAMA)])) == 2


def test_unweighed_types_are_acled_event_types():
    from vigie.extract.subtypes import EVENT_TYPES

    unweighed = AssemblyRules.load().unweighed_types
    assert unweighed and unweighed <= set(EVENT_TYPES.values())


def test_one_event_per_opening_sentence_place_and_day():
    attack = draft("Armed clash", ARIHA, sent=4)
    abduction = draft("Abduction/forced disappearance", ARIHA, sent=4)
    elsewhere = draft("Abduction/forced disappearance", SARAQEB, sent=4)
    next_day = draft("Abduction/forced disappearance", ARIHA, sent=4, when=date(2016, 3, 9))
    assert F.one_per_scene([attack, abduction, elsewhere, next_day]) == [attack, elsewhere, next_day]


def test_a_scene_takes_the_harshest_rung_of_its_ladder():
    # "un manifestant a été tué quand les forces de sécurité ont tiré sur le rassemblement": the
    # crowd is named first, the scene is the force used on it
    severity = AssemblyRules.load().scene_severity
    crowd = draft("Peaceful protest", ARIHA, sent=2)
    force = draft("Excessive force against protesters", ARIHA, sent=2)
    clash = draft("Armed clash", ARIHA, sent=2)
    assert F.one_per_scene([crowd, force], severity) == [force]
    assert F.one_per_scene([force, crowd], severity) == [force]
    assert F.one_per_scene([crowd, clash], severity) == [crowd]


def test_scene_severity_ladders_are_known_sub_types():
    from vigie.extract.subtypes import EVENT_TYPES

    ladders = AssemblyRules.load().scene_severity
    assert ladders and all(len(ladder) > 1 and set(ladder) <= set(EVENT_TYPES) for ladder in ladders)


HOMS = Place("Homs", 34.730, 36.720, "Homs", "Syria", "SY", 1, feature="town", gazetteer_id="ocha:C2528")
BABA_AMR = Place("Baba Amr", 34.711, 36.690, "Homs", "Syria", "SY", 1, feature="neighbourhood", gazetteer_id="ocha:N0268")


def test_a_lead_telling_at_a_town_folds_into_its_neighbourhood_telling():
    lead = draft("Armed clash", HOMS, sent=1, par=1, rank=F.RANK_GENERIC_SUBJECT)
    body = draft("Armed clash", BABA_AMR, sent=6, par=3)
    out = merge_drafts([lead, body], quarter_km=10)
    assert [d.place for d in out] == [BABA_AMR]
    assert out[0].sentences == [1, 6]


def test_a_body_telling_at_a_town_beside_a_quarter_stays_another_event():
    quarter = draft("Armed clash", BABA_AMR, sent=6, par=3)
    town = draft("Armed clash", HOMS, sent=9, par=4)
    assert len(merge_drafts([quarter, town], quarter_km=10)) == 2


def test_a_lead_telling_of_another_sub_type_or_day_stays_apart():
    body = draft("Armed clash", BABA_AMR, sent=6, par=3)
    strike = draft("Air/drone strike", HOMS, sent=1, par=1)
    other_day = draft("Armed clash", HOMS, sent=2, par=1, when=date(2016, 3, 7))
    assert len(merge_drafts([strike, other_day, body], quarter_km=10)) == 3


def test_a_closer_telling_of_one_strike_decides_its_sub_type():
    # "une double explosion a frappé Homs" then, in the same sentence, "un kamikaze s'est fait exploser"
    bomb = draft("Remote explosive/landmine/IED", HOMS, a1=F.UNIDENTIFIED, a2=None, sent=3, rank=F.RANK_NAMED_SUBJECT)
    suicide = draft("Suicide bomb", HOMS, a1=F.UNIDENTIFIED, a2=None, sent=3, rank=F.RANK_GENERIC_SUBJECT)
    refined = frozenset({("Remote explosive/landmine/IED", "Suicide bomb")})
    out = merge_drafts([bomb, suicide], refined=refined)
    assert [d.sub_type for d in out] == ["Suicide bomb"]
    assert [d.sub_type for d in merge_drafts([suicide, bomb], refined=refined)] == ["Suicide bomb"]


def test_assembly_yml_names_known_sub_types_for_refined_tellings():
    from vigie.extract.subtypes import EVENT_TYPES

    rules = AssemblyRules.load()
    assert rules.refined_tellings and rules.quarter_km > 0
    assert all(a in EVENT_TYPES and b in EVENT_TYPES for a, b in rules.refined_tellings)


TALBISEH = Place("Talbiseh", 34.84, 36.73, "Homs", "Syria", "SY", 1, feature="town", gazetteer_id="t1")
RASTAN = Place("Ar Rastan", 34.92, 36.73, "Homs", "Syria", "SY", 1, feature="town", gazetteer_id="t2")
ZABADANI = Place("Az Zabadani", 33.72, 36.10, "Rif Dimashq", "Syria", "SY", 1, feature="town", gazetteer_id="t3")
FOUA = Place("Al Fu'ah", 35.98, 36.70, "Idlib", "Syria", "SY", 1, feature="town", gazetteer_id="t4")


def test_one_agreement_covers_the_towns_it_names_nearby():
    # "un accord de cessez-le-feu pour Talbissé et Rastane" (train: 6 outlets of deals told at a
    # town and its quarter, a region and its towns); a swap of towns 200 km apart stays two
    first = draft("Agreement", TALBISEH, sent=1)
    second = draft("Agreement", RASTAN, sent=1)
    assert len(merge_drafts([first, second])) == 1
    assert len(merge_drafts([draft("Agreement", ZABADANI, sent=1), draft("Agreement", FOUA, sent=1)])) == 2


def test_an_explosion_told_near_a_suicide_bombing_of_the_day_is_that_bombing():
    refined = frozenset({("Remote explosive/landmine/IED", "Suicide bomb")})
    blast = draft("Remote explosive/landmine/IED", HOMS, a1=F.UNIDENTIFIED, a2=None, sent=1, par=1)
    suicide = draft("Suicide bomb", BABA_AMR, a1="Islamic State", a2=None, sent=6, par=3)
    out = merge_drafts([blast, suicide], refined=refined)
    assert [(d.sub_type, d.place) for d in out] == [("Suicide bomb", BABA_AMR)]
    other_day = draft("Remote explosive/landmine/IED", HOMS, a1=F.UNIDENTIFIED, a2=None, sent=1, par=1, when=date(2016, 3, 1))
    assert len(merge_drafts([other_day, suicide], refined=refined)) == 2
