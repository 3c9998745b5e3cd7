"""Event frames from the dependency parse: trigger, agent, patient, helpers, places, status.

A frame is what one clause says happened, before any resolution: character spans of its
arguments, the cue words that decide its sub-type, and a status ("event", or why it is not
one: negated, plan, conditional, question, state). Frames are plain records so no spaCy
object leaves the nlp stage; ``vigie.extract.events`` turns them into EventReports.

This module assembles a frame; each concern lives in its own module so it can be read and
changed alone: the records (``frame_records``), place-name candidates (``frame_places``),
arguments (``frame_args``), battle outcomes (``outcomes``) and status (``frame_status``).
The records are re-exported here, where the other stages have always imported them from.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Any

from vigie.extract.frame_args import AGENT_DEPS, OBJ_DEPS, PASSIVE_SUBJ, OTHER_CLAUSE, Arguments, assoc_phrases, former, gerund, is_passive, object_ok, objects_of
from vigie.extract.frame_places import ClauseWords, clause_breaks, NameWords, group_enumerations, place_candidates, place_groups
from vigie.extract.frame_records import DocFrames, Frame, Sentence, TextSpan, dateline_pattern, span_of, split_sentences, subtree_span
from vigie.extract.frame_status import StatusReader, adjective_complement, governed, near_words
from vigie.extract.outcomes import Outcomes
from vigie.extract.place_index import spans_within
from vigie.extract.subtypes import EventRules
from vigie.resolve.time_expressions import find_time_expressions
from vigie.extract.triggers import TriggerEntry, TriggerLexicon, TriggerMatch, find_triggers

__all__ = [
    "DocFrames", "Frame", "FrameBuilder", "NameWords", "Sentence", "TextSpan",
    "group_enumerations", "place_candidates", "span_of", "split_sentences", "subtree_span",
]

# cue families read from the trigger's own clause, not from the whole sentence
_CLAUSE_CUES = frozenset({"air", "artillery", "chemical"})
_SUBJECT_CUES = frozenset({"device"})  # read from the trigger verb's subject or agent only
_SUBJECT_DEPS = AGENT_DEPS | {"obl:agent"}
_UNREAD = object()  # a memo's mark for a token not read yet (None is a family: none)
# the entry of a toll that counts the strike told just before ("49 civils dans le village de X")
_TOLL_ENTRY = TriggerEntry(id="toll_after_strike", words=(), pos="NOUN", sub_type=None, rule="bombing", confidence=0.7, weak=True)


def _own_clause(head: Any) -> list[Any]:
    """The trigger's tokens and its dependents', minus relative clauses, asides and conjuncts;
    for a noun trigger, its governing verb's clause ("ont largué des barils de chlore")."""
    top = head.head if head.pos_ != "VERB" and head.head.pos_ in ("VERB", "AUX") and head.dep_ != "ROOT" else head
    out, stack = [], [top]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in OTHER_CLAUSE or c is head)
    return out


def _next_complement(doc: Any, head: Any) -> set[str]:
    """The noun of a "de" or "pour" phrase right after the trigger ("frappé du sigle de", "prise
    pour cible"), which the parser often hangs elsewhere: a forbidden complement there makes the
    use figurative too."""
    k = head.i + 1
    if k >= len(doc) or doc[k].lower_ not in ("de", "du", "d'", "d’", "des", "pour"):
        return set()
    k += 1
    if k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    return {doc[k].lemma_.lower(), doc[k].lower_} if k < len(doc) else set()


