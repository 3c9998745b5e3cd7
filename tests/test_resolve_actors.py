"""ActorRegistry: aliases to canonical actors, generic words, offsets and spaCy patterns."""
from __future__ import annotations

import pytest

from vigie.errors import DataFileError
from vigie.resolve.actors import ActorMention, ActorRegistry

SYRIA = "Military Forces of Syria"
IS = "Islamic State"
REBELS = "Syrian rebels (unspecified)"


@pytest.fixture(scope="session")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def actors_in(registry: ActorRegistry, text: str, **kw) -> list[str | None]:
    return [m.actor for m in registry.find_mentions(text, **kw)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Les troupes régulières ont repris mardi la colline stratégique.", [SYRIA]),
        ("L'armée arabe syrienne (AAS) a annoncé avoir sécurisé la route.", [SYRIA, SYRIA]),
        ("L'aviation syrienne a visé des dépôts d'armes.", [SYRIA]),
        ("Les forces de Bachar al-Assad avancent vers le nord.", [SYRIA]),
        ("Un officier des forces loyalistes a été tué.", [SYRIA]),
        ("Daech a revendiqué l'attaque dans un communiqué.", [IS]),
        ("L'organisation État islamique (EI) contrôle le secteur.", [IS, IS]),
        ("Des combattants de l'Etat Islamique et de l'EIIL ont fui.", [IS, IS]),
        ("Le Front al-Nosra, branche syrienne d'Al-Qaïda, a pris la colline.", ["Jabhat al-Nusra", "Jabhat al-Nusra"]),
        ("Le Front Fateh al-Cham a rejeté la trêve.", ["Jabhat al-Nusra"]),
        ("Hayat Tahrir al-Cham (HTC) domine la province.", ["Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"]),
        ("Ahrar esh-Cham et Jound al-Aqsa ont lancé l'assaut.", ["Ahrar al-Sham", "Jund al-Aqsa"]),
        ("Jaïch al-Fateh, l'armée de la conquête, a encerclé la base.", ["Jaish al-Fatah", "Jaish al-Fatah"]),
        ("Jaich al-Islam et Faylaq al-Rahmane se disputent la Ghouta.", ["Jaish al-Islam", "Faylaq al-Rahman"]),
        ("La milice de l'ASL s'est retirée du village.", ["Free Syrian Army"]),
        ("Le Front des révolutionnaires syriens a perdu ses positions.", ["Syrian Revolutionaries Front"]),
        ("Les Unités de défense du peuple kurde (YPG) tiennent le quartier.", ["YPG: People's Protection Units"] * 2),
        ("Les Forces démocratiques syriennes (FDS) encerclent la ville.", ["SDF: Syrian Democratic Forces"] * 2),
        ("Les Assayech ont arrêté deux suspects.", ["Asayish"]),
        ("Le Hezbollah libanais et le Hezb ont envoyé des renforts.", ["Hezbollah", "Hezbollah"]),
        ("Les comités de défense populaire ont tenu le barrage.", ["NDF: National Defence Forces"]),
        ("Les Forces de défense nationale (FDN) patrouillent.", ["NDF: National Defence Forces"] * 2),
        ("Les brigades al-Baas ont rejoint le front.", ["Baath Brigades"]),
        ("Les services de la sécurité intérieure ont évacué le bâtiment.", ["Police Forces of Syria"]),
        ("L'armée de l'air russe a mené douze sorties.", ["Military Forces of Russia"]),
        ("Des soldats libanais ont été déployés.", ["Military Forces of Lebanon"]),
        ("L'armée turque a pilonné des positions, selon Tsahal.", ["Military Forces of Turkey", "Military Forces of Israel"]),
        ("Deux villages ont été repris par les forces militaires turques.", ["Military Forces of Turkey"]),
        ("Trois civils ont péri dans les bombardements israéliens.", ["Civilians (Syria)", "Military Forces of Israel"]),
        ("L'ennemi sioniste a frappé un convoi.", ["Military Forces of Israel"]),
        ("La coalition menée par les États-Unis a frappé un pont.", ["International Coalition against IS"]),
        ("Des Gardiens de la révolution ont été tués.", ["Military Forces of Iran"]),
        ("Des tribus pro-gouvernementales ont pris les armes.", ["Pro-government tribal militia"]),
        ("Des manifestants ont défilé, des émeutiers ont brûlé des pneus.", ["Protesters (Syria)", "Rioters (Syria)"]),
        ("Trois civils ont été tués par des inconnus armés.", ["Civilians (Syria)", "Unidentified Armed Group (Syria)"]),
        ("Des combattants druzes ont repoussé les factions armées bédouines.", ["Druze militia (Syria)", "Bedouin tribal militia (Syria)"]),
        ("Les combattants des tribus arabes ont attaqué des milices druzes.", ["Bedouin tribal militia (Syria)", "Druze militia (Syria)"]),
    ],
)
def test_alias_families(registry, sentence, expected):
    assert actors_in(registry, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("l'EI a attaqué le poste", [IS]),
        ("L’EI a attaqué le poste", [IS]),
        ("la pleine lune éclairait la plaine", []),
        ("une ei inconnue", []),
        ("les combattants de l'ASL", ["Free Syrian Army"]),
        ("une asl quelconque", []),
        ("les FDS progressent", ["SDF: Syrian Democratic Forces"]),
        ("les fds progressent", []),
        ("MILICE DE L'ASL", ["Free Syrian Army"]),
    ],
)
def test_case_sensitive_abbreviations(registry, sentence, expected):
    assert actors_in(registry, sentence) == expected


