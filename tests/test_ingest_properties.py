"""Properties of cleaning and hashing over arbitrary text (hypothesis)."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from vigie.ingest.clean import clean_text
from vigie.ingest.ids import content_hash, normalise_for_hash

_ALPHABET = st.sampled_from(list("abcdeéèàLAUCôt' .,;:!?\n\n\t\u00a0-/0123456789") + ["Les ", "Côté ", "L'"])
_TEXT = st.lists(_ALPHABET, max_size=200).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_clean_text_is_idempotent_and_normalised(raw):
    text = clean_text(raw).text
    assert clean_text(text).text == text
    assert text == text.strip()
    assert "\n\n\n" not in text and "  " not in text and "\t" not in text and "\u00a0" not in text


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_hash_ignores_case_and_spacing(raw):
    assert content_hash(raw) == content_hash("  " + raw.upper().replace(" ", "\n  ") + " !")
    assert normalise_for_hash(normalise_for_hash(raw)) == normalise_for_hash(raw)
