"""The plain records the frames stage hands on: spans, sentences, frames, a parsed article.

Why a module of their own: events, fold and locate read these records without needing the
parse-reading code that builds them, and no spaCy object may leave the nlp stage, so the only
bridge between a Doc and the records lives here too (``span_of``, ``split_sentences``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TextSpan:
    """A piece of the article: character offsets into the text given to extract()."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Frame:
    """One trigger with its arguments (spans) and what the rules need to decide its sub-type."""

    trigger: TextSpan
    entry_id: str
    rule: str | None
    sub_type: str | None
    confidence: float
    weak: bool
    sentence: int
    clause: TextSpan
    agent: tuple[TextSpan, ...]
    patient: tuple[TextSpan, ...]
    assoc: tuple[TextSpan, ...]
    place_groups: tuple[tuple[TextSpan, ...], ...]
    cues: frozenset[str]
    patient_words: frozenset[str]
    status: str = "event"
    roles: str = "normal"
    # who claimed the attack ("l'EI a revendiqué l'attentat"): ACLED's actor1 of the attack
    claimed_by: TextSpan | None = None


@dataclass(frozen=True)
class DocFrames:
    """Everything extract needs from one parsed article, as plain records."""

    frames: tuple[Frame, ...]
    sentences: tuple[Sentence, ...]
    places: tuple[TextSpan, ...]
    actors: tuple[tuple[TextSpan, str, str], ...]  # (span, label, id) from the actor ruler
    sources: tuple[tuple[TextSpan, str, str], ...]
    actor_mentions: tuple[Any, ...] = ()  # the registry's ActorMention records, when the ruler kept them


def span_of(doc: Any, start: int, end: int) -> TextSpan:
    """Character span of tokens [start, end) (without trailing whitespace).

    Reads ``doc.user_data["vigie_text"]`` when set: ``doc.text`` is rebuilt on every access."""
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    text = doc.user_data.get("vigie_text") or doc.text
    return TextSpan(s, e, text[s:e])


def subtree_span(doc: Any, tok: Any) -> TextSpan:
    return span_of(doc, tok.left_edge.i, tok.right_edge.i + 1)


def split_sentences(doc: Any) -> tuple[Sentence, ...]:
    """The parser's sentences, cut again at line breaks (titles and captions have no period)."""
    text = doc.user_data.get("vigie_text") or doc.text
    out: list[Sentence] = []
    para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    for sent in doc.sents:
        s0, e0 = sent.start_char, sent.end_char
        for m in re.finditer(r"[^\n]+", text[s0:e0]):
            piece = m.group(0)
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if not body:
                continue
            start = s0 + m.start() + lead
            out.append(Sentence(start, start + len(body), body, bisect_right(para_starts, start) - 1))
    return tuple(out)
