"""Event frames from the parse: arguments, places, enumerations, and non-event statuses.

Original sentences in wire style (not from the corpus)."""
import pytest

from vigie.extract.frames import group_enumerations, TextSpan


@pytest.fixture(scope="session")
def nlp():
    from vigie.nlp.pipeline import load_nlp

    return load_nlp()


def frames(nlp, text):
    return nlp(text)._.vigie_frames


def by_id(df, entry_id):
    return [f for f in df.frames if f.entry_id == entry_id]


def test_pipeline_has_vigie_components_after_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("parser") < names.index("vigie_actors") < names.index("vigie_frames")


def test_active_taking_has_agent_object_and_place(nlp):
    df = frames(nlp, "Les combattants de Daech ont pris mardi la localité de Tell Abyad après de violents combats.")
    take = by_id(df, "take")[0]
    assert take.status == "event"
    assert any("Daech" in a.text for a in take.agent)
    assert take.place_groups[0][0].text == "Tell Abyad"


def test_passive_agent_comes_from_par(nlp):
    df = frames(nlp, "La ville de Palmyre a été reprise jeudi par l'armée syrienne.")
    take = by_id(df, "take")[0]
    assert any("armée syrienne" in a.text for a in take.agent)


def test_helpers_are_found_after_assoc_markers(nlp):
    df = frames(nlp, "Avec l'aide du Hezbollah, l'armée a repris le village de Zara.")
    take = by_id(df, "take")[0]
    assert any("Hezbollah" in a.text for a in take.assoc)


@pytest.mark.parametrize("text,status", [
    ("L'armée n'a pas bombardé le village de Kafr Zita.", "negated"),
    ("Les rebelles menacent de bombarder la ville de Lattaquié.", "plan"),
    ("Si les jihadistes prennent la ville de Mayadine, la route sera coupée.", "conditional"),
    ("L'aviation a-t-elle bombardé le marché de Douma ?", "question"),
    ("La région est majoritairement contrôlée par les rebelles.", "state"),
    ("Les insurgés attaqueront la base de Kuweires.", "plan"),
])
def test_non_events_get_a_status(nlp, text, status):
    df = frames(nlp, text)
    assert df.frames, text
    assert df.frames[0].status == status


def test_air_and_artillery_cues_follow_the_trigger_clause(nlp):
    df = frames(nlp, "Des hélicoptères ont bombardé Darayya tandis que des obus tombaient sur Jobar.")
    bomb = by_id(df, "bomb_verb")[0]
    assert "air" in bomb.cues


def test_enumerations_group_comma_and_et_separated_names():
    text = "les villages Aa, Bb et Cc puis Dd"
    spans = [TextSpan(13, 15, "Aa"), TextSpan(17, 19, "Bb"), TextSpan(23, 25, "Cc"), TextSpan(31, 33, "Dd")]
    groups = group_enumerations(spans, text)
    assert [[s.text for s in g] for g in groups] == [["Aa", "Bb", "Cc"], ["Dd"]]


def test_sentences_are_cut_at_line_breaks_and_know_their_paragraph(nlp):
    df = frames(nlp, "Titre sans point\n\nPremier paragraphe. Deuxième phrase.\n\nAutre paragraphe.")
    assert [s.text for s in df.sentences][0] == "Titre sans point"
    assert [s.paragraph for s in df.sentences] == [0, 1, 1, 2]


# --- second pass: denial, passing mentions, relative pronouns, anaphora, protests -------------

@pytest.mark.parametrize("text,entry_id", [
    ("Moscou a démenti toute participation de son aviation aux frappes sur Ariha.", "bomb_noun"),
    ("Les chancelleries se sont gardées de saluer la reconquête de Tadmor.", "fall_noun"),
    ("Le gouvernement nie avoir bombardé le quartier de Bustan al-Qasr.", "bomb_verb"),
    ("Les rebelles affirment avoir repoussé l'assaut sur Morek, ce que dément Damas.", "repel"),
])
def test_denials_are_not_events(nlp, text, entry_id):
    found = by_id(frames(nlp, text), entry_id)
    assert found, text
    assert found[0].status == "denied"


def test_battle_noun_completing_an_adjective_is_a_quality_not_a_clash(nlp):
    df = frames(nlp, "Les unités les plus aptes au combat de Deir Ezzor ont été déplacées vers le sud.")
    assert not by_id(df, "clash_noun")


