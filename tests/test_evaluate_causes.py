"""The error breakdown by cause (vigie.evaluate.causes) and the sentence trace behind it."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from evaluate_helpers import HAMA, IDLIB, MAARRA, gold_event, pred, write_gold, write_preds
from vigie.cli.main import cli
from vigie.evaluate.causes import (
    DUPLICATE, FRAGMENT, NO_GOLD, NOT_FOUND, WRONG_DATE, WRONG_PLACE, WRONG_TYPE, explain,
)
from vigie.extract.frame_records import DocFrames, Frame, Sentence, TextSpan
from vigie.extract.trace import ASSEMBLY, GATE, NO_FRAME, REPORTED, sentence_trace
from vigie.models import EventReport, Evidence, Place


def _explain(tmp_path: Path, golds: list[dict], preds: list[dict], trace: list[dict] | None = None):
    write_gold(tmp_path / "gold", "a1", golds)
    pred_path = write_preds(tmp_path / "pred.jsonl", preds)
    trace_path = None
    if trace is not None:
        trace_path = tmp_path / "trace.jsonl"
        trace_path.write_text(json.dumps({"article_id": "a1", "sentences": trace}) + "\n", encoding="utf-8")
    return explain(tmp_path / "gold", pred_path, trace=trace_path)


def test_a_miss_with_a_prediction_of_its_type_and_day_elsewhere_is_a_place_error(tmp_path: Path) -> None:
    b = _explain(tmp_path, [gold_event("e1", at=IDLIB)], [pred(at=HAMA)])
    assert b.missed == {WRONG_PLACE: 1} and b.spurious == {WRONG_PLACE: 1}


def test_wrong_date_and_wrong_type_are_told_apart(tmp_path: Path) -> None:
    b = _explain(tmp_path, [gold_event("e1"), gold_event("e2", at=MAARRA)],
                 [pred(date="2015-03-20"), pred(at=MAARRA, event_type="Protests", sub="Peaceful protest")])
    assert b.missed == {WRONG_DATE: 1, WRONG_TYPE: 1}


def test_a_second_telling_of_a_found_event_is_a_duplicate(tmp_path: Path) -> None:
    b = _explain(tmp_path, [gold_event("e1")], [pred(), pred()])
    assert b.missed == {} and b.spurious == {DUPLICATE: 1}


def test_spurious_events_inside_a_quote_or_outside_every_event(tmp_path: Path) -> None:
    quote = "Des combats ont éclaté. L'armée a repris le village mardi."
    far = dict(pred(at=HAMA, event_type="Riots", sub="Mob violence"))
    inside = dict(far, evidence=[{"start": 0, "end": 10, "text": "L'armée a repris le village mardi."}])
    outside = dict(far, evidence=[{"start": 0, "end": 10, "text": "Le ministre parlera demain à Genève."}])
    b = _explain(tmp_path, [gold_event("e1", quote=quote)], [pred(), inside, outside])
    assert b.spurious == {FRAGMENT: 1, NO_GOLD: 1}


def test_the_trace_says_where_a_never_found_event_was_lost(tmp_path: Path) -> None:
    golds = [gold_event("e1", quote="Des hélicoptères ont largué des barils sur le village."),
             gold_event("e2", at=MAARRA, quote="Un convoi a sauté sur une mine près de la route."),
             gold_event("e3", at=HAMA, quote="Les habitants ont fui vers le nord toute la nuit.")]
    trace = [{"start": 0, "end": 10, "text": "Des hélicoptères ont largué des barils sur le village.", "fate": ASSEMBLY},
             {"start": 11, "end": 20, "text": "Un convoi a sauté sur une mine près de la route.", "fate": GATE},
             {"start": 21, "end": 30, "text": "Les habitants ont fui vers le nord toute la nuit.", "fate": NO_FRAME}]
    assert _explain(tmp_path, golds, [], trace=trace).missed == {ASSEMBLY: 1, GATE: 1, NO_FRAME: 1}
    assert _explain(tmp_path / "plain", golds, []).missed == {NOT_FOUND: 3}


def _frame(sentence: int, start: int, text: str, status: str = "event") -> Frame:
    span = TextSpan(start, start + len(text), text)
    return Frame(trigger=span, entry_id="t", rule="kill", sub_type=None, confidence=0.6, weak=False,
                 sentence=sentence, clause=span, agent=(), patient=(), assoc=(), place_groups=(),
                 cues=frozenset(), patient_words=frozenset(), status=status)


def test_sentence_trace_gives_each_sentence_its_fate() -> None:
    texts = ["Un raid a visé Ariha.", "Le raid a été démenti.", "Des tirs ont visé Binnish.", "Rien ici.", "Un obus a frappé Idleb."]
    sents, pos = [], 0
    for i, t in enumerate(texts):
        sents.append(Sentence(pos, pos + len(t), t, 0))
        pos += len(t) + 1
    frames = [_frame(0, 3, "raid"), _frame(1, sents[1].start + 3, "raid", status="denied"),
              _frame(2, sents[2].start + 4, "tirs"), _frame(4, sents[4].start + 3, "obus")]
    df = DocFrames(frames=tuple(frames), sentences=tuple(sents), places=(), actors=(), sources=())
    place = Place(name="Ariha", latitude=35.8, longitude=36.6, admin1="Idlib", country="Syria", country_code="SY",
                  geo_precision=1)
    report = EventReport(article_id="a", event_date=date(2015, 3, 10), date_precision="day", event_type="Battles",
                         sub_event_type="Armed clash", actor1="x", actor2=None, place=place,
                         evidence=(Evidence(sents[0].start, sents[0].end, texts[0]),))
    out = sentence_trace(df, rules_kept=[frames[0], frames[2], frames[3]], kept=[frames[0], frames[3]],
                         reports=[report], article_id="a")
    fates = [s["fate"] for s in out["sentences"]]
    assert fates[0] == REPORTED and "status denied" in fates[1] and fates[2] == GATE
    assert fates[3] == NO_FRAME and fates[4] == ASSEMBLY


def test_cli_prints_the_breakdown_with_errors(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "a1", [gold_event("e1", at=IDLIB)])
    pred_path = write_preds(tmp_path / "pred.jsonl", [pred(at=HAMA)])
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "gold"), str(pred_path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "Missed gold events by cause (1)" in result.output and WRONG_PLACE in result.output
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "gold"), str(pred_path), "--errors", "--format", "json"])
    assert json.loads(result.output)["causes"]["missed"][0]["cause"] == WRONG_PLACE
