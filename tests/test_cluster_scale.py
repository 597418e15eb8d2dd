"""The clusterer at scale: the score bound is safe, pruning and caches change nothing, a checkpoint restores exactly."""

from __future__ import annotations

import copy
import math
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from newsweave.cluster import OnlineClusterer, Profile, Scorer, pair_features  # noqa: E402
from newsweave.cluster.features import _cosine  # noqa: E402
from newsweave.cluster.online import ScoreBound, _FastProbability  # noqa: E402
from planted import pairwise_prf, plant, stream  # noqa: E402


def _clusterer() -> OnlineClusterer:
    return OnlineClusterer(Scorer.load(), dim=384)


def _articles(n: int, noise: float = 0.7, seed: int = 0) -> list:
    return [(aid, prof, when) for chunk in stream(plant(n, seed=seed), noise=noise, chunk=4096, seed=seed + 1)
            for aid, prof, when, _ in chunk]


def _decisions(c: OnlineClusterer, arts) -> list[tuple]:
    out = []
    for aid, prof, when in arts:
        a = c.assign(aid, prof, when)
        out.append((a.event_id, a.probability, tuple(sorted(a.parts.items())), a.new_event, a.candidates))
    return out


def test_features_keep_to_the_ranges_the_bound_assumes():
    arts = _articles(3000)
    rng = np.random.default_rng(5)
    event = Profile(vector=arts[0][1].vector.copy())
    for _, prof, _ in arts[1:200]:
        event.add(prof)
    for i in rng.integers(0, len(arts), 400).tolist():
        for other in (arts[(i + 1) % len(arts)][1], event):
            f = pair_features(arts[i][1], other)
            for name, v in f.items():
                lo = -1.0 if name in ("dense", "dense_cross") else 0.0
                assert lo - 1e-9 <= v <= 1.0 + 1e-9, (name, v)
            assert f.get("dense_cross", 0.0) in (0.0, f["dense"])


def test_bound_is_above_every_score():
    scorer = Scorer.load()
    bound = ScoreBound(scorer)
    arts = _articles(2000, noise=0.5)
    tighter = 0
    for (_, a, _), (_, b, _) in zip(arts[:-1], arts[1:]):
        p, feats = scorer.score(a, b)
        ub, ub_story = bound.logits(np.array([feats["dense"]]))
        logit = lambda q: math.log(q / (1 - q)) if 0 < q < 1 else (math.inf if q >= 1 else -math.inf)  # noqa: E731
        assert logit(p) <= ub[0] + 1e-9
        ps = scorer.probability({**feats, "date_match": 0.0, "date_gap": 0.0, "dates_known": 0.0,
                                 "date_conflict": 0.0, "main_place_conflict": 0.0})
        assert logit(ps) <= ub_story[0] + 1e-9
        # The tighter bound from the two summaries, and it is tighter.
        rest, rest_story = bound.rest(a.summary(), b.summary())
        part = bound.dense_part(np.array([feats["dense"]]))[0]
        assert logit(p) <= part + rest and logit(ps) <= part + rest_story
        assert part + rest <= ub[0] + 1e-9 and part + rest_story <= ub_story[0] + 1e-9
        tighter += part + rest < ub[0] - 0.5
    assert tighter > 100  # it does rule out more: most pairs of the stream are other days' events


def test_pruning_gives_the_decisions_of_scoring_every_candidate():
    arts = _articles(4000)
    fast = _clusterer()
    full = _clusterer()
    full.bound.dense_part = lambda d: np.full(d.shape, np.inf)  # no pruning
    full.bound.dense_parts = lambda d: [math.inf] * len(d)  # the plain-float form _score uses
    assert _decisions(fast, arts) == _decisions(full, arts)
    assert fast.scored < full.scored / 2


def test_checkpoint_restore_at_20k_articles_continues_exactly():
    arts = _articles(20_000)
    whole = _clusterer()
    expected = _decisions(whole, arts)
    first = _clusterer()
    got = _decisions(first, arts[:11_000])
    blob = first.state()
    second = _clusterer()
    second.restore(blob)
    got += _decisions(second, arts[11_000:])
    assert got == expected
    assert _by_value(second) == _by_value(whole)


def _by_value(c: OnlineClusterer) -> dict:
    return {eid: (e.key, e.story_id, e.first_seen, e.last_seen, e.profile.n, e.profile.vector.tobytes(),
                  e.profile.entities, e.profile.terms) for eid, e in c.events.items()} | {"clock": c.clock}


