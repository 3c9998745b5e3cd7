"""Sentence rows for the learned gate: each sentence of a coded article, what the rules saw
there, and the sub-type of the gold event it tells (or "none").

A sentence tells a gold event when it lies inside the event's quote (the coder's evidence),
or when it holds one of the event's trigger mentions and opens like a piece of the quote.
Sentences that tell only optional events are left out: the gold neither rewards nor punishes
them, so neither should the model learn from them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vigie.errors import IngestError
from vigie.evaluate.normalise import MIN_QUOTE_CHARS, quote_key
from vigie.extract.sentence_model import NONE


@dataclass(frozen=True)
class SentenceRow:
    doc_id: str
    outlet: str | None
    text: str
    tokens: str
    label: str


def sentence_label(text: str, events: list[dict[str, Any]]) -> str | None:
    """The sub-type of the first core gold event the sentence tells, NONE, or None when it
    tells only optional events."""
    s = quote_key(text)
    if len(s) < MIN_QUOTE_CHARS:
        return NONE
    told = []
    for ev in events:
        quote = quote_key(ev.get("quote") or "")
        triggers = (ev.get("mentions") or {}).get("trigger") or []
        triggers = [triggers] if isinstance(triggers, str) else triggers
        inside = s in quote or (len(quote) >= MIN_QUOTE_CHARS and quote in s)
        triggered = any(t and quote_key(t) in s for t in triggers) and s[:40] in quote
        if inside or triggered:
            told.append(ev)
    core = [ev for ev in told if not ev.get("optional")]
    if core:
        return str(core[0]["sub_event_type"])
    return None if told else NONE


@dataclass(frozen=True)
class CodedArticle:
    """One parsed article of a coded split with its gold events."""

    article: Any  # vigie.models.Article
    frames: Any  # DocFrames
    events: list[dict[str, Any]]


def parse_corpus(split: Path, *, batch_size: int = 16) -> list[CodedArticle]:
    """Every coded article of a split (``articles.jsonl`` + ``gold/``), read, cleaned and parsed
    exactly as ``vigie extract`` reads it."""
    from vigie.ingest import read_paths
    from vigie.nlp.pipeline import load_nlp

    articles = [a for a in read_paths([str(split / "articles.jsonl")])
                if not isinstance(a, IngestError) and a.language == "fr"]
    out = []
    for doc, art in load_nlp().pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size):
        gold_path = split / "gold" / f"{art.id}.json"
        if gold_path.exists():
            events = json.loads(gold_path.read_text(encoding="utf-8")).get("events", [])
            out.append(CodedArticle(art, doc._.vigie_frames, events))
    return out


def article_input(coded: CodedArticle) -> Any:
    from vigie.extract import _input

    art = coded.article
    return _input(art.text, art.published, art.outlet, art.id)


def sentence_rows(coded: list[CodedArticle]) -> list[SentenceRow]:
    """The labelled sentences of the articles, with the rule tokens extraction computes."""
    from vigie.extract import build_assembler

    assembler = build_assembler()
    rows = []
    for c in coded:
        for text, tokens in assembler.sentence_views(c.frames, article_input(c)):
            label = sentence_label(text, c.events)
            if label is not None:
                rows.append(SentenceRow(c.article.id, c.article.outlet, text, tokens, label))
    return rows
