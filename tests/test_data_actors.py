"""The actors data file: schema, coverage of design.md section 5, alias hygiene, gold coverage."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from vigie.data import load_yaml
from vigie.resolve.actors import KINDS, SIDES, ActorRegistry, fold

SHARED = Path(__file__).resolve().parents[2] / "shared"

# design.md section 5, word for word: the names users and the gold files use.
DESIGN_ACTORS = [
    "Military Forces of Syria", "Police Forces of Syria", "Military Forces of Russia",
    "Military Forces of Turkey", "Military Forces of Israel", "Military Forces of the United States",
    "International Coalition against IS", "Military Forces of Iran", "Military Forces of Iraq",
    "Military Forces of Lebanon", "Hezbollah", "NDF: National Defence Forces", "Baath Brigades",
    "Abu al-Fadl al-Abbas Brigade", "Pro-government tribal militia",
    "Pro-government militia (unspecified)", "Islamic State", "Jabhat al-Nusra",
    "Hayat Tahrir al-Sham", "Ahrar al-Sham", "Jund al-Aqsa", "Jaish al-Fatah", "Jaish al-Islam",
    "Faylaq al-Rahman", "Free Syrian Army", "Syrian Revolutionaries Front",
    "Syrian rebels (unspecified)", "YPG: People's Protection Units", "SDF: Syrian Democratic Forces",
    "Asayish", "Civilians (Syria)", "Unidentified Armed Group (Syria)", "Protesters (Syria)",
    "Rioters (Syria)",
]


@pytest.fixture(scope="module")
def raw() -> dict:
    return load_yaml("actors.yml")


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.load()


def _alias_strings(entry: dict) -> list[tuple[str, bool]]:
    out = []
    for item in entry.get("aliases") or []:
        out.append((item, False) if isinstance(item, str) else (item["alias"], bool(item.get("case_sensitive"))))
    return out


def _key(surface: str) -> tuple[str, ...]:
    words = [fold(w) for w in re.findall(r"[^\W_]+", surface)]
    while len(words) > 1 and words[0] in {"l", "le", "la", "les"}:
        words = words[1:]
    return tuple(words)


def test_every_actor_has_a_valid_kind_side_inter(raw):
    for entry in raw["actors"]:
        assert entry["kind"] in KINDS, entry["name"]
        assert entry["side"] in SIDES, entry["name"]
        assert isinstance(entry["inter"], int) and 1 <= entry["inter"] <= 8, entry["name"]
        assert "country" in entry, entry["name"]


def test_acled_inter_conventions(registry):
    assert registry.get("Military Forces of Syria").inter == 1
    assert registry.get("Military Forces of Russia").inter == 8  # a state abroad is external
    assert registry.get("Civilians (Syria)").inter == 7
    assert registry.get("Protesters (Syria)").inter == 6
    assert registry.get("Rioters (Syria)").inter == 5
    assert registry.get("Islamic State").inter == 2
    assert registry.get("Hezbollah").inter == 3


def test_design_section_5_actors_are_all_present(registry):
    missing = [name for name in DESIGN_ACTORS if name not in registry.names()]
    assert missing == []


@pytest.mark.skipif(not (SHARED / "design.md").exists(), reason="shared design absent")
def test_names_listed_in_design_md_are_canonical(registry):
    text = (SHARED / "design.md").read_text(encoding="utf-8")
    section = text.split("## 5.")[1].split("Loaded words")[0]
    body = " ".join(section.splitlines()[1:])
    body = re.sub(r"(State|Pro-government|Opposition and jihadist|Kurdish|Other):", "·", body)
    listed = {" ".join(n.split()).strip(" .") for n in body.split("·")} - {""}
    assert listed, "section 5 not parsed"
    assert listed <= set(registry.names()), listed - set(registry.names())


def test_no_alias_is_written_twice_nor_shared_by_two_actors(raw):
    owners: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for entry in raw["actors"]:
        owners[_key(entry["name"])].append(entry["name"])
        for surface, _ in _alias_strings(entry):
            owners[_key(surface)].append(entry["name"])
    for rule in raw["generic"]:
        for word in rule["words"]:
            owners[_key(word)].append(rule["label"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_generated_military_aliases_do_not_clash(registry):
    # building the registry raises DataFileError on a clash; check the product exists too
    assert "armée turque" in registry.aliases("Military Forces of Turkey")
    assert "soldats libanais" in registry.aliases("Military Forces of Lebanon")
    assert "frappes aériennes russes" in registry.aliases("Military Forces of Russia")


def test_short_capital_abbreviations_are_flagged_case_sensitive(raw):
    unflagged = [
        surface
        for entry in raw["actors"]
        for surface, cs in _alias_strings(entry)
        if any(w.isupper() and len(w) <= 4 for w in re.findall(r"[^\W_]+", surface)) and not cs
    ]
    assert unflagged == []


def test_generic_rules_are_complete(raw, registry):
    labels = {r["label"] for r in raw["generic"]}
    assert labels == {"GENERIC_ARMED", "GENERIC_REBEL", "GENERIC_UNNAMED", "GENERIC_UNIDENTIFIED", "COUNTRY_MILITARY",
                      "COUNTRY_POLICE"}
    for rule in raw["generic"]:
        assert rule["words"], rule["label"]
        if rule["resolve"] != "country":
            assert rule["fallback"] in registry.names()
    loaded = {"terroristes", "takfiris", "miliciens", "insurgés"}
    armed = next(r for r in raw["generic"] if r["label"] == "GENERIC_ARMED")
    assert loaded <= set(armed["words"])
    assert armed["fallback"] == "Syrian rebels (unspecified)"
    unnamed = next(r for r in raw["generic"] if r["label"] == "GENERIC_UNNAMED")
    assert {"groupe armé", "bandes armées"} <= set(unnamed["words"])
    assert unnamed["fallback"] == "Unidentified Armed Group (Syria)"


def test_country_forces_point_to_state_actors(raw, registry):
    table = dict(raw["country_forces"])
    assert table.pop("default") == "Syria"
    for forces in table.values():
        for name in forces.values():
            assert registry.is_state(name), name


def _gold_actor_names() -> list[tuple[str, str]]:
    names = []
    for path in sorted((SHARED / "corpus").glob("**/gold/*.json")):
        for event in json.loads(path.read_text(encoding="utf-8")).get("events", []):
            for key in ("actor1", "actor2"):
                if event.get(key):
                    names.append((path.name, event[key]))
            for key in ("assoc_actor_1", "assoc_actor_2"):
                names.extend((path.name, n) for n in event.get(key) or [])
    return names


@pytest.mark.skipif(not (SHARED / "corpus" / "gold").exists(), reason="shared corpus absent")
def test_every_gold_actor_is_a_canonical_name(registry):
    names = _gold_actor_names()
    assert len(names) > 50
    unknown = sorted({(f, n) for f, n in names if n not in registry.names()})
    assert unknown == []
