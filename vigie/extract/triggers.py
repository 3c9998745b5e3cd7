"""The trigger lexicon (``data/triggers.yml``) and the matcher that finds triggers in a parse.

Why not spaCy's lemma alone: the French lookup lemmatizer misses many inflected verbs
("bombardent" stays "bombardent", "contrôlent" becomes an adjective), so every entry is
indexed both by lemma and by its inflected surface forms. Lookups are dict hits per token,
which keeps the component cheap next to the parse.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterable

from vigie.data import load_yaml
from vigie.errors import DataFileError

# Regular endings of French -er verbs (present, imperfect, passé simple, future, participles).
_ER_ENDINGS = (
    "e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "er", "ant", "ait", "aient", "a",
    "èrent", "era", "eront", "ais", "ai", "ât", "erait", "eraient",
)
_IR_ENDINGS = ("it", "is", "issent", "i", "ie", "ies", "issant", "issait", "issaient", "ir")
_NOUN_ENDINGS = ("", "s", "x")
# Endings of participles and finite forms, for verbs the tagger labelled otherwise.
_VERBAL_ENDINGS = ("é", "ée", "és", "ées", "i", "ie", "is", "ies", "it", "ent", "ait", "aient", "ant",
                   "u", "ue", "us", "ues", "èrent", "irent", "a", "ont", "era", "eront")
# Function words never trigger ("contre" is also a form of "contrer").
_CLOSED_CLASSES = frozenset({"ADP", "DET", "PRON", "CCONJ", "SCONJ", "PUNCT", "SPACE"})


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry: the words, the part of speech, and how the sub-type is decided."""

    id: str
    words: tuple[str, ...]  # phrase words ("?" suffix = optional); single-word entries: ()
    pos: str
    sub_type: str | None
    rule: str | None
    confidence: float
    weak: bool = False
    stative: bool = False
    require_object: str | None = None
    forbid_object: frozenset[str] = frozenset()
    forbid_subject: frozenset[str] = frozenset()
    forbid_head: frozenset[str] = frozenset()  # lemmas forbidden as the direct object itself only
    requires_word: frozenset[str] = frozenset()
    roles: str = "normal"
    governors: frozenset[str] = frozenset()
    no_adjective_head: bool = False
    etre_auxiliary: bool = False  # "sont entrés": active, though the tagger reads a passive
    not_complement_of: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a doc: token indices of the match and of its syntactic head."""

    entry: TriggerEntry
    start: int
    end: int
    head: int


@cache
def inflections(word: str) -> frozenset[str]:
    """Surface forms a lemma can take in wire copy (regular verbs and noun plurals)."""
    forms = {word}
    if word.endswith("er") and len(word) > 3:
        stem = word[:-2]
        soft = stem[:-1] + "ç" if stem.endswith("c") else stem
        ge = stem + "e" if stem.endswith("g") else stem
        for ending in _ER_ENDINGS:
            base = soft if ending[0] in "aâ" and stem.endswith("c") else stem
            base = ge if ending[0] in "aâo" and stem.endswith("g") else base
            forms.add(base + ending)
    elif word.endswith("ir") and len(word) > 3:
        stem = word[:-2]
        forms.update(stem + ending for ending in _IR_ENDINGS)
    for ending in _NOUN_ENDINGS:
        forms.add(word + ending)
    if word.endswith("al"):
        forms.add(word[:-2] + "aux")
    return frozenset(forms)


@dataclass
class TriggerLexicon:
    """Index of trigger entries by lemma and by surface form, for single words and phrases."""

    entries: tuple[TriggerEntry, ...]
    by_lemma: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    by_form: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    phrases: dict[str, list[TriggerEntry]] = field(default_factory=dict)  # first word form -> entries

    @classmethod
    def load(cls, name: str = "triggers.yml") -> "TriggerLexicon":
        return _load(name)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "TriggerLexicon":
        """Build the index from the parsed YAML (raises DataFileError on a malformed entry)."""
        if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
            raise DataFileError("triggers.yml: expected a mapping with a 'triggers' list")
        entries: list[TriggerEntry] = []
        lex = cls(entries=())
        seen: set[str] = set()
        for raw in data["triggers"]:
            entry, lemmas, forms = _entry(raw)
            if entry.id in seen:
                raise DataFileError(f"triggers.yml: duplicate id {entry.id!r}")
            seen.add(entry.id)
            entries.append(entry)
            if entry.words:
                for first in _first_words(entry.words):
                    for form in inflections(first):
                        lex.phrases.setdefault(form, []).append(entry)
                continue
            for lemma in lemmas:
                lex.by_lemma.setdefault(lemma, []).append(entry)
                for form in inflections(lemma):
                    lex.by_form.setdefault(form, []).append(entry)
            for form in forms:
                lex.by_form.setdefault(form, []).append(entry)
        lex.entries = tuple(entries)
        return lex

    def candidates(self, lower: str, lemma: str) -> list[TriggerEntry]:
        """Single-word entries a token may trigger (lemma index first, then surface forms)."""
        found = list(self.by_lemma.get(lemma, ()))
        for entry in self.by_form.get(lower, ()):
            if entry not in found:
                found.append(entry)
        return found

    def match_phrases(self, lowers: list[str], lemmas: list[str], i: int) -> list[tuple[TriggerEntry, int, int]]:
        """Phrase entries starting at token ``i``: (entry, end, head index)."""
        out = []
        for entry in [*self.phrases.get(lowers[i], ()), *self.phrases.get(lemmas[i], ())]:
            matched = _match_words(entry.words, lowers, lemmas, i)
            if matched is not None and all(entry is not e for e, _, _ in out):
                out.append((entry, matched[0], matched[1]))
        return out


def _first_words(words: tuple[str, ...]) -> list[str]:
    firsts = []
    for w in words:
        firsts.append(w.rstrip("?"))
        if not w.endswith("?"):
            break
    return firsts


def _match_words(words: tuple[str, ...], lowers: list[str], lemmas: list[str], i: int) -> tuple[int, int] | None:
    """Greedy match of a phrase with optional words; returns (end, head) or None."""
    j, head = i, None
    for w in words:
        optional = w.endswith("?")
        word = w.rstrip("?")
        if j < len(lowers) and (lowers[j] in inflections(word) or lemmas[j] == word):
            if head is None and not optional:
                head = j
            j += 1
        elif not optional:
            return None
    if head is None or j == i:
        return None
    return j, head


def _entry(raw: Any) -> tuple[TriggerEntry, list[str], list[str]]:
    if not isinstance(raw, dict) or "id" not in raw:
        raise DataFileError(f"triggers.yml: entry without id: {raw!r}")
    if ("sub_type" in raw) == ("rule" in raw):
        raise DataFileError(f"triggers.yml: {raw['id']}: exactly one of sub_type / rule")
    lemmas = [str(w).lower() for w in raw.get("lemmas", [])]
    forms = [str(w).lower() for w in raw.get("forms", [])]
    words = tuple(str(w).lower() for w in raw.get("phrase", []))
    if not lemmas and not words:
        raise DataFileError(f"triggers.yml: {raw['id']}: needs lemmas or phrase")
    obj = raw.get("object") or {}
    entry = TriggerEntry(
        id=str(raw["id"]),
        words=words,
        pos=str(raw.get("pos", "any")),
        sub_type=raw.get("sub_type"),
        rule=raw.get("rule"),
        confidence=float(raw.get("confidence", 0.5)),
        weak=bool(raw.get("weak", False)),
        stative=bool(raw.get("stative", False)),
        require_object=obj.get("require"),
        forbid_object=frozenset(str(w).lower() for w in obj.get("forbid", [])),
        forbid_subject=frozenset(str(w).lower() for w in (raw.get("subject") or {}).get("forbid", [])),
        forbid_head=frozenset(str(w).lower() for w in obj.get("forbid_head", [])),
        requires_word=frozenset(str(w).lower() for w in raw.get("requires_word", [])),
        roles=str(raw.get("roles", "normal")),
        governors=frozenset(str(w).lower() for w in raw.get("governors", [])),
        no_adjective_head=bool(raw.get("no_adjective_head", False)),
        etre_auxiliary=bool(raw.get("etre_auxiliary", False)),
        not_complement_of=frozenset(str(w).lower() for w in raw.get("not_complement_of", [])),
    )
    return entry, lemmas, forms


@cache
def _load(name: str) -> TriggerLexicon:
    return TriggerLexicon.from_data(load_yaml(name))


def find_triggers(tokens: Iterable[Any], lexicon: TriggerLexicon) -> list[TriggerMatch]:
    """Trigger matches over a sequence of spaCy tokens (phrases first, then single words).

    A token inside a phrase match is not matched again as a single word.
    """
    toks = list(tokens)
    lowers = [t.lower_ for t in toks]
    lemmas = [t.lemma_.lower() for t in toks]
    taken: set[int] = set()
    out: list[TriggerMatch] = []
    for i in range(len(toks)):
        if lowers[i] in lexicon.phrases or lemmas[i] in lexicon.phrases:
            for entry, end, head in lexicon.match_phrases(lowers, lemmas, i):
                out.append(TriggerMatch(entry, toks[i].i, toks[end - 1].i + 1, toks[head].i))
                taken.update(range(i, end))
    for i, tok in enumerate(toks):
        if i in taken:
            continue
        for entry in lexicon.candidates(lowers[i], lemmas[i]):
            if tok.pos_ in _CLOSED_CLASSES:
                continue
            if entry.pos != "any" and tok.pos_ != entry.pos and not (entry.pos == "VERB" and tok.pos_ == "AUX"):
                # the tagger often mislabels participles and finite verbs; accept a verb form
                # found by its surface when it has a verbal ending ("cible", "frappes" do not)
                if lowers[i] not in lexicon.by_form or entry.pos == "NOUN" or not lowers[i].endswith(_VERBAL_ENDINGS):
                    continue
            out.append(TriggerMatch(entry, tok.i, tok.i + 1, tok.i))
    order = {e.id: k for k, e in enumerate(lexicon.entries)}
    # at one token, an entry of the token's own part of speech comes first, then lexicon order
    out.sort(key=lambda m: (m.start, _pos_rank(m.entry.pos, doc_pos(toks, m)), order.get(m.entry.id, 0)))
    return out


def _pos_rank(wanted: str, actual: str) -> int:
    """0: the entry's part of speech is the token's; 1: the entry takes any; 2: a mismatch."""
    if wanted == actual or (wanted == "VERB" and actual == "AUX"):
        return 0
    return 1 if wanted == "any" else 2


def doc_pos(toks: list[Any], m: TriggerMatch) -> str:
    """Part of speech of the match's head token (toks are the tokens given to find_triggers)."""
    base = toks[0].i if toks else 0
    return toks[m.head - base].pos_