def test_agreement_noun_needs_a_verb_that_makes_it_news(nlp):
    assert by_id(frames(nlp, "Les insurgés et l'armée ont conclu jeudi un accord de trêve à Madaya."), "agreement")
    assert not by_id(frames(nlp, "Ces anciens rebelles étaient pourtant couverts par l'accord de réconciliation."), "agreement")


def test_passive_relative_clause_patient_is_the_antecedent(nlp):
    df = frames(nlp, "On ignore le sort des militaires qui ont été enlevés par les jihadistes mardi.")
    abduct = by_id(df, "abduct")[0]
    assert any("militaires" in p.text for p in abduct.patient)
    assert "militaire" in abduct.patient_words


def test_pronoun_subject_stands_for_the_last_actor_named(nlp):
    df = frames(nlp, "Le Front al-Nosra a lancé une offensive. Ce dernier a pris le village de Kafr Hamra.")
    take = by_id(df, "take")[0]
    assert any("Nosra" in a.text for a in take.agent)


def test_dispersing_demonstrators_is_a_protest_with_the_force_as_second_party(nlp):
    df = frames(nlp, "La police a dispersé les manifestants à coups de matraque devant la mairie de Soueida.")
    disp = by_id(df, "disperse")[0]
    assert disp.rule == "protest" and "intervention" in disp.cues
    assert any("manifestants" in a.text for a in disp.agent)
    assert any("police" in p.text for p in disp.patient)


def test_marching_crowd_is_a_protest(nlp):
    df = frames(nlp, "Plusieurs milliers de personnes ont défilé samedi dans les rues de Kafranbel.")
    assert by_id(df, "protest")[0].status == "event"


def test_warning_shots_are_not_a_strike(nlp):
    df = frames(nlp, "Les gardes ont tiré en l'air pour éloigner la foule à Jassem.")
    assert not by_id(df, "bomb_verb")


def test_chemical_cue_must_be_in_the_trigger_clause(nlp):
    df = frames(nlp, "L'artillerie a pilonné lundi le quartier de Zamalka, déjà cible d'une attaque au sarin en août.")
    bomb = by_id(df, "bomb_verb")[0]
    assert "chemical" not in bomb.cues
    df = frames(nlp, "Un hélicoptère a largué des barils de chlore sur Kafr Zita.")
    assert any("chemical" in f.cues for f in df.frames if f.rule == "bombing")


def test_former_fighters_are_not_combatant_patients(nlp):
    df = frames(nlp, "Les services de sécurité ont arrêté mardi une dizaine d'anciens combattants à Inkhil.")
    arrest = by_id(df, "arrest")[0]
    assert "combattant" not in arrest.patient_words
    df = frames(nlp, "Les services de sécurité ont arrêté mardi une dizaine de combattants à Inkhil.")
    assert "combattant" in by_id(df, "arrest")[0].patient_words


def test_agreement_noun_with_a_participle_of_conclusion(nlp):
    df = frames(nlp, "Les combattants remettront leurs armes en vertu d'un accord de réconciliation conclu samedi à Jassem.")
    assert by_id(df, "agreement")


def test_gas_cylinder_bombs_are_not_chemical(nlp):
    df = frames(nlp, "Des obus et des bonbonnes de gaz remplies d'explosifs ont frappé le quartier de Salaheddine.")
    assert all("chemical" not in f.cues for f in df.frames)


# -- third pass: outcomes, claims, attributions, references, fights, states, defused explosives --

def test_purpose_reached_by_an_outcome_is_an_event_and_the_winner_takes(nlp):
    df = frames(nlp, "Au sud de Damas, la bataille que se sont livrée les milices de Daech et Jaïch al-Islam "
                     "pour s'emparer du village de Tell Dakwa s'est finalement soldée par la victoire de la dernière.")
    take = by_id(df, "take")[0]
    assert take.status == "event"
    assert [a.text for a in take.agent] == ["Jaïch al-Islam"]


def test_purpose_without_outcome_stays_a_plan(nlp):
    df = frames(nlp, "Les milices de Daech se sont massées au sud de Damas pour s'emparer du village de Tell Dakwa.")
    assert by_id(df, "take")[0].status == "plan"


def test_outcome_naming_a_withdrawal_is_fighting(nlp):
    df = frames(nlp, "L'offensive lancée par les rebelles pour reprendre la ville de Morek s'est achevée par le retrait des insurgés.")
    take = by_id(df, "take")[0]
    assert take.status == "event" and take.rule == "clash"


