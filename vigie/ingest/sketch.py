"""Near-identical texts: word shingles, their Jaccard overlap, and MinHash bands to find them.

Why: the same report arrives as a raw page capture and as a JSON line, or scraped twice with a
caption or a comment more; an exact hash of the text misses these, and comparing each new
article with every stored one would make ingest quadratic. Each article is reduced to
``BANDS`` integers (MinHash over its shingles, ``ROWS`` hashes per band); two texts with a
Jaccard overlap of 0.8 share a band with probability above 0.9999, unrelated texts almost
never, so the store looks up candidates by band (an index) and checks only those with the
true overlap. The thresholds are data (``data/ingest.yml``).
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

from vigie.ingest.config import load_ingest_config

BANDS = 10
ROWS = 2
_WORD = re.compile(r"\w+")
# Fixed masks: a MinHash "permutation" is x -> x XOR mask, a bijection on 64-bit values, so the
# signature is a pure function of the text, the same in every process.
_MASKS = np.array(
    [int.from_bytes(hashlib.blake2b(f"vigie-minhash-{i}".encode(), digest_size=8).digest(), "big")
     for i in range(BANDS * ROWS)],
    dtype=np.uint64,
)


def shingles(text: str, *, size: int | None = None) -> set[int]:
    """Stable 64-bit hashes of the runs of ``size`` words of ``text`` (casefolded)."""
    size = size or load_ingest_config().shingle_words
    words = _WORD.findall(text.casefold())
    runs = [" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))]
    return {
        int.from_bytes(hashlib.blake2b(run.encode("utf-8"), digest_size=8).digest(), "big")
        for run in runs if run
    }


def jaccard(a: set[int], b: set[int]) -> float:
    """Intersection over union (0 for two empty sets)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def bands(text: str) -> list[int]:
    """``BANDS`` integers (SQLite-sized) such that near-identical texts share at least one."""
    hashes = np.fromiter(shingles(text), dtype=np.uint64)
    if hashes.size == 0:
        return []
    signature = np.bitwise_xor.outer(_MASKS, hashes).min(axis=1)
    out = []
    for band in range(BANDS):
        rows = signature[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + rows, digest_size=8).digest()
        out.append(int.from_bytes(digest, "big") & (2**63 - 1))
    return out


def near_identical(a: str, b: str) -> bool:
    """True when two cleaned texts are one article told twice (threshold in ``ingest.yml``)."""
    return jaccard(shingles(a), shingles(b)) >= load_ingest_config().near_duplicate_jaccard
