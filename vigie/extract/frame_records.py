"""The plain records the frames stage hands on: spans, sentences, frames, a parsed article.

Why a module of their own: events, fold and locate read these records without needing the
parse-reading code that builds them, and no spaCy object may leave the nlp stage, so the only
bridge between a Doc and the records lives here too (``span_of``, ``split_sentences``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
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
    # the clause of its sentence the trigger stands in, and whether its best place group stands there too
    clause_index: int = 0
    place_in_clause: bool = False


@dataclass(frozen=True)
class DocFrames:
    """Everything extract needs from one parsed article, as plain records."""

    frames: tuple[Frame, ...]
    sentences: tuple[Sentence, ...]
    places: tuple[TextSpan, ...]
    actors: tuple[tuple[TextSpan, str, str], ...]  # (span, label, id) from the actor ruler
    sources: tuple[tuple[TextSpan, str, str], ...]
    actor_mentions: tuple[Any, ...] = ()  # the registry's ActorMention records, when the ruler kept them
    source_mentions: tuple[tuple[int, int, str], ...] | None = None  # the registry's (start, end, name), when kept

    def frames_in(self, sentence: int) -> tuple[Frame, ...]:
        """The frames of sentence ``sentence``, in order: an index built once, so a question
        about one sentence does not scan a long article's every frame."""
        return self._by_sentence.get(sentence, ())

    @cached_property
    def _by_sentence(self) -> dict[int, tuple[Frame, ...]]:
        by: dict[int, list[Frame]] = {}
        for f in self.frames:
            by.setdefault(f.sentence, []).append(f)
        return {s: tuple(fs) for s, fs in by.items()}


def span_of(doc: Any, start: int, end: int) -> TextSpan:
    """Character span of tokens [start, end) (without trailing whitespace).

    Reads ``doc.user_data["vigie_text"]`` when set: ``doc.text`` is rebuilt on every access."""
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    text = doc.user_data.get("vigie_text") or doc.text
    return TextSpan(s, e, text[s:e])


def subtree_span(doc: Any, tok: Any) -> TextSpan:
    return span_of(doc, tok.left_edge.i, tok.right_edge.i + 1)


# A piece that starts like this never opens a sentence: the parser cut a clause off its sentence
# (", dont trois enfants, ont été tués", "- Au moins onze civils", "-Ikhbariya a rapporté").
_CONTINUATION = re.compile(r"[,;:.!?…)\]»/\-–—]|dont\b|[a-zà-ÿ](?!l-)")
# ... and a piece that ends without closing punctuation leaves its sentence open: a wire
# dateline ("BEYROUTH, 20 septembre 2017 (AFP) -") is a prefix of the first sentence.
_CLOSED = re.compile(r"[.!?…][\s»\"”’')\]]*$")


def dateline_pattern(agencies: tuple[str, ...]) -> re.Pattern[str]:
    """A dateline at a line start, up to its dash and the space after: one signed by one of
    ``agencies`` ("BEYROUTH, 20 septembre 2017 (AFP) -", "AMMAN (Reuters) -", "Deraa / SANA -"),
    or a bare place name of one to three capitalised words, with its country bracketed or not,
    before a spaced dash or bar ("Beyrouth — ", "Beyrouth (Liban) — ", "DOUMA | "): newspapers
    file wire copy under the place it was written in, which is no event's place."""
    bare = r"[A-ZÀ-Ý][\w'’.]*(?:[ -][A-ZÀ-Ý][\w'’.]*){0,2}(?:\s*\([A-ZÀ-Ý][^\n()]{0,20}\))?\s+[-–—|]\s+"
    if not agencies:
        return re.compile(bare)
    names = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    return re.compile(rf"[A-ZÀ-Ý][^\n()]{{0,60}}?(?:\(\s*(?:{names})\s*\)|/\s*(?:{names}))\s*[-–—]\s+|{bare}")


def split_sentences(doc: Any, *, dateline: re.Pattern[str] | None = None) -> tuple[Sentence, ...]:
    """The parser's sentences, cut again at line breaks (titles and captions have no period),
    with the fragments the parser cut off a sentence put back on the same line: a piece
    after a sentence left open, or one opening with a comma, a dash or "dont" (see
    ``_CONTINUATION``), so a casualty figure is read whole. Text and offsets stay exact.

    A line opening with a ``dateline`` (see ``dateline_pattern``) keeps it as a sentence of its
    own: the story's first sentence starts after the dash, and the dateline's place and date,
    where the dispatch was filed, are not read as the event's."""
    text = doc.user_data.get("vigie_text") or doc.text
    para_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    pieces: list[tuple[int, int]] = []
    for sent in doc.sents:
        s0, e0 = sent.start_char, sent.end_char
        for m in re.finditer(r"[^\n]+", text[s0:e0]):
            piece = m.group(0)
            body = piece.strip()
            if not body:
                continue
            start = s0 + m.start() + len(piece) - len(piece.lstrip())
            end = start + len(body)
            if pieces and "\n" not in text[pieces[-1][1]:start] and _continues(text[pieces[-1][0]:pieces[-1][1]], body):
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((start, end))
    if dateline is not None:
        pieces = [part for s, e in pieces for part in _dateline_cut(text, s, e, dateline)]
    return tuple(Sentence(s, e, text[s:e], bisect_right(para_starts, s) - 1) for s, e in pieces)


def _dateline_cut(text: str, start: int, end: int, dateline: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) cut after a dateline opening its line, else unchanged."""
    line_start = text.rfind("\n", 0, start) + 1
    m = dateline.match(text, start, end) if not text[line_start:start].strip() else None
    if m is None or m.end() >= end:
        return [(start, end)]
    cut = len(m.group(0).rstrip())
    return [(start, start + cut), (m.end(), end)]


def _continues(previous: str, piece: str) -> bool:
    """Whether ``piece`` belongs to the sentence ``previous`` begins (same line)."""
    if _CONTINUATION.match(piece):
        return not (piece[0].islower() and _CLOSED.search(previous))
    return not _CLOSED.search(previous)