def test_claimant_of_an_attack_is_its_author(nlp):
    active = by_id(frames(nlp, "Le groupe Etat islamique a revendiqué l'attentat de Tell Tamer."), "explosive_noun")[0]
    assert active.claimed_by is not None and "Etat islamique" in active.claimed_by.text
    df = frames(nlp, "L'attentat a été revendiqué jeudi par l'EI, qui affirme avoir visé « un convoi de mécréants » à Manbij.")
    passive = by_id(df, "explosive_noun")[0]
    assert passive.claimed_by is not None and passive.claimed_by.text == "l'EI"
    assert [a.text for a in passive.agent] == ["l'EI"]
    # what the claimant says it hit is the same attack, not a second event
    assert by_id(df, "bomb_verb")[0].status == "claimed"


def test_unclaimed_attack_has_no_claimant(nlp):
    att = by_id(frames(nlp, "Un attentat a frappé mardi le marché de Tell Tamer."), "explosive_noun")[0]
    assert att.claimed_by is None


def test_attributed_strikes_take_the_author_named_after_a(nlp):
    df = frames(nlp, "Des frappes aériennes, attribuées par l'OSDH à l'aviation russe, ont visé mardi la localité de Kafr Zita.")
    assert by_id(df, "bomb_noun")[0].agent[0].text == "l'aviation russe"


def test_reference_point_after_depuis_is_not_an_event(nlp):
    df = frames(nlp, "Des habitants ont défilé samedi à Inkhil ; leurs proches sont détenus depuis la prise de la région par l'armée.")
    assert by_id(df, "fall_noun")[0].status == "background"


def test_dated_aside_gets_its_own_clause(nlp):
    df = frames(nlp, "Les habitants, revenus après la reprise de la ville de Morek l'été dernier, manifestent mardi.")
    fall = by_id(df, "fall_noun")[0]
    assert "l'été dernier" in fall.clause.text and "mardi" not in fall.clause.text


@pytest.mark.parametrize("text", [
    "Les rebelles tentent de reprendre la ville de Morek.",
    "L'armée a repris plusieurs positions près de la route.",
    "L'armée a reconquis la plupart des points perdus la semaine dernière.",
])
def test_territory_verbs_that_report_fighting(nlp, text):
    fr = [f for f in frames(nlp, text).frames if f.entry_id in ("take", "enter")][0]
    assert fr.rule == "clash", text


def test_taking_a_named_town_stays_a_territory_change(nlp):
    assert by_id(frames(nlp, "L'armée a repris mardi la ville de Morek."), "take")[0].rule == "territory"


def test_present_passive_with_still_is_who_holds_the_place(nlp):
    assert by_id(frames(nlp, "Le village de Tell Dakwa est toujours occupé par les jihadistes."), "take")[0].status == "state"
    assert by_id(frames(nlp, "Le village de Tell Dakwa a été occupé mardi par les jihadistes."), "take")[0].status == "event"


@pytest.mark.parametrize("text", [
    "Les démineurs nettoient la vieille ville, où les jihadistes ont laissé derrière eux des centaines d'engins explosifs.",
    "Un kamikaze a été abattu par la police à Damas.",
])
def test_explosives_that_did_not_go_off(nlp, text):
    fr = [f for f in frames(nlp, text).frames if f.entry_id == "explosive_noun"]
    assert fr and all(f.status != "event" for f in fr), text


def test_stopped_before_detonating_is_not_an_explosion(nlp):
    df = frames(nlp, "Un kamikaze a été abattu par la police avant de faire exploser sa ceinture.")
    assert by_id(df, "explode_verb")[0].status == "plan"


def test_subject_is_not_taken_across_a_colon(nlp):
    df = frames(nlp, "La colère des habitants aura été brève : l'armée syrienne a repris la localité de Mhardé.")
    assert [a.text for a in by_id(df, "take")[0].agent] == ["l'armée syrienne"]


def test_taking_control_of_a_place_does_not_make_the_place_an_agent(nlp):
    df = frames(nlp, "Les jihadistes se sont rendus aux combattants du Hezbollah lorsque ceux-ci prenaient le contrôle de la colline de Tell Sayed.")
    assert [a.text for a in by_id(df, "take")[0].agent] == ["Hezbollah"]


