"""The per-article memos of the frames stage answer as the readings they keep."""
from __future__ import annotations

from vigie.extract.frame_args import former
from vigie.nlp.pipeline import load_nlp

TEXT = ("Le bombardement de Saraqeb a tué trois anciens rebelles, selon l'OSDH, qui l'attribue à l'aviation russe. "
        "Des ex-combattants ont été arrêtés, a rapporté SANA, qui l'a imputé aux rebelles.")


def test_the_verbs_of_attribution_of_a_sentence_are_those_of_a_scan() -> None:
    nlp = load_nlp()
    builder = nlp.get_pipe("vigie_frames").builder
    doc = nlp(TEXT)  # the component leaves the article's Arguments on the builder
    verbs = builder.rules.attribution_verbs
    for sent in doc.sents:
        scanned = [t.i for t in sent if t.lemma_.lower() in verbs]
        assert [t.i for t in builder._args._attribution_verbs_of(sent)] == scanned
        assert [t.i for t in builder._args._attribution_verbs_of(sent)] == scanned  # read again: the memo


def test_a_former_fighter_is_read_as_former_reads_it() -> None:
    nlp = load_nlp()
    builder = nlp.get_pipe("vigie_frames").builder
    doc = nlp(TEXT)
    for tok in list(doc) + list(doc):
        assert builder._is_former(tok) == former(builder.rules, tok)
    assert any(builder._is_former(t) for t in doc)


def test_the_cue_family_of_a_token_is_that_of_its_lemma_else_its_form() -> None:
    nlp = load_nlp()
    builder = nlp.get_pipe("vigie_frames").builder
    doc = nlp("Des avions russes ont bombardé Saraqeb; des obus et du chlore ont frappé Douma.")
    fam = builder._cue_index
    for tok in list(doc) + list(doc):
        assert builder._family(tok) == (fam.get(tok.lemma_.lower()) or fam.get(tok.lower_))
    assert {builder._family(t) for t in doc} - {None}
