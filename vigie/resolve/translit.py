"""Matching keys that bring French, English, ALA-LC, Turkish and Arabic spellings together.

Why keys rather than a spelling list: a French wire writes "Qousseir", "Qoussair" or
"Koussaïr", GeoNames stores "Al Quşayr", an Arabic source "القصير". Listing every variant
never ends; reducing each spelling to the consonants it certainly carries does. The rules are
data (``vigie/data/translit.yml``); this module only applies them. Three keys, from strict to
loose, let the gazetteer try the strict one first and fall back (see ``Keys``).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from vigie.data import load_yaml
from vigie.errors import DataFileError

_ARABIC_RANGE = re.compile(r"[\u0600-\u06FF]")
_SPLIT = re.compile(r"[\s\-_/.,;:()\[\]\"«»]+")
_GROUP_REFERENCE = re.compile(r"\\([1-9])")


@dataclass(frozen=True)
class Keys:
    """The three keys of one name: ``vkey`` (with vowels), ``skeleton`` (consonants),
    ``bare`` (consonants without plain h, and the letter pairs of ``bare_merge`` made one)."""

    vkey: str
    skeleton: str
    bare: str


class Transliterator:
    """Applies the rules of ``translit.yml``; build once with :meth:`load`, then call :meth:`keys`."""

    def __init__(self, rules: dict) -> None:
        try:
            self._articles = frozenset(rules["articles"])
            self._apostrophes = str.maketrans("", "", rules["apostrophes"])
            self._letters = str.maketrans(rules.get("letters") or {})
            # literal patterns ("ch" -> "S") run as str.replace, several times faster than re
            self._subs = [(p, r) if re.escape(p) == p and re.escape(r) == r else (re.compile(p), _template(r))
                          for p, r in rules["substitutions"]]
            self._vowels = re.compile(f"[{re.escape(rules['vowels'])}]")
            self._vowel_runs = re.compile(f"[{re.escape(rules['vowels'])}]+")
            self._final_vowels = re.compile(f"[{re.escape(rules['vowels'])}]+$")
            self._kept_endings = frozenset(rules["vowel_class_endings"])
            self._strip_t_min = int(rules["strip_t_min_length"])
            self._arabic = str.maketrans(rules["arabic"])
            self._bare_merge = str.maketrans(rules.get("bare_merge") or {})
            self._joined_subs = [(re.compile(p), _template(r)) for p, r in rules.get("joined_substitutions") or ()]
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise DataFileError(f"translit.yml: bad rule set: {exc}") from exc
        self._strip_t = re.compile(r"(?<=[a-zA-Z])[aeiouy]+t[aeiouy]*$")
        self._trailing_vowels = re.compile(r"[aeiouy]+$")
        self.rules = rules
        # Per-instance caches: keys are asked again and again for the same names.
        self.keys = lru_cache(maxsize=200_000)(self._keys)  # type: ignore[method-assign]
        self.words = lru_cache(maxsize=200_000)(self._words)  # type: ignore[method-assign]
        self.ascii_fold = lru_cache(maxsize=200_000)(self._ascii_fold)  # type: ignore[method-assign]
        self.vowel_class = lru_cache(maxsize=200_000)(self._vowel_class)  # type: ignore[method-assign]
        # place names share their words ("Tall", "Kafr", "Deir"): each word's substitutions once
        self._substituted = lru_cache(maxsize=200_000)(self._substitute)

    @classmethod
    def load(cls) -> "Transliterator":
        return cls(load_yaml("translit.yml"))

    # --- steps -------------------------------------------------------------------------

    def _ascii_fold(self, text: str) -> str:
        """Lowercase ASCII: Arabic letters mapped, diacritics and apostrophes removed."""
        if _ARABIC_RANGE.search(text):
            text = " ".join(self._arabic_word(w) for w in text.split())
        text = text.lower().translate(self._apostrophes).translate(self._letters)
        if text.isascii():  # NFKD leaves ASCII as it is
            return text
        # the combining marks NFKD splits off are not ASCII: the encoding drops them
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()

    def _joined(self, key: str) -> str:
        """``joined_substitutions`` applied to a key whose words are glued together."""
        for pattern, repl in self._joined_subs:
            key = pattern.sub(repl, key)
        return key

    def merged(self, vkey: str) -> str:
        """``vkey`` with the letter pairs of ``bare_merge`` made one ("baGuz" -> "baguz"), to
        compare two spellings the bare key brought together."""
        return vkey.translate(self._bare_merge)

    def _vowel_class(self, vkey: str) -> str:
        """``vkey`` with every run of vowels (w and y included) made one "a": spellings that
        share their consonants disagree on the vowels between them ("Kokab" / "Kawkab",
        "Iblin" / "Ablin", "Buwayr" / "Boyer"); compared in this form, they look alike. An
        ending of ``vowel_class_endings`` stays: "-iya" makes another name ("Jobar" is not
        "Jaberiyeh")."""
        end = self._final_vowels.search(vkey)
        cut = end.start() if end else len(vkey)
        ending = "" if not end else end.group() if end.group() in self._kept_endings else "a"
        return self._vowel_runs.sub("a", vkey[:cut]) + ending

    def _arabic_word(self, word: str) -> str:
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        return word.translate(self._arabic)

    def _words(self, text: str) -> tuple[str, ...]:
        """The normalised words of ``text`` (articles dropped, substitutions applied)."""
        return tuple(self._substituted(word) for word in _SPLIT.split(self.ascii_fold(text))
                     if word and word not in self._articles)

    def _substitute(self, word: str) -> str:
        """``word`` with the ``substitutions`` applied, in order."""
        for pattern, repl in self._subs:
            word = word.replace(pattern, repl) if isinstance(pattern, str) else pattern.sub(repl, word)
        return word

    def _skeleton_word(self, word: str) -> str:
        if len(word) >= self._strip_t_min:
            word = self._trailing_vowels.sub("", word)
            stripped = self._strip_t.sub("", word)
            if len(stripped) >= 3:
                word = stripped
        return self._vowels.sub("", word)

    def _keys(self, text: str) -> Keys:
        words = self.words(text)
        vkey = self._joined("".join(words))
        skeleton = self._joined("".join(self._skeleton_word(w) for w in words))
        bare = skeleton.replace("h", "").translate(self._bare_merge)
        return Keys(vkey=vkey, skeleton=skeleton, bare=bare)


def _template(repl: str) -> str | Callable[[re.Match[str]], str]:
    """A replacement for ``Pattern.sub``: for a template that is one group reference ("\\1",
    the doubled letters), a function returning that group; else ``repl`` itself. Why: ``sub``
    looks a template up again on every call, match or not, and the keys call it on every
    word of every name."""
    ref = _GROUP_REFERENCE.fullmatch(repl)
    if ref is None:
        return repl
    group = int(ref.group(1))
    return lambda match: match.group(group) or ""


_DEFAULT: Transliterator | None = None


def default() -> Transliterator:
    """The process-wide transliterator (rules read on first use, not at import)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Transliterator.load()
    return _DEFAULT