# -- fourth pass: statistics, habits, background of agreements, participants, air agents --------
def test_counts_of_sorties_and_targets_are_statistics(nlp):
    df = frames(nlp, "Le nombre des sorties des avions russes cette semaine s'élève à 40, au cours "
                     "desquelles 95 cibles des rebelles ont été frappées, selon Moscou.")
    hit = [f for f in df.frames if f.trigger.text == "frappées"][0]
    assert hit.status == "statistic"


def test_a_toll_whose_subject_is_a_count_of_dead_is_still_an_event(nlp):
    df = frames(nlp, "Les raids de l'aviation ont tué jeudi douze civils à Saraqeb.")
    assert all(f.status == "event" for f in df.frames)


@pytest.mark.parametrize("text", [
    "Comme d’habitude, à chaque fois que les rebelles sont en difficulté, ils bombardent les quartiers de Homs.",
    "Chaque fois que l'armée avance, les insurgés pilonnent les villages de la plaine.",
])
def test_habits_are_not_events(nlp, text):
    df = frames(nlp, text)
    bombs = [f for f in df.frames if f.rule == "bombing"]
    assert bombs and all(f.status == "habitual" for f in bombs)


def test_battles_named_as_the_reason_of_an_agreement_are_background(nlp):
    df = frames(nlp, "Les rebelles et l'armée ont conclu lundi une trêve dans la région de Zabadani, "
                     "suite à la reddition des insurgés à l'issue de durs affrontements, selon l'agence.")
    status = {f.trigger.text: f.status for f in df.frames}
    assert status["trêve"] == "event"
    assert status["affrontements"] == "background"
    assert status["reddition"] == "background"


def test_fighting_without_an_agreement_is_still_an_event(nlp):
    df = frames(nlp, "L'armée a repris le village de Kinsabba à l'issue de durs affrontements avec les rebelles.")
    assert [f.status for f in df.frames if f.trigger.text == "affrontements"] == ["event"]


def test_explosives_describing_a_named_victim_are_no_blast(nlp):
    df = frames(nlp, "Ils ont abattu dans le village de Taftanaz Ahmad Saleh al-Omar, leur fabriquant de "
                     "ceintures explosives et le formateur des combattants destinés aux attentats-suicides.")
    assert [f.status for f in df.frames if f.rule == "kill"] == ["event"]
    assert all(f.status != "event" for f in df.frames if f.rule == "explosive")


def test_air_agent_beats_the_artillery_cue_of_a_generic_verb(nlp):
    df = frames(nlp, "Depuis lundi, l'aviation syrienne et l'artillerie du régime pilonnent sans relâche la ville de Douma.")
    bomb = [f for f in df.frames if f.rule == "bombing"][0]
    assert "air" in bomb.cues and "artillery" not in bomb.cues


def test_artillery_agent_keeps_shelling(nlp):
    df = frames(nlp, "Les canons de l'armée pilonnent depuis l'aube les collines de Kabani.")
    bomb = [f for f in df.frames if f.rule == "bombing"][0]
    assert "air" not in bomb.cues


def test_pronoun_attribution_in_a_relative_clause_names_the_author(nlp):
    df = frames(nlp, "La veille, le bombardement de Kafrzita avait tué trois civils, selon l'OSDH, "
                     "qui l'attribue à l'artillerie du régime.")
    bomb = [f for f in df.frames if f.entry_id == "bomb_noun"][0]
    assert [a.text for a in bomb.agent] == ["l'artillerie du régime"]


def test_a_compass_reference_place_comes_after_the_place_it_locates(nlp):
    df = frames(nlp, "Dans la ville de Tal Tamr, au nord de Hassaké, les combattants kurdes ont affirmé avoir tué 15 membres de Daech.")
    kill = [f for f in df.frames if f.rule == "kill"][0]
    assert kill.status == "event"
    assert any("combattants kurdes" in a.text for a in kill.agent)
    assert kill.place_groups[0][0].text == "Tal Tamr"


def test_a_sentence_telling_an_instance_of_a_habit_stands_on_its_own(nlp):
    df = frames(nlp, "Chaque fois que l'armée avance, les insurgés pilonnent les quartiers loyalistes. "
                     "Ce fut le cas du quartier de Midane, où des obus ont tué cinq civils.")
    habit = [f for f in df.frames if f.trigger.text == "pilonnent"][0]
    shells = [f for f in df.frames if f.trigger.text == "obus"][0]
    assert habit.status == "habitual"
    assert shells.status == "event" and not shells.weak


