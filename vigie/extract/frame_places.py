"""Place-name candidates of a parsed article, and which of them belong to a trigger.

Why apart from the frame builder: finding names is surface work (capitalised runs, particles
"al-", enumerations "A, B et C") independent of what happened; the gazetteer decides later
which candidates are really places. The builder only asks for the candidates of the article
and, per trigger, for their groups ordered best first.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from vigie.extract.frame_records import Sentence, TextSpan, span_of
from vigie.extract.place_index import spans_within
from vigie.extract.triggers import TriggerMatch

_PLACE_LABELS = frozenset({"LOC", "GPE"})
_ENUM_GAP = re.compile(r"^\s*(?:,|et|ou|,\s*et|,\s*ou)\s*$")
# "X, au nord d'Alep": a place after a compass phrase locates the place before it
_REFERENCE = re.compile(r",\s*(?:au|à l['’]|a l['’])\s*(?:nord|sud|est|ouest)[\w-]*\s+(?:de\s+la\s+|de\s+|d['’]|du\s+)$", re.I)
_COMPASS = re.compile(r"(?:au|à l['’]|a l['’])\s*(?:nord|sud|est|ouest)[\w-]*\s+(?:de\s+la\s+|de\s+|d['’]|du\s+)$", re.I)
# "dans la ville kurde de X": a place noun names the place the sentence is about
_EXPLICIT = re.compile(r"\b(?:dans|à)\s+(?:la|le|l['’]|les)\s*(?:ville|village|localité|bourg|quartier|cité)\b[^,;.()]{0,25}?\s(?:de\s+|d['’])$", re.I)
# a list joint ("A, à B", "A et de B", "A ainsi qu'à B") is read after a bracketed note
_BRACKETED = re.compile(r"^\s*\([^()]{0,40}\)")
# a name in the brackets right after another name: "Douma (près de Damas)", "Inkhel (Deraa, sud)"
_NOTE_CHARS = 30
_NOTE_OPEN = re.compile(r"[^\W\d][\w’'-]*\s*\([^()]*$")
_NOTE_CLOSE = re.compile(r"^[^()]*\)")
_GAP_WORD = re.compile(r"[^\s,'’]+")
_LIST_GAP_CHARS = 30
# the word before a source name that makes it a place ("à Damas", "banlieue rebelle de Damas")
_PLACE_PREPS = frozenset({"à", "vers", "dans", "autour", "sur"})
_OF = frozenset({"de", "d'", "d’", "du"})


@dataclass(frozen=True)
class NameWords:
    """Lowercase words a place name may contain ("al-Jafrat", "Ghouta orientale")."""

    particles: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    # person names are not places: "président Assad", "George Sabra", "Bachar al-Assad"
    titles: frozenset[str] = frozenset()
    # words after which a name says who tells the news, a person or an outlet ("selon Abou
    # Omar", "selon Al-Mayadine"), never where it happened, though villages bear such names
    teller_marks: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    # words that make "de X" a place phrase ("banlieue", "est", "environs")
    place_heads: frozenset[str] = frozenset()

    def person(self, toks: list[Any]) -> bool:
        """A run of capitalised words that names a person: after a title ("le président X",
        "M. X", "le porte-parole X") or a teller mark ("selon X"), a given name followed by more name words ("George
        Sabra"), or a known family name with or without its particle ("al-Assad")."""
        first = toks[0]
        if first.i > 0:
            prev = first.doc[first.i - 1]
            before = prev.lower_.rstrip(".")
            if before in self.titles or before in self.teller_marks or (prev.text in (",", "-") and first.i > 1
                                         and first.doc[first.i - 2].lower_.rstrip(".") in self.titles):
                return True
        words = [t.lower_ for t in toks if t.text != "-" and t.lower_ not in self.particles]
        if len(words) >= 2 and words[0] in self.given_names:
            return True
        return bool(words) and words[-1] in self.surnames


_OPENERS = frozenset({'"', "«", "(", ":", "“", "'", "—", "-", "–"})
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "X", "VERB", "ADV", "NUM"})


