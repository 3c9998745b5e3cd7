"""PlaceFinder.fallback: where a frame with no place of its own borrows one (assembly.yml order)."""
from vigie.extract.frames import Sentence
from vigie.extract.locate import ArticlePlaces, PlaceFinder
from vigie.models import Place

SARAQEB = Place("Saraqib", 35.86, 36.80, "Idlib", "Syria", "SY", 1, gazetteer_id="1")
ARIHA = Place("Ariha", 35.81, 36.61, "Idlib", "Syria", "SY", 1, gazetteer_id="2")
TYRE = Place("Tyre", 33.27, 35.20, "South Governorate", "Lebanon", "LB", 1, gazetteer_id="9")
IDLIB_GOV = Place("Idlib", 35.9, 36.6, "Idlib", "Syria", "SY", 3, gazetteer_id="g")


class FakeResolver:
    """Resolves governorate names to a precision-3 place; records what it was asked."""

    def __init__(self):
        self.asked = []

    def resolve(self, mention, *, context):
        self.asked.append(mention)
        return IDLIB_GOV if mention == "Idlib" else None


def finder():
    return PlaceFinder(FakeResolver(), lambda **kw: kw)


def state(resolved, by_paragraph, governorates=None):
    return ArticlePlaces("", governorates or {}, list(resolved), None, {}, by_paragraph)


SENT = Sentence(0, 10, "x", 3)


def test_the_event_before_in_the_paragraph_comes_first():
    st = state([SARAQEB, ARIHA], {3: [ARIHA]})
    assert finder().fallback(st, sentence=SENT, previous=SARAQEB) == SARAQEB


def test_else_the_last_place_of_the_paragraph_then_of_the_article():
    assert finder().fallback(state([SARAQEB, ARIHA], {3: [SARAQEB], 1: [ARIHA]}), sentence=SENT) == SARAQEB
    assert finder().fallback(state([SARAQEB, ARIHA], {1: [SARAQEB, ARIHA]}), sentence=SENT) == ARIHA


def test_a_place_in_another_country_is_never_borrowed():
    st = state([SARAQEB, ARIHA, TYRE], {3: [TYRE]})
    assert finder().fallback(st, sentence=SENT, previous=TYRE) == ARIHA


def test_the_governorate_of_the_paragraph_comes_last_at_precision_3():
    st = state([], {}, {3: ["Idlib"]})
    assert finder().fallback(st, sentence=SENT) == IDLIB_GOV
    assert finder().fallback(st, sentence=SENT, order=("paragraph", "article")) is None


def regions():
    from vigie.extract.fold import AssemblyRules
    from vigie.extract.locate import RegionRules

    return RegionRules.from_assembly(AssemblyRules.load())


def test_region_phrases_name_the_place_and_its_relation():
    found = regions().phrases("des secteurs rebelles dans la banlieue de Damas, puis à l’est de Homs")
    assert [(name, " ".join(rel.replace("’", "'").split())) for name, _, rel in found] == [
        ("Damas", "banlieue de"), ("Homs", "à l'est de")]


def test_compass_references_are_told_apart_from_places_named_for_themselves():
    r = regions()
    assert r.is_side("un bastion rebelle au nord de") and r.is_side("au sud-ouest d'")
    assert not r.is_side("dans la ville de") and not r.is_side("près de")


class PlaceResolver:
    """Resolves a few names whatever the context: a town, a region close to it, a far town."""

    PLACES = {"Damas": Place("Damascus", 33.51, 36.29, "Damascus", "Syria", "SY", 2, gazetteer_id="d", feature="town"),
              "Ghouta": Place("Eastern Ghouta", 33.56, 36.42, "Rif Dimashq", "Syria", "SY", 2, gazetteer_id="g", feature="region"),
              "Yabroud": Place("Yabrud", 33.97, 36.66, "Rif Dimashq", "Syria", "SY", 1, gazetteer_id="y", feature="town")}

    def resolve(self, mention, *, context):
        return self.PLACES.get(mention)


