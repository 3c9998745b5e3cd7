"""TF-IDF rows of the learned sentence gate, read as scikit-learn's fitted ``TfidfVectorizer``
reads them, at a fraction of the cost.

Why not ``TfidfVectorizer.transform``: it cut every sentence into character n-grams and looked
each one up again (a 25-word sentence is some 400 of them), and re-validated its input on every
call; together that was the largest single cost of vigie's own work. A word's n-grams never
depend on its neighbours, so :class:`TfidfRows` remembers, per distinct word, the vocabulary
columns of its n-grams. The count matrix it builds is the one scikit-learn builds (same
columns, same counts, sorted indices, float64), and the weighting steps are scikit-learn's own
operations in the same order, so the scores are bit for bit the same.
"""
from __future__ import annotations

import re
from array import array
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

    def transform(self, texts: Sequence[str]) -> Any:
        """The tf-idf matrix of ``texts`` (one CSR row each), as ``TfidfVectorizer.transform``."""
        import scipy.sparse as sp
        from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

        columns = self._char_wb_columns if self.analyzer == "char_wb" else self._word_ngram_columns
        indices = array("i")
        counts = array("i")
        indptr = array("i", [0])
        for text in texts:
            found = Counter(columns(text.lower() if self.lowercase else text))
            indices.extend(found.keys())
            counts.extend(found.values())
            indptr.append(len(indices))
        x = sp.csr_array((np.frombuffer(counts, dtype=np.intc), np.frombuffer(indices, dtype=np.int32),
                          np.frombuffer(indptr, dtype=np.int32)), shape=(len(texts), len(self.vocabulary)), dtype=np.float64)
        x.sort_indices()
        # TfidfTransformer.transform, step by step
        if self.sublinear_tf:
            np.log(x.data, x.data)
            x.data += 1.0
        x.data *= self.idf[x.indices]
        inplace_csr_row_normalize_l2(x)
        return x

    def _word_ngram_columns(self, text: str) -> list[int]:
        tokens = self.token_pattern.findall(text)
        vocab = self.vocabulary
        grams = tokens if self.min_n == 1 else []
        for n in range(max(self.min_n, 2), min(self.max_n + 1, len(tokens) + 1)):
            grams = grams + [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
        return [vocab[g] for g in grams if g in vocab]

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
        return tuple(vocab[g] for g in found if g in vocab)
