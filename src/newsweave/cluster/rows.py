"""A matrix of event vectors with one row per slot, for exact search and candidate cosines.

Freed slots are reused, so the matrix is as large as the most events held at once. Each row also
keeps its event's first and last seen time (NaN: unknown), so the time-window test of a set of
candidates is one array operation.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def _blas() -> object | None:
    """numpy's BLAS, to run the search on one thread: a 5,000 x 384 matrix-vector product is too
    small to split, and on a busy machine OpenBLAS's threads wait on each other (measured 5 ms instead of
    0.1 ms at load 11 on 2 cores). None when threadpoolctl (a scikit-learn dependency) is missing."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover
        return None
    libs = [c for c in ThreadpoolController().lib_controllers if c.user_api == "blas"]
    return libs[0] if libs else None


def _span(first: float | None, last: float | None) -> tuple[float, float]:
    return (np.nan if first is None else first, np.nan if last is None else last)


class SlotRows:
    """Event vectors by key, one float32 row per slot.

    >>> r = SlotRows(2)
    >>> r.put(7, np.array([1.0, 0.0])); r.put(9, np.array([0.0, 1.0]))
    >>> r.exact(np.array([0.6, 0.8], dtype=np.float32), 2)
    [9, 7]
    """

    def __init__(self, dim: int, cap: int = 256) -> None:
        self.dim = dim
        self.mat = np.zeros((cap, dim), dtype=np.float32)
        self.slot_key = np.full(cap, -1, dtype=np.int64)
        self.span = np.full((cap, 2), np.nan)
        self.slot: dict[int, int] = {}
        self.free: list[int] = []
        self.hi = 0  # slots ever used

    def __len__(self) -> int:
        return len(self.slot)

    def __contains__(self, key: int) -> bool:
        return key in self.slot

    def put(self, key: int, vector: np.ndarray, span: tuple[float | None, float | None] | None = None) -> None:
        slot = self.slot.get(key)
        if slot is None:
            if self.free:
                slot = self.free.pop()
            else:
                slot = self.hi
                self.hi += 1
                if slot >= len(self.mat):
                    self.mat = np.concatenate([self.mat, np.zeros_like(self.mat)])
                    self.slot_key = np.concatenate([self.slot_key, np.full(len(self.slot_key), -1, np.int64)])
                    self.span = np.concatenate([self.span, np.full_like(self.span, np.nan)])
            self.slot[key] = slot
            self.slot_key[slot] = key
        self.mat[slot] = vector
        if span is not None:
            self.span[slot] = _span(*span)

    def drop(self, key: int) -> None:
        slot = self.slot.pop(key)
        self.slot_key[slot] = -1
        self.span[slot] = np.nan
        self.free.append(slot)

    def rows(self, keys: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """The vectors and (first, last) seen times of these keys."""
        slots = [self.slot[k] for k in keys]
        return self.mat[slots], self.span[slots]

    def exact(self, vector: np.ndarray, k: int) -> list[int]:
        """Keys of the ``k`` rows of highest cosine, best first (ties: lower key first)."""
        hi = self.hi
        if not self.slot:
            return []
        blas = _blas()
        threads = blas.get_num_threads() if blas is not None else 1
        if threads != 1:
            blas.set_num_threads(1)
        try:
            sims = self.mat[:hi] @ vector
        finally:
            if threads != 1:
                blas.set_num_threads(threads)
        keys = self.slot_key[:hi]
        sims[keys < 0] = -np.inf
        top = np.argpartition(-sims, k - 1)[:k] if k < len(self.slot) else np.flatnonzero(keys >= 0)
        order = np.lexsort((keys[top], -sims[top]))
        return keys[top[order]].tolist()

    def state(self) -> dict:
        return {"slots": self.slot_key[: self.hi].copy(), "free": list(self.free)}

    @classmethod
    def restore(cls, dim: int, slots: np.ndarray, free: list[int], rows: dict[int, tuple]) -> SlotRows:
        """The same slot for every key as when ``state`` was taken; ``rows`` maps key -> (vector, span)."""
        cap = max(256, 1 << max(0, len(slots) - 1).bit_length())
        out = cls(dim, cap)
        out.slot_key[: len(slots)] = slots
        out.hi = len(slots)
        out.free = list(free)
        for slot, key in enumerate(slots.tolist()):
            if key >= 0:
                out.slot[key] = slot
                vector, span = rows[key]
                out.mat[slot] = vector
                out.span[slot] = _span(*span)
        return out