def test_mention_offsets_are_exact(registry):
    text = "Selon l'OSDH, l'EI et les rebelles de l'Armée syrienne libre se battent."
    mentions = registry.find_mentions(text)
    assert [(m.start, m.end, m.text) for m in mentions] == [(16, 18, "EI"), (26, 34, "rebelles"), (40, 60, "Armée syrienne libre")]
    for m in mentions:
        assert text[m.start:m.end] == m.text


def test_longest_name_wins_and_articles_stay_out(registry):
    mentions = registry.find_mentions("Les rebelles de l'ASL ont pris la ville.")
    assert mentions == [ActorMention(4, 21, "rebelles de l'ASL", "Free Syrian Army", False, "Free Syrian Army")]


def test_punctuation_breaks_a_name(registry):
    mentions = registry.find_mentions("l'armée, syrienne de fait")
    assert [(m.text, m.label) for m in mentions] == [("armée", "COUNTRY_MILITARY")]


def test_generic_words_are_marked_not_resolved(registry):
    mentions = registry.find_mentions("Les terroristes takfiris ont tiré, les hommes armés ont fui.")
    assert [(m.text, m.generic, m.actor, m.label) for m in mentions] == [
        ("terroristes", True, None, "GENERIC_ARMED"),
        ("takfiris", True, None, "GENERIC_ARMED"),
        ("hommes armés", True, None, "GENERIC_UNIDENTIFIED"),
    ]


def test_bare_army_follows_the_article_country(registry):
    text = "L'armée a riposté et l'armée irakienne a fermé la frontière."
    assert actors_in(registry, text) == [SYRIA, "Military Forces of Iraq"]
    assert actors_in(registry, text, country="Lebanon") == ["Military Forces of Lebanon", "Military Forces of Iraq"]
    assert actors_in(registry, "la police a bouclé le quartier") == ["Police Forces of Syria"]
    assert actors_in(registry, "la police a bouclé le quartier", country="Turkey") == ["Military Forces of Turkey"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'État Islamique", IS),
        ("Etat islamique", IS),
        ("ETAT ISLAMIQUE", IS),
        ("l’EI", IS),
        ("Daëch", IS),
        ("Ahrar al Cham", "Ahrar al-Sham"),
        ("les FDS", "SDF: Syrian Democratic Forces"),
        ("Hezbollah", "Hezbollah"),
        ("Civilians (Syria)", "Civilians (Syria)"),
        ("l'armée", SYRIA),
    ],
)
def test_match_normalises_spelling(registry, text, expected):
    assert registry.match(text).name == expected


@pytest.mark.parametrize("text", ["ei", "terroristes", "l'armée de Marseille", "la météo", ""])
def test_match_refuses_what_names_no_single_actor(registry, text):
    assert registry.match(text) is None


