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
