"""Whether a trigger reports an event, and if not, why: negated, plan, conditional, question,
denied, habitual, background, claimed, state.

Why a module of its own: most trigger words in a war report are not new events ("l'armée
prévoit de reprendre", "si l'armée s'empare", "ce que dément X", "la ville est encore
occupée"). The frame keeps the trigger with a status instead of dropping it, so assembly can
tell a denied strike from no strike; this module holds every such reading, and the gates that
say a noun trigger is no event mention at all ("aptes au combat", "couverts par l'accord").
"""
from __future__ import annotations

from typing import Any

from vigie.extract.frame_records import Sentence
from vigie.extract.outcomes import Outcomes
from vigie.extract.subtypes import EventRules


# -- gates: a noun trigger that names no event ---------------------------------------------
def adjective_complement(doc: Any, head: Any) -> bool:
    """A noun completing an adjective ("aptes au combat", "prêts à l'assaut") names a quality."""
    if head.head.pos_ == "ADJ" and head.dep_ != "ROOT":
        return True
    first = head.left_edge
    case = [c.lower_ for c in head.children if c.dep_ == "case"]
    return bool(case) and first.i > 0 and doc[first.i - 1].pos_ == "ADJ" and case[0] in ("à", "au", "aux", "pour")


def governed(head: Any, verbs: frozenset[str]) -> bool:
    """A noun that is the subject or object of one of ``verbs`` ("conclure un accord de
    cessez-le-feu"), or the head of a headline; a passing mention ("couverts par l'accord")
    is not an event."""
    if _agent_of_other(head, verbs):
        return False
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


def _agent_of_other(head: Any, verbs: frozenset[str]) -> bool:
    """"des rebelles couverts par l'accord de réconciliation": a noun (or the noun it completes)
    in a "par" phrase of a verb that is not one of ``verbs`` is a passing mention."""
    tok = head
    for _ in range(3):
        if any(c.dep_ == "case" and c.lower_ == "par" for c in tok.children):
            return tok.head.lemma_.lower() not in verbs and tok.head.lower_ not in verbs
        if tok.dep_ not in ("nmod", "conj") or tok.head is tok:
            return False
        tok = tok.head
    return False


def near_words(head: Any, words: frozenset[str]) -> bool:
    """One of ``words`` among the trigger's dependents or theirs."""
    for c in head.children:
        if c.lemma_.lower() in words or c.lower_ in words:
            return True
        if any(g.lemma_.lower() in words or g.lower_ in words for g in c.children):
            return True
    return False


# "ne ... pas" on a governing verb negates what it governs; a bare "ne" does not ("ne cessent de")
_STRONG_NEGATION = frozenset({"pas", "jamais", "nullement", "guère", "point"})
_MUNITIONS = frozenset({"obus", "roquette", "missile", "mortier", "baril", "bombe"})
_PLACE_CASES = frozenset({"à", "au", "aux", "sur", "dans", "vers", "près", "autour"})


