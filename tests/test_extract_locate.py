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
