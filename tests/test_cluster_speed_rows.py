"""The block search's grouped top-k (rows._best) keeps what a full argpartition keeps, and the block search
stays exact with enough rows for it to be used (more than 64 x keep slots)."""

from __future__ import annotations

import numpy as np
import pytest

from newsweave.cluster.rows import _GROUP, SlotRows, _best


def _reference(sims: np.ndarray, keep: int) -> tuple[np.ndarray, np.ndarray]:
    part = np.argpartition(-sims, keep - 1, axis=1)
    return part[:, :keep], np.take_along_axis(sims, part[:, keep - 1 : keep], axis=1)[:, 0]


@pytest.mark.parametrize("starved", [False, True])
@pytest.mark.parametrize("hi", [50, 2000, 2304, 2305, 5000, 8191])
def test_best_keeps_the_values_and_floor_of_argpartition(hi, starved):
    rng = np.random.default_rng(hi)
    keep = 36
    sims = (rng.standard_normal((40, hi)) * 0.05).astype(np.float32)
    sims[:, rng.integers(0, hi, hi // 20)] = -np.inf  # freed slots
    sims[3, : min(hi, 100)] = 0.5  # ties across groups, at and above the floor
    sims[4] = np.round(sims[4], 2)  # many ties
    if starved:
        sims[5, 30:] = -np.inf  # a row with fewer than `keep` live values: the full partition
    top, floor = _best(sims, keep)
    ref_top, ref_floor = _reference(sims, keep)
    assert top.shape == ref_top.shape
    np.testing.assert_array_equal(floor, ref_floor)
    got = np.sort(np.take_along_axis(sims, top, axis=1), axis=1)
    want = np.sort(np.take_along_axis(sims, ref_top, axis=1), axis=1)
    np.testing.assert_array_equal(got, want)
    for row in range(len(sims)):  # distinct columns, and everything left out is at most the floor
        assert len(set(top[row].tolist())) == keep
        out = np.ones(hi, dtype=bool)
        out[top[row]] = False
        assert not (sims[row][out] > floor[row]).any()


def test_block_search_with_grouped_top_k_equals_exact_search_as_rows_change():
    rng = np.random.default_rng(3)
    dim = 16
    unit = lambda m: (lambda x: x / np.linalg.norm(x, axis=-1, keepdims=True))(  # noqa: E731
        rng.standard_normal((m, dim)).astype(np.float32))
    rows = SlotRows(dim)
    n0 = 64 * _GROUP  # enough slots for the grouped path with keep = 20 + 16
    for key, v in enumerate(unit(n0)):
        rows.put(key, v)
    live, next_key = set(range(n0)), n0
    for _ in range(3):
        queries = unit(48)
        queries[2] = rows.mat[rows.slot[min(live)]]  # an exact tie with a stored row
        batch = rows.batch(queries, 20)
        for i, q in enumerate(queries):
            for _ in range(int(rng.integers(0, 6))):
                op = rng.random()
                if op < 0.4:
                    rows.put(next_key, unit(1)[0])
                    live.add(next_key)
                    next_key += 1
                elif op < 0.8:
                    key = int(rng.choice(sorted(live)))
                    v = rows.mat[rows.slot[key]] + q
                    rows.put(key, v / np.linalg.norm(v))
                else:
                    key = int(rng.choice(sorted(live)))
                    rows.drop(key)
                    live.discard(key)
            k = int(rng.integers(1, 21))
            assert batch.search(i, q, k) == rows.exact(q, k)
        batch.close()
