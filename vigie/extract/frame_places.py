"""Place-name candidates of a parsed article, and which of them belong to a trigger.

Why apart from the frame builder: finding names is surface work (capitalised runs, particles
"al-", enumerations "A, B et C") independent of what happened; the gazetteer decides later
which candidates are really places. The builder only asks for the candidates of the article
and, per trigger, for their groups ordered best first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from vigie.extract.frame_records import Sentence, TextSpan, span_of
from vigie.extract.triggers import TriggerMatch

_PLACE_LABELS = frozenset({"LOC", "GPE"})
_ENUM_GAP = re.compile(r"^\s*(?:,|et|ou|,\s*et|,\s*ou)\s*$")
# "X, au nord d'Alep": a place after a compass phrase locates the place before it
_REFERENCE = re.compile(r",\s*(?:au|à l['’]|a l['’])\s*(?:nord|sud|est|ouest)[\w-]*\s+(?:de\s+la\s+|de\s+|d['’]|du\s+)$", re.I)


@dataclass(frozen=True)
class NameWords:
    """Lowercase words a place name may contain ("al-Jafrat", "Ghouta orientale")."""

    particles: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()


_OPENERS = frozenset({'"', "«", "(", ":", "“", "'", "—", "-", "–"})
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "VERB", "ADV", "NUM"})


def _capitalised_name(tok: Any) -> bool:
    """A capitalised word that may begin or continue a name.

    Why not the tagger alone: fr_core_news_md tags unknown transliterations ("Jafrat",
    "Kilis", "Hamouria") as common nouns; a capital in mid-sentence is the better sign.
    Sentence-initial words and short acronyms count only when tagged PROPN."""
    text = tok.text
    if not text[:1].isupper() or tok.pos_ not in _NAME_POS:
        return False
    if tok.pos_ == "PROPN":
        return True
    if text.isupper() and len(text) <= 5:
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return not (tok.is_sent_start or prev is None or prev.text in _OPENERS or "\n" in prev.whitespace_ + prev.text)


def place_candidates(doc: Any, blocked: list[tuple[int, int]], *, words: NameWords = NameWords()) -> tuple[TextSpan, ...]:
    """Place-name spans: LOC/GPE entities when the model has a recogniser, and runs of
    capitalised words (with particles "al-", "el-" and a trailing "orientale"), minus actor
    and source names.

    vigie's pipeline excludes the NER (it cost as much as the parser; the gazetteer decides
    what is a place anyway), so the capitalised runs are the main source."""
    spans: dict[tuple[int, int], TextSpan] = {}

    def free(s: int, e: int) -> bool:
        return not any(s < be and bs < e for bs, be in blocked)

    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS:
            continue
        toks = [t for t in ent if t.pos_ in ("PROPN", "ADJ", "NOUN", "X", "ADP", "DET", "PUNCT")]
        # trim a leading common noun and "de" ("base de Hamidiyé" -> "Hamidiyé")
        i = 0
        while i < len(toks) - 1 and (toks[i].pos_ in ("NOUN", "DET", "ADP") or toks[i].text in ("de", "d'", "du")) and toks[i].text[:1].islower():
            i += 1
        toks = toks[i:]
        while toks and toks[-1].pos_ == "PUNCT":
            toks.pop()
        if toks:
            sp = span_of(doc, toks[0].i, toks[-1].i + 1)
            if free(sp.start, sp.end) and sp.text[:1].isupper():
                spans[(sp.start, sp.end)] = sp
    n = len(doc)

    def glued(j: int) -> bool:
        return doc[j].idx <= doc[j - 1].idx + len(doc[j - 1].text) + 1

    def particle(j: int) -> bool:
        """ "al" in "al-Jafrat": a particle joined by a hyphen to a capitalised word."""
        return (doc[j].lower_ in words.particles and j + 2 < n and doc[j + 1].text == "-"
                and doc[j + 2].text[:1].isupper())

    i = 0
    while i < n:
        if not (_capitalised_name(doc[i]) or particle(i)):
            i += 1
            continue
        j = i + 1
        while j < n and glued(j):
            tok = doc[j]
            if tok.text == "-" and j + 1 < n and (doc[j + 1].text[:1].isupper() or particle(j + 1)):
                j += 1
            elif tok.text[:1].isupper() and tok.pos_ in _NAME_POS or particle(j) or tok.text in ("al", "el", "Al", "El"):
                j += 1
            elif tok.lower_ in words.directions and doc[j - 1].text[:1].isupper():
                j += 1
                break
            else:
                break
        while j > i + 1 and (doc[j - 1].text == "-" or doc[j - 1].lower_ in words.particles):
            j -= 1
        sp = span_of(doc, i, j)
        if free(sp.start, sp.end) and not any(a <= sp.start and sp.end <= b for a, b in spans):
            spans[(sp.start, sp.end)] = sp
        i = j
    return tuple(sorted(spans.values(), key=lambda s: s.start))


def group_enumerations(cands: list[TextSpan], text: str) -> list[tuple[TextSpan, ...]]:
    """Consecutive place names separated only by commas / "et" form one enumeration."""
    groups: list[list[TextSpan]] = []
    for c in cands:
        if groups and _ENUM_GAP.match(text[groups[-1][-1].end:c.start]):
            groups[-1].append(c)
        else:
            groups.append([c])
    return [tuple(g) for g in groups]


def place_groups(doc: Any, head: Any, m: TriggerMatch, sent: Sentence, places: tuple[TextSpan, ...]) -> tuple[tuple[TextSpan, ...], ...]:
    """Place-name groups of the sentence, best first: inside the trigger's subtree, then after
    the trigger, then before it (nearest first); a reference point after a compass phrase ("X,
    au nord d'Alep") comes after every other group of the sentence."""
    in_sent = [p for p in places if sent.start <= p.start and p.end <= sent.end]
    groups = group_enumerations(in_sent, doc.user_data["vigie_text"])
    top = head.head if head.pos_ != "VERB" and head.head.pos_ in ("VERB", "AUX") else head
    lo, hi = top.left_edge.idx, top.right_edge.idx + len(top.right_edge.text)
    tpos = doc[m.head].idx

    text = doc.user_data["vigie_text"]

    def key(g: tuple[TextSpan, ...]) -> tuple[int, int]:
        inside = lo <= g[0].start and g[-1].end <= hi
        after = g[0].start >= tpos
        rank = 0 if inside and after else 1 if inside else 2 if after else 3
        reference = len(groups) > 1 and _REFERENCE.search(text[max(sent.start, g[0].start - 40):g[0].start])
        return (rank + (4 if reference else 0), abs(g[0].start - tpos))

    return tuple(sorted(groups, key=key))
