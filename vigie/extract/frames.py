"""Event frames from the dependency parse: trigger, agent, patient, helpers, places, status.

A frame is what one clause says happened, before any resolution: character spans of its
arguments, the cue words that decide its sub-type, and a status ("event", or why it is not
one: negated, plan, conditional, question, state). Frames are plain records so no spaCy
object leaves the nlp stage; ``vigie.extract.events`` turns them into EventReports.

Why the parse and the surface both: fr_core_news_md attaches enumerations and participles
loosely, so arguments come from the dependency tree (nsubj, obj, passive "par", "contre X")
and places and helpers also from token order (a list "A, B et C" after the trigger).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from vigie.extract.subtypes import EventRules
from vigie.resolve.time_expressions import find_time_expressions
from vigie.extract.triggers import TriggerLexicon, TriggerMatch, find_triggers, inflections

_PLACE_LABELS = frozenset({"LOC", "GPE"})
_ENUM_GAP = re.compile(r"^\s*(?:,|et|ou|,\s*et|,\s*ou)\s*$")
_AGENT_DEPS = frozenset({"nsubj"})
_PASSIVE_SUBJ = frozenset({"nsubj:pass"})
_OBJ_DEPS = frozenset({"obj", "iobj", "obl:arg"})
_UP_DEPS = frozenset({"conj", "advcl", "xcomp", "acl", "acl:relcl", "ccomp"})
# cue families read from the trigger's own clause, not from the whole sentence
_CLAUSE_CUES = frozenset({"air", "artillery", "chemical"})
# dependents that open another clause or an aside
_OTHER_CLAUSE = frozenset({"appos", "acl:relcl", "parataxis", "advcl", "conj", "ccomp", "dislocated", "xcomp"})


_RELATIVES = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})


def _antecedent_token(doc: Any, char: int, head: Any) -> Any:
    """The noun a relative pronoun (at ``char``) stands for: the noun right before it ("le sort
    des soldats qui ont été enlevés" -> soldats), else the head the clause hangs on."""
    k = next((t.i for t in doc[head.left_edge.i:head.i + 1] if t.idx == char), None)
    if k is not None and k > 0 and doc[k - 1].pos_ in ("NOUN", "PROPN"):
        return doc[k - 1]
    return head.head


def _own_clause(head: Any) -> list[Any]:
    """The trigger's tokens and its dependents', minus relative clauses, asides and conjuncts;
    for a noun trigger, its governing verb's clause ("ont largué des barils de chlore")."""
    top = head.head if head.pos_ != "VERB" and head.head.pos_ in ("VERB", "AUX") and head.dep_ != "ROOT" else head
    out, stack = [], [top]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _OTHER_CLAUSE or c is head)
    return out


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