class FrameBuilder:
    """Builds frames for a parsed doc from the trigger lexicon and the event rules."""

    def __init__(self, lexicon: TriggerLexicon, rules: EventRules) -> None:
        self.lexicon = lexicon
        self.rules = rules
        self.name_words = NameWords(rules.name_particles, rules.name_directions, titles=rules.person_titles,
                                    teller_marks=rules.teller_marks, given_names=rules.given_names, surnames=rules.family_names,
                                    place_heads=rules.place_phrase_heads)
        self.clauses = ClauseWords.from_rules(list_words=rules.place_list_words, joiners=rules.place_list_joiners,
                                              after_comma=rules.place_clause_after_comma,
                                              anywhere=rules.place_clause_anywhere,
                                              coordinated_words=rules.place_list_coordinated_words)
        self.outcomes = Outcomes(rules)
        self.dateline = dateline_pattern(rules.dateline_agencies)
        agreement = frozenset(w for w, es in lexicon.by_lemma.items() if any(e.rule == "agreement" for e in es))
        victims = frozenset(w for w, es in lexicon.by_lemma.items() if any(e.rule in ("kill", "arrest", "abduction") for e in es))
        self.status_reader = StatusReader(rules, self.outcomes, agreement_words=agreement, victim_verbs=victims)
        self._cue_index: dict[str, str] = {}
        for family, words in rules.cues.items():
            for w in words:
                self._cue_index.setdefault(w, family)

    def __call__(self, doc: Any, *, actors_key: str = "vigie_actors", sources_key: str = "vigie_sources") -> DocFrames:
        if doc.user_data.get("vigie_text") is None:  # the registry components may have kept it already
            doc.user_data["vigie_text"] = doc.text
        self._assoc_cache: dict[int, tuple[TextSpan, ...]] = {}
        self._former_memo: dict[int, bool] = {}  # token index -> former(token), see _is_former
        self._family_memo: dict[int, str | None] = {}  # token index -> its cue family, see _family
        self._sentence_cues: dict[tuple[int, int], set[str]] = {}
        actors = tuple((span_of(doc, s.start, s.end), s.label_, s.id_) for s in doc.spans.get(actors_key, []))
        self._args = Arguments(self.rules, sorted((a for a, _, _ in actors), key=lambda a: a.start))
        sources = tuple((span_of(doc, s.start, s.end), s.label_, s.id_) for s in doc.spans.get(sources_key, []))
        blocked = [(a.start, a.end) for a, _, _ in actors]
        sentences = split_sentences(doc, dateline=self.dateline)
        places = self._outside_datelines(
            place_candidates(doc, blocked, words=self.name_words, soft=[(a.start, a.end) for a, _, _ in sources]),
            sentences, doc.user_data["vigie_text"])
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
        frames = self._same_attack(doc, self._interventions(self._instances(frames, sentences), sentences))
        frames = self._tolls_after_strikes(doc, frames, sentences, places)
        return DocFrames(tuple(frames), sentences, places, actors, sources, mentions,
                         doc.user_data.get("vigie_source_mentions"))

    def _outside_datelines(self, places: tuple[TextSpan, ...], sentences: tuple[Sentence, ...], text: str) -> tuple[TextSpan, ...]:
        """The place candidates not in a dateline: the place a dispatch was filed from ("Beyrouth
        — ") is no event's place, nor context for the places the story names."""
        cut = [(s.start, s.end) for s in sentences if (m := self.dateline.match(text, s.start)) and m.end() >= s.end]
        if not cut:
            return places
        return tuple(p for p in places if not any(a <= p.start < b for a, b in cut))

    @staticmethod
    def _interventions(frames: list[Frame], sentences: tuple[Sentence, ...]) -> list[Frame]:
        """"Des centaines ont manifesté ... Les policiers ont dispersé le rassemblement": breaking
        up the crowd just told is that protest's intervention, not a protest of its own; the
        protest takes the force as its patient and the dispersal's cues."""
        out = list(frames)
        for i, f in enumerate(out):
            if f.rule != "protest" or f.roles != "inverted" or f.status != "event":
                continue
            told = [k for k, p in enumerate(out) if p.rule == "protest" and p.roles != "inverted" and p.status == "event"
                    and f.sentence - 1 <= p.sentence <= f.sentence and p.trigger.start < f.trigger.start
                    and sentences[p.sentence].paragraph >= sentences[f.sentence].paragraph - 1]
            if not told:
                continue
            k = told[-1]
            p = out[k]
            out[k] = replace(p, cues=p.cues | f.cues | {"intervention"}, patient=f.patient + p.patient)
            out[i] = replace(f, status="reference")
        return out

    def _same_attack(self, doc: Any, frames: list[Frame]) -> list[Frame]:
        """"Attentat à Qamichli" (headline), "l'EI a revendiqué l'attentat": when the article tells
        one bombing in full and says it was a suicide attack, its headline and its definite
        mentions name that bombing, so they take its suicide cue."""
        told = [f for f in frames if f.rule == "explosive" and f.status == "event" and not f.weak]
        if not told or len({f.sentence for f in told}) != 1 or not all("suicide" in f.cues for f in told):
            return frames
        out = []
        for f in frames:
            if f.rule == "explosive" and f.status == "event" and not f.cues & {"suicide", "chemical"} and (
                    f.sentence == 0 or self._definite(doc, f.trigger)):
                f = replace(f, cues=f.cues | {"suicide"})
            out.append(f)
        return out

    def _tolls_after_strikes(self, doc: Any, frames: list[Frame], sentences: tuple[Sentence, ...],
                             places: tuple[TextSpan, ...]) -> list[Frame]:
        """"Des raids ont visé la province de X. L'OSDH parle de 49 civils dans le village de Y":
        a toll of civilians at a place, told with no trigger of its own right after a strike,
        counts that strike's dead there - a weak frame of the strike's kind (rule and weapon cue)
        at the toll's place; assembly decides whether an event told just before covers it."""
        if not any(f.rule == "bombing" for f in frames):
            return frames
        by_sentence: dict[int, list[Frame]] = {}
        for f in frames:
            by_sentence.setdefault(f.sentence, []).append(f)
        out = list(frames)
        for si, sent in enumerate(sentences):
            if si in by_sentence or not spans_within(places, sent.start, sent.end):
                continue
            victim = self._counted_civilians(doc, sent)
            strike = self._strike_before(by_sentence, sentences, si)
            if victim is None or strike is None:
                continue
            match = TriggerMatch(_TOLL_ENTRY, victim.i, victim.i + 1, victim.i)
            # the strike's author, else the author of the campaign it belongs to, told just before
            agent = strike.agent or next((f.agent for f in sorted(frames, key=lambda f: -f.trigger.start)
                                          if f.rule == strike.rule and f.agent and f.trigger.start < strike.trigger.start
                                          and sentences[f.sentence].paragraph >= sentences[strike.sentence].paragraph - 1), ())
            out.append(Frame(
                trigger=span_of(doc, victim.i, victim.i + 1), entry_id=_TOLL_ENTRY.id, rule=strike.rule, sub_type=None,
                confidence=strike.confidence, weak=True, sentence=si, clause=TextSpan(sent.start, sent.end, sent.text),
                agent=agent, patient=(), assoc=(), place_groups=place_groups(doc, victim, match, sent, places, clauses=self.clauses),
                cues=strike.cues & _CLAUSE_CUES, patient_words=frozenset({victim.lemma_.lower(), victim.lower_}),
            ))
        return out

    def _counted_civilians(self, doc: Any, sent: Sentence) -> Any:
        """The first civilian noun of the sentence that carries a number ("49 civils")."""
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand") or []
        for t in span:
            if (t.lemma_.lower() in self.rules.civilian_nouns or t.lower_ in self.rules.civilian_nouns) and any(
                    c.dep_ == "nummod" or c.like_num for c in t.children):
                return t
        return None

    @staticmethod
    def _strike_before(by_sentence: dict[int, list[Frame]], sentences: tuple[Sentence, ...], si: int) -> Frame | None:
        """The strike told last in the two sentences before, if it is the last event told there
        and no further back than the paragraph before."""
        for k in (si - 1, si - 2):
            if k < 0 or sentences[k].paragraph < sentences[si].paragraph - 1:
                return None
            told = [f for f in by_sentence.get(k, []) if f.status == "event" and not f.weak]
            if told:
                last = max(told, key=lambda f: f.trigger.start)
                return last if last.rule == "bombing" else None
        return None

    @staticmethod
    def _definite(doc: Any, span: TextSpan) -> bool:
        """A trigger noun with a definite or demonstrative determiner ("l'attentat", "cet attentat")."""
        toks = doc.char_span(span.start, span.end, alignment_mode="expand") or []
        return any(c.dep_ == "det" and ("Def" in c.morph.get("Definite") or "Dem" in c.morph.get("PronType"))
                   for t in toks for c in t.children)

    def _instances(self, frames: list[Frame], sentences: tuple[Sentence, ...]) -> list[Frame]:
        """Weak frames of a sentence that tells an instance of the habit just stated ("Cela a été
        le cas de X, où des obus ...") stand on their own: the habit is no event to fold into."""
        phrases = self.rules.instance_phrases
        habits = {f.sentence for f in frames if f.status == "habitual"}
        if not phrases or not habits:
            return frames
        out = []
        for f in frames:
            opening = sentences[f.sentence].text.lower().replace("’", "'")
            if f.weak and f.sentence - 1 in habits and any(opening.startswith(p) for p in phrases):
                # the instance's author is the habit's ("les milices bombardent ... Ce fut le cas de X")
                habit = next((h for h in frames if h.sentence == f.sentence - 1 and h.status == "habitual"
                              and self._args.named_agent(h.agent)), None)
                agent = f.agent if self._args.named_agent(f.agent) or habit is None else habit.agent
                f = replace(f, weak=False, agent=agent)
            out.append(f)
        return out

    # -- one frame ---------------------------------------------------------------------------
    def _frame(self, doc: Any, m: TriggerMatch, sentences: tuple[Sentence, ...], starts: list[int],
               places: tuple[TextSpan, ...]) -> Frame | None:
        entry, head = m.entry, doc[m.head]
        objects = objects_of(head)
        obj_lemmas = {t.lemma_.lower() for t in objects} | {t.lower_ for t in objects}
        if entry.forbid_object and (obj_lemmas | _next_complement(doc, head)) & entry.forbid_object:
            return None
        if entry.require_object and not object_ok(self.rules, entry.require_object, objects):
            return None
        if entry.forbid_head and {c.lemma_.lower() for c in head.children if c.dep_ in OBJ_DEPS} & entry.forbid_head:
            return None  # "ont repris leurs bombardements sur X": what resumes is not a place
        subject_deps = ("nsubj", "nsubj:pass") if entry.etre_auxiliary else ("nsubj",)  # "sont entrés": active
        if entry.forbid_subject and {c.lemma_.lower() for c in head.children if c.dep_ in subject_deps} & entry.forbid_subject:
            return None  # "les combats ont repris": the fighting resumed, no one took anything
        if entry.requires_word and not near_words(head, entry.requires_word):
            return None
        if entry.governors and head.pos_ != "VERB" and not governed(head, entry.governors):
            return None
        if entry.no_adjective_head and head.pos_ != "VERB" and adjective_complement(doc, head):
            return None
        if entry.not_complement_of and head.pos_ != "VERB" and head.dep_.startswith("nmod") \
                and head.head.lemma_.lower() in entry.not_complement_of:
            return None  # "des avions de combat": a kind of aircraft
        if entry.pos == "VERB" and not entry.weak and head.i > 0 and doc[head.i - 1].pos_ == "DET" and doc[head.i - 1].dep_ == "det":
            # "à l'entrée ouest de X": a noun the tagger took for the verb's participle ("les
            # tués", a weak frame, still carries the toll it names)
            return None
        si = max(0, bisect_right(starts, head.idx) - 1)
        sent = sentences[si]
        passive = is_passive(head)
        agent, patient = self._args.agent_patient(doc, head, passive, objects,
                                                  named_de_author=entry.rule == "bombing" and head.pos_ != "VERB")
        if passive and entry.etre_auxiliary:
            # "les rebelles sont entrés à X": être is the tense auxiliary, the tagger's passive
            # subject is who entered
            agent = tuple(self._args.antecedent(doc, head, subtree_span(doc, c)) for c in head.children if c.dep_ in PASSIVE_SUBJ)
            patient = ()
        roles, rule = entry.roles, entry.rule
        if entry.roles == "inverted":
            agent, patient = patient, agent
        elif entry.roles == "leaver":
            # the side that pulls out loses the place; who takes it is read like "perdre"'s taker
            agent, patient, roles = (), self._args.leaver(doc, head), "inverted"
        claimed_by = self._args.claimant(doc, head)
        if claimed_by is not None and not self._args.named_agent(agent):
            agent = (claimed_by,)
        if rule == "territory":
            outcome = self.outcomes.outcome(doc, head, self._args)
            if outcome is not None:
                agent, patient = outcome[0], outcome[1] or patient
                rule = "clash" if outcome[2] == "clash" else rule
            elif self.outcomes.fight_not_takeover(head, objects, entry.id):
                rule = "clash"
        if si not in self._assoc_cache:
            self._assoc_cache[si] = assoc_phrases(self.rules, doc, sent)
        assoc = self._assoc_cache[si]
        clause = self._aside(doc, head) or self._clause(doc, head, sent)
        cues = self._cues(doc, head, m, sent, agent)
        patient_tokens = [t for t in objects for t in t.subtree] + [t for t in head.children if t.dep_ in PASSIVE_SUBJ for t in t.subtree]
        # "d'anciens rebelles", "des ex-combattants": former fighters are no longer combatants
        patient_tokens = [t for t in patient_tokens if not self._is_former(t)]
        if any(self._is_former(t) for t in objects for t in t.subtree):
            # nor a side: "une vingtaine d'anciens rebelles" names no armed group to code as actor2
            patient = tuple(p for p in patient if not any(
                self._is_former(t) for t in doc.char_span(p.start, p.end, alignment_mode="expand") or []))
        patient_words = frozenset(t.lemma_.lower() for t in patient_tokens) | frozenset(t.lower_ for t in patient_tokens)
        groups = place_groups(doc, head, m, sent, places, clauses=self.clauses)
        breaks = clause_breaks(sent, self.clauses)
        clause_index = bisect_right(breaks, doc[m.head].idx)
        confidence = entry.confidence
        if head.dep_ == "acl" and head.pos_ == "VERB" and not any(c.dep_.startswith("aux") for c in head.children) \
                and entry.rule not in ("explosive", "chemical") and not self._misattached_infinitive(head):
            confidence -= 0.3
        status = self.status_reader.status(doc, head, sent, entry)
        if self._spoils_of_fight(head, rule):
            rule = "spoils"
        return Frame(
            trigger=span_of(doc, m.start, m.end), entry_id=entry.id, rule=rule, sub_type=entry.sub_type,
            confidence=confidence, weak=entry.weak or gerund(doc, head), sentence=si, clause=clause, agent=agent, patient=patient,
            assoc=assoc, place_groups=groups, cues=cues, patient_words=patient_words, status=status, roles=roles,
            claimed_by=claimed_by, clause_index=clause_index,
            place_in_clause=bool(groups) and bisect_right(breaks, groups[0][0].start) == clause_index,
        )

    def _is_former(self, tok: Any) -> bool:
        """``former`` read once per token of the article: a token sits in the subtrees of several
        frames' objects, each read twice."""
        found = self._former_memo.get(tok.i)
        if found is None:
            found = self._former_memo[tok.i] = former(self.rules, tok)
        return found

    @staticmethod
    def _misattached_infinitive(head: Any) -> bool:
        """"ont été contraints mercredi de se retirer de X": an infinitive the parser hung on the
        date between it and its verb is that verb's complement, not a describing participle."""
        return "Inf" in head.morph.get("VerbForm") and head.head.dep_ == "obl:mod"

    def _spoils_of_fight(self, head: Any, rule: str | None) -> bool:
        """"ont tué des dizaines de terroristes et détruit leurs véhicules": gear destroyed by the
        side that is killing fighters in the same clause is part of that fight, not a weapon
        disrupted on its own: rule "spoils" codes nothing, yet the frame still speaks for its
        sentence, so the kill beside it does not become a clash of its own."""
        if rule != "destroy":
            return False
        kills = self.status_reader.victim_verbs
        near = [head.head] if head.dep_ == "conj" else []
        near += [c for c in head.children if c.dep_ == "conj"]
        return any(t.lemma_.lower() in kills or t.lower_ in kills for t in near)

    @staticmethod
    def _aside(doc: Any, head: Any) -> TextSpan | None:
        """A nominal trigger in a prepositional phrase with its own time expression ("après la
        reprise de X l'été dernier"): the phrase is its clause, so its date is its own."""
        if head.pos_ == "VERB" or head.dep_ not in ("obl", "obl:mod", "nmod") or not any(c.dep_ == "case" for c in head.children):
            return None
        sp = subtree_span(doc, head)
        return sp if find_time_expressions(sp.text) else None

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

    def _cues(self, doc: Any, head: Any, m: TriggerMatch, sent: Sentence, agent: tuple[TextSpan, ...]) -> frozenset[str]:
        """Cue families: air vs artillery from the agent, the trigger and its clause; the rest
        sentence-wide. An air agent wins over a generic verb's artillery cue ("l'aviation
        pilonne", "les avions ..., en bombardant")."""
        found: set[str] = set()
        trig = {self._family_at(doc, i) for i in range(m.start, m.end)}
        clause = [t for t in (head.head if head.pos_ != "VERB" else head).subtree if sent.start <= t.idx < sent.end]
        weapon: tuple[int, str] | None = None
        for t in clause:
            f = self._family(t)
            if f in ("air", "artillery"):
                d = abs(t.i - head.i)
                if weapon is None or d < weapon[0]:
                    weapon = (d, f)
        if self._flying_agent(doc, agent):
            found.add("air_author")  # the agent flies ("ses avions"): what it kills, it kills from the air
        if "air" in trig or self._air_agent(doc, agent):
            found.add("air")
        elif "artillery" in trig:
            found.add("artillery")
        elif weapon is not None:
            found.add(weapon[1])
        key = (sent.start, sent.end)
        if key not in self._sentence_cues:
            span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
            self._sentence_cues[key] = {
                f for i in (range(span.start, span.end) if span is not None else ())
                if (f := self._family_at(doc, i)) and f not in _CLAUSE_CUES and f not in _SUBJECT_CUES
            }
        found |= self._sentence_cues[key]
        # the weapon must be the trigger's own: a chemical attack named in an aside or another
        # clause of the sentence does not make this strike chemical
        own = {self._family(t) for t in _own_clause(head)}
        if "chemical" in own:
            found.add("chemical")
        if "suicide" in own:
            found.add("suicide_clause")  # "deux attaques suicides à l'aide de camions"
        if head.pos_ == "VERB":
            found |= {f for c in head.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree
                      if (f := self._family(t)) in _SUBJECT_CUES}
        return frozenset(found)

    def _family(self, tok: Any) -> str | None:
        """The cue family of a token (by its lemma, else its form), read once per token of the
        article: the clauses and sentences of several frames hold it."""
        return self._family_at(tok.doc, tok.i, tok=tok)

    def _family_at(self, doc: Any, i: int, *, tok: Any = None) -> str | None:
        """``_family`` of token ``i``; the spaCy Token is built only when not read yet."""
        found = self._family_memo.get(i, _UNREAD)
        if found is _UNREAD:
            tok, fam = doc[i] if tok is None else tok, self._cue_index
            found = self._family_memo[i] = fam.get(tok.lemma_.lower()) or fam.get(tok.lower_)
        return found

    def _flying_agent(self, doc: Any, agent: tuple[TextSpan, ...]) -> bool:
        """The agent's own head noun names aircraft ("ses avions"), not a word of its subtree
        ("les soldats, appuyés par l'aviation", who fight on the ground)."""
        for a in agent:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is not None and len(span) and self._cue_index.get(span.root.lemma_.lower(),
                                                                     self._cue_index.get(span.root.lower_)) == "air":
                return True
        return False

    def _air_agent(self, doc: Any, agent: tuple[TextSpan, ...]) -> bool:
        """An agent naming aircraft ("l'aviation syrienne", "des avions turcs"); a long span is a
        mis-parse, not an agent, so it says nothing."""
        for a in agent:
            if a.end - a.start > 80:
                continue
            span = doc.char_span(a.start, a.end, alignment_mode="expand") or []
            if any((self._cue_index.get(t.lemma_.lower()) or self._cue_index.get(t.lower_)) == "air" for t in span):
                return True
        return False
