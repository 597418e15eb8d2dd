"""Session 9: a summary kept up to date through Profile.add equals one computed afresh, and the clusterer's
shortcuts (the article's summary handed to a new event, cosines from the search, the recorded parts built
from the scored ones) leave every decision as the plain path makes it."""

from __future__ import annotations

import copy
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from newsweave.cluster import OnlineClusterer, Profile, Scorer  # noqa: E402
from newsweave.cluster.profile import Summary, _stamp  # noqa: E402
from planted import plant, stream  # noqa: E402

_FIELDS = ("stamp", "entities", "places", "countries", "numbers", "main_day", "main_place", "language", "norm")


def _fresh(p: Profile) -> Summary:
    return Summary(copy.deepcopy(p), _stamp(p))


def _same(a: Summary, b: Summary) -> None:
    for name in _FIELDS:
        assert getattr(a, name) == getattr(b, name), name
    assert a.terms == b.terms


def _random_profile(rnd: random.Random, n: int = 1) -> Profile:
    def keys(prefix: str, vocab: int, most: int) -> Counter:
        return Counter({f"{prefix}{rnd.randrange(vocab)}": rnd.choice((1, 1, 1, 2, 3)) for _ in range(rnd.randrange(most))})

    return Profile(vector=np.ones(4, dtype=np.float32) / 2, entities=keys("e", 12, 5), places=keys("p", 4, 2),
                   countries=keys("c", 3, 2), terms=keys("t", 40, 8), numbers=Counter({float(rnd.randrange(5)): 1}),
                   days=Counter({rnd.randrange(3): 1}), main_places=keys("m", 3, 2), languages=keys("l", 3, 2), n=n)


@pytest.mark.parametrize("seed", range(6))
def test_a_summary_kept_through_add_equals_a_fresh_one(seed):
    rnd = random.Random(seed)
    event = _random_profile(rnd)
    event.summary()
    for step in range(300):
        other = _random_profile(rnd, n=rnd.choice((1, 1, 1, 2, 5)))  # some merges bring several members
        if step % 37 == 5:
            other.entities[next(iter(event.entities), "e0")] = 0  # a zero count: the key must not qualify by it
        if step % 53 == 7:
            other = Profile(vector=other.vector)  # nothing but the vector
        if step % 3 == 0:
            other.summary()  # a summary on the other side changes nothing
        event.add(other)
        kept = event.__dict__.get("_summary")
        assert kept is not None and kept.stamp == _stamp(event)
        _same(kept, _fresh(event))
        assert event.summary() is kept  # the stamp check accepts it


def test_add_without_a_valid_summary_drops_it():
    rnd = random.Random(9)
    event = _random_profile(rnd)
    event.summary()
    event.entities["e99"] = 5  # an edit in place without touch(): the cached summary no longer matches
    event.add(_random_profile(rnd))
    assert "_summary" not in event.__dict__
    _same(event.summary(), _fresh(event))


def test_a_summary_copied_to_an_equal_profile_is_its_own():
    rnd = random.Random(4)
    art = _random_profile(rnd)
    twin = copy.deepcopy(art)
    s = art.summary().copy_for(twin)
    assert s.terms is twin.terms
    _same(s, _fresh(twin))


def _decisions(c: OnlineClusterer, arts, blocks: bool) -> list[tuple]:
    out = []
    for i in range(0, len(arts), 512):
        part = arts[i : i + 512]
        if blocks:
            with c.block([p.vector for _, p, _ in part]):
                got = [c.assign(aid, p, when) for aid, p, when in part]
        else:
            got = [c.assign(aid, p, when) for aid, p, when in part]
        out += [(a.event_id, a.probability, tuple(a.parts.items()), a.new_event, a.candidates, a.story_id) for a in got]
    return out


def test_the_fast_path_gives_the_plain_scorers_decisions_in_both_regimes():
    """A Scorer subclass takes the plain path (no fast probability, every candidate's features by Scorer.score,
    cosines recomputed, no cached summaries handed over); the shipped scorer takes every shortcut. The same
    decisions, parts (in their order) and candidate counts, below and above exact_below, with and without blocks."""

    class Plain(Scorer):  # its own probability(): the clusterer cannot assume the shipped formula
        def probability(self, feats: dict[str, float]) -> float:
            return super().probability(feats)

    base = Scorer.load()
    arts = [(aid, p, when) for chunk in stream(plant(4000, seed=2), noise=0.7, seed=3)
            for aid, p, when, _ in chunk]
    for exact_below in (5000, 300):
        runs = []
        for scorer, blocks in ((Plain(base.weights, base.bias, base.mean, base.scale, base.meta), False),
                               (base, True), (base, False)):
            c = OnlineClusterer(scorer, dim=384)
            c.exact_below = exact_below
            assert (c._prob is None) == (scorer is not base)
            runs.append(_decisions(c, copy.deepcopy(arts), blocks))
        assert runs[0] == runs[1] == runs[2]
        assert any(d[3] for d in runs[1]) and any(not d[3] for d in runs[1])
