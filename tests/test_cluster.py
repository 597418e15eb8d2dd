"""The online clusterer: assignment, story links, eviction by window, exact restore."""

from __future__ import annotations

from collections import Counter

import numpy as np

from newsweave.cluster import OnlineClusterer, Profile, Scorer


def prof(vec, entities=(), places=(), day=None, lang="en") -> Profile:
    v = np.asarray(vec, dtype=np.float32)
    return Profile(vector=v / np.linalg.norm(v), entities=Counter(set(entities)), places=Counter(set(places)),
                   days=Counter([day]) if day else Counter(), languages=Counter([lang]))


def clusterer(**kw) -> OnlineClusterer:
    return OnlineClusterer(Scorer.load(), dim=3, **kw)


def test_similar_articles_join_and_different_ones_open_events():
    c = clusterer()
    a = c.assign("a", prof([1, 0, 0], ["e:nato"], ["gn:1"], 100), 100.0)
    b = c.assign("b", prof([0.99, 0.05, 0], ["e:nato"], ["gn:1"], 100, "el"), 100.2)
    d = c.assign("d", prof([0, 1, 0], ["e:who"], ["gn:2"], 100), 100.3)
    assert a.new_event and not b.new_event and b.event_id == a.event_id
    assert d.new_event and d.event_id != a.event_id
    assert 0.5 <= b.probability <= 1 and "dense" in b.parts


def test_events_leave_memory_after_the_story_window():
    c = clusterer(window_days=2, story_window_days=5)
    c.assign("a", prof([1, 0, 0]), 0.0)
    c.assign("b", prof([0, 1, 0]), 3.0)
    assert len(c.events) == 2
    c.assign("c", prof([0, 0, 1]), 6.0)  # a (last seen day 0) is now older than 5 days
    assert len(c.events) == 2 and all(e.last_seen >= 1 for e in c.events.values())


def test_outside_the_assignment_window_a_match_opens_a_new_event_in_the_same_story():
    c = clusterer(window_days=2, story_window_days=14)
    a = c.assign("a", prof([1, 0, 0], ["e:x"], ["gn:1"]), 0.0)
    b = c.assign("b", prof([1, 0.01, 0], ["e:x"], ["gn:1"]), 6.0)
    assert b.new_event and b.event_id != a.event_id
    assert c.events[b.event_id].story_id == c.events[a.event_id].story_id


def test_restore_continues_exactly():
    rng = np.random.default_rng(0)
    stream = [(f"a{i}", prof(rng.normal(size=3)), float(i) / 10) for i in range(60)]
    full = clusterer()
    expected = [full.assign(i, p, t).event_id for i, p, t in stream]
    first = clusterer()
    got = [first.assign(i, p, t).event_id for i, p, t in stream[:25]]
    second = clusterer()
    second.restore(first.state())
    got += [second.assign(i, p, t).event_id for i, p, t in stream[25:]]
    assert got == expected


def test_follow_puts_a_wire_copy_in_its_originals_event():
    c = clusterer()
    a = c.assign("a", prof([1, 0, 0]), None)
    b = c.assign("b", prof([0, 1, 0]), None, follow=a.event_id)
    assert b.event_id == a.event_id and b.parts["near_duplicate"] == 1.0