def test_a_weapon_noun_without_a_habit_before_stays_weak(nlp):
    df = frames(nlp, "L'armée a repris la colline. Ce fut le cas du quartier de Midane, où des obus ont tué cinq civils.")
    assert [f.weak for f in df.frames if f.trigger.text == "obus"] == [True]


def test_explosives_in_the_object_of_a_killing_describe_the_victim(nlp):
    df = frames(nlp, "Ils ont liquidé dans la ville de Binnich Ahmad Khalil al-Omar, son fabriquant des voitures piégées.")
    assert all(f.status != "event" for f in df.frames if f.rule == "explosive")
    df = frames(nlp, "Un kamikaze a fait exploser sa voiture piégée devant un barrage de l'armée à Jableh.")
    assert any(f.status == "event" for f in df.frames if f.rule == "explosive")


# -- fifth pass: place groups, non-events, takers, munitions -----------------------------------
def test_bracketed_alternative_name_joins_its_place_group(nlp):
    df = frames(nlp, "Dans la ville de Ras al-Ain (Serêkaniyê), au nord de Hassaké, des combattants kurdes ont repoussé un assaut.")
    repel = by_id(df, "repel")[0]
    assert [p.text for p in repel.place_groups[0]] == ["Ras al-Ain", "Serêkaniyê"]


def test_apposition_after_a_compass_reference_is_the_place(nlp):
    df = frames(nlp, "Un village rebelle au sud de Mhardé, Kfar Nboudé, a été pilonné toute la journée par l'armée.")
    f = [f for f in df.frames if f.rule == "bombing"][0]
    assert [p.text for p in f.place_groups[0]] == ["Kfar Nboudé"]
    assert [p.text for p in f.place_groups[-1]] == ["Mhardé"]


@pytest.mark.parametrize("text,entry,status", [
    ("Washington et Paris se préparent à une frappe contre les installations militaires syriennes.", "bomb_noun", "plan"),
    ("Les inspecteurs de l'OIAC chargés des armes chimiques sont arrivés lundi à Beyrouth.", "chemical", "reference"),
    ("Moscou a rejeté les accusations d'emploi d'armes chimiques par ses alliés.", "chemical", "reference"),
    ("Dans le désert, l'aviation américaine a poursuivi ses raids contre les positions jihadistes.", "bomb_noun", "campaign"),
    ("Des rebelles s'opposant aux jihadistes ont quitté la ville de Jarablous.", "fight_verb", "state"),
    ("Les commandants ne considèrent pas Hama comme étant leur bataille prioritaire.", "clash_noun", "negated"),
])
def test_more_non_events_get_a_status(nlp, text, entry, status):
    df = frames(nlp, text)
    assert [f.status for f in by_id(df, entry)] == [status], text


def test_a_campaign_with_its_own_place_stays_an_event(nlp):
    df = frames(nlp, "L'aviation a poursuivi ses raids sur Maaret Harma dans la nuit.")
    assert [f.status for f in by_id(df, "bomb_noun")] == ["event"]


def test_figurative_frapper_is_no_trigger(nlp):
    df = frames(nlp, "La vidéo montre un camion équipé d'un canon et frappé du logo d'une faction islamiste.")
    assert by_id(df, "bomb_verb") == []


def test_a_passing_mention_of_an_agreement_is_not_governed(nlp):
    df = frames(nlp, "La police a interpellé dix opposants, pourtant protégés par l'accord de trêve signé en mai.")
    assert by_id(df, "agreement") == []
    assert [f.status for f in by_id(df, "arrest")] == ["event"]


def test_a_kamikaze_shot_before_the_blast_is_a_disrupted_weapon_use(nlp):
    df = frames(nlp, "Un kamikaze a été abattu mardi par des gardes avant d'actionner sa ceinture près du marché de Jableh.")
    assert by_id(df, "kill") == []
    assert [f.status for f in by_id(df, "shoot_down")] == ["event"]


def test_the_taker_is_the_noun_after_aux_mains_de(nlp):
    df = frames(nlp, "La colline de Tell Ahmar était tombée dimanche aux mains des rebelles.")
    fall = by_id(df, "fall_to")[0]
    assert any("rebelles" in a.text for a in fall.agent)