# -- status ----------------------------------------------------------------------------------
class StatusReader:
    """Reads a frame's status under one set of event rules."""

    def __init__(self, rules: EventRules, outcomes: Outcomes, *, agreement_words: frozenset[str] = frozenset(),
                 victim_verbs: frozenset[str] = frozenset()) -> None:
        self.rules = rules
        self.outcomes = outcomes
        # killing, arresting, abducting: their object is a person, whose trade may name explosives
        self.victim_verbs = victim_verbs
        # the agreement triggers' lemmas: a battle in the background of one is no event
        self.agreement_words = agreement_words

    def status(self, doc: Any, head: Any, sent: Sentence, entry: Any) -> str:
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
                if c.dep_ in ("mark", "case") and low in r.purpose_marks and not self.outcomes.outcome_verb(head) \
                        and head.lemma_.lower() not in r.purpose_events and head.lower_ not in r.purpose_events:
                    return "plan"
            if "Fut" in tok.morph.get("Tense"):
                return "plan"
            if tok.pos_ == "VERB" and any(c.dep_ == "mark" and c.lower_ in r.prior_marks for c in tok.children):
                return "plan"  # "avant de faire exploser sa ceinture": stopped before it happened
            if any(c.lemma_.lower() in r.habitual_words or c.lower_ in r.habitual_words for c in tok.children):
                return "habitual"
        if self.habitual_phrase(verb):
            return "habitual"
        if verb is not head and head.dep_ in ("obj", "obl:arg", "xcomp") and (
                verb.lemma_.lower() in r.plan_verbs or verb.lower_ in r.plan_verbs):
            return "plan"  # "se préparent à une frappe", "menacent d'une offensive"
        if self.inquiry(head) or self.pointed_back(head):
            return "reference"
        if head.pos_ != "VERB" and self.scheduled(head, verb):
            return "plan"  # "une marche prévue vendredi", "le sit-in a été annulé"
        if self.period(head):
            return "period"
        if entry.id == "car_bomb" and head.pos_ == "VERB" and any(c.dep_.startswith("aux") for c in head.children):
            return "state"  # "avaient piégé des maisons", "la voiture avait été piégée": laid, not set off
        if verb is not head and self.campaign(head, verb):
            return "campaign"
        if head.pos_ == "VERB" and head.dep_ in ("acl", "amod") and head.lemma_.lower() in r.state_participles \
                and not any(c.dep_.startswith("aux") for c in head.children):
            return "state"  # "le Golan occupé": a lasting state, not a taking
        if entry.rule == "clash" and (self.describing_participle(doc, head) or self.describing_relative(head)):
            return "state"  # "des jihadistes s'opposant au Hezbollah" describes the fighters
        if self.statistic(head):
            return "statistic"
        tok, hops = verb, 0
        while tok.dep_ in ("xcomp", "ccomp", "obl", "obj", "acl", "nmod", "advcl", "obl:arg") and hops < 3:
            tok, hops = tok.head, hops + 1
            if any(c.dep_ == "advmod" and c.lower_ in _STRONG_NEGATION for c in tok.children):
                return "negated"  # "ne considèrent pas X comme étant leur bataille"
            if tok.lemma_.lower() in r.denial_verbs or tok.lower_ in r.denial_verbs:
                return "denied"
            if tok.lemma_.lower() in r.plan_verbs or tok.lower_ in r.plan_verbs:
                return "plan"
            if any(c.dep_ == "mark" and c.lower_ in r.prior_marks for c in tok.children):
                return "plan"
            if any(c.dep_ == "mark" and c.lower_ in r.conditional_marks for c in tok.children):
                return "conditional"
        if self.denied_after(doc, head, sent):
            return "denied"
        if head.pos_ != "VERB" and any(c.dep_ == "case" and c.lower_ in r.reference_marks for c in head.children):
            return "background"  # "arrêtés depuis la reprise de la province": a point of reference
        if head.pos_ != "VERB" and self.agreement_background(head):
            return "background"
        if self.claimed_aside(head):
            return "claimed"
        if entry.rule == "territory" and self.still_held(head):
            return "state"
        if entry.rule == "explosive" or entry.id == "munition_noun":
            if head.pos_ != "VERB" and self.no_blast(head) or self.describes_participant(head):
                return "state"
        if entry.rule == "explosive" and head.pos_ != "VERB" and self.fills_munition(head):
            return "state"
        if entry.stative:
            words = {t.lemma_.lower() for t in head.subtree} | {t.lower_ for t in head.subtree}
            if head.dep_ == "acl" or not words & r.stative_completion:
                return "state"
            if "Imp" in head.morph.get("Tense"):
                return "state"
        return "event"

    def denied_after(self, doc: Any, head: Any, sent: Sentence) -> bool:
        """", ce que dément X" / ", ce que le régime dément" after the trigger, in its sentence."""
        words = self.rules.denial_verbs
        for t in doc[head.i + 1:]:
            if t.idx >= sent.end:
                break
            if not (t.lemma_.lower() in words or t.lower_ in words):
                continue
            window = doc[max(head.i + 1, t.i - 5):t.i]
            if any(a.lower_ == "ce" and b.lower_ in ("que", "qu'", "qu’") for a, b in zip(window, window[1:])):
                return True
        return False

    def still_held(self, head: Any) -> bool:
        """"est encore occupé", "est conquise depuis 2014": a present passive with "encore",
        "toujours" or "depuis" tells who holds a place, not that it changed hands."""
        aux = [c for c in head.children if c.dep_ == "aux:pass"]
        if not aux or "Pres" not in aux[0].morph.get("Tense") or any(c.dep_ == "aux:tense" for c in head.children):
            return False
        words = self.rules.still_words
        return any(c.lower_ in words for c in head.children if c.dep_ == "advmod") or any(
            g.dep_ == "case" and g.lower_ in words for c in head.children for g in c.children)

    def claimed_aside(self, head: Any) -> bool:
        """A trigger in what the claimant says ("revendiqué par l'EI, qui affirme avoir visé un
        convoi"): the claimed attack told again, not a new event."""
        verbs = self.rules.claim_verbs
        relative = False
        for a in [head, *list(head.ancestors)[:5]]:
            if relative and a.lemma_.lower() in verbs:
                return True
            # "..., affirmant qu'un de ses hommes avait visé X": what the claimant says
            relative = relative or a.dep_ in ("acl:relcl", "ccomp")
        return False

    def pointed_back(self, head: Any) -> bool:
        """"A noter dans cette bataille", "lors de ces raids": a noun with a demonstrative, in a
        phrase of another clause, points back to an event already told; it is no new one."""
        return head.pos_ != "VERB" and head.dep_ not in ("nsubj", "nsubj:pass", "ROOT") and any(
            c.dep_ == "det" and "Dem" in c.morph.get("PronType") for c in head.children)

    def scheduled(self, head: Any, verb: Any) -> bool:
        """A noun trigger described as planned ("une manifestation prévue vendredi") or called
        off ("la marche a été annulée", "ont reporté le sit-in") tells no event that happened."""
        r = self.rules
        if any(c.dep_ in ("acl", "amod") and (c.lemma_.lower() in r.plan_verbs or c.lemma_.lower() in r.cancel_verbs)
               for c in head.children):
            return True
        return verb is not head and head.dep_ in ("nsubj", "nsubj:pass", "obj") and (
            verb.lemma_.lower() in r.cancel_verbs or verb.lower_ in r.cancel_verbs)

    def period(self, head: Any) -> bool:
        """"mettre fin à plusieurs semaines de bombardements", "après trois jours de combats": a
        trigger completing a counted duration names a period, the goal of an agreement or the
        lead-up to its outcome, which the text tells as its own event."""
        nouns = self.rules.period_nouns
        if head.pos_ == "VERB" or not nouns or not head.dep_.startswith("nmod"):
            return False
        gov = head.head
        if gov.lemma_.lower() not in nouns and gov.lower_ not in nouns:
            return False
        if any(c.dep_ == "case" and c.lower_ in self.rules.lead_up_marks for c in gov.children):
            return False  # "après trois jours de combats, X s'est retiré": the fight, should the outcome fail
        return any(c.dep_ == "nummod" or (c.dep_ == "det" and ("Ind" in c.morph.get("Definite") or c.lemma_.lower() in ("plusieurs", "quelque")))
                   for c in gov.children)

    def no_blast(self, head: Any) -> bool:
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

    def habitual_phrase(self, verb: Any) -> bool:
        """"Comme d'habitude, chaque fois que X ..., ils bombardent": a phrase of habit among the
        modifiers of the verb (not its subject or object, which may hold "chaque fois" idly), or of
        the verb the parser hung it on ("chaque fois que X se trouvent ..., ils bombardent" often
        comes out with "bombardent" under "trouvent")."""
        phrases = self.rules.habitual_phrases
        if not phrases:
            return False
        govs = [verb] + ([verb.head] if verb.dep_ in ("advcl", "conj", "parataxis") else [])
        for c in (c for g in govs for c in g.children):
            if c is verb or c.dep_ in ("nsubj", "nsubj:pass", "obj", "punct"):
                continue
            text = " ".join(t.lower_ for t in c.subtree).replace("’", "'").replace("' ", "'")
            if any(p in text for p in phrases):
                return True
        return False

    def statistic(self, head: Any) -> bool:
        """"Le nombre des sorties ... s'élève à 62, au cours desquelles 187 cibles ont été
        frappées": a count of sorties or targets, not an event."""
        r = self.rules
        if not r.statistic_nouns:
            return False

        def counts(noun: Any) -> bool:
            return noun.lemma_.lower() in r.statistic_nouns and any(
                c.dep_.startswith("nmod") and c.lemma_.lower() in r.counted_nouns for c in noun.children)

        tok = head
        for _ in range(4):
            if tok.dep_.startswith("nmod") and counts(tok.head):
                return True
            if any(c.dep_ in ("nsubj", "nsubj:pass") and counts(c) for c in tok.children):
                return True
            if tok.head is tok:
                break
            tok = tok.head
        return False

    def agreement_background(self, head: Any) -> bool:
        """"ont annoncé un cessez-le-feu, suite à la capitulation de X à l'issue de violents
        combats": a battle or surrender given as the reason of an agreement is its background."""
        marks, words = self.rules.background_marks, self.agreement_words
        if not marks or not words:
            return False
        tok, marked = head, False
        for _ in range(4):
            if tok.dep_ not in ("nmod", "obl", "obl:mod", "obl:arg"):
                return False
            marked = marked or tok.lemma_.lower() in marks or any(
                c.dep_ == "case" and c.lower_ in marks for c in tok.children)
            tok = tok.head
            if marked and (tok.lemma_.lower() in words or any(
                    c.dep_ in ("obj", "nsubj", "nsubj:pass") and c.lemma_.lower() in words for c in tok.children)):
                return True
        return False

    @staticmethod
    def describing_relative(head: Any) -> bool:
        """"les FDS, qui combattent l'EI avec l'appui des Etats-Unis": a fighting verb in the present
        of a relative clause on its subject says who the group is, not that a fight took place
        (8 outlets of real/train); so does one in a relative clause on a place ("le nord, où des
        factions affrontent les forces kurdes", "la province, où s'affrontent X et Y": 4 outlets).
        The tagger sometimes reads the verb "combat" as the noun."""
        if head.pos_ == "VERB" and "Pres" in head.morph.get("Tense") and _after_where(head):
            return True
        if head.dep_ != "acl:relcl" or not any(c.dep_ == "nsubj" and "Rel" in c.morph.get("PronType")
                                               for c in head.children):
            return False
        return head.pos_ == "NOUN" or "Pres" in head.morph.get("Tense")

    def describes_participant(self, head: Any) -> bool:
        """"a liquidé X, son fabricant de voitures piégées": an explosive noun in an apposition to a
        named person, or inside the object of a killing or an arrest, says what the person does,
        not that anything blew up."""
        tok = head.head if head.dep_ == "amod" else head
        for _ in range(5):
            if tok.dep_ == "appos" and (tok.pos_ == "PROPN" or tok.head.pos_ == "PROPN"):
                return True
            if tok.dep_ in ("obj", "nsubj:pass", "obl:arg") and tok.head.lemma_.lower() in self.victim_verbs:
                return True
            if tok.dep_ not in ("nmod", "conj", "acl", "obl:arg", "appos", "amod") or tok.head is tok:
                return False
            tok = tok.head
        return False

    def inquiry(self, head: Any) -> bool:
        """"les experts de l'ONU en armes chimiques", "des accusations d'utilisation d'armes
        chimiques": a trigger in the complement of an inquiry or allegation noun names what is
        investigated or alleged, not an event the sentence tells."""
        nouns = self.rules.inquiry_nouns
        tok = head
        for _ in range(4):
            # "la preuve que le régime avait utilisé des armes chimiques": a "que" clause on the
            # noun is its content, so the verb's object is what is alleged too
            content = tok.dep_.startswith("acl") and any(c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in tok.children)
            if not (tok.dep_ in ("amod", "nmod", "nmod:poss") or content or (tok.dep_ == "obj" and tok.head.dep_.startswith("acl"))) \
                    or tok.head is tok:
                return False
            tok = tok.head
            if tok.lemma_.lower() in nouns or tok.lower_ in nouns:
                return True
        return False

    def campaign(self, head: Any, verb: Any) -> bool:
        """"la coalition a poursuivi ses frappes contre les positions de l'EI": a possessive
        plural object of a continuation verb, with no place of its own, is a campaign going on."""
        if head.dep_ != "obj" or "Plur" not in head.morph.get("Number"):
            return False
        if verb.lemma_.lower() not in self.rules.campaign_verbs and verb.lower_ not in self.rules.campaign_verbs:
            return False
        if not any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in head.children):
            return False
        own = list(head.subtree) + [c for c in verb.children if c.dep_.startswith("obl")]
        return not any(t.pos_ == "PROPN" and any(g.dep_ == "case" and g.lower_ in _PLACE_CASES for g in t.children)
                       for t in own)

    @staticmethod
    def fills_munition(head: Any) -> bool:
        """"les obus et les bonbonnes bourrées d'explosifs": explosives filling a projectile named
        with the munitions say what was fired, so the munition decides the sub-type."""
        def munition(t: Any) -> bool:
            return t.lemma_.lower() in _MUNITIONS or t.lower_.rstrip("sx") in _MUNITIONS or t.lower_ in _MUNITIONS

        tok = head
        for _ in range(4):
            if tok.dep_.split(":")[0] not in ("nmod", "obl", "acl", "amod", "conj") or tok.head is tok:
                return False
            tok = tok.head
            if munition(tok) or any(c.dep_ == "conj" and munition(c) for c in tok.children):
                return True
        return False

    @staticmethod
    def describing_participle(doc: Any, head: Any) -> bool:
        """A present participle right after its noun ("des jihadistes s'opposant au Hezbollah",
        "les rebelles combattant l'armée") says who the fighters are, not that they fought."""
        if head.pos_ != "VERB" or not head.lower_.endswith("ant") or any(c.dep_.startswith("aux") for c in head.children):
            return False
        k = head.i - 1
        while k >= 0 and doc[k].lower_ in ("s'", "se", "s’"):
            k -= 1
        return k >= 0 and doc[k].pos_ in ("NOUN", "PROPN")


_WHERE_REACH = 6  # tokens between "où" and its verb ("où des factions pro-turques affrontent")


def _after_where(head: Any) -> bool:
    """The verb opens a relative clause on a place: "où" before it, no punctuation or other verb
    between (read on tokens: the parser often hangs such a clause on the main verb)."""
    doc = head.doc
    for i in range(head.i - 1, max(-1, head.i - 1 - _WHERE_REACH), -1):
        tok = doc[i]
        if tok.lower_ == "où":
            return True
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            return False
    return False
