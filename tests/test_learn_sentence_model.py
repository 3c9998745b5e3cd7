"""The learned sentence gate: labels from gold, a save/load round trip, and its say at step 1."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from vigie.extract.frame_records import DocFrames, Frame, Sentence, TextSpan
from vigie.extract.sentence_model import NONE, SentenceModel, gate_frames, rule_tokens
from vigie.learn.dataset import SentenceRow, sentence_label
from vigie.learn.train import fit, save

STRIKE = "Des frappes aériennes ont tué six civils mardi à Ariha, selon une ONG."
EVENT = {"sub_event_type": "Air/drone strike", "quote": STRIKE + " Trois enfants figurent parmi les morts.",
         "mentions": {"trigger": ["frappes aériennes"]}}


def test_a_sentence_inside_the_quote_tells_its_event():
    assert sentence_label(STRIKE, [EVENT]) == "Air/drone strike"
    assert sentence_label("Trois enfants figurent parmi les morts.", [EVENT]) == "Air/drone strike"


def test_a_sentence_outside_every_quote_is_none_and_short_pieces_are_none():
    assert sentence_label("Le ministre a rencontré son homologue à Genève.", [EVENT]) == NONE
    assert sentence_label("AFP", [EVENT]) == NONE


def test_a_sentence_telling_only_an_optional_event_is_left_out():
    assert sentence_label(STRIKE, [dict(EVENT, optional=True)]) is None


def _rows() -> list[SentenceRow]:
    events = ["L'aviation a bombardé le village de {}, tuant quatre civils.",
              "Des combats ont opposé les rebelles à l'armée près de {}.",
              "Un attentat à la voiture piégée a fait dix morts à {}."]
    subs = ["Air/drone strike", "Armed clash", "Suicide bomb"]
    others = ["Le ministre des affaires étrangères s'est rendu à {}.",
              "La conférence de paix reprendra la semaine prochaine à {}.",
              "Les prix du pain ont doublé à {} cette année."]
    rows = []
    for i, town in enumerate(["Ariha", "Saraqeb", "Douma", "Harasta", "Binnish", "Tadef"]):
        for tpl, sub in zip(events, subs):
            rows.append(SentenceRow(f"d{i}", "outlet", tpl.format(town), "par_0", sub))
        for tpl in others:
            rows.append(SentenceRow(f"d{i}", "outlet", tpl.format(town), "par_0", NONE))
    return rows


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> tuple[SentenceModel, object]:
    rows = _rows()
    fitted = fit(rows)
    directory = tmp_path_factory.mktemp("model")
    save(fitted, rows, directory, corpus=Path("/corpus/real/train"), cv=None,
         thresholds={"drop_below": 0.3, "add_from": 0.6})
    return SentenceModel(directory), fitted


def test_the_saved_model_scores_as_the_fitted_one(tiny_model):
    model, fitted = tiny_model
    texts = ["L'aviation a bombardé le village de Kafranbel, tuant deux civils.",
             "Le ministre a annoncé une conférence de paix à Genève."]
    tokens = ["fs_event kept", "noframe nokept"]
    from vigie.learn.train import _matrix
    x = _matrix(fitted.vectorisers, [SentenceRow("x", None, t, k, NONE) for t, k in zip(texts, tokens)], fit=False)
    scores = model.score(texts, tokens)
    np.testing.assert_allclose(scores.p_event, fitted.event.predict_proba(x)[:, 1], atol=2e-3)
    assert scores.p_event[0] > 0.5 > scores.p_event[1]
    assert scores.sub_type[0] == "Air/drone strike"
    assert model.meta["trained_on"]["articles"] == 6


TEXTS = ["L'aviation a bombardé le village de Kafranbel, tuant deux civils.", "", "  a  ",
         "Des  frappes\taériennes\n\nà ARIHA : 6 morts, selon l'OSDH.", "fs_event kept par_0 headline"]


def test_tfidf_rows_are_sklearns_to_the_bit(tiny_model):
    """vigie.extract.tfidf counts n-grams its own (faster) way: the matrix must be scikit-learn's."""
    from vigie.extract.tfidf import TfidfRows, TfidfStack

    _, fitted = tiny_model
    for spec, vec in fitted.vectorisers:
        ours = TfidfStack([TfidfRows(vec.vocabulary_, vec.idf_, spec["params"])]).transform([TEXTS])
        theirs = vec.transform(TEXTS)
        assert np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
        assert np.array_equal(ours.data, theirs.data)


def test_stacked_vectorisers_are_scipys_hstack_to_the_bit(tiny_model):
    """One matrix for all the vectorisers (some with sublinear tf, some without) must be the
    stack of their own matrices, so the gate's scores do not move by a bit."""
    from scipy.sparse import hstack

    from vigie.extract.tfidf import TfidfRows, TfidfStack

    _, fitted = tiny_model
    parts = [TfidfRows(vec.vocabulary_, vec.idf_, spec["params"]) for spec, vec in fitted.vectorisers]
    assert len({part.sublinear_tf for part in parts}) == 2
    columns = [TEXTS if spec["field"] == "text" else TEXTS[::-1] for spec, _ in fitted.vectorisers]
    ours = TfidfStack(parts).transform(columns)
    theirs = hstack([TfidfStack([part]).transform([texts]) for part, texts in zip(parts, columns)]).tocsr()
    assert np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)
    assert TfidfStack(parts).transform([[] for _ in parts]).shape == (0, theirs.shape[1])


def _frame(sentence: int, text: str, start: int, **kw) -> Frame:
    span = TextSpan(start, start + len(text), text)
    base = Frame(trigger=span, entry_id="t", rule="kill", sub_type=None, confidence=0.6, weak=False,
                 sentence=sentence, clause=span, agent=(), patient=(), assoc=(), place_groups=(),
                 cues=frozenset(), patient_words=frozenset())
    return replace(base, **kw)


