"""detect_language, decode_bytes and article ids: the text-level helpers of the ingest stage."""
from __future__ import annotations

import codecs

import pytest

from vigie.errors import IngestError
from vigie.ingest.encoding import decode_bytes
from vigie.ingest.ids import article_id, content_hash, normalise_for_hash
from vigie.ingest.language import detect_language

FR = "Les forces gouvernementales ont repris mardi le contrôle de la localité, selon une source militaire."
EN = "Government forces regained control of the town on Tuesday, according to a military source."
AR = "استعادت القوات الحكومية يوم الثلاثاء السيطرة على البلدة بحسب مصدر عسكري."


@pytest.mark.parametrize("text, lang", [(FR, "fr"), (EN, "en"), (AR, "ar")])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_too_short_to_tell():
    assert detect_language("Alep.") == "und"
    assert detect_language("") == "und"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])
def test_decode_french(encoding):
    assert decode_bytes(FR.encode(encoding), path="f.txt") == FR


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_decode_arabic_code_pages(encoding):
    assert decode_bytes(AR.encode(encoding), path="a.txt") == AR


def test_nul_bytes_without_bom_are_binary():
    with pytest.raises(IngestError, match=r"^x\.bin: binary file \(NUL bytes\)"):
        decode_bytes(b"abc\x00def", path="x.bin")


def test_bad_utf16_is_an_error():
    with pytest.raises(IngestError, match="invalid UTF-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", path="u.txt")


def test_normalisation_ignores_case_punctuation_and_spacing():
    assert normalise_for_hash("  L'armée,  a REPRIS\n« Alep » ! ") == "l armée a repris alep"


def test_ids():
    assert article_id("texte", given="abc-1") == "abc-1"
    assert article_id("texte", given=42) == "42"
    assert article_id("Texte !", given="  ") == content_hash("texte")[:16]
    assert content_hash("Un texte.") == content_hash("un  TEXTE") != content_hash("un autre texte")
