"""Exact and near-duplicate detection: a content hash, and MinHash LSH over word 5-shingles."""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from .text import fold

_WORD = re.compile(r"\w+")
_SEED = 1  # fixed: signatures are stored and must compare across runs
_SCHEME = "affine32"  # datasketch >= 2.0 default; 32-bit values, stored little-endian


def content_hash(title: str, text: str) -> str:
    """sha1 of the case-folded, whitespace-collapsed title and body: equal for exact copies.

    >>> content_hash("Floods", "Rain  fell.") == content_hash("FLOODS", "rain\\n\\nfell.")
    True
    """
    norm = " ".join(title.casefold().split()) + "\n" + " ".join(text.casefold().split())
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


_MOD = np.uint64(0xFFFFFFFF)
_MULT = np.uint64(0x01000193)  # FNV prime: mixes the five word hashes of a shingle


def shingle_hashes(text: str, k: int = 5) -> np.ndarray:
    """32-bit hashes of the distinct word k-shingles of folded text.

    Words are hashed once (crc32) and combined per shingle with numpy, which is ~5x
    faster than hashing every shingle string. A text shorter than k words is one shingle.
    """
    words = _WORD.findall(fold(text))
    if not words:
        return np.empty(0, dtype=np.uint64)
    wh = np.array(list(map(zlib.crc32, map(str.encode, words))), dtype=np.uint64)
    k = min(k, len(wh))
    acc = np.zeros(len(wh) - k + 1, dtype=np.uint64)
    for i in range(k):
        acc = ((acc * _MULT) ^ wh[i : len(wh) - k + 1 + i]) & _MOD
    return np.unique(acc)


def _identity(x: int) -> int:  # module-level (not a lambda) so MinHash objects pickle
    return int(x)


_EMPTY: dict[int, MinHash] = {}  # per num_perm: carries the permutations, copied for each signature


def _empty_minhash(num_perm: int) -> MinHash:
    if num_perm not in _EMPTY:
        _EMPTY[num_perm] = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME, hashfunc=_identity)
    return _EMPTY[num_perm]


def minhash_signature(text: str, num_perm: int = 128) -> bytes:
    """MinHash signature of ``text`` as bytes (all 0xff for a text with no words).

    A pure function of the text, so pipeline workers compute it next to cleaning.
    """
    m = _empty_minhash(num_perm).copy()
    sh = shingle_hashes(text)
    if len(sh):
        m.update_batch(sh.tolist())
    return np.asarray(m.hashvalues, dtype="<u4").tobytes()


class NearDuplicateIndex:
    """MinHash LSH over word 5-shingles: finds wire copies and lightly edited reprints.

    Signatures are plain bytes (``num_perm`` little-endian uint32, datasketch's affine32
    scheme), so they can be stored and the index rebuilt with :meth:`load`. ``query``
    returns the id of the earliest added article whose estimated Jaccard similarity
    reaches ``threshold``.

    >>> idx = NearDuplicateIndex(threshold=0.8)
    >>> text = " ".join(f"word{i}" for i in range(300))
    >>> idx.add("a1", idx.signature(text))
    >>> idx.query(idx.signature(text + " (Reuters)"))
    'a1'
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._order: dict[str, int] = {}
        self._hashes: dict[str, np.ndarray] = {}
        self._empty = _empty_minhash(num_perm)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._order

    def signature(self, text: str) -> bytes:
        """MinHash signature of ``text`` as bytes (all 0xff for a text with no words)."""
        return minhash_signature(text, self.num_perm)

    def _minhash(self, signature: bytes) -> MinHash:
        if len(signature) != 4 * self.num_perm:
            raise ValueError(f"signature has {len(signature)} bytes, this index needs {4 * self.num_perm}")
        values = np.frombuffer(signature, dtype="<u4").astype(np.uint32)
        # Reuse the permutations: rebuilding them (a seeded RNG draw) was ~0.2 ms per call.
        return MinHash(
            num_perm=self.num_perm, seed=_SEED, hashvalues=values, permutations=self._empty.permutations,
            scheme=_SCHEME, hashfunc=_identity,
        )

    def add(self, article_id: str, signature: bytes) -> None:
        """Index an article. Empty texts and ids already present are ignored."""
        if article_id not in self._order:
            self._add(article_id, self._minhash(signature))

    def _add(self, article_id: str, mh: MinHash) -> None:
        if article_id in self._order or mh.is_empty():
            return
        self._order[article_id] = len(self._order)
        self._hashes[article_id] = mh.hashvalues
        self._lsh.insert(article_id, mh)

    def query(self, signature: bytes) -> str | None:
        """Id of the earliest indexed article similar to ``signature``, or None."""
        return self._query(self._minhash(signature))

    def _query(self, mh: MinHash) -> str | None:
        if mh.is_empty():
            return None
        best: str | None = None
        for key in self._lsh.query(mh):
            # LSH candidates include some below the threshold: check the estimate.
            if float(np.mean(self._hashes[key] == mh.hashvalues)) < self.threshold:
                continue
            if best is None or self._order[key] < self._order[best]:
                best = key
        return best

    def query_or_add(self, article_id: str, signature: bytes) -> str | None:
        """The original ``article_id`` duplicates (as :meth:`query`, itself excluded), or None after
        indexing it (as :meth:`add`). One MinHash for both steps: the ordered pass does this per article."""
        mh = self._minhash(signature)
        match = self._query(mh)
        if match is not None and match != article_id:
            return match
        self._add(article_id, mh)
        return None

    def load(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Add many ``(article_id, signature)`` pairs, e.g. read back from the store."""
        for article_id, signature in items:
            self.add(article_id, signature)