class FrameBuilder:
    """Builds frames for a parsed doc from the trigger lexicon and the event rules."""

    def __init__(self, lexicon: TriggerLexicon, rules: EventRules) -> None:
        self.lexicon = lexicon
        self.rules = rules
        self.name_words = NameWords(rules.name_particles, rules.name_directions)
        # "soldée", "achevée": the tagger lemmatises participles of these verbs as adjectives
        self._outcome_forms = frozenset(f for v in rules.outcome_verbs for f in inflections(v))
        self._cue_index: dict[str, str] = {}
        for family, words in rules.cues.items():
            for w in words:
                self._cue_index.setdefault(w, family)

    def __call__(self, doc: Any, *, actors_key: str = "vigie_actors", sources_key: str = "vigie_sources") -> DocFrames:
        doc.user_data["vigie_text"] = doc.text
        self._assoc_cache: dict[int, tuple[TextSpan, ...]] = {}
        self._sentence_cues: dict[tuple[int, int], set[str]] = {}
        actors = tuple((span_of(doc, s.start, s.end), s.label_, s.id_) for s in doc.spans.get(actors_key, []))
        self._actor_spans = sorted((a for a, _, _ in actors), key=lambda a: a.start)
        sources = tuple((span_of(doc, s.start, s.end), s.label_, s.id_) for s in doc.spans.get(sources_key, []))
        blocked = [(a.start, a.end) for a, _, _ in actors + sources]
        sentences = split_sentences(doc)
        places = place_candidates(doc, blocked, words=self.name_words)
        starts = [s.start for s in sentences]
        frames: list[Frame] = []
        seen_heads: set[int] = set()
        for match in find_triggers(doc, self.lexicon):
            if match.head in seen_heads:
                continue
            frame = self._frame(doc, match, sentences, starts, places)
            if frame is not None:
                seen_heads.add(match.head)
                frames.append(frame)
        mentions = tuple(doc.user_data.get("vigie_actor_mentions", ()))
        return DocFrames(tuple(frames), sentences, places, actors, sources, mentions)

    # -- one frame ---------------------------------------------------------------------------
    def _frame(self, doc: Any, m: TriggerMatch, sentences: tuple[Sentence, ...], starts: list[int],
               places: tuple[TextSpan, ...]) -> Frame | None:
        entry, head = m.entry, doc[m.head]
        objects = self._objects(head)
        obj_lemmas = {t.lemma_.lower() for t in objects} | {t.lower_ for t in objects}
        if entry.forbid_object and obj_lemmas & entry.forbid_object:
            return None
        if entry.require_object and not self._object_ok(entry.require_object, objects, head):
            return None
        if entry.requires_word and not self._near_words(head, entry.requires_word):
            return None
        if entry.governors and head.pos_ != "VERB" and not self._governed(head, entry.governors):
            return None
        if entry.no_adjective_head and head.pos_ != "VERB" and self._adjective_complement(doc, head):
            return None
        si = max(0, bisect_right(starts, head.idx) - 1)
        sent = sentences[si]
        passive = self._is_passive(head)
        agent, patient = self._agent_patient(doc, head, passive, objects)
        roles, rule = entry.roles, entry.rule
        if entry.roles == "inverted":
            agent, patient = patient, agent
        claimed_by = self._claimant(doc, head)
        if claimed_by is not None and not self._named_agent(agent):
            agent = (claimed_by,)
        if rule == "territory":
            outcome = self._outcome(doc, head)
            if outcome is not None:
                agent, patient = outcome[0], outcome[1] or patient
                rule = "clash" if outcome[2] == "clash" else rule
            elif self._fight_not_takeover(head, objects, entry.id):
                rule = "clash"
        if si not in self._assoc_cache:
            self._assoc_cache[si] = self._assoc(doc, sent)
        assoc = self._assoc_cache[si]
        clause = self._aside(doc, head) or self._clause(doc, head, sent)
        cues = self._cues(doc, head, m, sent)
        patient_tokens = [t for t in objects for t in t.subtree] + [t for t in head.children if t.dep_ in _PASSIVE_SUBJ for t in t.subtree]
        # "d'anciens rebelles", "des ex-combattants": former fighters are no longer combatants
        patient_tokens = [t for t in patient_tokens if not self._former(t)]
        patient_words = frozenset(t.lemma_.lower() for t in patient_tokens) | frozenset(t.lower_ for t in patient_tokens)
        groups = self._place_groups(doc, head, m, sent, places)
        confidence = entry.confidence
        if head.dep_ == "acl" and head.pos_ == "VERB" and not any(c.dep_.startswith("aux") for c in head.children) and entry.rule not in ("explosive", "chemical"):
            confidence -= 0.3
        status = self._status(doc, head, sent, entry)
        return Frame(
            trigger=span_of(doc, m.start, m.end), entry_id=entry.id, rule=rule, sub_type=entry.sub_type,
            confidence=confidence, weak=entry.weak, sentence=si, clause=clause, agent=agent, patient=patient,
            assoc=assoc, place_groups=groups, cues=cues, patient_words=patient_words, status=status, roles=roles,
            claimed_by=claimed_by,
        )

    # -- outcomes, claims, attributions, asides ------------------------------------------------
    def _named_agent(self, agent: tuple[TextSpan, ...]) -> bool:
        """An agent span holding an actor name (not only an adjective like "aériennes")."""
        return any(a.start < s.end and s.start < a.end for a in self._actor_spans for s in agent)

    def _np(self, doc: Any, tok: Any, head: Any) -> TextSpan:
        """The noun phrase of ``tok`` without its preposition, a pronoun standing for its antecedent."""
        first = next((t for t in tok.subtree if t.pos_ != "ADP"), tok)
        # without its relative clause or aside ("l'EI, qui affirme ...")
        end = max([tok.i] + [c.right_edge.i for c in tok.children if c.i > tok.i and c.dep_ not in _OTHER_CLAUSE and c.dep_ != "punct"])
        return self._antecedent(doc, head, span_of(doc, first.i, end + 1))

    def _outcome(self, doc: Any, head: Any) -> tuple[tuple[TextSpan, ...], tuple[TextSpan, ...], str] | None:
        """(agent, patient, kind) from the outcome a battle "s'est soldée par": the winner of
        "la victoire de Y" takes (kind "normal"); "le retrait de Z" names Z as the side that gave
        way, which may be the attacker itself, so the frame is fighting (kind "clash")."""
        r = self.rules
        verb = next((a for a in list(head.ancestors)[:4] if a.lemma_.lower() in self._outcome_forms or a.lower_ in self._outcome_forms), None)
        if verb is None:
            return None
        for n in verb.children:
            lem = n.lemma_.lower()
            if n.i == head.i or n.dep_ not in ("obl", "obl:arg", "obl:mod", "obl:agent", "obj") or lem not in r.winner_nouns | r.loser_nouns:
                continue
            side = [c for c in n.children if c.dep_.startswith("nmod") and any(g.dep_ == "case" and g.lower_ in ("de", "du", "des", "d'") for g in c.children)]
            if not side:
                continue
            who = (self._np(doc, side[0], head),)
            # a withdrawal may be the attacker's own failure: fighting, not a change of hands
            return (who, (), "normal") if lem in r.winner_nouns else ((), who, "clash")
        return None

    def _outcome_verb(self, head: Any) -> bool:
        """"pour s'emparer de X" under "s'est soldée par": the purpose was reached."""
        return any(a.lemma_.lower() in self._outcome_forms or a.lower_ in self._outcome_forms for a in list(head.ancestors)[:4])

    def _fight_not_takeover(self, head: Any, objects: list[Any], entry_id: str) -> bool:
        """Territory verbs that report fighting: trying to take ("tentent de reprendre"), taking
        positions but no named place, entering a whole region ("entrés dans l'enclave")."""
        r = self.rules
        if any(a.lemma_.lower() in r.attempt_verbs for a in list(head.ancestors)[:2]):
            return True
        named = any(t.pos_ == "PROPN" for o in objects for t in o.subtree)
        quantity = {"totalité", "partie", "plupart", "majorité", "contrôle", "ensemble", "dizaine", "série"}
        direct = [o for o in objects if o.dep_ in _OBJ_DEPS or o.dep_ in _PASSIVE_SUBJ]
        direct += [c for o in direct if o.lemma_.lower() in quantity for c in o.children if c.dep_.startswith("nmod")]
        nouns = {o.lemma_.lower() for o in direct if o.pos_ == "NOUN"} - quantity
        if not named and nouns and nouns <= r.position_nouns:
            return True
        if entry_id != "enter":
            return False
        areas = {o.lemma_.lower() for o in objects if o.pos_ == "NOUN"}
        return bool(areas & r.region_nouns) and not areas & (r.place_nouns - r.region_nouns)

    def _claimant(self, doc: Any, head: Any) -> TextSpan | None:
        """Who claims the attack: "X a revendiqué l'attentat", "l'attentat, revendiqué par X",
        "l'attentat a été revendiqué par X"."""
        verbs = self.rules.claim_verbs
        if not verbs or head.pos_ == "VERB":
            return None
        gov = head.head
        cands: list[Any] = []
        def by(verb: Any) -> list[Any]:
            # the parser often hangs "par X" on a neighbour of the verb ("revendiqué jeudi par X")
            own = set(t.i for t in head.subtree)
            return [t for t in verb.subtree if t.i not in own and t.i > verb.i and (t.dep_ == "obl:agent" or any(
                g.dep_ == "case" and g.lower_ == "par" for g in t.children))]

        if gov.lemma_.lower() in verbs and head.dep_ == "obj":
            cands = [c for c in gov.children if c.dep_ == "nsubj"]
        elif gov.lemma_.lower() in verbs and head.dep_ == "nsubj:pass":
            cands = by(gov)
        else:
            cands = [c for a in head.children if a.dep_ == "acl" and a.lemma_.lower() in verbs for c in by(a)]
        return self._np(doc, cands[0], head) if cands else None

    def _claimed_aside(self, head: Any) -> bool:
        """A trigger in what the claimant says ("revendiqué par l'EI, qui affirme avoir visé un
        convoi"): the claimed attack told again, not a new event."""
        verbs = self.rules.claim_verbs
        relative = False
        for a in [head, *list(head.ancestors)[:5]]:
            if relative and a.lemma_.lower() in verbs:
                return True
            relative = relative or a.dep_ == "acl:relcl"
        return False

    def _attributed(self, doc: Any, head: Any) -> list[TextSpan]:
        """"des frappes, attribuées par l'OSDH à l'aviation russe": the author is the "à" phrase."""
        verbs = self.rules.attribution_verbs
        return [self._np(doc, c, head) for a in head.children if a.dep_ == "acl" and a.lemma_.lower() in verbs
                for c in a.children if any(g.dep_ == "case" and g.lower_ in ("à", "au", "aux") for g in c.children)]

    @staticmethod
    def _aside(doc: Any, head: Any) -> TextSpan | None:
        """A nominal trigger in a prepositional phrase with its own time expression ("après la
        reprise de X l'été dernier"): the phrase is its clause, so its date is its own."""
        if head.pos_ == "VERB" or head.dep_ not in ("obl", "obl:mod", "nmod") or not any(c.dep_ == "case" for c in head.children):
            return None
        sp = subtree_span(doc, head)
        return sp if find_time_expressions(sp.text) else None

    def _no_blast(self, head: Any) -> bool:
        """Explosives laid, left, found, defused, made or carried by someone stopped first: no blast."""
        verbs = self.rules.defused_by
        noun = head.head if head.dep_ == "amod" else head
        tok, seen = noun, [noun]
        for _ in range(3):
            if tok.head.lemma_.lower() in verbs and tok.dep_ in ("obj", "nsubj:pass", "obl", "obl:arg", "nmod"):
                return True
            # "des centaines d'engins explosifs", "voitures et véhicules piégés": climb the list
            if tok.dep_ not in ("conj", "nmod") or tok.head.pos_ not in ("NOUN", "PRON", "NUM"):
                break
            tok = tok.head
            seen.append(tok)
        return any(c.dep_ in ("acl", "acl:relcl") and c.lemma_.lower() in verbs for t in seen for c in t.children)

    def _objects(self, head: Any) -> list[Any]:
        """Direct objects, passive subjects, and for nouns their "de" complements."""
        objs = [c for c in head.children if c.dep_ in _OBJ_DEPS]
        if self._is_passive(head):
            objs += [_antecedent_token(head.doc, c.idx, head) if c.lower_ in _RELATIVES else c
                     for c in head.children if c.dep_ in _PASSIVE_SUBJ]
            if head.dep_ in ("acl", "acl:relcl") and not objs:
                objs.append(head.head)
        if head.pos_ in ("NOUN", "PROPN", "X", "PRON", "ADV", "NUM") or not objs:
            objs += [c for c in head.children if c.dep_.startswith("nmod") or c.dep_ in ("obl", "obl:mod")]
        # "la totalité de la ville de X": look one level further through quantity nouns
        for o in list(objs):
            objs += [c for c in o.children if c.dep_.startswith("nmod")]
        return objs

    def _object_ok(self, kind: str, objects: list[Any], head: Any) -> bool:
        if kind in ("place", "place_complement", "place_oblique"):
            nouns = self.rules.place_nouns
            return any(o.lemma_.lower() in nouns or o.lower_ in nouns or o.pos_ == "PROPN" or o.ent_type_ in _PLACE_LABELS for o in objects)
        words = self.rules.word_list(kind)
        return any(o.lemma_.lower() in words or o.lower_ in words for o in objects)

    def _former(self, tok: Any) -> bool:
        marks = self.rules.former_marks
        if tok.lower_.split("-")[0] in marks and "-" in tok.lower_:
            return True
        return any(c.lemma_.lower() in marks or c.lower_ in marks for c in tok.children if c.dep_ in ("amod", "advmod"))\
            or (tok.i > 0 and tok.doc[tok.i - 1].lemma_.lower() in marks and tok.doc[tok.i - 1].pos_ == "ADJ")\
            or (tok.i > 1 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ in marks)

    @staticmethod
    def _adjective_complement(doc: Any, head: Any) -> bool:
        """A noun completing an adjective ("aptes au combat", "prêts à l'assaut") names a quality."""
        if head.head.pos_ == "ADJ" and head.dep_ != "ROOT":
            return True
        first = head.left_edge
        case = [c.lower_ for c in head.children if c.dep_ == "case"]
        return bool(case) and first.i > 0 and doc[first.i - 1].pos_ == "ADJ" and case[0] in ("à", "au", "aux", "pour")

    @staticmethod
    def _governed(head: Any, verbs: frozenset[str]) -> bool:
        """A noun that is the subject or object of one of ``verbs`` ("conclure un accord de
        cessez-le-feu"), or the head of a headline; a passing mention ("couverts par l'accord")
        is not an event."""
        tok, hops = head, 0
        while hops < 3:
            if tok.dep_ == "ROOT":
                return tok is head
            if any(c.dep_ in ("acl", "acl:relcl") and (c.lemma_.lower() in verbs or c.lower_ in verbs) for c in tok.children):
                return True  # "un accord conclu vendredi"
            gov = tok.head
            if gov.lemma_.lower() in verbs or gov.lower_ in verbs:
                return tok.dep_ in ("nsubj", "nsubj:pass", "obj", "obl:arg", "obl", "obl:mod", "xcomp")
            if tok.dep_ not in ("conj", "nmod", "appos", "flat:name"):
                return False
            tok, hops = gov, hops + 1
        return False

    @staticmethod
    def _near_words(head: Any, words: frozenset[str]) -> bool:
        for c in head.children:
            if c.lemma_.lower() in words or c.lower_ in words:
                return True
            if any(g.lemma_.lower() in words or g.lower_ in words for g in c.children):
                return True
        return False

    @staticmethod
    def _is_passive(head: Any) -> bool:
        if any(c.dep_ == "aux:pass" for c in head.children) or "Pass" in head.morph.get("Voice"):
            return True
        return head.dep_ in ("acl",) and "Part" in head.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in head.children)

    def _agent_patient(self, doc: Any, head: Any, passive: bool, objects: list[Any]) -> tuple[tuple[TextSpan, ...], tuple[TextSpan, ...]]:
        agent: list[TextSpan] = []
        patient: list[TextSpan] = []
        for c in head.children:
            case = {g.lower_ for g in c.children if g.dep_ == "case"}
            if passive and (c.dep_ == "obl:agent" or "par" in case):
                agent.append(subtree_span(doc, c))
            elif c.dep_ in _AGENT_DEPS and c.lower_ not in ("-", "ci", "là"):
                sp = subtree_span(doc, c)
                # a subject is not cut from its verb by a colon ("La joie ... : l'armée a repris")
                if not (sp.end <= head.idx and re.search(r"[:;]", doc.user_data["vigie_text"][sp.end:head.idx])):
                    agent.append(sp)
            elif "contre" in case or c.dep_ in _OBJ_DEPS or (passive and c.dep_ in _PASSIVE_SUBJ):
                patient.append(subtree_span(doc, c))
            elif head.pos_ != "VERB" and c.dep_.startswith("nmod") and ("de" in case or "d'" in case or "du" in case):
                patient.append(subtree_span(doc, c))
            elif c.dep_ in ("amod",) and c.pos_ == "ADJ":
                agent.append(subtree_span(doc, c))  # "frappes russes", "l'aviation syrienne"
        agent = self._attributed(doc, head) + [self._antecedent(doc, head, a) for a in agent]
        patient = [self._antecedent(doc, head, p) for p in patient]
        if passive and not agent:
            # the parser sometimes hangs "par X" on a neighbour of the verb ("reprise jeudi par X")
            agent += [subtree_span(doc, g) for c in head.children for g in c.children if g.dep_ == "obl:agent"]
        # "aux mains de X" / "contre X" one level down
        for o in objects:
            for g in o.children:
                case = {x.lower_ for x in g.children if x.dep_ == "case"}
                if "contre" in case:
                    patient.append(subtree_span(doc, g))
                held = o.dep_ != "obj" or o.lemma_.lower() == "main"  # "prendre le contrôle de X": X is taken
                if held and o.lemma_.lower() in ("main", "contrôle") and case & {"de", "du", "des", "d'"}:
                    agent.append(subtree_span(doc, g))
        if not agent:
            agent.extend(self._inherited_subject(doc, head))
        if not agent and head.pos_ != "VERB":
            # a nominal trigger: the subject of the verb governing it ("l'armée a mené des frappes")
            gov = head.head
            if gov is not head and gov.pos_ in ("VERB", "AUX"):
                agent.extend(subtree_span(doc, c) for c in gov.children if c.dep_ in _AGENT_DEPS)
        return tuple(agent), tuple(patient)

    def _antecedent(self, doc: Any, head: Any, span: TextSpan) -> TextSpan:
        """What a pronoun argument stands for: the noun a relative clause hangs on ("les soldats
        qui ont été enlevés"), or the last actor named before "elles" / "ce dernier"."""
        low = span.text.lower()
        if low in _RELATIVES and head.dep_ == "acl:relcl":
            ante = _antecedent_token(doc, span.start, head)
            return span_of(doc, ante.left_edge.i, ante.i + 1)
        text = doc.user_data["vigie_text"]
        if text[span.end:span.end + 3] in ("-ci", "-là"):  # "ceux-ci" is three tokens
            low = low + text[span.end:span.end + 3]
        if low in self.rules.anaphora:
            before = [a for a in self._actor_spans if a.end <= span.start]
            if before:
                return before[-1]
        return span

    @staticmethod
    def _inherited_subject(doc: Any, head: Any) -> list[TextSpan]:
        """Subject of the verb a conjoined / participial clause hangs on ("..., reconquérant X")."""
        tok, hops = head, 0
        while tok.dep_ in _UP_DEPS and tok.head is not tok and hops < 3:
            tok, hops = tok.head, hops + 1
            subj = [c for c in tok.children if c.dep_ in _AGENT_DEPS]
            if subj:
                return [subtree_span(doc, subj[0])]
        return []

    def _assoc(self, doc: Any, sent: Sentence) -> tuple[TextSpan, ...]:
        """Phrases after helper markers ("avec l'aide de X", "appuyée par X", "ses alliés du X")."""
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        toks = list(span) if span is not None else []
        lem = [t.lemma_.lower() for t in toks]
        low = [t.lower_ for t in toks]
        out: list[TextSpan] = []
        firsts = {m[0] for m in self.rules.assoc_markers}
        if not firsts.intersection(lem) and not firsts.intersection(low):
            return ()
        for i in range(len(toks)):
            for marker in self.rules.assoc_markers:
                n = len(marker)
                if i + n <= len(toks) and all(lem[i + k] == w or low[i + k] == w for k, w in enumerate(marker)):
                    j = i + n
                    end = j
                    while end < len(toks) and toks[end].text not in (",", ".", ";", ")", "(", "«", "»", '"') and toks[end].pos_ not in ("VERB", "AUX"):
                        end += 1
                    if end > j:
                        out.append(span_of(doc, toks[j].i, toks[end - 1].i + 1))
        return tuple(out)

    @staticmethod
    def _clause(doc: Any, head: Any, sent: Sentence) -> TextSpan:
        """The trigger's clause (its head's subtree, inside the sentence): where its date is read."""
        top = head
        if head.pos_ != "VERB" and head.head.pos_ in ("VERB", "AUX"):
            top = head.head
        s = max(top.left_edge.idx, sent.start)
        r = top.right_edge
        e = min(r.idx + len(r.text), sent.end)
        return TextSpan(s, e, doc.user_data["vigie_text"][s:e])

    def _cues(self, doc: Any, head: Any, m: TriggerMatch, sent: Sentence) -> frozenset[str]:
        """Cue families: air vs artillery from the trigger and its clause; the rest sentence-wide."""
        fam = self._cue_index
        found: set[str] = set()
        trig = {fam.get(doc[i].lemma_.lower()) or fam.get(doc[i].lower_) for i in range(m.start, m.end)}
        clause = [t for t in (head.head if head.pos_ != "VERB" else head).subtree if sent.start <= t.idx < sent.end]
        weapon: tuple[int, str] | None = None
        for t in clause:
            f = fam.get(t.lemma_.lower()) or fam.get(t.lower_)
            if f in ("air", "artillery"):
                d = abs(t.i - head.i)
                if weapon is None or d < weapon[0]:
                    weapon = (d, f)
        if "air" in trig:
            found.add("air")
        elif "artillery" in trig:
            found.add("artillery")
        elif weapon is not None:
            found.add(weapon[1])
        key = (sent.start, sent.end)
        if key not in self._sentence_cues:
            self._sentence_cues[key] = {
                f for t in doc.char_span(sent.start, sent.end, alignment_mode="expand") or []
                if (f := fam.get(t.lemma_.lower()) or fam.get(t.lower_)) and f not in _CLAUSE_CUES
            }
        found |= self._sentence_cues[key]
        # the weapon must be the trigger's own: a chemical attack named in an aside or another
        # clause of the sentence does not make this strike chemical
        if any((fam.get(t.lemma_.lower()) or fam.get(t.lower_)) == "chemical" for t in _own_clause(head)):
            found.add("chemical")
        return frozenset(found)

    @staticmethod
    def _place_groups(doc: Any, head: Any, m: TriggerMatch, sent: Sentence, places: tuple[TextSpan, ...]) -> tuple[tuple[TextSpan, ...], ...]:
        """Place-name groups of the sentence, best first: inside the trigger's subtree, then after
        the trigger, then before it (nearest first)."""
        in_sent = [p for p in places if sent.start <= p.start and p.end <= sent.end]
        groups = group_enumerations(in_sent, doc.user_data["vigie_text"])
        top = head.head if head.pos_ != "VERB" and head.head.pos_ in ("VERB", "AUX") else head
        lo, hi = top.left_edge.idx, top.right_edge.idx + len(top.right_edge.text)
        tpos = doc[m.head].idx

        def key(g: tuple[TextSpan, ...]) -> tuple[int, int]:
            inside = lo <= g[0].start and g[-1].end <= hi
            after = g[0].start >= tpos
            return (0 if inside and after else 1 if inside else 2 if after else 3, abs(g[0].start - tpos))

        return tuple(sorted(groups, key=key))

    def _denied_after(self, doc: Any, head: Any, sent: Sentence) -> bool:
        """", ce que dément X" after the trigger, in its sentence."""
        words = self.rules.denial_verbs
        for t in doc[head.i + 1:]:
            if t.idx >= sent.end:
                break
            if (t.lemma_.lower() in words or t.lower_ in words) and t.i >= 2 \
                    and doc[t.i - 1].lower_ in ("que", "qu'") and doc[t.i - 2].lower_ == "ce":
                return True
        return False

    def _still_held(self, head: Any) -> bool:
        """"est encore occupé", "est conquise depuis 2014": a present passive with "encore",
        "toujours" or "depuis" tells who holds a place, not that it changed hands."""
        aux = [c for c in head.children if c.dep_ == "aux:pass"]
        if not aux or "Pres" not in aux[0].morph.get("Tense") or any(c.dep_ == "aux:tense" for c in head.children):
            return False
        words = self.rules.still_words
        return any(c.lower_ in words for c in head.children if c.dep_ == "advmod") or any(
            g.dep_ == "case" and g.lower_ in words for c in head.children for g in c.children)

    def _status(self, doc: Any, head: Any, sent: Sentence, entry: Any) -> str:
        """Why the frame is not an event, or "event"."""
        r = self.rules
        if sent.text.rstrip().endswith("?"):
            return "question"
        verb = head
        if head.pos_ != "VERB" and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head
        for tok in {head, verb}:
            for c in tok.children:
                low, lem = c.lower_, c.lemma_.lower()
                if c.dep_ in ("advmod", "det", "cc") and (low in r.negation_words or lem in r.negation_words) and low not in ("ni", "sans", "non"):
                    return "negated"
                if c.dep_ == "mark" and low in r.conditional_marks:
                    return "conditional"
                if c.dep_ in ("mark", "case") and low in r.purpose_marks and not self._outcome_verb(head):
                    return "plan"
            if "Fut" in tok.morph.get("Tense"):
                return "plan"
            if tok.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ in r.prior_marks for c in tok.children):
                return "plan"  # "avant de faire exploser sa ceinture": stopped before it happened
            if any(c.lemma_.lower() in r.habitual_words or c.lower_ in r.habitual_words for c in tok.children):
                return "habitual"
        tok, hops = verb, 0
        while tok.dep_ in ("xcomp", "ccomp", "obl", "obj", "acl", "nmod", "advcl", "obl:arg") and hops < 3:
            tok, hops = tok.head, hops + 1
            if tok.lemma_.lower() in r.denial_verbs or tok.lower_ in r.denial_verbs:
                return "denied"
            if tok.lemma_.lower() in r.plan_verbs or tok.lower_ in r.plan_verbs:
                return "plan"
            if any(c.dep_ == "mark" and c.lower_ in r.prior_marks for c in tok.children):
                return "plan"
            if any(c.dep_ == "mark" and c.lower_ in r.conditional_marks for c in tok.children):
                return "conditional"
        if self._denied_after(doc, head, sent):
            return "denied"
        if head.pos_ != "VERB" and any(c.dep_ == "case" and c.lower_ in r.reference_marks for c in head.children):
            return "background"  # "arrêtés depuis la reprise de la province": a point of reference
        if self._claimed_aside(head):
            return "claimed"
        if entry.rule == "territory" and self._still_held(head):
            return "state"
        if entry.rule == "explosive" or entry.id == "munition_noun":
            if head.pos_ != "VERB" and self._no_blast(head):
                return "state"
        if entry.stative:
            words = {t.lemma_.lower() for t in head.subtree} | {t.lower_ for t in head.subtree}
            if head.dep_ == "acl" or not words & r.stative_completion:
                return "state"
            if "Imp" in head.morph.get("Tense"):
                return "state"
        return "event"
