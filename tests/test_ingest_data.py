"""The ingest data files load, and each knob in them is what the code obeys."""
from __future__ import annotations

from vigie.data import load_yaml
from vigie.ingest.clean import CleanRules
from vigie.ingest.config import load_ingest_config
from vigie.ingest.dates import DateRules, load_date_rules
from vigie.ingest.text import load_capture_format, parse_capture_header


def test_boilerplate_and_glued_captions_load():
    rules = CleanRules.load()
    assert "réagir" in rules.lines
    assert any(p.search("Comment (5)") for p in rules.comment_headers)
    assert any(p.search("Laisser un commentaire") for p in rules.footer_markers)
    assert 0 < rules.comment_header_min_share < 1
    assert rules.comment_timestamp.search("27 août 2017 - 14 h 47 min")
    assert rules.comment_timestamp.search("le 12/03/2014 à 10:05")
    assert not rules.comment_timestamp.search("Bonne nouvelle en 2017.")
    assert {"AlManar", "McDonald"} <= rules.never_split
    assert rules.glue.search("villeLes gens ") and not rules.glue.search("villeLeshmia")


def test_every_starter_in_data_splits():
    data = load_yaml("glued_captions.yml")
    rules = CleanRules.load()
    for word in data["words"]:
        assert rules.glue.search(f"quartier{word} suite"), word
    for elided in data["elided"]:
        assert rules.glue.search(f"quartier{elided}'armée"), elided


def test_capture_format_loads():
    fmt = load_capture_format()
    assert "Jerusalem" in fmt.zones
    stamp = parse_capture_header("05-11-2024 09:53 PM Jerusalem Timing", fmt=fmt)
    assert (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute) == (2024, 11, 5, 21, 53)
    assert parse_capture_header("Syrie : l'armée avance", fmt=fmt) is None
    assert parse_capture_header("31-02-2024 09:53 AM Jerusalem Timing", fmt=fmt) is None


def test_ingest_config_loads():
    config = load_ingest_config()
    assert config.extensions[".html"] == "html" and config.extensions[".jsonl"] == "jsonl"
    assert "cp1256" in config.encodings and "cp1250" not in config.encodings
    assert "fr" in config.languages and "ar" in config.languages


def test_publication_dates_load():
    rules = load_date_rules()
    assert rules.months["août"] == 8 and rules.months["decembre"] == 12
    assert set(rules.confidence) >= {"input", "dateline", "marker", "comment", "text_mention",
                                      "capture_header", "capture_header_doubtful"}
    assert rules.confidence["input"] > rules.confidence["comment"] > rules.confidence["capture_header"]
    data = load_yaml("publication_dates.yml")
    assert DateRules.from_data({**data, "doubt_years": 5}).doubt_years == 5