def test_eviction_by_time_keeps_the_active_set_bounded():
    c = _clusterer()
    c.story_window_days = 2.0
    peak = 0
    for aid, prof, when in _articles(6000):
        c.assign(aid, prof, when)
        peak = max(peak, len(c.events))
        assert all(e.last_seen >= c.clock - 2.0 for e in c.events.values())
    assert len(c._rows) == len(c.events) and peak < 1000
    assert len(c._rows.mat) <= 2 * max(256, peak)  # freed rows are reused: the matrix follows the active set
    assert len(c._hot) <= len(c.events)


def test_pairwise_prf_counts_pairs_exactly():
    pred = np.array([0, 0, 1, 1, 2])
    gold = np.array([0, 0, 0, 1, 1])
    # gold pairs: (0,1) (0,2) (1,2) (3,4); predicted: (0,1) (2,3); common: (0,1)
    assert pairwise_prf(pred, gold) == pytest.approx((0.5, 0.25, 1 / 3))


def test_a_big_event_is_scored_against_its_current_profile():
    c = _clusterer()
    v = np.zeros(384, dtype=np.float32)
    v[0] = 1.0
    first = c.assign("a0", Profile(vector=v, entities=Counter({"e:x": 1})), 100.0)
    for i in range(1, 50):
        w = v.copy()
        w[1 + i % 5] = 0.3
        w /= np.linalg.norm(w)
        assert c.assign(f"a{i}", Profile(vector=w, entities=Counter({"e:x": 1})), 100.0 + i / 100).event_id == \
            first.event_id


def test_checkpoint_restore_in_the_hnsw_regime_continues_exactly():
    # exact_below lowered so that a short stream runs on the HNSW graph (the default switches at 5,000 events).
    arts = _articles(6000)
    whole = _clusterer()
    whole.exact_below = 300
    expected = _decisions(whole, arts[:3500])
    assert whole._ann_graph and len(whole.events) > 300
    blob = whole.state()  # the checkpoint a pipeline writes after a batch; the run goes on
    expected += _decisions(whole, arts[3500:])
    second = _clusterer()
    second.exact_below = 300
    second.restore(blob)
    assert second._ann_graph
    assert _decisions(second, arts[3500:]) == expected[3500:]
    assert _by_value(second) == _by_value(whole)
    # The graphs themselves are the same, byte for byte: a small graph forgives small differences (the
    # decisions above would agree anyway), a large one does not (100k articles: 3% of decisions differed).
    assert bytes(whole._index.save()) == bytes(second._index.save())


def _fresh(p: Profile) -> Profile:
    return copy.deepcopy(p)  # a copy carries no cached summary


def test_cached_features_equal_freshly_computed_ones_as_an_event_grows():
    arts = [p for _, p, _ in _articles(1500)]
    rnd = random.Random(3)
    event = copy.deepcopy(arts[0])
    for i, art in enumerate(arts[1:600]):
        other = arts[rnd.randrange(len(arts))]
        for a, b in ((art, event), (event, art), (art, other)):
            got = pair_features(a, b)
            assert got == pair_features(_fresh(a), _fresh(b))
            assert got["lexical"] == _cosine(a.terms, b.terms)
        event.add(art)
        if i % 50 == 0:  # an in-place edit, then touch(): the cache follows
            event.terms[next(iter(event.terms))] += 3
            event.touch()
            assert pair_features(art, event) == pair_features(_fresh(art), _fresh(event))


def test_fast_probability_is_bit_identical_to_the_scorer():
    scorer = Scorer.load()
    fast = _FastProbability(scorer)
    arts = _articles(800)
    for (_, a, _), (_, b, _) in zip(arts[:-1], arts[1:]):
        p, feats = scorer.score(a, b)
        assert fast(feats) == p
        date_free = {**feats, "date_match": 0.0, "date_gap": 0.0, "dates_known": 0.0, "date_conflict": 0.0,
                     "main_place_conflict": 0.0}
        assert fast(feats, story=True) == scorer.probability(date_free)


def test_hot_rows_keep_the_graph_regime_close_to_exact_search():
    # The graph regime (forced with exact_below lowered) searches the recently seen events exactly first.
    arts = _articles(6000)
    gold = np.array([e for chunk in stream(plant(6000, seed=0), noise=0.7, chunk=4096, seed=1) for *_, e in chunk])

    def f1(c: OnlineClusterer) -> float:
        ids: dict[str, int] = {}
        pred = np.array([ids.setdefault(c.assign(aid, prof, when).event_id, len(ids)) for aid, prof, when in arts])
        return pairwise_prf(pred, gold)[2]

    exact = f1(_clusterer())
    graph = _clusterer()
    graph.exact_below = 300
    assert f1(graph) >= exact - 0.005 and graph._ann_graph and len(graph._hot) > 0


