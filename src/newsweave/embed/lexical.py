"""A fast encoder with no model: hashed word stems of transliterated text.

Useful where no model is wanted (tests, very large backfills, constrained
machines). Transliteration (anyascii) lets names written in Greek, Arabic or
Cyrillic meet their Latin spelling, and cutting words to their first five
letters is a crude stemmer that survives inflection (Patra/Patras, Bucureşti/
Bucureştiului). It costs a fraction of a millisecond per article.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from anyascii import anyascii

_WORD = re.compile(r"[a-z]{3,}")


class LexicalEncoder:
    """Hashed 5-letter word prefixes, log-TF weighted, L2-normalised.

    >>> v = LexicalEncoder().encode(["Floods in Patras", "Patra floods"])
    >>> float(v[0] @ v[1]) > 0.5
    True
    """

    name = "lexical-stem5-1024"
    # Cheap, stateless and picklable: the pipeline's worker processes embed with it next to annotate.
    in_workers = True

    def __init__(self, dim: int = 1024) -> None:
        self.dim = dim

    def _vector(self, text: str) -> np.ndarray:
        keys = [zlib.crc32(w[:5].encode()) % self.dim for w in _WORD.findall(anyascii(text).lower())]
        v = np.bincount(np.asarray(keys, dtype=np.int64), minlength=self.dim).astype(np.float32)
        np.log1p(v, out=v)
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts])