def test_match_bare_army_by_country(registry):
    assert registry.match("l'armée", country="Turkey").name == "Military Forces of Turkey"
    assert registry.match("les soldats", country="Atlantis").name == SYRIA  # unknown country: default


def test_resolve_generic_takes_the_nearest_armed_group(registry):
    context = ["Military Forces of Syria", "Hezbollah", "Daech", "Jabhat al-Nusra"]
    assert registry.resolve_generic("les terroristes", context=context) == IS
    assert registry.resolve_generic("GENERIC_ARMED", context=["Ahrar al-Sham", IS]) == "Ahrar al-Sham"


def test_resolve_generic_rebels_are_not_the_islamic_state(registry):
    assert registry.resolve_generic("rebelles", context=[IS, "Armée syrienne libre"]) == "Free Syrian Army"
    assert registry.resolve_generic("rebelles", context=[IS]) == REBELS


def test_resolve_generic_falls_back(registry):
    assert registry.resolve_generic("insurgés", context=[]) == REBELS
    assert registry.resolve_generic("miliciens", context=["Civilians (Syria)", SYRIA, "inconnu"]) == REBELS
    assert registry.resolve_generic("hommes armés", context=[IS]) == "Unidentified Armed Group (Syria)"
    assert registry.resolve_generic("l'armée", context=[IS], country="Iran") == "Military Forces of Iran"


def test_resolve_generic_rejects_names(registry):
    with pytest.raises(KeyError):
        registry.resolve_generic("Daech", context=[])
    with pytest.raises(KeyError):
        registry.resolve_generic("boulangers", context=[])


def test_state_side_inter(registry):
    assert registry.is_state(SYRIA) and registry.is_state("Military Forces of Russia")
    assert not registry.is_state("Hezbollah")
    assert registry.side("YPG: People's Protection Units") == "kurdish"
    assert registry.inter("Military Forces of Lebanon") == 8
    assert registry.inter("Military Forces of Lebanon", country="Lebanon") == 1
    assert registry.inter("Hezbollah", country="Lebanon") == 3
    with pytest.raises(KeyError):
        registry.get("Armée syrienne")


def test_load_is_cached(registry):
    assert ActorRegistry.load() is registry


def _data(**extra):
    data = {
        "actors": [
            {"name": "A", "kind": "rebel", "side": "opposition", "inter": 2, "country": None, "aliases": ["alpha"]},
            {"name": "Army", "kind": "state", "side": "government", "inter": 1, "country": "X"},
        ],
        "country_forces": {"default": "X", "X": {"military": "Army"}},
        "generic": [{"label": "GENERIC_ARMED", "resolve": "context", "sides": ["opposition"], "fallback": "A", "words": ["gens"]}],
    }
    data.update(extra)
    return data


def test_from_data_builds_a_small_registry():
    reg = ActorRegistry.from_data(_data())
    assert reg.names() == ["A", "Army"]
    assert reg.match("l'Alpha").name == "A"
    assert reg.resolve_generic("gens", context=[]) == "A"


@pytest.mark.parametrize(
    "bad",
    [
        {"actors": [{"name": "A", "kind": "gang", "side": "opposition", "inter": 2}]},
        {"actors": [{"name": "A", "kind": "rebel", "side": "opposition", "inter": 9}]},
        {"actors": [{"name": "A", "kind": "rebel", "side": "opposition", "inter": 2, "aliases": ["x"]},
                    {"name": "B", "kind": "rebel", "side": "opposition", "inter": 2, "aliases": ["X"]}],
         "country_forces": {"default": "X", "X": {"military": "A"}}},
        {"generic": [{"label": "GENERIC_ARMED", "resolve": "context", "fallback": "Nobody", "words": ["gens"]}]},
        {"country_forces": {"X": {"military": "Army"}}},
        {"period_codings": [{"actor": "A", "from": "2024-12-08", "coded_as": "Nobody"}]},
        {"period_codings": [{"actor": "A", "from": "December 2024", "coded_as": "Army"}]},
    ],
)
def test_from_data_rejects_malformed_entries(bad):
    with pytest.raises(DataFileError):
        ActorRegistry.from_data(_data(**bad))


