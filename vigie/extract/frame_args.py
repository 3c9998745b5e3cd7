"""Who did what to whom: a trigger's agent, patient, helpers and objects from the parse.

Why the parse and the surface both: fr_core_news_md attaches enumerations and participles
loosely, so arguments come from the dependency tree (nsubj, obj, passive "par", "contre X")
and helpers also from token order ("avec l'aide de X" up to the next verb or comma).
Pronouns are replaced by what they stand for here, so the records that leave the stage hold
the antecedent's span ("les soldats qui ont été enlevés" -> "les soldats").
"""
from __future__ import annotations

import re
from typing import Any

from vigie.extract.frame_records import Sentence, TextSpan, span_of, subtree_span
from vigie.extract.subtypes import EventRules

_PLACE_LABELS = frozenset({"LOC", "GPE"})
AGENT_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJ = frozenset({"nsubj:pass"})
OBJ_DEPS = frozenset({"obj", "iobj", "obl:arg"})
_UP_DEPS = frozenset({"conj", "advcl", "xcomp", "acl", "acl:relcl", "ccomp"})
# dependents that open another clause or an aside
OTHER_CLAUSE = frozenset({"appos", "acl:relcl", "parataxis", "advcl", "conj", "ccomp", "dislocated", "xcomp"})
_RELATIVES = frozenset({"qui", "lequel", "laquelle", "lesquels", "lesquelles"})


def antecedent_token(doc: Any, char: int, head: Any) -> Any:
    """The noun a relative pronoun (at ``char``) stands for: the noun right before it ("le sort
    des soldats qui ont été enlevés" -> soldats), else the head the clause hangs on."""
    k = next((t.i for t in doc[head.left_edge.i:head.i + 1] if t.idx == char), None)
    if k is not None and k > 0 and doc[k - 1].pos_ in ("NOUN", "PROPN"):
        return doc[k - 1]
    return head.head


def is_passive(head: Any) -> bool:
    if any(c.dep_ == "aux:pass" for c in head.children) or "Pass" in head.morph.get("Voice"):
        return True
    return head.dep_ in ("acl",) and "Part" in head.morph.get("VerbForm") and not any(c.dep_.startswith("aux") for c in head.children)


def objects_of(head: Any) -> list[Any]:
    """Direct objects, passive subjects, and for nouns their "de" complements."""
    objs = [c for c in head.children if c.dep_ in OBJ_DEPS]
    if is_passive(head):
        objs += [antecedent_token(head.doc, c.idx, head) if c.lower_ in _RELATIVES else c
                 for c in head.children if c.dep_ in PASSIVE_SUBJ]
        if head.dep_ in ("acl", "acl:relcl") and not objs:
            objs.append(head.head)
    if head.pos_ in ("NOUN", "PROPN", "X", "PRON", "ADV", "NUM") or not objs:
        objs += [c for c in head.children if c.dep_.startswith("nmod") or c.dep_ in ("obl", "obl:mod")]
    if not any(c.dep_ in OBJ_DEPS for c in head.children):
        objs += shared_objects(head)
    # "la totalité de la ville de X": look one level further through quantity nouns
    for o in list(objs):
        objs += [c for c in o.children if c.dep_.startswith("nmod")]
    return objs


def shared_objects(head: Any) -> list[Any]:
    """"l'armée a tué et arrêté des dizaines de terroristes": the object after two coordinated
    verbs hangs on the first one; the second verb, with none of its own, shares it."""
    if head.dep_ != "conj" or head.head.pos_ != "VERB":
        return []
    return [c for c in head.head.children if c.dep_ == "obj" and c.i > head.i]


def gerund(doc: Any, head: Any) -> bool:
    """"en bombardant le marché": a gerund (often tagged a noun) has the subject of its clause."""
    return head.lower_.endswith("ant") and head.i > 0 and doc[head.i - 1].lower_ == "en"


def object_ok(rules: EventRules, kind: str, objects: list[Any]) -> bool:
    """The trigger entry's required object is there (a place, or a word of a named list)."""
    if kind in ("place", "place_complement", "place_oblique"):
        nouns = rules.place_nouns
        return any(o.lemma_.lower() in nouns or o.lower_ in nouns or o.pos_ == "PROPN" or o.ent_type_ in _PLACE_LABELS for o in objects)
    words = rules.word_list(kind)
    return any(o.lemma_.lower() in words or o.lower_ in words for o in objects)


