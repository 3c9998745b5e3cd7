"""TF-IDF rows of the learned sentence gate, read as scikit-learn's fitted ``TfidfVectorizer``
reads them, at a fraction of the cost.

Why not ``TfidfVectorizer.transform``: it cut every sentence into character n-grams and looked
each one up again (a 25-word sentence is some 400 of them), and re-validated its input on every
call; together that was the largest single cost of vigie's own work. A word's n-grams never
depend on its neighbours, so :class:`TfidfRows` remembers, per distinct word, the vocabulary
columns of its n-grams. The count matrix it builds is the one scikit-learn builds (same
columns, same counts, sorted indices, float64), and the weighting steps are scikit-learn's own
operations in the same order, so the scores are bit for bit the same. :class:`TfidfStack`
puts several of them side by side as scipy's ``hstack`` would, in one matrix built once.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

_WHITE_SPACES = re.compile(r"\s\s+")  # sklearn's VectorizerMixin._white_spaces
_WORD_CACHE_LIMIT = 200_000  # distinct words remembered; cleared when full, so memory stays bounded


class TfidfRows:
    """The transform of a ``TfidfVectorizer`` fitted by ``vigie train`` (``analyzer`` "word" or
    "char_wb", l2 norm, smooth idf given as ``idf``), from its saved vocabulary and parameters."""

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, params: dict[str, Any]) -> None:
        unsupported = set(params) - {"analyzer", "ngram_range", "min_df", "max_features", "sublinear_tf",
                                     "token_pattern", "lowercase"}
        self.analyzer = params.get("analyzer", "word")
        if unsupported or self.analyzer not in ("word", "char_wb"):
            raise ValueError(f"sentence model: vectoriser parameters not supported: {sorted(unsupported) or self.analyzer}")
        self.vocabulary = vocabulary
        self.idf = idf
        self.min_n, self.max_n = params.get("ngram_range", (1, 1))
        self.sublinear_tf = bool(params.get("sublinear_tf", False))
        self.lowercase = bool(params.get("lowercase", True))
        self.token_pattern = re.compile(params.get("token_pattern", r"(?u)\b\w\w+\b"))
        self._word_columns: dict[str, tuple[int, ...]] = {}

    def columns(self, text: str) -> list[int]:
        """The vocabulary column of each of the text's n-grams, one per occurrence."""
        text = text.lower() if self.lowercase else text
        return self._char_wb_columns(text) if self.analyzer == "char_wb" else self._word_ngram_columns(text)

    def _word_ngram_columns(self, text: str) -> list[int]:
        tokens = self.token_pattern.findall(text)
        vocab = self.vocabulary
        grams = tokens if self.min_n == 1 else []
        for n in range(max(self.min_n, 2), min(self.max_n + 1, len(tokens) + 1)):
            grams = grams + [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
        get = vocab.get  # one look-up per n-gram (a column may be 0: compared with None)
        return [c for g in grams if (c := get(g)) is not None]

    def _char_wb_columns(self, text: str) -> list[int]:
        cache = self._word_columns
        out: list[int] = []
        for word in _WHITE_SPACES.sub(" ", text).split():
            cols = cache.get(word)
            if cols is None:
                if len(cache) >= _WORD_CACHE_LIMIT:
                    cache.clear()
                cols = cache[word] = self._padded_word_columns(word)
            out.extend(cols)
        return out

    def _padded_word_columns(self, word: str) -> tuple[int, ...]:
        """sklearn's ``_char_wb_ngrams`` for one word, kept to the vocabulary's columns."""
        w = " " + word + " "
        vocab = self.vocabulary
        found = []
        for n in range(self.min_n, self.max_n + 1):
            offset = 0
            found.append(w[offset:offset + n])
            while offset + n < len(w):
                offset += 1
                found.append(w[offset:offset + n])
            if offset == 0:  # a short word counts once
                break
        get = vocab.get
        return tuple(c for g in found if (c := get(g)) is not None)


class TfidfStack:
    """The transforms of several :class:`TfidfRows` side by side: scipy's ``hstack`` of their
    matrices, bit for bit, built as one matrix.

    Why: a sentence gate reads each sentence through three vectorisers; three sparse matrices
    built, sorted, weighted and normalised, then stacked, cost more scipy calls than the counting
    itself. Here each sentence's block of each vectoriser is a row of one CSR matrix ("sub-rows",
    in the order of the stacked row), so sorting, weighting and the l2 norm run once, each on
    the entries and in the order scikit-learn's would; the stacked rows then share its arrays.
    """

    def __init__(self, parts: Sequence[TfidfRows]) -> None:
        self.parts = tuple(parts)
        widths = [len(part.vocabulary) for part in self.parts]
        self.width = sum(widths)
        self.offsets = np.cumsum([0, *widths[:-1]]).astype(np.int32)
        self.idf = np.concatenate([part.idf for part in self.parts])
        self.sublinear = np.array([part.sublinear_tf for part in self.parts])

    def transform(self, texts: Sequence[Sequence[str]]) -> Any:
        """The stacked tf-idf matrix: ``texts[k][i]`` is row i as the k-th vectoriser reads it."""
        import scipy.sparse as sp
        from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

        k = len(self.parts)
        n = len(texts[0]) if texts else 0
        # Python lists, made arrays once: extending an array.array from a dict view converts
        # item by item, several times slower than a list
        indices: list[int] = []
        counts: list[int] = []
        indptr = [0]
        for i in range(n):
            for part, column_texts in zip(self.parts, texts):
                found = Counter(part.columns(column_texts[i]))
                indices += found
                counts += found.values()
                indptr.append(len(indices))
        pointers = np.array(indptr, dtype=np.int32)
        sizes = np.diff(pointers)
        blocks = np.repeat(np.tile(np.arange(k), n), sizes)  # the vectoriser of each entry
        cols = np.array(indices, dtype=np.int32) + self.offsets[blocks]
        sub = sp.csr_array((np.array(counts, dtype=np.intc), cols, pointers),
                           shape=(n * k, self.width), dtype=np.float64)
        sub.sort_indices()
        # TfidfTransformer.transform, step by step, on each vectoriser's entries
        if self.sublinear.any():
            tf = sub.data if self.sublinear.all() else sub.data[self.sublinear[blocks]]
            np.log(tf, tf)
            tf += 1.0
            if not self.sublinear.all():
                sub.data[self.sublinear[blocks]] = tf
        sub.data *= self.idf[sub.indices]
        inplace_csr_row_normalize_l2(sub)
        return sp.csr_array((sub.data, sub.indices, sub.indptr[::k]), shape=(n, self.width))