def test_a_period_coding_applies_from_its_day_on():
    from datetime import date

    reg = ActorRegistry.from_data(_data(period_codings=[{"actor": "A", "from": "2024-12-08", "coded_as": "Army"}]))
    assert reg.coded_as("A", date(2024, 12, 7)) == "A"
    assert reg.coded_as("A", date(2024, 12, 8)) == "Army"
    assert reg.coded_as("Army", date(2025, 1, 1)) == "Army" and reg.coded_as(None, date(2025, 1, 1)) is None


def test_the_new_authorities_security_forces_are_coded_as_the_military(registry):
    # README of the real corpus: the new government's forces after December 2024 are still
    # Military Forces of Syria
    from datetime import date

    assert registry.coded_as("Police Forces of Syria", date(2025, 3, 8)) == "Military Forces of Syria"
    assert registry.coded_as("Police Forces of Syria", date(2011, 4, 22)) == "Police Forces of Syria"


# ---------------------------------------------------------------- spaCy patterns
@pytest.fixture(scope="session")
def ruler_nlp(registry):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "actors", "validate": True})
    ruler.add_patterns(registry.patterns())
    return nlp


SPAN_SENTENCES = [
    "L'armée syrienne et le Hezbollah ont repris Qousseir aux terroristes.",
    "Daech et le Front al-Nosra se disputent les faubourgs.",
    "Selon l'OSDH, l'EI a perdu vingt combattants face aux Forces démocratiques syriennes.",
    "L’aviation russe a appuyé les troupes régulières et les comités de défense populaire.",
    "Jaïch al-Fateh, l'armée de la conquête, a encerclé la base de Wadi Deif.",
    "Des hommes armés ont enlevé trois civils près d'Ahrar esh-Cham.",
]


@pytest.mark.parametrize("sentence", SPAN_SENTENCES)
def test_patterns_agree_with_find_mentions_in_a_span_ruler(registry, ruler_nlp, sentence):
    from spacy.util import filter_spans

    doc = ruler_nlp(sentence)
    spans = {(s.start_char, s.end_char, s.label_) for s in filter_spans(doc.spans["actors"])}
    assert spans == {(m.start, m.end, m.label) for m in registry.find_mentions(sentence)}
    assert spans  # every sentence names someone


def test_patterns_cover_every_alias_with_labels(registry):
    patterns = registry.patterns()
    labels = {p["label"] for p in patterns}
    assert set(registry.names()) <= labels
    assert {"GENERIC_ARMED", "GENERIC_REBEL", "GENERIC_UNIDENTIFIED", "COUNTRY_MILITARY", "COUNTRY_POLICE"} <= labels
    ei = [p for p in patterns if p["pattern"] == [{"ORTH": "EI"}]]
    assert [p["label"] for p in ei] == [IS]


def test_intelligence_services_are_the_countrys_police_forces() -> None:
    registry = ActorRegistry.load()
    found = registry.find_mentions("Les services de renseignement ont interpellé deux militants à Nawa.")
    assert [(m.text, m.actor) for m in found] == [("services de renseignement", "Police Forces of Syria")]


def test_fighter_jets_take_their_nationality() -> None:
    registry = ActorRegistry.load()
    found = registry.find_mentions("Des avions de chasse israéliens ont visé un dépôt près de Damas.")
    assert [m.actor for m in found] == ["Military Forces of Israel"]


def test_the_government_and_its_authorities_are_the_syrian_state() -> None:
    registry = ActorRegistry.load()
    text = "Les autorités syriennes ont rejeté les accusations visant le gouvernement de Bachar al-Assad."
    assert [m.actor for m in registry.find_mentions(text)] == ["Military Forces of Syria"] * 2
    assert registry.find_mentions("Ils espèrent pouvoir rentrer chez eux.") == []


def test_revolutionaries_are_rebels_resolved_from_context() -> None:
    registry = ActorRegistry.load()
    (mention,) = registry.find_mentions("Les révolutionnaires ont repoussé l'assaut.")
    assert mention.generic and mention.label == "GENERIC_REBEL"
    assert registry.resolve_generic(mention.text, context=[]) == "Syrian rebels (unspecified)"
