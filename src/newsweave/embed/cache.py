"""An encoder wrapper that never embeds the same text twice.

Vectors are keyed by (model name, sha1 of the text) and kept in a
:class:`VectorCache` — the store's embeddings table in a pipeline run, or a
standalone SQLite file for ``newsweave similarity``.
"""

from __future__ import annotations

import hashlib
from typing import Protocol

import numpy as np

from newsweave.embed.base import Encoder


class VectorCache(Protocol):
    def get_vectors(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]: ...

    def put_vectors(self, model: str, items: dict[str, np.ndarray]) -> None: ...


def text_hash(text: str) -> str:
    """>>> text_hash("a")[:8]
    '86f7e437'"""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class CachedEncoder:
    """Looks every text up in the cache first; only misses reach the encoder."""

    def __init__(self, encoder: Encoder, cache: VectorCache) -> None:
        self.encoder = encoder
        self.cache = cache
        self.name = encoder.name
        self.dim = encoder.dim
        self.hits = 0
        self.misses = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        hashes = [text_hash(t) for t in texts]
        found = self.cache.get_vectors(self.name, list(set(hashes)))
        todo = sorted({h: t for h, t in zip(hashes, texts) if h not in found}.items())
        if todo:
            vecs = self.encoder.encode([t for _, t in todo])
            new = {h: v for (h, _), v in zip(todo, vecs)}
            self.cache.put_vectors(self.name, new)
            found.update(new)
        self.misses += len(todo)
        self.hits += len(texts) - len(todo)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([found[h] for h in hashes]).astype(np.float32)
