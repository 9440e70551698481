"""MinHash fingerprints, so a re-published article is found to be a near-duplicate.

A document's signature is stored with it. Locality-sensitive hashing cuts the
signature into bands; documents sharing any band key become candidates, and their
stored signatures then estimate the Jaccard similarity of their word shingles.
Band keys live in the database, not in an in-memory index, so several processes
share them. Bands are fixed (32 of 4 rows) rather than derived from the threshold:
stored keys stay valid when the threshold changes, and any threshold from about
0.5 up finds its candidates.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

import numpy as np

NUM_PERMUTATIONS = 128
BANDS = 32
ROWS_PER_BAND = NUM_PERMUTATIONS // BANDS
SHINGLE_WORDS = 3
_SEED = 1
# Part of the stored data: a change of scheme or seed invalidates stored signatures.
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")
_BATCH = 10_000


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash  # imports scipy: slow, so only when needed

    template = MinHash(num_perm=NUM_PERMUTATIONS, seed=_SEED, scheme=_SCHEME)
    return template.permutations  # type: ignore[no-any-return]


def minhash_signature(text: str) -> bytes:
    """The MinHash signature of the text's lower-cased word 3-shingles, as bytes."""
    from datasketch import MinHash

    minhash = MinHash(
        num_perm=NUM_PERMUTATIONS,
        seed=_SEED,
        scheme=_SCHEME,
        permutations=_permutations(),
    )
    # In batches: hashing takes a row of 128 values per shingle, and a long
    # document has millions. A shingle seen twice changes no minimum.
    shingles = _shingles(text)
    while batch := list(islice(shingles, _BATCH)):
        minhash.update_batch(batch)
    # affine32 values fit 32 bits (held in uint64); uint32 halves the stored size.
    return bytes(minhash.hashvalues.astype("<u4").tobytes())


def _shingles(text: str) -> Iterator[bytes]:
    """Each run of ``SHINGLE_WORDS`` words; a text with fewer gives them all as one."""
    window: deque[str] = deque(maxlen=SHINGLE_WORDS)
    full = False
    for match in _WORD.finditer(text.lower()):
        window.append(match.group())
        if len(window) == SHINGLE_WORDS:
            full = True
            yield " ".join(window).encode("utf-8")
    if not full:
        yield " ".join(window).encode("utf-8")


def band_keys(signature: bytes) -> list[int]:
    """The LSH index keys of a signature: one signed 64-bit integer per band.

    The band number is hashed in, so one indexed column answers a lookup.
    """
    band_bytes = ROWS_PER_BAND * 4
    keys = []
    for band in range(BANDS):
        chunk = signature[band * band_bytes : (band + 1) * band_bytes]
        digest = hashlib.blake2b(chunk, digest_size=8, salt=band.to_bytes(16, "little"))
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


def similarity(signature_a: bytes, signature_b: bytes) -> float:
    """Estimated Jaccard similarity of two documents' shingle sets."""
    a = np.frombuffer(signature_a, dtype="<u4")
    b = np.frombuffer(signature_b, dtype="<u4")
    return float(np.mean(a == b))