def keys(text: str) -> Keys:
    """The matching keys of ``text`` with the default rules."""
    return default().keys(text)


@dataclass(frozen=True)
class Mention:
    """A place mention read as French words: the ``core`` name and what the words around it say.

    ``feature`` is the kind of place the head words name ("aéroport de X" -> "airport"),
    ``near`` that the event is around X rather than in it ("près de", "au nord de"),
    ``province`` that X is meant as a governorate ("dans la province d'Idleb").
    """

    core: str
    feature: str | None = None
    near: bool = False
    province: bool = False


_TOKEN = re.compile(r"\w+(?:-\w+)*|['’]", re.UNICODE)
_ELIDED = re.compile(r"^(?P<head>[dlDL]|qu|Qu|jusqu|Jusqu)['’](?P<rest>.+)$")
_PARENS = re.compile(r"\s*\([^)]*\)")


class MentionReader:
    """Reads the head words of a mention with the phrase lists of ``translit.yml`` (``mentions``)."""

    def __init__(self, rules: dict) -> None:
        try:
            spec = rules["mentions"]
            self._phrases: dict[tuple[str, ...], tuple[str, str | None]] = {}
            for word in spec["province"]:
                self._phrases.setdefault(self._norm_phrase(word), ("province", None))
            for word in spec["near"]:
                self._phrases.setdefault(self._norm_phrase(word), ("near", None))
            for feature, words in spec["feature"].items():
                for word in words:
                    self._phrases.setdefault(self._norm_phrase(word), ("feature", feature))
            # by length, longest first: one dict look-up per length, the first listed phrase wins
            suffixes: dict[int, dict[tuple[str, ...], str]] = {}
            for f, ws in spec["suffix"].items():
                for w in ws:
                    phrase = self._norm_phrase(w)
                    suffixes.setdefault(len(phrase), {}).setdefault(phrase, f)
            self._suffixes = sorted(suffixes.items(), key=lambda p: -p[0])
            self._linkers = frozenset(self._fold(w) for w in (*spec["linkers"], *spec["skip"]))
            self._countries = frozenset(self._fold(w) for w in rules["countries"])
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataFileError(f"translit.yml: bad 'mentions' section: {exc}") from exc
        self._longest = max(len(p) for p in self._phrases)

    @staticmethod
    @lru_cache(maxsize=100_000)
    def _fold(text: str) -> str:
        if text.isascii():
            return text.lower()
        text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
        return "".join(c for c in text if not unicodedata.combining(c))

    def _norm_phrase(self, phrase: str) -> tuple[str, ...]:
        return tuple(self._fold(t) for t in self._tokens(phrase))

    @staticmethod
    def _tokens(text: str) -> list[str]:
        out: list[str] = []
        for word in text.replace("’", "'").split():
            m = _ELIDED.match(word)
            if m:
                out.extend([m.group("head") + "'", m.group("rest")])
            else:
                out.append(word)
        return out

    def _match(self, folded: list[str], i: int) -> tuple[int, tuple[str, str | None]] | None:
        for n in range(min(self._longest, len(folded) - i), 0, -1):
            hit = self._phrases.get(tuple(folded[i:i + n]))
            if hit:
                return n, hit
        return None

    def read(self, mention: str, *, relation: str = "") -> Mention:
        """Split ``relation + mention`` into the core name and its hints."""
        feature: str | None = None
        near = province = False

        def note(hit: tuple[str, str | None]) -> None:
            nonlocal feature, near, province
            kind, value = hit
            if kind == "near":
                near = True
            elif kind == "province":
                province = True
            elif feature is None:
                feature = value

        rel = self._tokens(relation)[-6:]
        folded_rel = [self._fold(t).strip(",.;:") for t in rel]
        i = 0
        while i < len(folded_rel):
            found = self._match(folded_rel, i)
            if found:
                note(found[1])
                i += found[0]
            else:
                i += 1
        words = self._tokens(_PARENS.sub("", mention).strip(" ,.;:"))
        folded = [self._fold(t) for t in words]
        i = 0
        while i < len(words) - 1:
            found = self._match(folded, i)
            if found and i + found[0] < len(words):
                note(found[1])
                i += found[0]
            elif folded[i] in self._linkers:
                i += 1
            else:
                break
        core_words, core_folded = words[i:], folded[i:]
        for n, phrases in self._suffixes:
            kind = phrases.get(tuple(core_folded[-n:])) if len(core_folded) > n else None
            if kind is not None:
                core_words = core_words[:-n]
                feature = feature or kind
                break
        return Mention(core=" ".join(core_words), feature=feature, near=near, province=province)

    def only_linkers(self, phrase: str) -> bool:
        """True when every word of ``phrase`` is a linker or a skipped adjective ("de",
        "à la", "d'"): such words are no part of a name."""
        words = [self._fold(t).strip(",.;:") for t in self._tokens(phrase)]
        return all(w in self._linkers for w in words if w)

    def is_country(self, name: str) -> bool:
        """True when ``name`` names a whole country ("Syrie"): never coded as a place."""
        return self._fold(name).strip() in self._countries