def test_explosives_filling_a_munition_leave_the_sub_type_to_the_munition(nlp):
    df = frames(nlp, "À Salamiyé, des roquettes et des bonbonnes remplies d'explosifs ont tué quatre habitants.")
    assert [f.status for f in by_id(df, "explosive_noun")] == ["state"]
    assert [f.status for f in by_id(df, "munition_noun")] == ["event"]


def test_a_denial_with_its_own_subject_after_the_trigger(nlp):
    df = frames(nlp, "Les rebelles accusent l'armée d'avoir mené des raids mardi sur Talbissé, ce que le gouvernement dément.")
    assert [f.status for f in by_id(df, "bomb_noun")] == ["denied"]


def test_an_instance_of_a_habit_takes_the_habit_s_author(nlp):
    df = frames(nlp, "Les milices pilonnent les quartiers ouest d'Alep chaque fois que l'armée avance. "
                     "Cela a été le cas du quartier de Salaheddine, où des obus ont tué cinq civils.")
    shells = by_id(df, "munition_noun")
    assert shells and not shells[0].weak
    assert any("milices" in a.text for a in shells[0].agent)


# -- sixth pass: what unseen outlets trigger without an event -------------------------------
@pytest.mark.parametrize("text,entry,status", [
    # a counted duration: the goal of a truce, not a strike
    ("Les deux camps ont signé lundi une trêve censée mettre fin à deux mois de bombardements sur Douma.", "bomb_noun", "period"),
    # a siege is a state, whether in the passive with "depuis" or in a relative clause
    ("Le camp de Yarmouk, qui compte des milliers d'habitants, est assiégé depuis 2014 par les forces loyalistes.", "encircle", "state"),
    ("Le régime promet de retirer les chars qui encerclent le quartier de Waer.", "encircle", "state"),
    # planned, then called off
    ("Une marche prévue jeudi devant la mairie de Salamiyé a été annulée.", "protest", "plan"),
    ("Les organisateurs ont annulé la manifestation de Soueïda après des pressions.", "protest", "plan"),
    # a demonstrative points back to a battle already told
    ("Au cours de ces combats, les rebelles ont perdu plusieurs chefs.", "clash_noun", "reference"),
    # what the claimant says it hit is the claimed attack again
    ("Le groupe a revendiqué l'explosion, assurant que ses hommes avaient visé un poste de police.", "bomb_verb", "claimed"),
    # houses booby-trapped before a retreat: explosives laid, nothing blew up
    ("Les démineurs fouillent la ville, où les jihadistes avaient piégé des dizaines de maisons.", "car_bomb", "state"),
])
def test_sixth_pass_non_events(nlp, text, entry, status):
    found = by_id(frames(nlp, text), entry)
    assert found, text
    assert found[0].status == status


def test_a_fight_leading_up_to_its_outcome_stays_an_event(nlp):
    df = frames(nlp, "Après deux jours de combats, les rebelles ont été contraints de quitter la colline de Tal Sawan.")
    assert by_id(df, "clash_noun")[0].status == "event"


def test_a_completed_encirclement_is_news(nlp):
    df = frames(nlp, "L'armée a totalement encerclé samedi la ville de Rastane.")
    assert by_id(df, "encircle")[0].status == "event"


def test_shooting_to_disperse_a_crowd_is_the_intervention_not_a_plan(nlp):
    df = frames(nlp, "La police a tiré des grenades lacrymogènes pour disperser les manifestants de Jassem.")
    assert by_id(df, "disperse")[0].status == "event"


def test_a_noun_the_tagger_took_for_a_participle_is_no_trigger(nlp):
    df = frames(nlp, "Une bombe a explosé dimanche à l'entrée nord de Manbij.")
    assert not by_id(df, "enter")


def test_the_side_that_pulls_out_is_the_loser(nlp):
    df = frames(nlp, "Les jihadistes ont été forcés vendredi de se retirer de Tadef.")
    w = by_id(df, "withdraw")[0]
    assert w.status == "event" and w.roles == "inverted" and w.confidence >= 0.5
    assert not w.agent and any("jihadistes" in p.text for p in w.patient)


def test_withdrawing_a_candidacy_is_no_territory_change(nlp):
    assert not by_id(frames(nlp, "Le député a retiré sa plainte contre le gouverneur."), "withdraw")


def test_a_gerund_takes_the_subject_of_its_clause_and_is_weak(nlp):
    df = frames(nlp, "Les hélicoptères du régime ont tué six civils à Jisr al-Choughour en bombardant une boulangerie.")
    g = by_id(df, "bomb_verb")[0]
    assert any("hélicoptères" in a.text for a in g.agent) and g.weak
    assert any("boulangerie" in p.text for p in g.patient)
    assert "air" in g.cues