def test_the_sentence_region_phrase_comes_before_borrowed_places_and_means_the_region_named_near():
    from vigie.extract.frames import TextSpan

    text = "La Ghouta a été visée. Puis une attaque dans la banlieue de Damas."
    st = ArticlePlaces(text, {}, [PlaceResolver.PLACES["Yabroud"]], None, {}, {0: [PlaceResolver.PLACES["Yabroud"]]},
                       candidates=(TextSpan(3, 9, "Ghouta"),))
    sent = Sentence(23, len(text), text[23:], 0)
    pf = PlaceFinder(PlaceResolver(), lambda **kw: kw)
    order = ("sentence", "paragraph", "article")
    assert pf.fallback(st, sentence=sent, order=order, regions=regions()).name == "Eastern Ghouta"
    far = ArticlePlaces(text, {}, [], None, {}, {0: [PlaceResolver.PLACES["Yabroud"]]})
    assert pf.fallback(far, sentence=sent, order=order, regions=regions()).name == "Damascus"
    assert pf.fallback(far, sentence=sent, order=("paragraph",), regions=regions()).name == "Yabrud"


def test_a_town_named_just_before_in_the_paragraph_is_where_a_placeless_frame_happens():
    """"C'est là que les combats..." speaks of the village named before, even when no event was
    told there; a compass reference ("au nord de Damas") is not the place spoken of."""
    from vigie.extract.frames import TextSpan

    text = "Les troupes avancent vers Yabroud, au nord de Damas. C'est là que les combats font rage."
    y, d = text.index("Yabroud"), text.index("Damas")
    cands = (TextSpan(y, y + 7, "Yabroud"), TextSpan(d, d + 5, "Damas"))
    sents = (Sentence(0, 52, text[:52], 0), Sentence(53, len(text), text[53:], 0))
    st = ArticlePlaces(text, {}, [PlaceResolver.PLACES["Damas"]], None, {}, {}, candidates=cands, sentences=sents)
    pf = PlaceFinder(PlaceResolver(), lambda **kw: kw)
    found = pf.fallback(st, sentence=sents[1], order=("paragraph", "article"), previous=PlaceResolver.PLACES["Damas"],
                        regions=regions())
    assert found.name == "Yabrud"
    # in another paragraph, the name told before does not speak for the sentence
    other = Sentence(53, len(text), text[53:], 1)
    assert pf.fallback(st, sentence=other, order=("paragraph", "article"), regions=regions()).name == "Damascus"


def test_a_bracketed_compass_point_names_the_part_of_the_place_the_gazetteer_knows():
    from vigie.extract.frames import TextSpan

    class Parts:
        def resolve(self, mention, *, context):
            return {"Qalamoun": QALAMOUN, "Qalamoun ouest": WEST}.get(mention)

    QALAMOUN = Place("Qalamoun", 33.9, 36.6, "Rif Dimashq", "Syria", "SY", 2, gazetteer_id="q")
    WEST = Place("Western Qalamoun", 34.05, 36.58, "Rif Dimashq", "Syria", "SY", 2, gazetteer_id="w")
    text = "Un accord a été conclu dans la région de Qalamoun (ouest) samedi, puis à Qalamoun."
    first, second = text.index("Qalamoun"), text.rindex("Qalamoun")
    st = ArticlePlaces(text, {}, [], None, {})
    pf = PlaceFinder(Parts(), lambda **kw: kw)
    sent = Sentence(0, len(text), text, 0)
    assert regions().bracketed_point(text, first + 8) == "ouest"
    assert pf.resolve_groups(((TextSpan(first, first + 8, "Qalamoun"),),), st, sentence=sent, regions=regions()) == [WEST]
    assert pf.resolve_groups(((TextSpan(second, second + 8, "Qalamoun"),),), st, sentence=sent, regions=regions()) == [QALAMOUN]


def test_a_place_glued_to_the_name_of_a_man_resolves_by_its_longest_prefix():
    """The parser may read "à Sarakeb Ahmad Khalil Moussa" as one name: the place is the longest
    capitalised prefix that resolves to a town; a run with no such prefix stays unresolved."""
    from vigie.extract.frames import TextSpan

    class Towns:
        def resolve(self, mention, *, context):
            return {"Sarakeb": SARAQEB, "Idlib": IDLIB_GOV}.get(mention)

    text = "Un commandant a été abattu à Sarakeb Ahmad Khalil Moussa, puis à Idlib Omar Saleh."
    pf = PlaceFinder(Towns(), lambda **kw: kw)
    st = ArticlePlaces(text, {}, [], None, {})
    s = text.index("Sarakeb")
    glued = TextSpan(s, s + len("Sarakeb Ahmad Khalil Moussa"), "Sarakeb Ahmad Khalil Moussa")
    assert pf.resolve(glued, st, paragraph=0) == SARAQEB
    # a governorate-level prefix is no town: the whole run stays unplaced
    i = text.index("Idlib")
    assert pf.resolve(TextSpan(i, i + len("Idlib Omar Saleh"), "Idlib Omar Saleh"), st, paragraph=0) is None
