"""A fast encoder with no model: hashed character n-grams of transliterated text.

Useful where no model is wanted (tests, very large backfills, constrained
machines). Transliteration (anyascii) lets names written in Greek, Arabic or
Cyrillic meet their Latin spelling on shared n-grams.
"""

from __future__ import annotations

import zlib

import numpy as np
from anyascii import anyascii


class LexicalEncoder:
    """Hashed 3-5 character n-grams over words, TF-log weighted, L2-normalised.

    >>> v = LexicalEncoder().encode(["Patras floods", "floods in Patras"])
    >>> float(v[0] @ v[1]) > 0.5
    True
    """

    name = "lexical-char345-512"

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for word in anyascii(text).lower().split():
            w = f" {''.join(ch for ch in word if ch.isalnum())} "
            if len(w) < 4:
                continue
            for n in (3, 4, 5):
                for i in range(len(w) - n + 1):
                    v[zlib.crc32(w[i : i + n].encode()) % self.dim] += 1.0
        np.log1p(v, out=v)
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts])
