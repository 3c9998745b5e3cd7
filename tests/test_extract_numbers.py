"""numbers.fold: the translation-table fold reads every character as the per-character rule does."""
from __future__ import annotations

import unicodedata

from vigie.extract.numbers import fold

_APOSTROPHES = {"\u2019", "\u2018", "\u02bc", "\u00b4", "`", "\u2032"}
_SPACES = {"\u00a0", "\u202f", "\u2009", "\u2007", "\t", "\n", "\r"}
_DASHES = {"\u2010", "\u2011", "\u2012", "\u2013"}


def _reference_fold(text: str) -> str:
    """The original one-character-at-a-time fold, kept as the specification."""
    out = []
    for ch in text:
        if ch in _APOSTROPHES:
            out.append("'")
        elif ch in _SPACES:
            out.append(" ")
        elif ch in _DASHES:
            out.append("-")
        else:
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            low = base.lower()
            out.append(low if len(low) == 1 else ch)
    return "".join(out)


def test_fold_matches_the_per_character_rule_on_every_code_point() -> None:
    text = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert fold(text) == _reference_fold(text)


def test_fold_keeps_offsets_and_slices() -> None:
    text = "L’ÉTAT İslamique\u00a0a tué 1\u202f300 civils – Œuvre ﬁn"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == _reference_fold(text)
    for a, b in [(0, 7), (3, 20), (10, len(text))]:
        assert fold(text[a:b]) == folded[a:b]


def _phrase_regex_with_lookbehind_first(phrases: list[str]) -> str:
    """The former spelling of ``phrase_regex``: the lookbehind in front of each phrase."""
    import re

    from vigie.extract.numbers import fold

    forms = sorted({fold(p).strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    parts = []
    for form in forms:
        body = r"\s+".join(re.escape(w) for w in form.split())
        tail = "" if form.endswith("'") else r"(?![\w])"
        parts.append(rf"(?<![\w]){body}{tail}")
    return "(?:" + "|".join(parts) + ")"


def test_phrase_regex_finds_what_the_lookbehind_in_front_found() -> None:
    """One lookbehind in front of the alternation (it fails at once inside a word) finds the same
    phrases at the same places: at the text's start, after a line break, glued to a word."""
    import random
    import re

    from vigie.extract.numbers import fold, phrase_regex

    phrases = ["a", "à", "a-t-il indiqué", "plus d'", "des dizaines", "l'OSDH", "selon", "de", "d'", "une", "1er mai",
               "-ci", "aujourd'hui", "Ça"]
    new, old = re.compile(phrase_regex(phrases)), re.compile(_phrase_regex_with_lookbehind_first(phrases))
    rng = random.Random(0)
    pieces = ["a", "à", "a-t-il indiqué", "plus d'", "plus d'un", "des dizaines", "des  dizaines", "l'osdh", "selon",
              "de", "d'", "une", "1er mai", "-ci", "aujourd'hui", "ça", "x", "\n", " ", "'", "-", "_", "9", "é", "ade"]
    for _ in range(400):
        text = fold("".join(rng.choice(pieces) + rng.choice(["", " ", "\n", ",", "-"]) for _ in range(12)))
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], text
        for pos in range(len(text)):
            a, b = new.match(text, pos), old.match(text, pos)
            assert (a and a.span()) == (b and b.span())


def test_the_cumulative_markers_match_as_with_a_lookbehind_per_phrase() -> None:
    """The campaign markers ({num}, {month}... filled in) with one lookbehind in front of them all
    find what they found with one in front of each phrase."""
    import re

    from vigie.data import load_yaml
    from vigie.extract.casualty_lexicon import _template_regex
    from vigie.extract.numbers import NumberLexicon, fold

    data = load_yaml("quantities.yml")
    months = ["janvier", "février", "mars", "avril", "mai", "juin"]
    text = fold("Au moins 300 civils ont été tués depuis le 30 avril, depuis mars 2011, en huit ans de guerre; "
                "le conflit en Syrie a fait plus de 350.000 morts\ndepuis le début de la guerre, xdepuis le 3 mai. "
                "Depuis le déclenchement de la révolte, au cours des deux derniers mois, 2013-2014.")
    for key in ("phrases", "phrases_before"):
        new = re.compile(_template_regex(data["cumulative"], NumberLexicon.load(), key, months=months))
        per_phrase = re.compile("(?:" + "|".join(r"(?<![\w])" + p for p in _split_top(new.pattern[len(r"(?<![\w])(?:"):-1])) + ")")
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in per_phrase.finditer(text)]
        for pos in range(len(text)):
            a, b = new.match(text, pos), per_phrase.match(text, pos)
            assert (a and a.span()) == (b and b.span())


def _split_top(alternation: str) -> list[str]:
    """The top-level branches of a regex alternation (outside groups and classes)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(alternation):
        ch = alternation[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(alternation[start:i])
            start = i + 1
        i += 1
    parts.append(alternation[start:])
    return parts