def _capitalised_name(tok: Any) -> bool:
    """A capitalised word that may begin or continue a name.

    Why not the tagger alone: fr_core_news_md tags unknown transliterations ("Jafrat",
    "Kilis", "Hamouria") as common nouns; a capital in mid-sentence is the better sign.
    Sentence-initial words and short acronyms count only when tagged PROPN."""
    text = tok.text
    if not text[:1].isupper():
        return False
    if tok.pos_ not in _NAME_POS and not (tok.pos_ == "PRON" and not tok.is_stop and tok.i > 0):
        return False  # a mid-sentence name the tagger took for a pronoun ("la base de Tabqa") counts
    if tok.pos_ == "PROPN":
        return True
    if tok.is_oov and tok.pos_ != "VERB" and len(text) > 3 and text[1:].islower():
        return True  # an opening word the model has no vector for is a name ("Khanacer a été repris")
    if text.isupper() and len(text) <= 5:
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return not (tok.is_sent_start or prev is None or prev.text in _OPENERS or "\n" in prev.whitespace_ + prev.text)


def in_place_phrase(doc: Any, i: int, words: NameWords) -> bool:
    """Token ``i`` opens a name inside a place phrase: "à X", "vers X", "de X" after a place
    noun or a compass word a few words before ("une banlieue rebelle de Damas", "à l'est de X"),
    or X right after a place noun ("la capitale syrienne Damas")."""
    if i == 0:
        return False
    prev = doc[i - 1].lower_
    if prev in _PLACE_PREPS:
        return True
    if prev not in _OF:
        # in apposition to a place noun, with or without an adjective: "la capitale syrienne
        # Damas", "la capitale Damas" (the city, not the government the name also stands for)
        head = doc[i - 2] if i > 1 and doc[i - 1].pos_ == "ADJ" else doc[i - 1]
        return head.lemma_.lower() in words.place_heads or head.lower_ in words.place_heads
    return any(t.lemma_.lower() in words.place_heads or t.lower_ in words.place_heads
               for t in doc[max(0, i - 5):i - 1])


def place_candidates(doc: Any, blocked: list[tuple[int, int]], *, words: NameWords = NameWords(),
                     soft: list[tuple[int, int]] = ()) -> tuple[TextSpan, ...]:
    """Place-name spans: LOC/GPE entities when the model has a recogniser, and runs of
    capitalised words (with particles "al-", "el-" and a trailing "orientale"), minus actor
    and source names and person names.

    ``soft`` spans (source names such as "Damas", which also name a government) block a name
    only outside a place phrase: "à l'est de Damas" is the city, "Damas a démenti" the state.

    vigie's pipeline excludes the NER (it cost as much as the parser; the gazetteer decides
    what is a place anyway), so the capitalised runs are the main source."""
    spans: dict[tuple[int, int], TextSpan] = {}
    hard, gentle = _Intervals(blocked), _Intervals(soft)

    def free(s: int, e: int) -> bool:
        if hard.overlapping(s, e):
            return False
        hit = gentle.overlapping(s, e)
        if not hit:
            return True
        tok = doc.char_span(s, e, alignment_mode="expand")
        return tok is not None and s >= min(hit) and in_place_phrase(doc, tok[0].i, words)

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
    entities = list(spans)  # the runs below never overlap each other, only these
    n = len(doc)
    # every token's text and lower form read once: the scan below asks each word two or three
    # times, and a spaCy Token is built anew on every doc[i]
    texts = [t.text for t in doc]
    lowers = [t.lower_ for t in doc]

    def glued(j: int) -> bool:
        return doc[j].idx <= doc[j - 1].idx + len(texts[j - 1]) + 1

    def particle(j: int) -> bool:
        """ "al" in "al-Jafrat": a particle joined by a hyphen to a capitalised word."""
        return (lowers[j] in words.particles and j + 2 < n and texts[j + 1] == "-"
                and texts[j + 2][:1].isupper())

    i = 0
    while i < n:
        # _capitalised_name asks for a capital first: most words stop at the first test
        if not ((texts[i][:1].isupper() and _capitalised_name(doc[i])) or particle(i)):
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
        if words.person(list(doc[i:j])) and not in_place_phrase(doc, i, words):
            i = j
            continue
        if free(sp.start, sp.end) and not any(a <= sp.start and sp.end <= b for a, b in entities):
            spans[(sp.start, sp.end)] = sp
        i = j
    return tuple(sorted(spans.values(), key=lambda s: s.start))


