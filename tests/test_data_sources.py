"""The source registry file: schema, unique normalised aliases, span-ruler patterns."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from vigie.data import load_yaml
from vigie.extract.attribution import SourceRegistry, name_key

TYPES = {"state agency", "monitor", "outlet", "military", "government", "party", "armed group",
         "NGO", "UN", "individual", "unnamed"}
STANCES = {"pro-government", "opposition", "independent", "jihadist", "kurdish",
           "foreign-government", "neutral", "unknown"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_yaml("sources.yml")["sources"]


def test_schema(rows: list[dict]) -> None:
    assert len(rows) >= 40
    for row in rows:
        assert {"name", "type", "country", "stance", "aliases"} <= set(row) <= {
            "name", "type", "country", "stance", "aliases", "case_sensitive"}, row
        assert isinstance(row.get("case_sensitive", False), bool), row["name"]
        assert isinstance(row["name"], str) and row["name"].strip() == row["name"]
        assert row["type"] in TYPES, row["name"]
        assert row["stance"] in STANCES, row["name"]
        assert row["country"] is None or (isinstance(row["country"], str) and len(row["country"]) == 2)
        assert isinstance(row["aliases"], list)
        for alias in row["aliases"]:
            assert (isinstance(alias, str) and alias) or (
                isinstance(alias, dict) and set(alias) == {"alias", "case_sensitive"} and alias["alias"]), alias


def test_names_are_unique_and_aliases_never_collide(rows: list[dict]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for alias in [row["name"], *row["aliases"]]:
            owners[name_key(alias if isinstance(alias, str) else alias["alias"])].add(row["name"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}
    assert len({row["name"] for row in rows}) == len(rows)


def test_design_sources_are_present() -> None:
    registry = SourceRegistry.load()
    for name in ["OSDH", "SANA", "AlManar", "AlMayadeen", "al-Akhbar", "Al-Ikhbariya", "Al-Watan", "AFP",
                 "Reuters", "RIA Novosti", "Syria Truth", "Russian Ministry of Defence",
                 "Syrian Ministry of Health", "UOSSM", "White Helmets"]:
        assert registry.get(name).name == name
        assert registry.canonical(name) == name


def test_patterns_for_the_span_ruler() -> None:
    patterns = SourceRegistry.load().patterns()
    by_label = defaultdict(list)
    for p in patterns:
        assert set(p) == {"label", "pattern", "id"}
        assert p["pattern"] and all(len(tok) == 1 and next(iter(tok)) in {"LOWER", "ORTH"} for tok in p["pattern"])
        by_label[p["label"]].append(p["pattern"])
    assert [{"ORTH": "SOHR"}] in by_label["OSDH"]
    assert [{"LOWER": "observatoire"}, {"LOWER": "syrien"}] in by_label["OSDH"]
    assert [{"ORTH": "UN"}] in by_label["UN"]
    assert [{"LOWER": "agence"}, {"LOWER": "officielle"}, {"LOWER": "sana"}] in by_label["SANA"]


def test_a_flagged_newspaper_name_is_matched_only_in_capitals_and_never_inside_a_longer_name() -> None:
    registry = SourceRegistry.load()
    assert [m[2] for m in registry.mentions("Le reporter de Libération a vu les ruines.")] == ["Libération"]
    assert registry.mentions("Ils réclament la libération des otages.") == []
    assert registry.mentions("Le Comité de Libération de Homs a publié un texte.") == []
    assert [m[2] for m in registry.mentions("Le Front national de libération a publié un texte.")] == [
        "National Liberation Front"]
    patterns = [p["pattern"] for p in registry.patterns() if p["label"] == "Libération"]
    assert patterns == [[{"ORTH": "Libération"}]]


def test_flags_come_from_the_row_and_from_alias_mappings() -> None:
    registry = SourceRegistry.from_data({"sources": [
        {"name": "Le Temps", "type": "outlet", "country": "CH", "stance": "independent", "case_sensitive": True,
         "aliases": ["quotidien genevois Le Temps", {"alias": "Temps", "case_sensitive": True}]},
    ]})
    source = registry.get("Le Temps")
    assert source.aliases == ("quotidien genevois Le Temps", "Temps")
    assert set(source.case_sensitive) == {"Le Temps", "Temps"}
    assert registry.mentions("il fait beau temps à Genève") == []
    assert [m[2] for m in registry.mentions("selon Le Temps, lundi")] == ["Le Temps"]
    assert registry.canonical("le temps") == "Le Temps"


def test_example_gold_sources_are_canonical_registry_names() -> None:
    registry = SourceRegistry.load()
    gold_dir = Path(__file__).resolve().parent / "fixtures" / "examples_gold"
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for event in gold["events"]:
            for claim in event.get("fatalities", []):
                # An outlet's own figure carries the outlet as the input names it (design.md section 4).
                if claim["source"] != gold.get("outlet"):
                    assert registry.canonical(claim["source"]) == claim["source"], (path.name, claim["source"])