def test_an_adjective_before_the_noun_is_no_agent(nlp):
    df = frames(nlp, "Les miliciens ont commis jeudi un nouveau massacre dans le village de Tremseh.")
    m = by_id(df, "massacre")[0]
    assert any("miliciens" in a.text for a in m.agent)
    assert not any(a.text == "nouveau" for a in m.agent)


def test_two_coordinated_verbs_share_the_object(nlp):
    df = frames(nlp, "Les soldats ont abattu et arrêté plusieurs dizaines de jihadistes près de Khanasser.")
    arrest = by_id(df, "arrest")[0]
    assert any("jihadistes" in p.text for p in arrest.patient)
    assert "jihadiste" in arrest.patient_words


def test_gear_destroyed_while_killing_fighters_is_part_of_the_fight(nlp):
    df = frames(nlp, "Les combattants ont tué une vingtaine de soldats et détruit trois blindés.")
    assert by_id(df, "destroy")[0].rule == "spoils"
    alone = frames(nlp, "L'armée a détruit un drone au-dessus de Hmeimim.")
    assert by_id(alone, "destroy")[0].rule == "destroy"


def test_dispersing_the_crowd_just_told_is_that_protest_s_intervention(nlp):
    df = frames(nlp, "Des centaines d'habitants ont manifesté samedi à Jassem contre la vie chère. "
                     "Les policiers ont lancé des gaz lacrymogènes pour disperser la foule.")
    protest = by_id(df, "protest")[0]
    disperse = by_id(df, "disperse")[0]
    assert protest.status == "event" and "intervention" in protest.cues
    assert any("policiers" in p.text for p in protest.patient)
    assert disperse.status == "reference"


def test_a_dispersal_with_no_protest_before_stays_its_own_event(nlp):
    df = frames(nlp, "Les policiers ont dispersé jeudi un rassemblement devant le palais de justice de Soueïda.")
    assert by_id(df, "disperse")[0].status == "event"


def test_the_headline_and_a_definite_mention_take_the_told_suicide_attack_s_cue(nlp):
    df = frames(nlp, "Attentat à la voiture piégée à Hassaké : 6 morts\n\n"
                     "Un kamikaze a fait exploser jeudi un camion piégé devant un poste de police de Hassaké.\n\n"
                     "Les jihadistes ont revendiqué l'attentat dans un communiqué.")
    nouns = by_id(df, "explosive_noun")
    assert all("suicide" in f.cues for f in nouns if f.trigger.text.lower() == "attentat")


def test_without_a_told_suicide_attack_a_headline_bombing_keeps_its_cues(nlp):
    df = frames(nlp, "Attentat à Azaz\n\nUne bombe a explosé jeudi sur le marché d'Azaz, tuant quatre personnes.")
    head = [f for f in by_id(df, "explosive_noun") if f.trigger.text == "Attentat"][0]
    assert "suicide" not in head.cues


def test_a_wire_dateline_is_its_own_sentence_and_its_story_is_read_whole(nlp):
    text = ("ALEP, 3 mars 2016 (AFP) - Au moins neuf civils, dont deux fillettes, ont péri jeudi dans des "
            "raids aériens sur le village de Tell Rifaat, a rapporté l'OSDH.\nDeuxième ligne sans point")
    df = frames(nlp, text)
    texts = [s.text for s in df.sentences]
    assert texts[0] == "ALEP, 3 mars 2016 (AFP) -"
    assert texts[1].startswith("Au moins neuf civils, dont deux fillettes, ont péri")
    assert texts[1].endswith("a rapporté l'OSDH.")
    assert texts[2] == "Deuxième ligne sans point"
    assert all(text[s.start:s.end] == s.text for s in df.sentences)
    # the dispatch's city is not where the raid was
    raid = [f for f in df.frames if f.rule == "bombing"][0]
    assert all(p.text != "ALEP" for g in raid.place_groups for p in g)


def test_the_place_of_a_bare_dateline_is_no_candidate(nlp):
    df = frames(nlp, "Beyrouth — Des obus sont tombés lundi sur la ville de Douma, selon l'OSDH.")
    assert df.sentences[0].text == "Beyrouth —"
    assert [p.text for p in df.places] == ["Douma"]


