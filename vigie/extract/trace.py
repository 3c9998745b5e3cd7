"""What became of each sentence of an article: the record behind ``vigie evaluate --trace``.

Why: a missed event is fixed in a different place depending on where it was lost (no frame
at all, a frame the rules set aside, one the learned gate dropped, one that found no place or
date). The assembler knows; this module writes it down, one fate per sentence.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from vigie.extract.frame_records import DocFrames, Frame
from vigie.models import EventReport

REPORTED = "reported"
ASSEMBLY = "frame kept, dropped in assembly (no sub-type, place, date or actor)"
GATE = "frame dropped by the learned gate"
NO_FRAME = "no frame"


def rules_fate(statuses: list[str]) -> str:
    """The fate of a sentence whose frames the rules did not keep, named after their status."""
    status = Counter(statuses).most_common(1)[0][0]
    if status == "event":
        return "frame dropped by the rules (weak, covered, hearsay or low confidence)"
    return f"frame dropped by the rules (status {status})"


def sentence_trace(df: DocFrames, *, rules_kept: list[Frame], kept: list[Frame],
                   reports: list[EventReport], article_id: str) -> dict[str, Any]:
    """{"article_id", "sentences": [{"start", "end", "text", "fate"}]} for one article."""
    statuses: dict[int, list[str]] = {}
    for f in df.frames:
        statuses.setdefault(f.sentence, []).append(f.status)
    by_rules = {f.sentence for f in rules_kept}
    after_gate = {f.sentence for f in kept}
    out = []
    for i, s in enumerate(df.sentences):
        if any(e.start < s.end and s.start < e.end for r in reports for e in r.evidence):
            fate = REPORTED
        elif i in after_gate:
            fate = ASSEMBLY
        elif i in by_rules:
            fate = GATE
        elif i in statuses:
            fate = rules_fate(statuses[i])
        else:
            fate = NO_FRAME
        out.append({"start": s.start, "end": s.end, "text": s.text, "fate": fate})
    return {"article_id": article_id, "sentences": out}