def test_hot_rows_cap_holds_and_a_restore_continues_exactly():
    arts = _articles(5000)

    def make() -> OnlineClusterer:
        c = _clusterer()
        c.exact_below, c.hot_max, c.hot_days = 300, 40, 30.0  # the cap, not the time limit, decides what is hot
        return c

    whole = make()
    expected = _decisions(whole, arts[:3000])
    assert len(whole._hot) == 40
    blob = whole.state()
    expected += _decisions(whole, arts[3000:])
    second = make()
    second.restore(blob)
    assert _decisions(second, arts[3000:]) == expected[3000:]
    assert sorted(second._hot.slot) == sorted(whole._hot.slot)


def test_row_batch_search_equals_one_exact_search_per_query_as_rows_change():
    # Random puts (new and moved rows), drops and slot reuse while a block is searched.
    from newsweave.cluster.rows import SlotRows

    rng = np.random.default_rng(11)
    dim = 16
    unit = lambda m: (lambda x: x / np.linalg.norm(x, axis=-1, keepdims=True))(  # noqa: E731
        rng.standard_normal((m, dim)).astype(np.float32))
    rows = SlotRows(dim, cap=8)
    live: set[int] = set()
    for key, v in enumerate(unit(300)):
        rows.put(key, v)
        live.add(key)
    next_key, fallbacks = 300, 0
    for _ in range(6):
        queries = unit(64)
        queries[5] = rows.mat[rows.slot[min(live)]]  # an exact tie with a stored row
        batch = rows.batch(queries, 20, extra=4)
        for i, q in enumerate(queries):
            for _ in range(int(rng.integers(0, 4))):
                op = rng.random()
                if op < 0.4:  # a new event
                    rows.put(next_key, unit(1)[0])
                    live.add(next_key)
                    next_key += 1
                elif op < 0.8 and live:  # an event moves towards this query
                    key = int(rng.choice(sorted(live)))
                    v = rows.mat[rows.slot[key]] + q
                    rows.put(key, v / np.linalg.norm(v))
                elif len(live) > 30:  # an event leaves; its slot is reused later
                    key = int(rng.choice(sorted(live)))
                    rows.drop(key)
                    live.discard(key)
            k = int(rng.integers(1, 25))
            got = batch.search(i, q, k)
            assert got == rows.exact(q, k)
            assert len(got) == min(k, len(live))
        fallbacks += batch.fallbacks
        batch.close()
        assert rows.watch is None
    assert 0 < fallbacks < 6 * 64 // 4  # the floor test does fire, but most searches use the block's product


def test_blocks_give_the_decisions_of_one_search_per_article():
    # Exact regime, then the graph regime with hot rows; a near-duplicate that follows an event and a
    # vector that was not announced (both search alone) inside blocks.
    arts = _articles(5000)
    blocks = []
    for lo in range(0, len(arts), 700):
        part = arts[lo : lo + 700]
        mid = len(part) // 2
        stray = (f"stray{lo}", Profile(vector=np.roll(part[mid][1].vector, 1)), part[mid][2], None)
        follow = (f"copy{lo}", copy.deepcopy(part[mid // 2][1]), part[mid][2], "first")
        items = [(a, p, w, None) for a, p, w in part[:mid]] + [stray, follow] + [(a, p, w, None) for a, p, w in part[mid:]]
        blocks.append(([p.vector for a, p, _, _ in items if not a.startswith("stray")], items))

    def run(c: OnlineClusterer, use_blocks: bool) -> list[tuple]:
        out: list[tuple] = []

        def go(items: list) -> None:
            for aid, prof, when, follow in items:
                if follow == "first":
                    follow = out[0][0]
                a = c.assign(aid, copy.deepcopy(prof), when, follow)
                out.append((a.event_id, a.probability, tuple(sorted(a.parts.items())), a.new_event, a.candidates))

        for vectors, items in blocks:
            if use_blocks:
                with c.block(vectors):
                    go(items)
            else:
                go(items)
        return out

    for exact_below in (5000, 300):
        plain, blocked = _clusterer(), _clusterer()
        plain.exact_below = blocked.exact_below = exact_below
        assert run(blocked, True) == run(plain, False)
        assert blocked.block_size < 700 and blocked._ann_graph == (exact_below == 300)
        assert blocked._block is None and blocked._rows.watch is None and blocked._hot.watch is None