def _doc(sentences: list[str], frames: list[Frame], places: tuple[TextSpan, ...] = ()) -> DocFrames:
    out, pos = [], 0
    for i, text in enumerate(sentences):
        out.append(Sentence(pos, pos + len(text), text, i))
        pos += len(text) + 2
    return DocFrames(frames=tuple(frames), sentences=tuple(out), places=places, actors=(), sources=())


def test_rule_tokens_say_what_the_rules_saw():
    df = _doc(["Un texte.", "Un autre."], [_frame(0, "texte", 3, status="negated")])
    tokens = rule_tokens(df, [], headline={0})
    assert "fs_negated" in tokens[0] and "nokept" in tokens[0] and "headline" in tokens[0]
    assert tokens[1].startswith("noframe")


def test_gate_drops_a_kept_frame_the_model_reads_as_no_event_and_recovers_an_event_sentence(tiny_model):
    model, _ = tiny_model
    talk = "Le ministre des affaires étrangères s'est rendu à Douma."
    strike = "L'aviation a bombardé le village de Maaret, tuant trois civils."
    kept = _frame(0, "rendu", 44)
    place = TextSpan(len(talk) + 2 + 36, len(talk) + 2 + 42, "Maaret")
    df = _doc([talk, strike], [kept], places=(place,))
    gated, scores = gate_frames(model, df, [kept], headline=set())
    assert scores.p_event[1] >= model.add_from > scores.p_event[0]
    assert [f.sentence for f in gated] == [1]
    recovered = gated[0]
    assert recovered.entry_id == "learned" and recovered.sub_type == "Air/drone strike"
    assert recovered.place_groups == ((place,),)


def test_a_recovered_sentence_keeps_its_own_frame_with_the_status_overruled(tiny_model):
    model, _ = tiny_model
    strike = "L'aviation a bombardé le village de Maaret, tuant trois civils."
    own = _frame(0, "bombardé", 12, status="background", rule="bombing")
    gated, _ = gate_frames(model, _doc([strike], [own]), [], headline=set())
    assert len(gated) == 1 and gated[0].status == "event" and gated[0].rule == "bombing"


def test_the_packaged_model_loads_and_reads_a_wire_sentence():
    model = SentenceModel.load()
    if model is None:
        pytest.skip("no packaged model (run vigie train)")
    assert {"drop_below", "add_from"} <= set(model.meta["thresholds"])
    assert model.meta["trained_on"]["corpus"].endswith("real/train")
    scores = model.score(["Au moins huit civils ont été tués jeudi dans des frappes aériennes sur Saraqeb."],
                         ["fs_event fr_bombing kept par_1"])
    assert scores.p_event[0] > model.add_from


def test_thresholds_are_the_gentlest_near_the_best_among_those_the_guards_allow():
    from vigie.learn.tune import _parsimonious

    table = [
        {"drop_below": 0.0, "add_from": 1.01, "event_f1": 0.49, "guards_below": {}},
        {"drop_below": 0.1, "add_from": 0.7, "event_f1": 0.515, "guards_below": {}},
        {"drop_below": 0.2, "add_from": 0.7, "event_f1": 0.518, "guards_below": {}},
        {"drop_below": 0.4, "add_from": 0.7, "event_f1": 0.53, "guards_below": {"heldout": "event_f1"}},
    ]
    assert _parsimonious(table) == {"drop_below": 0.1, "add_from": 0.7}
    vetoed = [dict(row, guards_below={"corpus": "event_f1"}) for row in table]
    assert _parsimonious(vetoed) == {"drop_below": 0.0, "add_from": 1.01}


def test_an_assembled_event_stands_when_one_of_its_tellings_scores_at_keep_from():
    from datetime import date

    from vigie.extract.fold import Draft
    from vigie.extract.gate_steps import weighed
    from vigie.extract.sentence_model import SentenceScores
    from vigie.models import Place

    ariha = Place("Ariha", 35.81, 36.61, "Idlib", "Syria", "SY", 1, gazetteer_id="2")

    def told_in(*sentences: int) -> Draft:
        return Draft("Air/drone strike", "Military Forces of Syria", None, [], [], ariha, date(2016, 3, 8), "day",
                     True, False, 0.6, "t", None, list(sentences), 0)

    scores = SentenceScores((0.05, 0.6, 0.1), ("none", "Air/drone strike", "none"))
    news, background = told_in(0, 1), told_in(2)
    assert weighed([news, background], scores, keep_from=0.2) == [news]
    assert weighed([news, background], scores, keep_from=0.0) == [news, background]
    march = replace(told_in(2), sub_type="Peaceful protest")
    assert weighed([march], scores, keep_from=0.2, unweighed={"Protests"}) == [march]


def test_keep_from_is_chosen_gentlest_among_the_near_best():
    from vigie.learn.tune import _parsimonious

    table = [
        {"drop_below": 0.0, "add_from": 0.7, "event_f1": 0.52, "guards_below": {}},
        {"drop_below": 0.0, "add_from": 0.7, "keep_from": 0.1, "event_f1": 0.53, "guards_below": {}},
        {"drop_below": 0.0, "add_from": 0.7, "keep_from": 0.2, "event_f1": 0.55, "guards_below": {}},
        {"drop_below": 0.0, "add_from": 0.7, "keep_from": 0.3, "event_f1": 0.553, "guards_below": {}},
    ]
    assert _parsimonious(table) == {"drop_below": 0.0, "add_from": 0.7, "keep_from": 0.2}
