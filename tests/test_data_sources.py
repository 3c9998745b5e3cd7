"""The source registry file: schema, unique normalised aliases, span-ruler patterns."""
from __future__ import annotations

from collections import defaultdict

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
        assert set(row) == {"name", "type", "country", "stance", "aliases"}, row
        assert isinstance(row["name"], str) and row["name"].strip() == row["name"]
        assert row["type"] in TYPES, row["name"]
        assert row["stance"] in STANCES, row["name"]
        assert row["country"] is None or (isinstance(row["country"], str) and len(row["country"]) == 2)
        assert isinstance(row["aliases"], list) and all(isinstance(a, str) and a for a in row["aliases"])


def test_names_are_unique_and_aliases_never_collide(rows: list[dict]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for alias in [row["name"], *row["aliases"]]:
            owners[name_key(alias)].add(row["name"])
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
