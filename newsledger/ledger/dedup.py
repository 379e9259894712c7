"""Near-duplicate articles: MinHash signatures over word shingles, LSH band keys, a similarity check.

The signature is stored as bytes and the band keys in an indexed table, so finding the
candidates of a new article is one index lookup per band (O(candidates)), never all-pairs.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from .text import shingles

NUM_PERM = 128
BANDS, ROWS = 32, 4  # 32 x 4 = 128: pairs with Jaccard >= ~0.42 share a band with high probability
THRESHOLD = 0.5  # estimated Jaccard of 3-word shingles from which an article is a copy
SEED = 1


def signature(text: str) -> tuple[np.ndarray, int]:
    """MinHash hash values (uint64) of the text's shingles, and how many shingles there were."""
    grams = shingles(text)
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch([g.encode("utf-8") for g in grams])
    return m.hashvalues.astype(np.uint64), len(grams)


def to_bytes(values: np.ndarray) -> bytes:
    return values.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8")


def band_keys(values: np.ndarray) -> list[str]:
    """One key per LSH band: articles sharing any key are candidates."""
    raw = values.astype("<u8")
    return [
        f"{b:02d}:" + hashlib.blake2b(raw[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for b in range(BANDS)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The MinHash estimate of the Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)