def former(rules: EventRules, tok: Any) -> bool:
    """"d'anciens rebelles", "des ex-combattants": former fighters are no longer combatants."""
    marks = rules.former_marks
    if tok.lower_.split("-")[0] in marks and "-" in tok.lower_:
        return True
    return any(c.lemma_.lower() in marks or c.lower_ in marks for c in tok.children if c.dep_ in ("amod", "advmod"))\
        or (tok.i > 0 and tok.doc[tok.i - 1].lemma_.lower() in marks and tok.doc[tok.i - 1].pos_ == "ADJ")\
        or (tok.i > 1 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ in marks)


def inherited_subject(doc: Any, head: Any) -> list[TextSpan]:
    """Subject of the verb a conjoined / participial clause hangs on ("..., reconquérant X")."""
    tok, hops = head, 0
    while tok.dep_ in _UP_DEPS and tok.head is not tok and hops < 3:
        # "ont été contraints de se retirer": who was forced is who does the forced act
        deps = AGENT_DEPS | PASSIVE_SUBJ if tok.dep_ == "xcomp" else AGENT_DEPS
        tok, hops = tok.head, hops + 1
        subj = [c for c in tok.children if c.dep_ in deps]
        if subj:
            return [subtree_span(doc, subj[0])]
    return []


def assoc_phrases(rules: EventRules, doc: Any, sent: Sentence) -> tuple[TextSpan, ...]:
    """Phrases after helper markers ("avec l'aide de X", "appuyée par X", "ses alliés du X")."""
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    toks = list(span) if span is not None else []
    lem = [t.lemma_.lower() for t in toks]
    low = [t.lower_ for t in toks]
    out: list[TextSpan] = []
    firsts = {m[0] for m in rules.assoc_markers}
    if not firsts.intersection(lem) and not firsts.intersection(low):
        return ()
    for i in range(len(toks)):
        if lem[i] not in firsts and low[i] not in firsts:  # no marker starts here
            continue
        for marker in rules.assoc_markers:
            n = len(marker)
            if i + n <= len(toks) and all(lem[i + k] == w or low[i + k] == w for k, w in enumerate(marker)):
                j = i + n
                end = j
                while end < len(toks) and toks[end].text not in (",", ".", ";", ")", "(", "«", "»", '"') and toks[end].pos_ not in ("VERB", "AUX"):
                    end += 1
                if end > j:
                    out.append(span_of(doc, toks[j].i, toks[end - 1].i + 1))
    return tuple(out)


