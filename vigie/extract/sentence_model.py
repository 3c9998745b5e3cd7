"""The learned sentence gate: which sentences tell a reportable event, and of which sub-type.

Why: the hand rules find half of the event sentences of real reporting they were not written
from, and keep many that tell none. A linear model over the sentence's word and character
n-grams, with the rules' own findings as extra tokens (frames, their status and sub-type,
whether the rules kept one), was trained on ``real/train`` (``vigie train``); it decides, at
step 1 of the assembly cascade, which frames count:

- a kept frame in a sentence the model scores below ``drop_below`` is dropped;
- a sentence the model scores at ``add_from`` or more, where the rules kept no frame, gets one:
  its best frame whatever the status the rules gave it, else a frame spanning the sentence with
  the model's sub-type; place, date and actors are then resolved as for any frame;
- an event whose first sentence the model types, at ``retype_from`` or more, as another ACLED
  event type than the rules did takes the model's sub-type;
- an assembled event none of whose tellings the model scores at ``keep_from`` or more is
  dropped: where ``drop_below`` weighs one frame before the tellings of an event are merged,
  this weighs the event with all its tellings (a background retold in passing, a figure-only
  sentence the rules read as an attack);
- an event whose telling names no author is kept (with the article's main armed actor) only
  when the model scores one of its sentences at ``add_from`` or more; else it is dropped, as
  the rules alone do.

The artifact lives in ``vigie/data/models/event_sentences/`` (vocabularies, weights, and
``meta.json`` with the thresholds, the training data's provenance and its cross-validated
scores). Without it, the rules alone decide.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from vigie.data import data_path
from vigie.extract.frame_places import SentenceWindow, sentence_groups
from vigie.extract.frame_records import DocFrames, Frame, TextSpan
from vigie.extract.place_index import spans_within
from vigie.extract.tfidf import TfidfRows, TfidfStack

MODEL_DIR = "models/event_sentences"
NONE = "none"


def rule_tokens(df: DocFrames, kept: list[Frame], headline: set[int]) -> list[str]:
    """One string of rule tokens per sentence: what the frames stage and the rules saw there.

    The same function builds training rows and inference rows, so the model reads the rules
    exactly as they run."""
    by_sentence: list[list[str]] = [[] for _ in df.sentences]
    for f in df.frames:
        if 0 <= f.sentence < len(by_sentence):
            sub = (f.sub_type or "none").replace(" ", "_").replace("/", "_")
            by_sentence[f.sentence] += [f"fs_{f.status}", f"fr_{f.rule}", f"fsub_{f.status}_{sub}", f"fw_{f.weak}"]
    kept_in = {f.sentence for f in kept}
    for f in kept:
        by_sentence[f.sentence].append(f"kept_{f.rule}")
    out = []
    for i, (sent, toks) in enumerate(zip(df.sentences, by_sentence)):
        toks = toks or ["noframe"]
        toks.append("kept" if i in kept_in else "nokept")
        toks.append(f"par_{min(sent.paragraph, 5)}")
        if i in headline:
            toks.append("headline")
        out.append(" ".join(toks))
    return out


@dataclass(frozen=True)
class SentenceScores:
    """Per sentence: the probability that it tells an event, and the most likely sub-type."""

    p_event: tuple[float, ...]
    sub_type: tuple[str, ...]
    p_sub_type: tuple[float, ...] = ()  # the probability of that sub-type among event sentences


class SentenceModel:
    """The trained vectorisers and linear weights, rebuilt from plain files (no pickle)."""

    def __init__(self, directory: Path) -> None:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        weights = np.load(directory / "weights.npz")
        vocab = json.loads((directory / "vocabulary.json").read_text(encoding="utf-8"))
        self.meta = meta
        self.drop_below = float(meta["thresholds"]["drop_below"])
        self.add_from = float(meta["thresholds"]["add_from"])
        self.retype_from = float(meta["thresholds"].get("retype_from", 1.01))  # above 1: never
        self.keep_from = float(meta["thresholds"].get("keep_from", 0.0))  # 0: every event stands
        # the rules' verdicts the model may overrule; a negation or a plan is read, not guessed
        self.overrules = frozenset(meta["overrules_statuses"])
        self.fields = [spec["field"] for spec in meta["vectorisers"]]
        self.vectorisers = TfidfStack([TfidfRows(vocab[spec["name"]], weights[f"idf_{spec['name']}"].astype(np.float64),
                                                 spec["params"]) for spec in meta["vectorisers"]])
        # float64 and laid out as the products read them: scipy would otherwise convert the
        # weights (38,000 x 22) on every call; the values, hence the scores, are the same
        self.event_coef = weights["event_coef"].astype(np.float64)
        self.event_bias = float(weights["event_bias"])
        self.sub_coef_t = np.ascontiguousarray(weights["sub_coef"].astype(np.float64).T)
        self.sub_bias = weights["sub_bias"].astype(np.float32)
        self.sub_types: list[str] = meta["sub_types"]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> SentenceModel | None:
        """The packaged model, or None when it was not trained (the rules then decide alone)."""
        directory = data_path(MODEL_DIR)
        return cls(directory) if (directory / "meta.json").exists() else None

    def features(self, texts: list[str], tokens: list[str]) -> Any:
        fields = {"text": texts, "rules": tokens}
        return self.vectorisers.transform([fields[name] for name in self.fields])

    def score(self, texts: list[str], tokens: list[str]) -> SentenceScores:
        if not texts:
            return SentenceScores((), ())
        x = self.features(texts, tokens)
        p = 1.0 / (1.0 + np.exp(-(x @ self.event_coef + self.event_bias)))
        logits = x @ self.sub_coef_t + self.sub_bias
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        best = probs.argmax(axis=1)
        return SentenceScores(tuple(float(v) for v in p), tuple(self.sub_types[i] for i in best),
                              tuple(float(probs[j, i]) for j, i in enumerate(best)))


def gate_frames(model: SentenceModel, df: DocFrames, kept: list[Frame], *,
                headline: set[int]) -> tuple[list[Frame], SentenceScores]:
    """Step 1 of the cascade with the model's say (see the module docstring); the scores go
    back too, for the later steps that ask how sure the model is of a sentence."""
    texts = [s.text for s in df.sentences]
    scores = model.score(texts, rule_tokens(df, kept, headline))
    out = [f for f in kept if scores.p_event[f.sentence] >= model.drop_below]
    covered = {f.sentence for f in kept}
    for i in range(len(df.sentences)):
        if i in covered or scores.p_event[i] < model.add_from:
            continue
        frame = _recovered_frame(df, i, scores.sub_type[i], scores.p_event[i], overrules=model.overrules)
        if frame is not None:
            out.append(frame)
    return sorted(out, key=lambda f: (f.sentence, f.trigger.start)), scores


def _recovered_frame(df: DocFrames, i: int, sub_type: str, p: float, *, overrules: frozenset[str]) -> Frame | None:
    """The frame that stands for sentence ``i``: the rules' most confident one there whose
    status the model may overrule (it read the sentence as an event); none when the rules read
    the sentence as a negation, a plan or another status it may not overrule; else a frame
    spanning the sentence, its sub-type the model's, its places those the frames stage found."""
    own = list(df.frames_in(i))
    if own:
        allowed = [f for f in own if f.status == "event" or f.status in overrules]
        if not allowed:
            return None
        best = max(allowed, key=lambda f: (f.sub_type == sub_type, not f.weak, f.confidence))
        return replace(best, status="event")
    sent = df.sentences[i]
    span = TextSpan(sent.start, sent.end, sent.text)
    end = TextSpan(sent.end, sent.end, "")  # names before the "trigger" are the sentence's
    # enumerations ("les villes de A, B et C") are one group: an event at each of them
    places = tuple(sentence_groups(spans_within(df.places, sent.start, sent.end),
                                   SentenceWindow(sent.text, sent.start)))
    return Frame(trigger=end, entry_id="learned", rule=None, sub_type=sub_type, confidence=p, weak=False,
                 sentence=i, clause=span, agent=(), patient=(), assoc=(), place_groups=places,
                 cues=frozenset(), patient_words=frozenset())