class _Intervals:
    """Character spans answering "which overlap [s, e)?" by bisection: an article's actor and
    source names are checked against every name candidate, and a scan of them all per
    candidate grows with the square of the article's length."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def overlapping(self, s: int, e: int) -> list[int]:
        """The starts of the spans overlapping [s, e) (a span starting before s - longest ends before s)."""
        out = []
        for k in range(bisect_left(self.starts, e) - 1, -1, -1):
            a, b = self.spans[k]
            if a < s - self.longest:
                break
            if s < b:
                out.append(a)
        return out


@dataclass(frozen=True)
class ClauseWords:
    """What splits a sentence into clauses and what joins a list of places told one by one
    (``place_clause_*`` and ``place_list_*`` of ``event_rules.yml``). The defaults split and
    join nothing."""

    # the only words between the places of a list ("à Hama, à Inkhel ainsi qu'à Tafas", "les
    # régions de Deraa (sud) et de Homs"): joiners, prepositions, articles
    list_words: frozenset[str] = frozenset()
    joiners: "re.Pattern[str] | None" = None
    breaks: "re.Pattern[str] | None" = None
    # words a list may also hold once a coordination joins it ("A et la localité de B", "A au sud
    # et B à l'ouest"), never after a comma alone ("Harasta, au nord de Damas": a reference)
    coordinated_words: frozenset[str] = frozenset()
    coordination: "re.Pattern[str] | None" = None

    @classmethod
    def from_rules(cls, *, list_words: frozenset[str], joiners: frozenset[str], after_comma: frozenset[str],
                   anywhere: frozenset[str], coordinated_words: frozenset[str] = frozenset()) -> "ClauseWords":
        def alternation(words: frozenset[str]) -> str:
            return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))

        parts = [";"]
        if after_comma:
            parts.append(rf",\s*(?:{alternation(after_comma)})\b")
        if anywhere:
            parts.append(rf"\s(?:{alternation(anywhere)})")
        return cls(list_words=list_words,
                   joiners=re.compile(rf",|\b(?:{alternation(joiners)})\b") if joiners else None,
                   breaks=re.compile("|".join(parts), re.I), coordinated_words=coordinated_words,
                   coordination=re.compile(rf"\b(?:{alternation(joiners)})\b") if joiners else None)


def group_enumerations(cands: list[TextSpan], text: "str | SentenceWindow") -> list[tuple[TextSpan, ...]]:
    """Consecutive place names separated only by commas / "et" form one enumeration."""
    groups: list[list[TextSpan]] = []
    for c in cands:
        if groups and _ENUM_GAP.match(text[groups[-1][-1].end:c.start]):
            groups[-1].append(c)
        else:
            groups.append([c])
    return [tuple(g) for g in groups]


class SentenceWindow:
    """One sentence's text read with the article's offsets (``window[a:b]``), for callers that
    hold the sentence but not the article's text; reads before the sentence are cut at its start."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start

    def __getitem__(self, key: slice) -> str:
        lo = max(0, (key.start or self.start) - self.start)
        hi = None if key.stop is None else max(0, key.stop - self.start)
        return self.text[lo:hi]


def sentence_groups(in_sent: list[TextSpan], text: "str | SentenceWindow", *,
                    clauses: ClauseWords = ClauseWords()) -> list[tuple[TextSpan, ...]]:
    """The place-name groups of one sentence in text order: enumerations ("A, B et C"), a name
    given again in brackets, reference points split from their appositions, and lists of
    locative phrases ("à A, à B ainsi qu'à C") joined, each member an event place."""
    groups = _appositions(_alternatives(group_enumerations(in_sent, text), text), text)
    notes = [g for g in groups if _bracketed_note(g, text)]
    groups = [g for g in groups if g not in notes]
    return (_lists(groups, text, clauses) if clauses.list_words and clauses.joiners else groups) + notes


def _bracketed_note(g: tuple[TextSpan, ...], text: "str | SentenceWindow") -> bool:
    """"Douma (près de Damas)", "Inkhel (Deraa, sud)", "Talbissé (province de Homs)": a name in
    the brackets that follow another name locates that name; it is no place of the sentence's list."""
    if len(g) != 1:
        return False
    before = text[max(0, g[0].start - _NOTE_CHARS):g[0].start]
    after = text[g[0].end:g[0].end + _NOTE_CHARS]
    return bool(_NOTE_OPEN.search(before) and _NOTE_CLOSE.match(after))


def _lists(groups: list[tuple[TextSpan, ...]], text: "str | SentenceWindow", clauses: ClauseWords) -> list[tuple[TextSpan, ...]]:
    """Join groups whose gap is a list joint: a comma or a coordination, then only
    ``clauses.list_words``, once a bracketed note on the name before is set aside ("Hama (centre), à")."""
    out: list[tuple[TextSpan, ...]] = []
    for g in groups:
        if out and _list_gap(text[out[-1][-1].end:g[0].start], clauses):
            out[-1] = out[-1] + g
        else:
            out.append(g)
    return out


