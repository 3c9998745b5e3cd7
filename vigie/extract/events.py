"""Frames -> EventReports: actors, sub-type, place, date, claims, and in-article merging.

The cascade for one article (each step drops what ACLED would not code):

1. keep frames whose status is "event" and whose confidence reaches the floor; a weak frame
   ("tué", "attaque") only counts when no stronger frame is in its sentence or the one before;
2. actors: names inside the agent / patient / helper spans, generic words resolved from the
   article's named actors, then the sentence's other names as fallbacks;
3. sub-type: the entry's, or its rule's decision (subtypes.decide);
4. place: the first place group of the frame that the gazetteer resolves, one event per place
   of an enumeration; else the place of the event before it in the paragraph; no place, no event;
5. date: the clause's time expression, else the sentence's, else the paragraph's, else the
   publication date (week); older than the news -> history, not an event;
6. merge frames of the same sub-type, place, date and actors (headline, lead and body tell one
   takeover once); clashes at the place and day of a territory change join it; air strikes
   in a ground battle of the same sentence and place join the battle;
7. claims: each sentence's figures go to its event, else to the nearest event before it in the
   paragraph (same place first), else to the article's main event; fatalities = the lowest figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from vigie.extract.actors_pick import CIVILIANS, ActorPicker, inside, uniq
from vigie.extract.attribution import SourceRegistry
from vigie.extract.authorship import AuthorFinder
from vigie.extract.dating import EventDater
from vigie.extract.claim_attach import attach_claims
from vigie.extract import fold as F
from vigie.extract.fold import AssemblyRules, Draft, headline_sentences, merge_drafts
from vigie.extract.frames import DocFrames, Frame
from vigie.extract.locate import PlaceFinder, RegionRules
from vigie.extract.gate_steps import CROWDS as _CROWDS, UNIDENTIFIED, fallback_author, retype, weighed
from vigie.extract.sentence_model import SentenceModel, gate_frames, rule_tokens
from vigie.extract.trace import sentence_trace
from vigie.extract.subtypes import EventRules, decide, event_type
from vigie.models import EventReport, Evidence, credible_figures
from vigie.resolve.actors import ActorMention, ActorRegistry

_UNCLAIMED = frozenset({"Remote explosive/landmine/IED", "Suicide bomb"})
# A bare noun ("la chute de X") names no taker: it must not borrow the sentence's first actor.
_NOMINAL_TERRITORY = frozenset({"fall_noun"})
_REMOTE_RULES = frozenset({"bombing", "gunfire", "explosive", "chemical"})
_CROWD_RULES = frozenset({"protest", "riot"})
_EXCESSIVE_FORCE = "Excessive force against protesters"
_UNARMED = frozenset({"civilians", "protesters"})  # actor kinds that are no side of a fight
_WORD = re.compile(r"[^\W\d_]+")
_UNKNOWN_DATE_PENALTY = 0.15


@dataclass
class ArticleInput:
    text: str
    published: date
    published_known: bool
    outlet: str | None
    article_id: str


class EventAssembler:
    """Turns one article's frames into EventReports using the registries and resolvers."""

    def __init__(self, *, actors: ActorRegistry, sources: SourceRegistry, places: PlaceFinder, rules: EventRules,
                 assembly: AssemblyRules | None = None, model: SentenceModel | None = None) -> None:
        self.model = model  # the learned sentence gate of step 1 (None: the rules alone)
        self.actors = actors
        self.assembly = assembly or AssemblyRules.load()
        self.sources = sources
        self.places = places
        self.rules = rules
        self.authors = AuthorFinder(self.assembly)
        self.regions = RegionRules.from_assembly(self.assembly)
        self.pick = ActorPicker(actors=actors, rules=rules, assembly=self.assembly)

    # -- entry point -------------------------------------------------------------------------
    def reports(self, df: DocFrames, art: ArticleInput, *, trace: list[dict[str, Any]] | None = None) -> list[EventReport]:
        """The article's events; with ``trace``, appends what became of each sentence
        (vigie.extract.trace) for ``vigie evaluate --trace``."""
        places, rules_kept = self._start(df, art)
        self._dater = EventDater(self.assembly, background_days=self.rules.background_days)
        mentions = list(df.actor_mentions) if df.actor_mentions else self.actors.find_mentions(art.text)
        named = [m.actor for m in mentions if m.actor and not m.generic]
        article_actors = sorted(dict.fromkeys(named), key=lambda a: -named.count(a))  # ties: first named first
        kept = rules_kept
        sure: set[int] = set()  # sentences the model reads as events with confidence
        scores = None
        if self.model is not None:
            kept, scores = gate_frames(self.model, df, kept, headline=self._headline)
            sure = {i for i, p in enumerate(scores.p_event) if p >= self.model.add_from}
        drafts: list[Draft] = []
        last_by_par: dict[int, Draft] = {}
        self._last: Draft | None = None  # the event told last, for "Dans le même temps"
        self._first_author: dict[str | None, str] = {}  # rule -> the author the article names first
        for fr in kept:
            for draft in self._drafts(fr, df, art, mentions, article_actors, places, last_by_par):
                drafts.append(draft)
                last_by_par[draft.paragraph] = draft
                self._last = draft
        F.carry_dates(drafts, df, names_time=lambda text: self._dater.names_time(text, art),
                      km=self.assembly.carried_date_km)
        if self.model is not None and scores is not None:
            retype(drafts, scores, retype_from=self.model.retype_from)
        drafts = merge_drafts(drafts, lead_paragraphs=self.assembly.lead_paragraphs,
                              refined=self.assembly.refined_tellings, quarter_km=self.assembly.quarter_km)
        if self.model is not None and scores is not None:
            drafts = weighed(drafts, scores, keep_from=self.model.keep_from, unweighed=self.assembly.unweighed_types)
        self._credit_claims_of_responsibility(drafts, df, mentions, article_actors)
        self._credit_accusations(drafts, df, mentions, article_actors)
        for d in drafts:
            if not d.actor1 and sure.intersection(d.sentences):
                d.actor1 = fallback_author(d, article_actors, pick=self.pick, air_forces=self.assembly.air_forces)
        drafts = [d for d in drafts if d.actor1]  # ACLED codes no event without a first actor
        for d in drafts:
            if d.sub_type in F.TERRITORY:
                # the taker's side decides: tellings merged under one taker, a taker named by the
                # gate's fallback (armed men no one names who take a town are not the state)
                d.sub_type = self._territory_sub_type(d.actor1, d.sub_type)
        drafts = F.one_per_scene(drafts, self.assembly.scene_severity)
        attach_claims(drafts, df, text=art.text, outlet=art.outlet, sources=self.sources,
                      window=self.rules.attach_window, headline=self._headline)
        reports = [self._report(d, df, art) for d in drafts]
        if trace is not None:
            trace.append(sentence_trace(df, rules_kept=rules_kept, kept=kept, reports=reports, article_id=art.article_id))
        return reports

    def sentence_views(self, df: DocFrames, art: ArticleInput) -> list[tuple[str, str]]:
        """(text, rule tokens) of each sentence as the learned gate reads them: the rows
        ``vigie train`` learns from are built by the very code extraction runs."""
        _, kept = self._start(df, art)
        tokens = rule_tokens(df, kept, self._headline)
        return [(s.text, t) for s, t in zip(df.sentences, tokens)]

    def _start(self, df: DocFrames, art: ArticleInput) -> tuple[Any, list[Frame]]:
        """The per-article state (the picker's memo, the text, the headline) and the article's
        places, with the frames the rules keep (step 1 before the learned gate's say)."""
        self.pick.start(art.text)  # per-article memo of resolutions
        self._text = art.text
        self._headline = headline_sentences(df, max_chars=self.assembly.headline_max_chars)
        places = self.places.for_article(art.text, df)
        return places, self._keep(df, places)

    def _credit_claims_of_responsibility(self, drafts: list[Draft], df: DocFrames, mentions: list[ActorMention],
                                         article_actors: list[str]) -> None:
        """"L'EI a revendiqué l'attaque" told after the bombing: the group claiming it is the author
        of the latest unclaimed bombing told before (ACLED codes the claimant as actor1)."""
        for f in df.frames:
            if f.claimed_by is None:
                continue
            near = self.pick.near_actors(mentions, df, f.sentence)
            who = next(iter(self.pick.actors_in((f.claimed_by,), mentions, near + article_actors)), None)
            earlier = [d for d in drafts if min(d.sentences) <= f.sentence and d.sub_type in _UNCLAIMED
                       and d.actor1 in (None, UNIDENTIFIED)]
            if who is None or not earlier:
                continue
            target = max(earlier, key=lambda d: min(d.sentences))
            target.actor1, target.agent_rank = who, F.RANK_NAMED_SUBJECT

    def _credit_accusations(self, drafts: list[Draft], df: DocFrames, mentions: list[ActorMention],
                            article_actors: list[str]) -> None:
        """"Les rebelles accusent le régime d'avoir mené ce raid": the accused deed points back to the
        attack told just before (its frame is no event of its own, whatever status the frames gave
        it); the accused is the author of that attack when the telling named none."""
        for f in df.frames:
            if f.status == "event" or not self._points_back(f, df):
                continue
            sent = df.sentences[f.sentence]
            told = self.authors.find(self._text, sentence=(sent.start, sent.end), trigger=(f.trigger.start, f.trigger.end),
                                     mentions=mentions)
            if not told.accused:
                continue
            near = self.pick.near_actors(mentions, df, f.sentence)
            author = next((a for a in (self.pick.resolve(m, near + article_actors) for m in told.by) if a and a != CIVILIANS), None)
            # only an attack told with no author: an accusation against another party than the one
            # already named is that party's answer (the counter-accusation), not the news
            earlier = [d for d in drafts if min(d.sentences) <= f.sentence and d.paragraph >= sent.paragraph - 1
                       and d.actor1 in (None, UNIDENTIFIED)]
            if author is None or not earlier:
                continue
            target = max(earlier, key=lambda d: (max(d.sentences), not d.weak))
            if target.actor2 == author or self._first_author.setdefault(target.rule, author) != author:
                continue
            target.actor1, target.agent_rank = author, F.RANK_NAMED_SUBJECT

    def _points_back(self, f: Frame, df: DocFrames) -> bool:
        """Whether the trigger is introduced by a determiner pointing to a deed told before ("ce raid")."""
        sent = df.sentences[f.sentence]
        head = sent.text[:f.trigger.start - sent.start].lower().replace("’", "'")
        words = re.findall(r"[^\W\d_]+'?", head)
        return bool(words) and words[-1] in self.assembly.back_determiners

    # -- 1. which frames count ---------------------------------------------------------------
    def _keep(self, df: DocFrames, places: Any) -> list[Frame]:
        live = [f for f in df.frames if f.status == "event" and f.confidence >= self.rules.min_confidence]
        strong_sents = {f.sentence for f in live if not f.weak}
        live_sents = {f.sentence for f in live}
        # among a sentence's weak frames the most specific trigger speaks ("voiture piégée" over "tués")
        best_weak: dict[int, Frame] = {}
        for f in live:
            if f.weak and (f.sentence not in best_weak or f.confidence > best_weak[f.sentence].confidence):
                best_weak[f.sentence] = f
        out = []
        for f in live:
            if (f.weak and self._refers_back(f, df)) or self._hearsay(f, df):
                continue
            if f.weak:
                prev = f.sentence - 1
                same_par = prev >= 0 and df.sentences[prev].paragraph == df.sentences[f.sentence].paragraph
                # the sentence before only covers a weak frame that names no place of its own
                # ("quatre civils ont péri, selon la Défense civile": no place resolves there)
                # a bare toll ("ont péri") is covered by any event told just before it
                told = strong_sents if f.rule != "kill" else live_sents
                covered = same_par and prev in told and not self.places.names_place(
                    f.place_groups, places, paragraph=df.sentences[f.sentence].paragraph)
                if covered or ((f.sentence in strong_sents or best_weak[f.sentence] is not f)
                               and not self._own_scene(f, live, df, places)):
                    continue
            out.append(f)
        return out

    def _own_scene(self, f: Frame, live: list[Frame], df: DocFrames, places: Any) -> bool:
        """Whether a weak frame tells a scene of its own though its sentence tells another: "ils
        ont tiré sur des manifestants à Douma, tandis que trois personnes ont été tuées à
        Talbissé" - the toll stands in a clause no other trigger of the sentence stands in, and
        that clause names a place of its own, no other trigger's first."""
        if not f.place_groups or not f.place_in_clause:
            return False
        own = f.place_groups[0]
        others = [o for o in live if o.sentence == f.sentence and o is not f]
        if any(o.clause_index == f.clause_index or (o.place_groups and o.place_groups[0] == own) for o in others):
            return False
        return self.places.names_place((own,), places, paragraph=df.sentences[f.sentence].paragraph)

    def _territory_sub_type(self, taker: str | None, sub_type: str) -> str:
        actor = self.pick.get(taker)
        if actor is None:
            return sub_type
        return "Government regains territory" if self.assembly.camp(actor) == "government" \
            else "Non-state actor overtakes territory"

    def _crowd(self, name: str | None) -> bool:
        actor = self.pick.get(name)
        return actor is not None and actor.kind in ("protesters", "rioters")

    # -- 2-5. one frame -> drafts (one per place) --------------------------------------------
    def _drafts(self, fr: Frame, df: DocFrames, art: ArticleInput, mentions: list[ActorMention],
                article_actors: list[str], places: Any, last_by_par: dict[int, Draft]) -> list[Draft]:
        sent = df.sentences[fr.sentence]
        near = self.pick.near_actors(mentions, df, fr.sentence)
        agent = self.pick.actors_in(fr.agent, mentions, near + article_actors)
        patient = self.pick.actors_in(fr.patient, mentions, near + article_actors)
        assoc = [a for a in self.pick.actors_in(fr.assoc, mentions, near + article_actors) if a not in agent]
        civil_words = fr.patient_words & self.rules.civilian_nouns
        if fr.rule in _REMOTE_RULES and not fr.patient_words & self.rules.combatant_nouns:
            # a shell falling on a market, a strike killing civilians: the target is in the clause
            words = {w.lower() for w in _WORD.findall(sent.text[fr.trigger.start - sent.start:])}
            civil_words = civil_words | {w for w in words | {w[:-1] for w in words if w.endswith("s")} if w in self.rules.civilian_nouns}
            # "deux civils ont été tués par des roquettes": the victims are the sibling kill
            # frame's; "des barils largués sur X. Quatre civils ont péri": the next sentence's
            civil_words = civil_words | self._victims_told_with(fr, df)
        combatant = bool(fr.patient_words & self.rules.combatant_nouns) or any(
            self.pick.get(a) and self.pick.get(a).kind not in _UNARMED for a in patient)
        weapon = bool(fr.patient_words & self.rules.weapon_nouns)
        prev = last_by_par.get(sent.paragraph)
        agent = [a for a in agent if a != CIVILIANS or fr.rule in _CROWD_RULES]  # civilians attack no one
        told = self.authors.find(self._text, sentence=(sent.start, sent.end), trigger=(fr.trigger.start, fr.trigger.end),
                                 mentions=mentions)
        accusers = {a for a in (self.pick.resolve(m, near + article_actors) for m in told.accusers) if a}
        author = next((a for a in (self.pick.resolve(m, near + article_actors) for m in told.by) if a and a != CIVILIANS), None)
        if author is None and fr.claimed_by is not None:
            # "un attentat revendiqué par l'EI": the group claiming it is its author (ACLED)
            author = next(iter(self.pick.actors_in((fr.claimed_by,), mentions, near + article_actors)), None)
        agent = [a for a in agent if a not in accusers or a == author]  # who accuses did not do it
        actor1 = agent[0] if agent else None
        rank = F.RANK_NONE
        if actor1 is not None:
            named_subject = any(m.actor == actor1 and not m.generic for m in self.pick.overlapping(mentions, fr.agent)
                                if inside(m, fr.agent))
            rank = F.RANK_NAMED_SUBJECT if named_subject else F.RANK_GENERIC_SUBJECT
        if author is not None:
            # "perpétrée par le régime", "accusent le pouvoir d'avoir...": the text names the author;
            # a later accusation naming another one is the accused party's answer, not the news
            first = self._first_author.setdefault(fr.rule, author)
            agent = [author] + [a for a in agent if a != author]
            actor1, rank = author, (F.RANK_NAMED_SUBJECT if first == author or not told.accused else F.RANK_BORROWED)
        if actor1 is None and fr.roles == "inverted":
            actor1 = self.pick.opponent(patient[0] if patient else None, mentions, df, fr, article_actors)
            rank = F.RANK_OPPONENT
        if actor1 is None and fr.roles != "inverted" and fr.entry_id not in _NOMINAL_TERRITORY:
            before = self.pick.named_over_generic([m for m in self.pick.starting_in(mentions, sent.start, fr.trigger.start)
                                                   if not inside(m, fr.patient) and not self.pick.qualifies_place(m)])
            resolved = [self.pick.resolve(m, near + article_actors) for m in before]
            actor1 = next((a for a in resolved if a and a not in patient and a not in accusers and a != CIVILIANS), None)
            rank = F.RANK_BEFORE_TRIGGER
        if actor1 is None:
            actor1 = self.pick.sentence_agent(fr, df, mentions, near + article_actors, patient + sorted(accusers))
            rank = F.RANK_BEFORE_TRIGGER
        if actor1 is None:
            actor1 = self.pick.state_author(fr, df)
            rank = F.RANK_BEFORE_TRIGGER
        if actor1 is None and prev is not None and not (fr.rule == "explosive" or fr.sub_type in _UNCLAIMED) \
                and (fr.rule in _CROWD_RULES or prev.actor1 not in _CROWDS.values()):
            # the demonstrators of a protest told before never author the fighting told after it
            actor1 = prev.actor1
            rank = F.RANK_BORROWED
        decision = decide(
            fr.rule, cues=fr.cues, actor1=self.pick.get(actor1), patient_civilian=bool(civil_words),
            patient_combatant=combatant, patient_weapon=weapon, in_battle="battle" in fr.cues,
        ) if fr.rule else None
        sub_type = decision.sub_type if decision else fr.sub_type
        if sub_type is None:
            return []
        if sub_type == "Non-state actor overtakes territory" and self.pick.get(actor1) and self.assembly.camp(self.pick.get(actor1)) == "government":
            sub_type = "Government regains territory"  # an ally of the government takes for it
        if sub_type == "Government regains territory" and actor1 and actor1 not in self.assembly.lead_forces:
            # police and militias fight "en collaboration avec" the army: the army leads the taking
            lead = next((a for a in self.assembly.lead_forces if a in agent + assoc + near), None)
            if lead is not None:
                assoc = [actor1] + [a for a in assoc if a != lead]
                agent = [lead] + [a for a in agent if a != lead]
                actor1 = lead
        if actor1 is None and sub_type in _UNCLAIMED:
            actor1, rank = UNIDENTIFIED, F.RANK_BORROWED  # ACLED: an unclaimed bombing's author is unknown
        civilian = bool(decision and decision.civilian_targeting)
        crowd = _CROWDS.get(event_type(sub_type))
        if sub_type == _EXCESSIVE_FORCE:
            # ACLED: the force that fired on them is actor1, the demonstrators actor2
            if self._crowd(actor1):
                actor1 = next((a for a in patient + agent + assoc if a and not self._crowd(a)), None)
            patient = [crowd] + [a for a in patient if a != crowd]
        elif crowd and not self._crowd(actor1):
            actor1 = crowd  # ACLED: the demonstrators are actor1 of a protest or riot
        if sub_type == "Agreement" and self.pick.get(actor1) and self.assembly.camp(self.pick.get(actor1)) != "government":
            # ACLED: the state side (or its ally who brokered it) is actor1 of an agreement with rebels
            # one state side for the whole article: the lead force if named, else its most named ally
            sides = [a for a in list(self.assembly.lead_forces) + article_actors if a in near + article_actors
                     and a != actor1 and self.pick.get(a) and self.assembly.camp(self.pick.get(a)) == "government"]
            if sides:
                patient = [actor1] + [a for a in patient if a != actor1]
                actor1, rank = sides[0], F.RANK_NAMED_SUBJECT
        if sub_type == "Air/drone strike" and rank != F.RANK_NAMED_SUBJECT and actor1 not in self.assembly.air_forces:
            # "les convois des rebelles ont fait l'objet de raids de l'armée de l'air": only a force
            # that flies strikes from the air; the subject the parser took for the author is the target
            flier = next((a for a in patient if a in self.assembly.air_forces), None)
            if flier is not None:
                patient = [a for a in [actor1] + patient if a and a != flier]
                actor1, rank = flier, F.RANK_BEFORE_TRIGGER
        actor2 = next((a for a in patient if a != actor1 and not self.pick.allied(actor1, a)), None)
        victim = actor2
        if civilian and (actor2 is None or self.pick.get(actor2) is None or self.pick.get(actor2).kind == "civilians"):
            actor2 = CIVILIANS
        if actor2 is None and event_type(sub_type) in ("Battles", "Explosions/Remote violence"):
            actor2 = self.pick.opponent(actor1, mentions, df, fr, article_actors)
        if actor1 is None and actor2 is not None and actor2 != CIVILIANS:
            actor1 = self.pick.opponent(actor2, mentions, df, fr, article_actors)
            rank = F.RANK_BORROWED
            if decision is not None and fr.rule == "territory":
                sub_type = decide(fr.rule, cues=fr.cues, actor1=self.pick.get(actor1), patient_civilian=False,
                                  patient_combatant=combatant, patient_weapon=weapon, in_battle=False).sub_type or sub_type
        assoc1 = [a for a in agent[1:] + assoc if a not in (actor1, actor2)]
        assoc2 = [a for a in patient if a not in (actor1, actor2) and a not in assoc1]
        resolved_places = [self.places.refine(p, df, places, sentence=fr.sentence)
                           for p in self.places.resolve_groups(fr.place_groups, places, sentence=sent, regions=self.regions)]
        borrowed = not resolved_places
        if borrowed:
            fallback = self.places.fallback(places, sentence=sent, order=self.assembly.place_fallback,
                                            previous=prev.place if prev is not None else None, regions=self.regions)
            if fallback is None:
                return []
            resolved_places = [fallback]
        when, precision, dated = self._dater.date(fr, df, art, last=self._last)
        if when is None:
            return []
        conf = fr.confidence + (0.1 if actor1 else -0.1) + (0.05 if actor2 else 0.0)
        conf -= 0.0 if art.published_known else _UNKNOWN_DATE_PENALTY
        return [
            Draft(sub_type, actor1, actor2, uniq(assoc1), uniq(assoc2), place, when, precision, dated,
                  civilian, max(0.05, min(0.99, conf - 0.1 * (place.geo_precision - 1))), fr.trigger.text,
                  fr.rule, [fr.sentence], sent.paragraph, agent_rank=rank if actor1 else F.RANK_NONE,
                  weak=fr.weak, victim=victim if victim == actor2 else None,
                  headline=fr.sentence in self._headline, borrowed=borrowed,
                  definite=self._points_back(fr, df) and (borrowed or not self._adds_place(fr, df)))
            for place in resolved_places
        ]

    def _adds_place(self, f: Frame, df: DocFrames) -> bool:
        """"Le raid a également touché X": an additive word right after the trigger; the deed
        pointed back to reaches a new place (ACLED: an event there), it is not told again."""
        sent = df.sentences[f.sentence]
        return self.assembly.adds_to(sent.text[f.trigger.end - sent.start:])

    def _refers_back(self, f: Frame, df: DocFrames) -> bool:
        """A weak trigger that tells no event of its own: a casualty participle used as a noun
        ("les tués et blessés"; not "des roquettes") or what footage shows ("la vidéo montre...")."""
        sent = df.sentences[f.sentence]
        before = [w.lower() for w in _WORD.findall(sent.text[:f.trigger.start - sent.start])]
        participle = f.rule in ("kill", "massacre") and f.trigger.text.lower().endswith(("é", "és", "ée", "ées"))
        if participle and before and before[-1] in self.assembly.nominal_determiners:
            return True
        return any(w in self.assembly.media_nouns for w in before)

    def _hearsay(self, f: Frame, df: DocFrames) -> bool:
        """A frame told as a rumour or an expectation: the cue stands before the trigger in its
        sentence, or anywhere in its own clause ("la prise de X était imminente")."""
        sent = df.sentences[f.sentence]
        return self.assembly.hearsay(sent.text[:f.trigger.start - sent.start]) or self.assembly.hearsay(f.clause.text)

    def _victims_told_with(self, fr: Frame, df: DocFrames) -> set[str]:
        """Civilian nouns among the patients of the kill frames of the strike's sentence or of
        the next sentence of its paragraph (a toll sentence that names no place of its own)."""
        par = df.sentences[fr.sentence].paragraph
        out: set[str] = set()
        for other in df.frames_in(fr.sentence) + df.frames_in(fr.sentence + 1):
            if other.rule not in ("kill", "massacre") or other.status != "event":
                continue
            nxt = other.sentence == fr.sentence + 1 and df.sentences[other.sentence].paragraph == par
            if other.sentence == fr.sentence or (nxt and other.weak):
                # from the last full stop: the parser sometimes cuts "trois civils, dont un enfant, | ont été tués"
                t, text = other.trigger.start, self._text  # searched in place: no copy of the article's head
                stop = max(text.rfind(". ", 0, t), text.rfind("\n", 0, t), text.rfind("! ", 0, t), text.rfind("? ", 0, t))
                subject = {w.lower() for w in _WORD.findall(text, stop + 1, t)}
                out |= (set(other.patient_words) | subject | {w[:-1] for w in subject if w.endswith("s")}) & self.rules.civilian_nouns
        return out

    # -- 7. claims: vigie.extract.claim_attach ------------------------------------------------
    def _report(self, d: Draft, df: DocFrames, art: ArticleInput) -> EventReport:
        fatal = credible_figures(c for c in d.claims if c.is_fatality)
        evidence = tuple(Evidence(df.sentences[s].start, df.sentences[s].end, df.sentences[s].text) for s in sorted(set(d.sentences)))
        kind = event_type(d.sub_type)
        # ACLED: violence against civilians targets civilians, named or not ("un imam a été abattu"),
        # and so does a strike coded as targeting them
        targets = self.assembly.civilian_target_types
        actor2 = d.actor2 or (CIVILIANS if kind in targets or d.sub_type in targets or d.civilian_targeting else None)
        if actor2 is None:
            actor2 = dict(self.assembly.unnamed_actor2).get(d.sub_type)
        actor1 = self.actors.coded_as(d.actor1, d.when)
        actor2 = coded if (coded := self.actors.coded_as(actor2, d.when)) != actor1 else actor2
        return EventReport(
            article_id=art.article_id, event_date=d.when, date_precision=d.precision,  # type: ignore[arg-type]
            event_type=kind, sub_event_type=d.sub_type, actor1=actor1, actor2=actor2,
            place=d.place, assoc_actor_1=tuple(self.actors.coded_as(a, d.when) for a in d.assoc1),
            assoc_actor_2=tuple(self.actors.coded_as(a, d.when) for a in d.assoc2),
            fatalities=fatal[0] if fatal else 0, claims=tuple(d.claims), civilian_targeting=d.civilian_targeting,
            evidence=evidence, confidence=d.confidence, trigger=d.trigger, outlet=art.outlet,
        )

