"""A matrix of event vectors with one row per slot, for exact search and candidate cosines.

Freed slots are reused, so the matrix is as large as the most events held at once. Each row also
keeps its event's first and last seen time (NaN: unknown), so the time-window test of a set of
candidates is one array operation.

Search is exact and its result does not depend on how it was computed: the float32 cosines only
pick the rows within ``_EPS`` of the k-th best, and those few are ranked on float64 products. So a
block of articles can be searched with one matrix product against the rows as they were when the
block began (:class:`RowBatch`; a matrix-vector product per article reads the whole matrix from
memory, 0.6 ms for 4,096 x 384 on this VM, a product per block reuses it from cache), with the
rows changed since recomputed, and give the very keys that one search per article gives.
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


# float32 cosines of unit vectors by two routines (a matrix product, a matrix-vector product) differ by
# at most ~2e-5 at 384-d; rows within twice this of the k-th best are re-ranked in float64
_EPS = 1e-4


def _one_thread(fn):  # noqa: ANN001, ANN202
    blas = _blas()
    threads = blas.get_num_threads() if blas is not None else 1
    if threads != 1:
        blas.set_num_threads(1)
    try:
        return fn()
    finally:
        if threads != 1:
            blas.set_num_threads(threads)


def _span(first: float | None, last: float | None) -> tuple[float, float]:
    return (np.nan if first is None else first, np.nan if last is None else last)


_GROUP = 64  # columns per group in _best
_NO_SLOTS = np.zeros(0, dtype=np.int64)
_NO_SIMS = np.zeros(0)


def _best(sims: np.ndarray, keep: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``keep`` best columns (any order) and the ``keep``-th best value.

    One argpartition over a 128 x 8,192 block was half of the block search (11 ms). Here the maxima of
    groups of 64 columns give a threshold instead: the ``keep`` best group maxima are ``keep`` values at
    least as large as it, so every row's ``keep`` best values are >= it, and only the few columns that reach
    it (~45 of 8,192) are partitioned (1.4 ms). Which of several columns tied at the floor is kept may
    differ; RowBatch.search gives the same keys either way (its floor test and its float64 re-ranking).
    """
    n, hi = sims.shape
    starts = np.arange(0, hi, _GROUP)
    thr = None
    if len(starts) > keep:
        maxima = np.maximum.reduceat(sims, starts, axis=1)
        thr = np.partition(maxima, len(starts) - keep, axis=1)[:, len(starts) - keep]
    if thr is None or not np.isfinite(thr).all():  # few columns, or a row with fewer than `keep` live ones
        part = np.argpartition(-sims, keep - 1, axis=1)
        return part[:, :keep], np.take_along_axis(sims, part[:, keep - 1 : keep], axis=1)[:, 0]
    flat = np.flatnonzero(sims >= thr[:, None])  # row-major: grouped by row, at least `keep` per row
    row, col = np.divmod(flat, hi)
    counts = np.bincount(row, minlength=n)
    pos = np.arange(len(flat)) - (np.cumsum(counts) - counts)[row]
    cand = np.full((n, int(counts.max())), -np.inf, dtype=sims.dtype)  # padding: below every candidate
    cand[row, pos] = sims.ravel()[flat]
    cols = np.zeros(cand.shape, dtype=np.int64)
    cols[row, pos] = col
    part = np.argpartition(-cand, keep - 1, axis=1)
    return (
        np.take_along_axis(cols, part[:, :keep], axis=1),
        np.take_along_axis(cand, part[:, keep - 1 : keep], axis=1)[:, 0],
    )


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
        self.watch: RowBatch | None = None  # an open block search, told of every changed slot

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
        if self.watch is not None:
            self.watch.changed(slot)

    def drop(self, key: int) -> None:
        slot = self.slot.pop(key)
        self.slot_key[slot] = -1
        self.span[slot] = np.nan
        self.free.append(slot)
        if self.watch is not None:
            self.watch.changed(slot)

    def rows(self, keys: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """The vectors and (first, last) seen times of these keys."""
        slot = self.slot
        # take() with an index array: 2/3 of the cost of indexing with a list (20 keys, 65k rows; 1M stream)
        slots = np.array([slot[k] for k in keys], dtype=np.intp)
        return self.mat.take(slots, axis=0), self.span.take(slots, axis=0)

    def exact(self, vector: np.ndarray, k: int) -> list[int]:
        """Keys of the ``k`` rows of highest cosine, best first (ties: lower key first)."""
        return self.nearest(vector, k)[0]

    def nearest(self, vector: np.ndarray, k: int) -> tuple[list[int], np.ndarray, np.ndarray]:
        """:meth:`exact` with the slots of those keys and their float64 cosines, in the same order."""
        if not self.slot:
            return [], _NO_SLOTS, _NO_SIMS
        hi = self.hi
        sims = _one_thread(lambda: self.mat[:hi] @ vector)
        sims[self.slot_key[:hi] < 0] = -np.inf
        if k >= len(self.slot):
            return self.rank(np.flatnonzero(self.slot_key[:hi] >= 0), vector, k)
        kth = np.partition(sims, hi - k)[hi - k]
        return self.rank(np.flatnonzero(sims >= kth - 2 * _EPS), vector, k)

    def rank(self, slots: np.ndarray, vector: np.ndarray, k: int) -> tuple[list[int], np.ndarray, np.ndarray]:
        """The ``k`` best of these slots on float64 cosines (the same bits however the slots were found):
        their keys, slots and cosines, best first."""
        sims = self.mat.take(slots, axis=0).astype(np.float64) @ vector.astype(np.float64)  # take: cheaper than mat[slots]
        keys = self.slot_key.take(slots)
        order = np.lexsort((keys, -sims))[:k]
        return keys[order].tolist(), slots[order], sims[order]

    def batch(self, queries: np.ndarray, k: int, extra: int = 16) -> RowBatch:
        """Start a block search of these query vectors (see :class:`RowBatch`)."""
        return RowBatch(self, queries, k, extra)

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


class RowBatch:
    """Exact search for a block of queries, from one matrix product against the rows at the start.

    Each query keeps its ``k + extra`` best slots of that product. A slot changed since (an event
    joined, opened or left) is recomputed for every query of the block when it changes, and its old
    value is no longer used. A slot a query did not keep is at most its kept floor: when that floor
    could still reach the k-th best, the query falls back to :meth:`SlotRows.exact`. The result is
    that of ``rows.exact`` at the moment of the query, bit for bit (tests compare them).
    One batch per ``SlotRows`` at a time; :meth:`close` stops the change tracking.

    >>> r = SlotRows(2)
    >>> r.put(1, np.array([1.0, 0.0])); r.put(2, np.array([0.0, 1.0]))
    >>> b = r.batch(np.array([[0.6, 0.8], [0.8, 0.6]], dtype=np.float32), 1)
    >>> r.put(3, np.array([0.8, 0.6]))
    >>> b.search(1, np.array([0.8, 0.6], dtype=np.float32), 1); b.close()
    [3]
    """

    def __init__(self, rows: SlotRows, queries: np.ndarray, k: int, extra: int = 16) -> None:
        self.rows, self.queries, self.hi, self.n = rows, queries, rows.hi, len(queries)
        self.fallbacks = 0  # searches that had to read every row (a kept floor too close to the k-th best)
        rows.watch = self
        hi = self.hi
        self.changed_mask = np.zeros(hi, dtype=bool)
        self.pos: dict[int, int] = {}  # changed slot -> its row in extra_slots / extra_vals
        self.extra_slots = np.zeros(64, dtype=np.int64)
        self.extra_vals = np.zeros((64, self.n), dtype=np.float32)
        keep = min(k + extra, hi)
        if not keep:
            self.top = np.zeros((self.n, 0), dtype=np.int64)
            self.vals = np.zeros((self.n, 0), dtype=np.float32)
            self.floor = np.full(self.n, -np.inf)
            return
        sims = _one_thread(lambda: queries @ rows.mat[:hi].T)
        sims[:, rows.slot_key[:hi] < 0] = -np.inf
        if keep < hi:
            # every slot outside `top` is <= the keep-th best, which is in `top`
            self.top, self.floor = _best(sims, keep)
        else:
            self.top = np.broadcast_to(np.arange(hi), (self.n, hi))
            self.floor = np.full(self.n, -np.inf)
        self.vals = np.take_along_axis(sims, self.top, axis=1)

    def changed(self, slot: int) -> None:
        """Called by the rows: this slot's vector or occupant changed; recompute it for every query."""
        j = self.pos.get(slot)
        if j is None:
            j = self.pos[slot] = len(self.pos)
            if j >= len(self.extra_slots):
                self.extra_slots = np.concatenate([self.extra_slots, np.zeros_like(self.extra_slots)])
                self.extra_vals = np.concatenate([self.extra_vals, np.zeros_like(self.extra_vals)])
            self.extra_slots[j] = slot
            if slot < self.hi:
                self.changed_mask[slot] = True
        rows = self.rows
        if rows.slot_key[slot] >= 0:
            self.extra_vals[j] = self.queries @ rows.mat[slot]
        else:
            self.extra_vals[j] = -np.inf

    def search(self, i: int, vector: np.ndarray, k: int) -> list[int]:
        """What ``rows.exact(vector, k)`` gives now, for ``vector`` = the i-th query of the block."""
        return self.nearest(i, vector, k)[0]

    def nearest(self, i: int, vector: np.ndarray, k: int) -> tuple[list[int], np.ndarray, np.ndarray]:
        """What ``rows.nearest(vector, k)`` gives now, for ``vector`` = the i-th query of the block."""
        rows = self.rows
        if not rows.slot:
            return [], _NO_SLOTS, _NO_SIMS
        if k >= len(rows.slot) or k > self.top.shape[1]:
            self.fallbacks += 1
            return rows.nearest(vector, k)
        top, vals = self.top[i], self.vals[i]
        m = len(self.pos)
        if m:
            clean = ~self.changed_mask[top]
            top = np.concatenate([top[clean], self.extra_slots[:m]])
            vals = np.concatenate([vals[clean], self.extra_vals[:m, i]])
        kth = np.partition(vals, len(vals) - k)[len(vals) - k] if len(vals) >= k else np.inf
        if len(vals) < k or self.floor[i] >= kth - 2 * _EPS:
            self.fallbacks += 1
            return rows.nearest(vector, k)
        return rows.rank(top[vals >= kth - 2 * _EPS], vector, k)

    def close(self) -> None:
        if self.rows.watch is self:
            self.rows.watch = None
