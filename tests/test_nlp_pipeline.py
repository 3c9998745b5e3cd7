"""The nlp stage: which spaCy components run, and place-name candidates without the NER.

Original sentences in wire style (not from the corpus)."""
import pytest

from vigie.extract.frames import NameWords, place_candidates
from vigie.extract.subtypes import EventRules


@pytest.fixture(scope="session")
def nlp():
    from vigie.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def words():
    rules = EventRules.load()
    return NameWords(rules.name_particles, rules.name_directions)


def names(nlp, words, text):
    doc = nlp(text)
    return [p.text for p in place_candidates(doc, [], words=words)]


def test_ner_is_excluded_and_vigie_components_follow_the_lemmatizer(nlp):
    assert "ner" not in nlp.pipe_names
    assert nlp.pipe_names.index("lemmatizer") < nlp.pipe_names.index("vigie_actors") < nlp.pipe_names.index("vigie_frames")


def test_capitalised_transliteration_tagged_as_noun_is_a_candidate(nlp, words):
    found = names(nlp, words, "Les insurgés ont attaqué mardi le hameau de Qarmouta, près de Tell Hazm.")
    assert "Qarmouta" in found
    assert "Tell Hazm" in found


def test_hyphenated_article_particle_starts_or_continues_a_name(nlp, words):
    found = names(nlp, words, "Un obus est tombé sur le village al-Moukharram et sur Deir al-Adas dans la soirée.")
    assert "al-Moukharram" in found
    assert "Deir al-Adas" in found


def test_directional_adjective_ends_the_name(nlp, words):
    found = names(nlp, words, "Les bombardements ont repris sur la Ghouta orientale et la Qalamoun occidentale.")
    assert "Ghouta orientale" in found


def test_sentence_initial_common_words_are_not_names(nlp, words):
    found = names(nlp, words, "Selon des témoins, Hier encore la route était coupée. Dans la nuit, Mhardé a été pilonnée.")
    assert "Selon" not in found and "Dans" not in found
    assert "Mhardé" in found


def test_blocked_spans_are_left_out(nlp, words):
    doc = nlp("Les forces de Damas ont bombardé Kafr Zita.")
    start = doc.text.index("Damas")
    found = [p.text for p in place_candidates(doc, [(start, start + 5)], words=words)]
    assert "Damas" not in found and "Kafr Zita" in found


@pytest.fixture(scope="session")
def full_words():
    rules = EventRules.load()
    return NameWords(rules.name_particles, rules.name_directions, titles=rules.person_titles,
                     teller_marks=rules.teller_marks, given_names=rules.given_names,
                     surnames=rules.family_names, place_heads=rules.place_phrase_heads)


def soft_names(nlp, words, text, soft_word):
    doc = nlp(text)
    soft = [(m, m + len(soft_word)) for m in range(len(text)) if text.startswith(soft_word, m)]
    return [p.text for p in place_candidates(doc, [], words=words, soft=soft)]


@pytest.mark.parametrize("text", [
    "Trois obus sont tombés jeudi sur une banlieue insurgée de Homs, selon les secouristes.",
    "Des combats ont opposé mardi l'armée aux rebelles à l'ouest de Homs.",
    "Un convoi a été visé sur la route de Homs dans la nuit.",
])
def test_a_source_name_in_a_place_phrase_is_a_candidate(nlp, full_words, text):
    assert "Homs" in soft_names(nlp, full_words, text, "Homs")


def test_a_source_name_outside_a_place_phrase_stays_blocked(nlp, full_words):
    assert "Homs" not in soft_names(nlp, full_words, "Selon Homs, le convoi a été attaqué près de Kafr Laha.", "Homs")


@pytest.mark.parametrize("text,person", [
    ("Le chef du groupe, Walid Haddad, a annoncé la prise de Tell Hmeis.", "Walid Haddad"),
    ("Le porte-parole Karim Nassar a démenti toute attaque contre Tell Hmeis.", "Karim Nassar"),
    ("Les partisans d'al-Assad ont manifesté vendredi à Tell Hmeis.", "al-Assad"),
    ("Le président Assad a reçu jeudi une délégation venue de Tell Hmeis.", "Assad"),
])
def test_person_names_are_not_place_candidates(nlp, full_words, text, person):
    found = names(nlp, full_words, text)
    assert person not in found and not any(person in f for f in found)
    assert "Tell Hmeis" in found


@pytest.mark.parametrize("text,teller", [
    ("Deux maisons ont brûlé à Tell Hmeis, selon Abou Khaled, un habitant joint par téléphone.", "Abou Khaled"),
    ("Une patrouille a été prise pour cible près de Tell Hmeis, selon Al-Mayadine.", "Al-Mayadine"),
])
def test_a_name_after_selon_tells_the_news_and_is_no_place(nlp, full_words, text, teller):
    found = names(nlp, full_words, text)
    assert teller not in found and "Tell Hmeis" in found


def test_an_unknown_opening_name_is_a_candidate(nlp, full_words):
    found = names(nlp, full_words, "Zoughbane a été reprise dimanche par les troupes gouvernementales.")
    assert "Zoughbane" in found


def test_a_given_name_inside_a_place_phrase_is_still_a_place(nlp, full_words):
    found = names(nlp, full_words, "Les jihadistes ont attaqué le village de Hassan Kaddour dans la nuit.")
    assert "Hassan Kaddour" in found