@pytest.mark.parametrize("previous,piece,joined", [
    ("Un responsable local", ", joint par téléphone, a confirmé le bilan.", True),
    ("Au moins six combattants", "dont un commandant, ont été tués.", True),
    ("La chaîne officielle Al", "-Ikhbariya a diffusé les images.", True),
    ("Le bilan s'est alourdi.", "Des secouristes fouillent les décombres.", False),
    ("Le bilan s'est alourdi.", "al-Nosra a revendiqué l'attaque.", False),
    ("Les rebelles se sont repliés vers", "la localité voisine de Kafr Nabl.", True),
])
def test_fragments_the_parser_cut_off_rejoin_their_sentence(previous, piece, joined):
    from vigie.extract.frame_records import _continues

    assert _continues(previous, piece) is joined


def test_a_strike_only_named_in_the_evidence_demanded_is_no_event(nlp):
    df = frames(nlp, "Le ministre a réclamé vendredi la preuve que l'armée avait utilisé des armes chimiques à Douma.")
    chem = [f for f in df.frames if f.rule == "chemical"]
    assert chem and all(f.status == "reference" for f in chem)


def test_restoring_security_in_a_place_is_a_territory_frame_even_with_a_day_between(nlp):
    df = frames(nlp, "Les soldats ont rétabli jeudi la sécurité et le calme dans la localité de Kafr Nabouda. "
                     "Le gouverneur a rétabli le dialogue avec les notables.")
    restore = by_id(df, "restore_security")
    assert len(restore) == 1 and restore[0].rule == "territory" and restore[0].sentence == 0


TOLL_AFTER_RAIDS = ("Des avions syriens ont bombardé mardi plusieurs villages de la province de Deraa.\n\n"
                    "De son côté, une ONG locale évoque 23 civils, dont 4 femmes, dans la localité de Nawa, au nord de Deraa.")


def test_a_civilian_toll_at_a_place_right_after_a_strike_is_a_weak_frame_of_that_strike(nlp):
    df = frames(nlp, TOLL_AFTER_RAIDS)
    toll = by_id(df, "toll_after_strike")
    assert len(toll) == 1 and toll[0].weak and toll[0].rule == "bombing" and toll[0].status == "event"
    assert "air" in toll[0].cues
    assert toll[0].place_groups[0][0].text == "Nawa"
    assert any("avions syriens" in a.text for a in toll[0].agent)  # the strike's author


def test_a_toll_after_a_ground_fight_or_with_its_own_trigger_is_not_a_strike(nlp):
    df = frames(nlp, "Les rebelles ont attaqué mardi un barrage de l'armée près de Nawa.\n"
                     "Une ONG locale évoque 23 civils dans la localité de Nawa.")
    assert not by_id(df, "toll_after_strike")
    df = frames(nlp, "Des avions syriens ont bombardé mardi plusieurs villages de la province de Deraa.\n\n"
                     "Une ONG locale évoque 23 civils tués dans la localité de Nawa.")
    assert not by_id(df, "toll_after_strike")


def test_the_strike_toll_becomes_an_air_strike_on_civilians_at_its_place(nlp):
    from datetime import date

    from vigie.extract import extract

    reports = extract(TOLL_AFTER_RAIDS, published=date(2016, 3, 1), outlet="Test")
    nawa = [r for r in reports if r.place and r.place.name.lower().startswith("naw")]
    assert len(nawa) == 1
    assert nawa[0].sub_event_type == "Air/drone strike" and nawa[0].actor2 == "Civilians (Syria)"
    assert nawa[0].actor1 == "Military Forces of Syria" and nawa[0].civilian_targeting


def test_aircraft_as_subject_make_a_kill_an_air_strike_and_a_quoted_object_keeps_its_complement(nlp):
    df = frames(nlp, "Le ministère turc de la Défense a assuré de son côté que ses avions avaient \"éliminé une quarantaine "
                     "de combattants\" des YPG en deux jours dans le canton d'Afrin, sans donner de détails.")
    kill = [f for f in df.frames if f.rule == "kill"][0]
    assert {"air", "air_author"} <= kill.cues
    assert any(p.text == "des YPG" for p in kill.patient)
    df = frames(nlp, "Les soldats, appuyés par l'aviation, ont tué une vingtaine de combattants près de Raqqa.")
    assert "air_author" not in [f for f in df.frames if f.rule == "kill"][0].cues
