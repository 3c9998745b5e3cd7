"""A neutral one-paragraph summary of a merged event, for the ACLED CSV ``notes`` column.

Why generated: each outlet words the event its own way, and copying one outlet's sentence
would import its framing. The summary is built from the event's neutral fields (canonical
actors, the resolved place, the date) by the per-sub-type templates of ``merge_rules.yml``,
then lists every competing figure with its source, e.g.
"On 5 June 2013, Military Forces of Syria regained Al Qusayr (Homs) from Syrian rebels
(unspecified). Fatalities: AlMayadeen: at least 1300 fighters; Syria Truth: more than 1000
fighters." The only free text, a claim's ``who``, passes through the framing lexicon, which
replaces any loaded word ("terroristes") by its neutral wording.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from vigie.merge.claims import MergedClaim, fatality_claims
from vigie.merge.compatible import MergeRules
from vigie.merge.framing import FramingLexicon
from vigie.models import Place

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_OPTIONAL = re.compile(r"\[([^\]]*)\]")


def when(day: date, precision: str) -> str:
    if precision == "month":
        return f"In {_MONTHS[day.month - 1]} {day.year}"
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"In the week of {text}" if precision == "week" else f"On {text}"


def where(place: Place | None) -> str:
    if place is None:
        return "an unspecified place"
    if place.admin1 and place.admin1 != place.name:
        return f"{place.name} ({place.admin1})"
    return place.name


def _fill(template: str, values: dict[str, str | None]) -> str:
    def optional(m: re.Match[str]) -> str:
        names = re.findall(r"\{(\w+)\}", m.group(1))
        return "" if any(not values.get(n) for n in names) else m.group(1)

    return _OPTIONAL.sub(optional, template).format(**{k: v or "" for k, v in values.items()})


def figure(claim: MergedClaim, *, rules: MergeRules, lexicon: FramingLexicon) -> str:
    who = "" if claim.who in ("people", "dead", "") else f" {lexicon.neutralise(claim.who)}"
    if claim.count is None:
        of = f" of{who}" if who else ""
        return f"{claim.source}: an unspecified number{of} (counted as {claim.value})"
    words = rules.notes["qualifiers"].get(claim.qualifier, "")
    return f"{claim.source}: {words}{claim.count}{who}"


def compose(*, event_date: date, date_precision: str, sub_event_type: str, actor1: str | None,
            actor2: str | None, place: Place | None, claims: Sequence[MergedClaim],
            rules: MergeRules, lexicon: FramingLexicon) -> str:
    """The notes of one event (see the module docstring)."""
    notes = rules.notes
    template = notes["templates"].get(sub_event_type, notes["default"])
    sentence = _fill(template, {
        "actor1": actor1 or notes["unknown_actor"], "actor2": actor2,
        "location": where(place), "sub_event_type": sub_event_type,
    })
    text = f"{when(event_date, date_precision)}, {sentence}."
    figures = [figure(c, rules=rules, lexicon=lexicon) for c in fatality_claims(claims, rules=rules)]
    if figures:
        text += " Fatalities: " + "; ".join(figures) + "."
    denials = sorted({c.source for c in claims if c.who.casefold() in rules.denial_who})
    if denials:
        text += " Denied by " + ", ".join(denials) + "."
    return text