def _list_gap(gap: str, clauses: ClauseWords) -> bool:
    noted = _BRACKETED.match(gap) is not None
    gap = _BRACKETED.sub(" ", gap, count=1).lower()
    if len(gap) > _LIST_GAP_CHARS or clauses.joiners is None or not clauses.joiners.search(gap):
        return False
    words = _GAP_WORD.findall(gap)
    if not words:
        # "Douma (près de Damas), Lattaquié": a bare comma after a bracketed note goes on with the list
        return noted
    coordinated = clauses.coordination is not None and clauses.coordination.search(gap) is not None
    # "cinq blessés à Deir Ezzor, trois à Homs", "40 morts à Tartous et 60 autres à Jableh": a
    # count before each place tells the list one place at a time
    return bool(words) and all(w in clauses.list_words or w.isdigit() or (coordinated and w in clauses.coordinated_words)
                               for w in words)


def clause_breaks(sent: Sentence, clauses: ClauseWords) -> list[int]:
    """Offsets where a new clause of ``sent`` begins ("; ", ", tandis qu'", ", et ")."""
    return [sent.start + b.start() for b in clauses.breaks.finditer(sent.text)] if clauses.breaks else []


def place_groups(doc: Any, head: Any, m: TriggerMatch, sent: Sentence, places: tuple[TextSpan, ...], *,
                 clauses: ClauseWords = ClauseWords()) -> tuple[tuple[TextSpan, ...], ...]:
    """Place-name groups of the sentence, best first: in the trigger's clause, then inside the
    trigger's subtree, then after the trigger, then before it (nearest first); a reference
    point after a compass phrase ("X, au nord d'Alep") comes after every other group of the
    sentence."""
    in_sent = spans_within(places, sent.start, sent.end)
    groups = sentence_groups(in_sent, doc.user_data["vigie_text"], clauses=clauses)
    top = head.head if head.pos_ != "VERB" and head.head.pos_ in ("VERB", "AUX") else head
    lo, hi = top.left_edge.idx, top.right_edge.idx + len(top.right_edge.text)
    tpos = doc[m.head].idx

    text = doc.user_data["vigie_text"]
    breaks = clause_breaks(sent, clauses)
    clause = sum(1 for b in breaks if b <= tpos)

    def key(g: tuple[TextSpan, ...]) -> tuple[int, int, int, int]:
        inside = lo <= g[0].start and g[-1].end <= hi
        after = g[0].start >= tpos
        rank = 0 if inside and after else 1 if inside else 2 if after else 3
        before = text[max(sent.start, g[0].start - 40):g[0].start]
        reference = len(groups) > 1 and (_REFERENCE.search(before) or g in split_refs or g in notes)
        # among groups before the trigger, "dans la ville (kurde) de X" outranks a nearer name
        explicit = rank == 3 and _EXPLICIT.search(before) is not None
        other_clause = sum(1 for b in breaks if b <= g[0].start) != clause
        return (int(other_clause), rank + (4 if reference else 0), 0 if explicit else 1, abs(g[0].start - tpos))

    notes = {g for g in groups if _bracketed_note(g, text)}
    split_refs = {g for g in groups if len(g) == 1 and _COMPASS.search(text[max(sent.start, g[0].start - 40):g[0].start])
                  and any(h[0].start > g[0].end and text[g[0].end:h[0].start].strip() == "," for h in groups)}

    return tuple(sorted(groups, key=key))


def _alternatives(groups: list[tuple[TextSpan, ...]], text: "str | SentenceWindow") -> list[tuple[TextSpan, ...]]:
    """"Aïn al-Arab (Kobané)": a name given again in brackets is the same place, one group."""
    out: list[tuple[TextSpan, ...]] = []
    for g in groups:
        if out and len(g) == 1 and text[out[-1][-1].end:g[0].start].strip() == "(" \
                and text[g[0].end:g[0].end + 1] == ")":
            out[-1] = out[-1] + g
        else:
            out.append(g)
    return out


def _appositions(groups: list[tuple[TextSpan, ...]], text: "str | SentenceWindow") -> list[tuple[TextSpan, ...]]:
    """"un bastion au nord de Qousseir, Boueida, ...": two names joined by a comma alone, the first
    after a compass phrase, are a reference point and the apposition naming the place itself."""
    out: list[tuple[TextSpan, ...]] = []
    for g in groups:
        if len(g) == 2 and text[g[0].end:g[1].start].strip() == "," \
                and _COMPASS.search(text[max(0, g[0].start - 40):g[0].start]):
            out.extend([(g[0],), (g[1],)])
        else:
            out.append(g)
    return out