class Arguments:
    """Argument finding for one article: needs the rules and the actor spans the ruler found,
    since a pronoun ("elles", "ce dernier") stands for the last actor named before it."""

    def __init__(self, rules: EventRules, actor_spans: list[TextSpan]) -> None:
        self.rules = rules
        self.actor_spans = actor_spans
        self._attribution_verbs: dict[int, list[Any]] = {}  # sentence start token -> its verbs of attribution

    def named_agent(self, agent: tuple[TextSpan, ...]) -> bool:
        """An agent span holding an actor name (not only an adjective like "aériennes")."""
        return any(a.start < s.end and s.start < a.end for a in self.actor_spans for s in agent)

    def antecedent(self, doc: Any, head: Any, span: TextSpan) -> TextSpan:
        """What a pronoun argument stands for: the noun a relative clause hangs on ("les soldats
        qui ont été enlevés"), or the last actor named before "elles" / "ce dernier"."""
        low = span.text.lower()
        if low in _RELATIVES and head.dep_ == "acl:relcl":
            ante = antecedent_token(doc, span.start, head)
            return span_of(doc, ante.left_edge.i, ante.i + 1)
        text = doc.user_data["vigie_text"]
        if text[span.end:span.end + 3] in ("-ci", "-là"):  # "ceux-ci" is three tokens
            low = low + text[span.end:span.end + 3]
        if low in self.rules.anaphora:
            before = [a for a in self.actor_spans if a.end <= span.start]
            if before:
                return before[-1]
        return span

    def np(self, doc: Any, tok: Any, head: Any) -> TextSpan:
        """The noun phrase of ``tok`` without its preposition, a pronoun standing for its antecedent."""
        first = next((t for t in tok.subtree if t.pos_ != "ADP"), tok)
        # without its relative clause or aside ("l'EI, qui affirme ...")
        end = max([tok.i] + [c.right_edge.i for c in tok.children if c.i > tok.i and c.dep_ not in OTHER_CLAUSE and c.dep_ != "punct"])
        return self.antecedent(doc, head, span_of(doc, first.i, end + 1))

    def attributed(self, doc: Any, head: Any) -> list[TextSpan]:
        """"des frappes, attribuées par l'OSDH à l'aviation russe": the author is the "à" phrase."""
        verbs = self.rules.attribution_verbs
        own = [self.np(doc, c, head) for a in head.children if a.dep_ == "acl" and a.lemma_.lower() in verbs
               for c in a.children if any(g.dep_ == "case" and g.lower_ in ("à", "au", "aux") for g in c.children)]
        return own or self._attributed_by_pronoun(doc, head)

    def _attributed_by_pronoun(self, doc: Any, head: Any) -> list[TextSpan]:
        """"le bombardement de X a tué trois civils, selon l'OSDH, qui l'attribue à l'artillerie":
        a later verb of attribution in the sentence whose object is a pronoun names the author."""
        for t in self._attribution_verbs_of(head.sent):
            if t.i <= head.i:
                continue
            if not any(c.dep_ == "obj" and c.pos_ == "PRON" and c.lower_ in ("l'", "le", "la", "les") for c in t.children):
                continue
            return [self.np(doc, c, head) for c in t.children
                    if c.dep_ in ("obl:arg", "obl", "iobj") and any(g.dep_ == "case" and g.lower_ in ("à", "au", "aux") for g in c.children)][:1]
        return []

    def _attribution_verbs_of(self, sent: Any) -> list[Any]:
        """The tokens of ``sent`` whose lemma is a verb of attribution, in order: read once per
        sentence, not once per frame of it."""
        found = self._attribution_verbs.get(sent.start)
        if found is None:
            verbs = self.rules.attribution_verbs
            found = self._attribution_verbs[sent.start] = [t for t in sent if t.lemma_.lower() in verbs]
        return found

    def _hands_of(self, doc: Any, head: Any) -> list[TextSpan]:
        """"était tombé jeudi aux mains du régime": the parser often hangs "aux mains" on a date
        or a neighbour; the noun after "aux mains de" / "sous le contrôle de" is the taker."""
        for t in head.subtree:
            if t.lemma_.lower() not in ("main", "contrôle") or t.i == 0 or doc[t.i - 1].lower_ not in ("aux", "sous", "le"):
                continue
            for c in t.children:
                if c.dep_.startswith("nmod") and c.left_edge.lower_ in ("de", "du", "des", "d'", "d’"):
                    return [self.np(doc, c, head)]
        return []

    def claimant(self, doc: Any, head: Any) -> TextSpan | None:
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
        return self.np(doc, cands[0], head) if cands else None

    def leaver(self, doc: Any, head: Any) -> tuple[TextSpan, ...]:
        """Who pulls out ("les rebelles ont dû se retirer de X", "l'armée s'est retirée de X"):
        the subject of the trigger or of the verb above it, however the parser hung the trigger."""
        tok = head
        for _ in range(3):
            subj = [c for c in tok.children if c.dep_ in AGENT_DEPS or c.dep_ in PASSIVE_SUBJ]
            if subj:
                return (self.np(doc, subj[0], head),)
            if tok.head is tok:
                break
            tok = tok.head
        return ()

    @staticmethod
    def _split_complement(doc: Any, c: Any, case: set[str], objects: list[Any]) -> bool:
        """"éliminé 180 combattants" de HTS: a "de" + name the closing quote cut from the object,
        which the parser then hung on the verb, still says whose fighters were hit."""
        if c.pos_ != "PROPN" or not c.dep_.startswith("obl") or not case & {"de", "d'", "d’", "du", "des"}:
            return False
        for o in objects:
            gap = doc[o.right_edge.i + 1:c.left_edge.i]
            if o.i < c.i and all(t.is_punct for t in gap):
                return True
        return False

    def agent_patient(self, doc: Any, head: Any, passive: bool, objects: list[Any], *,
                      named_de_author: bool = False) -> tuple[tuple[TextSpan, ...], tuple[TextSpan, ...]]:
        """Agent and patient spans of a trigger: subject / "par X" / an adjective ("frappes
        russes") for the agent; object / passive subject / "contre X" / "de X" for the patient.
        ``named_de_author``: a strike noun whose "de" complement names an actor ("dans des frappes
        de la coalition", "les raids du régime") has its author there, not its target."""
        agent: list[TextSpan] = []
        patient: list[TextSpan] = []
        # "les bombardements de l'armée sur Douma", "des raids de l'aviation contre des positions":
        # a noun whose target follows "sur" or "contre" has its author in its "de" complement
        aimed = head.pos_ != "VERB" and (any(
            g.lower_ in ("sur", "contre") and g.dep_ == "case"
            for c in head.children if c.dep_.startswith(("nmod", "obl")) for x in (c, *c.children) for g in x.children)
            # "X a été la cible du pilonnage de l'armée": the target is X, the "de" complement the author
            or (head.dep_.startswith("nmod") and head.head.lemma_.lower() in self.rules.target_nouns))
        for c in head.children:
            case = {g.lower_ for g in c.children if g.dep_ == "case"}
            if passive and (c.dep_ == "obl:agent" or "par" in case):
                agent.append(subtree_span(doc, c))
            elif c.dep_ in AGENT_DEPS and c.lower_ not in ("-", "ci", "là"):
                sp = subtree_span(doc, c)
                # a subject is not cut from its verb by a colon ("La joie ... : l'armée a repris")
                if not (sp.end <= head.idx and re.search(r"[:;]", doc.user_data["vigie_text"][sp.end:head.idx])):
                    agent.append(sp)
            elif "contre" in case or c.dep_ in OBJ_DEPS or (passive and c.dep_ in PASSIVE_SUBJ):
                patient.append(subtree_span(doc, c))
            elif head.pos_ != "VERB" and c.dep_.startswith("nmod") and ("de" in case or "d'" in case or "du" in case):
                by_name = named_de_author and self.named_agent((span_of(doc, c.i, c.i + 1),))
                (agent if aimed or by_name else patient).append(_before_target(doc, c) if aimed else subtree_span(doc, c))
            elif c.dep_ in ("amod",) and c.pos_ == "ADJ" and c.i > head.i:
                # "frappes russes", "l'aviation syrienne"; an adjective before the noun ("un
                # nouveau massacre", "de violents combats") never names who acted
                agent.append(subtree_span(doc, c))
            elif gerund(doc, head) and c.dep_.startswith("nmod"):
                patient.append(subtree_span(doc, c))  # "en bombardant le marché"
            elif self._split_complement(doc, c, case, objects):
                patient.append(subtree_span(doc, c))
        agent = self.attributed(doc, head) + [self.antecedent(doc, head, a) for a in agent]
        patient = [self.antecedent(doc, head, p) for p in patient] or [subtree_span(doc, o) for o in shared_objects(head)]
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
        if not agent and head.pos_ == "VERB":
            agent.extend(self._hands_of(doc, head))
        if not agent:
            agent.extend(inherited_subject(doc, head))
        if not agent and gerund(doc, head):
            verb = next((a for a in head.ancestors if a.pos_ == "VERB"), None)
            agent.extend(subtree_span(doc, c) for c in (verb.children if verb is not None else ()) if c.dep_ in AGENT_DEPS)
        if not agent and head.pos_ != "VERB":
            # a nominal trigger: the subject of the verb governing it ("l'armée a mené des frappes")
            gov = head.head
            if gov is not head and gov.pos_ in ("VERB", "AUX"):
                agent.extend(subtree_span(doc, c) for c in gov.children if c.dep_ in AGENT_DEPS and c is not head)
        return tuple(agent), tuple(patient)


def _before_target(doc: Any, c: Any) -> TextSpan:
    """The "de" complement of an aimed noun up to its own "sur"/"contre" phrase, when the parser
    hung the target on it ("de l'armée sur Douma": the author is "de l'armée")."""
    cut = next((x.left_edge.i for x in c.children
                if any(g.dep_ == "case" and g.lower_ in ("sur", "contre") for g in x.children)), None)
    return span_of(doc, c.left_edge.i, cut) if cut is not None and cut > c.left_edge.i else subtree_span(doc, c)
