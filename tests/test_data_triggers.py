"""The trigger lexicon and event rules data files load, index inflections, and reject bad entries."""
import pytest

from vigie.errors import DataFileError
from vigie.extract.subtypes import EVENT_TYPES, EventRules
from vigie.extract.triggers import TriggerLexicon, inflections


def test_packaged_lexicon_loads_with_unique_ids_and_known_sub_types():
    lex = TriggerLexicon.load()
    ids = [e.id for e in lex.entries]
    assert len(ids) == len(set(ids)) > 30
    for e in lex.entries:
        assert (e.sub_type is None) != (e.rule is None)
        if e.sub_type:
            assert e.sub_type in EVENT_TYPES
        assert 0 < e.confidence <= 1


def test_regular_verbs_are_indexed_by_their_inflected_forms():
    lex = TriggerLexicon.load()
    assert any(e.id == "bomb_verb" for e in lex.candidates("bombardent", "bombardent"))
    assert any(e.id == "bomb_verb" for e in lex.candidates("pilonnées", "pilonnées"))
    assert "bombardaient" in inflections("bombarder")
    assert "frappes" in inflections("frappe")


def test_a_subject_that_makes_the_verb_something_else_is_read_from_the_data():
    take = next(e for e in TriggerLexicon.load().entries if e.id == "take")
    assert {"combat", "bombardement"} <= take.forbid_subject


def test_event_rules_load_their_lists():
    rules = EventRules.load()
    assert "civil" in rules.civilian_nouns and "drone" in rules.weapon_nouns
    assert "air" in rules.cues and "artillery" in rules.cues
    assert "cible" in rules.target_nouns
    assert 0 < rules.min_confidence < 1


@pytest.mark.parametrize("data", [
    {"triggers": [{"id": "x", "lemmas": ["a"]}]},  # neither sub_type nor rule
    {"triggers": [{"id": "x", "lemmas": ["a"], "rule": "bombing"}, {"id": "x", "lemmas": ["b"], "rule": "bombing"}]},
    {"triggers": [{"id": "x", "rule": "bombing"}]},  # no words
    {"entries": []},
])
def test_malformed_lexicon_is_a_data_file_error(data):
    with pytest.raises(DataFileError):
        TriggerLexicon.from_data(data)


def test_phrase_entries_match_with_optional_words():
    lex = TriggerLexicon.from_data({"triggers": [
        {"id": "fire", "phrase": ["tir", "de?", "d'?", "artillerie"], "rule": "bombing"}]})
    lowers = ["des", "tirs", "d'", "artillerie", "nourris"]
    found = lex.match_phrases(lowers, lowers, 1)
    assert [(e.id, end, head) for e, end, head in found] == [("fire", 4, 1)]
    assert lex.match_phrases(["tirs", "de", "sommation"], ["tir", "de", "sommation"], 0) == []
