"""Online event clustering: one ordered pass, active events in an ANN index.

Each article is scored against its nearest active events (by centroid) with
the same :class:`Scorer` that ``newsweave similarity`` uses. It joins the best
one if P(same event) clears ``assign_threshold``; otherwise it opens a new
event, which joins the story of the best earlier event whose *story* score
(the same model with the date parts neutralised) clears ``story_threshold``.

Only events seen within ``story_window_days`` of the stream's clock stay in
memory, so memory is bounded by the window, not by history.

At scale (docs/BENCHMARKS.md, "Scaling"): events leave through a heap ordered by
last-seen time (not a scan of every event per article); a candidate is scored
only when an upper bound of its probability (:mod:`newsweave.cluster.bound`)
could still change a decision or the recorded best candidate — so the results
are those of scoring them all. Inside :meth:`OnlineClusterer.block` the exact
searches of a batch are one matrix product per 128 articles (:class:`RowBatch`),
with the same results as one search per article.
Up to ``exact_below`` active events the search is exact: one float32
matrix-vector product over a slot matrix of the active centroids (no ANN index
then). Above it the candidates come from an HNSW graph, where a growing event's
vector is refreshed when its size has doubled (so a few times in its life, not
at every article), and a hot event (below) is written only when it cools;
candidates are still scored with the exact, current profile. The graph is searched exhaustively (and kept current) until the active
set falls below half of ``exact_below``, then dropped. In the graph regime the
events seen most recently (at most ``hot_max``, within ``hot_days``) are searched
exactly first, and the graph only when none of them takes the article: most
articles join a live event, and the graph misses some of those on hard data
(1M planted articles: the graph alone opened ~1.7x the planted events).

Checkpoints restore bit-identically in both regimes: in the HNSW regime the
checkpoint carries the serialised graph (a rebuilt one differs: 3% of later
decisions at 100k articles), and :meth:`OnlineClusterer.state` also swaps the
live graph for a copy loaded from those bytes, so the uninterrupted run and a
restored one go on from the same graph and the same internal state, whatever
usearch keeps outside its serialised form.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import pickle
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from usearch.index import Index

from newsweave.cluster.bound import DATE_PARTS, ScoreBound
from newsweave.cluster.features import FEATURES, _cosine_cached, pair_features
from newsweave.cluster.profile import Profile
from newsweave.cluster.rows import RowBatch, SlotRows
from newsweave.cluster.scorer import Scorer
from newsweave.model import Assignment


def _logit(p: float) -> float:
    """The logit a probability from Scorer.probability came from, less a margin for rounding."""
    if p <= 0.0:
        return -math.inf
    if p >= 1.0:
        return math.inf
    return math.log(p / (1.0 - p)) - 1e-6


def event_id_for(article_id: str) -> str:
    """Deterministic event id from the article that opened it, so re-runs agree.

    >>> event_id_for("a1")
    'ev_f29bc91bbdab'
    """
    return "ev_" + hashlib.sha1(article_id.encode()).hexdigest()[:12]


def story_id_for(article_id: str) -> str:
    return "st_" + hashlib.sha1(article_id.encode()).hexdigest()[:12]


@dataclass
class ActiveEvent:
    id: str
    key: int
    profile: Profile
    story_id: str
    first_seen: float | None  # days since epoch
    last_seen: float | None


@dataclass
class _Search:
    """Where one article's candidate search stands: the best in-window event and the best story link so far."""

    story_floor: float  # logit of the story threshold
    count: int = 0  # candidates found
    best_p: float = -1.0
    best_ev: ActiveEvent | None = None
    best_feats: dict = field(default_factory=dict)
    need_logit: float = -math.inf  # logit of the best in-window probability so far
    story_p: float = -1.0
    story_ev: ActiveEvent | None = None
    story_logit: float = 0.0  # a story link must beat this: the floor, then the best link's

    def __post_init__(self) -> None:
        self.story_logit = self.story_floor


class _FastProbability:
    """``Scorer.probability`` without building the contributions dict: the same operations in the same order.

    Used only for a plain :class:`Scorer` (a subclass may score differently); tests compare it with it bit for bit.
    """

    def __init__(self, scorer: Scorer) -> None:
        self.bias = scorer.bias
        self.terms = [(name, scorer.weights[name], scorer.mean.get(name, 0.0), scorer.scale.get(name, 1.0) or 1.0)
                      for name in FEATURES if name in scorer.weights]
        self.story_terms = [t for t in self.terms if t[0] not in DATE_PARTS]
        self.story_dates = [t for t in self.terms if t[0] in DATE_PARTS]

    def __call__(self, feats: dict[str, float], story: bool = False) -> float:
        total = 0  # like sum(): an int 0 first, then floats left to right
        if story:  # the date parts taken as 0.0, in their FEATURES position
            for name, w, m, s in self.terms:
                if name in DATE_PARTS:
                    total += w * ((DATE_PARTS[name] - m) / s)
                elif name in feats:
                    total += w * ((feats[name] - m) / s)
        else:
            for name, w, m, s in self.terms:
                if name in feats:
                    total += w * ((feats[name] - m) / s)
        logit = self.bias + total
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))


class _Block:
    """The announced vectors of :meth:`OnlineClusterer.block` and the open :class:`RowBatch` of each row set."""

    def __init__(self, queries: np.ndarray) -> None:
        self.queries = queries
        self.i = 0  # the next announced article
        self.cur: int | None = None  # the article being assigned, when announced
        self.batches: dict[int, tuple[SlotRows, RowBatch, int]] = {}  # id(rows) -> (rows, batch, first query)

    def search(self, rows: SlotRows, vector: np.ndarray, k: int, keep: int, size: int) -> tuple:
        i = self.cur
        got = self.batches.get(id(rows))
        if got is None or got[0] is not rows or not 0 <= i - got[2] < got[1].n:
            if got is not None:
                got[1].close()
            got = (rows, rows.batch(self.queries[i : i + size], keep), i)
            self.batches[id(rows)] = got
        return got[1].nearest(i - got[2], vector, k)

    def claim(self, vector: np.ndarray) -> None:
        """The article being assigned: the next announced one if it has that vector (else it searches alone)."""
        self.cur = None
        if self.i < len(self.queries):
            q, v = self.queries[self.i], np.asarray(vector, dtype=np.float32)
            if q.shape == v.shape and (q == v).all():  # np.array_equal without its wrapper's overhead
                self.cur, self.i = self.i, self.i + 1

    def close(self) -> None:
        for _, batch, _ in self.batches.values():
            batch.close()
        self.batches.clear()


class OnlineClusterer:
    """Assigns articles, in stream order, to events.

    >>> import numpy as np
    >>> c = OnlineClusterer(Scorer.load(), dim=2)
    >>> c.assign("a", Profile(vector=np.array([1.0, 0.0], dtype=np.float32)), None).new_event
    True
    """

    def __init__(
        self,
        scorer: Scorer,
        dim: int,
        window_days: float = 4.0,
        story_window_days: float = 14.0,
        assign_threshold: float = 0.5,
        story_threshold: float = 0.35,
        candidates: int = 20,
    ) -> None:
        self.scorer = scorer
        self.dim = dim
        self.window_days = window_days
        self.story_window_days = story_window_days
        self.assign_threshold = assign_threshold
        self.story_threshold = story_threshold
        self.candidates = candidates
        self.exact_below = 5000
        self.refresh_growth = 2.0  # ANN regime: re-index a growing event when its size grew by this factor
        self.events: dict[str, ActiveEvent] = {}
        self._by_key: dict[int, ActiveEvent] = {}  # graph and row keys -> their event
        self._next_key = 0
        self.clock: float | None = None
        # Every active centroid, current (exact search below exact_below, candidate cosines always).
        self._rows = SlotRows(dim)
        # ANN regime: the events most recently seen (at most hot_max, within hot_days of the clock) are
        # searched exactly before the graph, which is searched only when none of them takes the article.
        # Most articles join an event that is still live, and the graph misses some of those (recall@20
        # on isotropic 384-d vectors is ~0.6): this is both faster and closer to exact search.
        self.hot_days = 1.0
        self.hot_max = 8192  # 1M planted: 4096 -> 8192 took the 98k-131k window from 1010 to 674 us per article, F1 0.9987 -> 1.0
        self._hot = SlotRows(dim)
        self._hot_heap: list[tuple[float, int]] = []  # (last_seen, key); stale entries are skipped
        self._index: Index | None = None  # the HNSW graph, only above exact_below
        self._ann_graph = False
        self._heap: list[tuple[float, int]] = []  # (last_seen, key); stale entries are skipped
        self._indexed_n: dict[int, int] = {}  # ANN regime: key -> profile size when its graph vector was written
        self._stale: set[int] = set()  # keys whose graph vector lags their profile or is not written yet (ANN regime)
        self.bound = ScoreBound(scorer)
        plain = type(scorer).probability is Scorer.probability and type(scorer).contributions is Scorer.contributions
        self._prob = _FastProbability(scorer) if plain else None
        # A part the scorer gives no weight cannot change a probability: skip it while searching,
        # compute it for the one candidate whose parts are recorded.
        self._lexical = not (plain and scorer.weights.get("lexical", 0.0) == 0.0)
        self.scored = 0  # candidates fully scored (the rest were ruled out by the bound)
        self.graph_searches = 0  # HNSW queries (the costly part at 1M)
        self.block_size = 128  # articles searched with one matrix product (see block())
        self._block: _Block | None = None

    # --- the HNSW graph -----------------------------------------------------------
    @staticmethod
    def _graph_settings(index: Index) -> Index:
        # int8 vectors in the graph: candidates only (scores use the float profiles); 1.4x faster at the
        # same F1 on the planted-event benchmark (docs/BENCHMARKS.md, "Scaling")
        index.expansion_add, index.expansion_search = 64, 64
        return index

    def _rebuild(self, ann: bool) -> None:
        """Above exact_below: a new HNSW graph of every active event's current vector, added in key order.
        Below: no graph (the matrix is always current)."""
        self._ann_graph = ann
        self._indexed_n, self._stale = {}, set()
        if not ann:
            self._index = None
            return
        self._index = self._graph_settings(Index(ndim=self.dim, metric="cos", dtype="i8", connectivity=16))
        ordered = sorted(self.events.values(), key=lambda e: e.key)
        if ordered:
            self._index.add(np.array([e.key for e in ordered], dtype=np.uint64),
                            np.stack([e.profile.vector.astype(np.float32) for e in ordered]), threads=1)
        self._indexed_n = {e.key: e.profile.n for e in ordered}

    # --- blocks of articles ---------------------------------------------------------
    @contextmanager
    def block(self, vectors: Sequence[np.ndarray]) -> Iterator[None]:
        """Announce the vectors of the articles about to be assigned, in order: their exact searches
        are then done ``block_size`` at a time with one matrix product (:class:`RowBatch`), with the
        very same results as one search per article. An :meth:`assign` whose vector is not the next
        announced one simply searches alone.
        """
        if not len(vectors):
            yield
            return
        queries = np.ascontiguousarray(np.stack([np.asarray(v, dtype=np.float32) for v in vectors]))
        self._block = _Block(queries)
        try:
            yield
        finally:
            self._block.close()
            self._block = None

    def _exact(self, rows: SlotRows, vector: np.ndarray, k: int) -> tuple[list[int], np.ndarray, np.ndarray]:
        """The ``k`` nearest rows (``SlotRows.nearest``: keys, their (first, last) seen times, float64 cosines)."""
        blk = self._block
        if blk is None or blk.cur is None:
            keys, slots, sims = rows.nearest(vector, k)
        else:
            keys, slots, sims = blk.search(rows, vector, k, self.candidates, self.block_size)
        return keys, rows.span.take(slots, axis=0), sims

    # --- the decision -------------------------------------------------------------
    def assign(
        self, article_id: str, profile: Profile, when: float | None, follow: str | None = None
    ) -> Assignment:
        """Place one article. ``follow`` names an event to join outright (a wire copy's original)."""
        self._advance_clock(when)
        if self._block is not None:
            self._block.claim(profile.vector)
        if follow is not None and follow in self.events:
            ev = self.events[follow]
            p, feats = self.scorer.score(profile, ev.profile)
            self._join(ev, profile, when)
            return Assignment(article_id, ev.id, p, {**feats, "near_duplicate": 1.0}, False, 1, ev.story_id)

        vec = profile.vector.astype(np.float32)
        keys, span, dense, graph = self._candidates(vec)
        st = _Search(story_floor=_logit(self.story_threshold), count=len(keys))
        self._score(keys, profile, vec, when, st, span, dense)
        if graph and not (st.best_ev is not None and st.best_p >= self.assign_threshold):
            # No live event takes it: search the graph for the rest (older events, story links).
            seen = set(keys)
            more = [k for k in self._graph_search(vec) if k not in seen]
            self._score(more, profile, vec, when, st)
            st.count += len(more)
        p, ev, feats = st.best_p, st.best_ev, st.best_feats
        if ev is not None and not self._lexical:  # the recorded parts, lexical included (as pair_features orders them)
            feats = {"dense": feats["dense"], "lexical": _cosine_cached(profile.summary(), ev.profile.owned_summary()),
                     **feats}
        if ev is not None and p >= self.assign_threshold:
            self._join(ev, profile, when)
            return Assignment(article_id, ev.id, p, feats, False, st.count, ev.story_id)

        story = story_id_for(article_id)
        if st.story_ev is not None and st.story_p >= self.story_threshold:
            story = st.story_ev.story_id
        new = self._open(article_id, profile, when, story)
        parts = dict(feats) if ev is not None else {}
        parts["best_candidate"] = max(p, 0.0)
        parts["story_link"] = max(st.story_p, 0.0) if story != story_id_for(article_id) else 0.0
        return Assignment(article_id, new.id, 0.0, parts, True, st.count, story)

    def _score(self, keys: list[int], profile: Profile, vec: np.ndarray, when: float | None, st: _Search,
               span: np.ndarray | None = None, dense: np.ndarray | None = None) -> None:
        """Score these candidates against the article, keeping the best in-window one and the best story link.

        ``span`` and ``dense``: the candidates' (first, last) seen times and cosines when the search gave them
        (float64 cosines of the stored vectors: within the bound's EPS of the scorer's float32 one, like these).
        """
        if not keys:
            return
        by_key = self._by_key
        if dense is None:
            rows, span = self._rows.rows(keys)
            dense = (rows @ vec).astype(np.float64)
        # Plain floats from here: for ~20 candidates numpy's cost per call was most of this function's own.
        if when is None:
            in_window = [True] * len(keys)
        else:  # how far `when` lies outside each span, 0 inside it; an unknown (NaN) end: in the window
            wd = self.window_days
            in_window = [not (max(0.0, a, b) > wd) if a == a and b == b else True
                         for a, b in ((first - when, when - last) for first, last in span.tolist())]
        bound = self.bound
        base, story_base = bound.base, bound.story_base
        prob, lexical = self._prob, self._lexical
        mine = profile.summary()
        for key, ok, part_c in zip(keys, in_window, bound.dense_parts(dense.tolist())):
            # Score only what could matter: the best in-window candidate so far (recorded even when
            # it opens a new event) or a story link; the bounds prove the rest cannot be either.
            need = ok and base + part_c >= st.need_logit
            need_story = story_base + part_c >= st.story_logit
            if not (need or need_story):
                continue
            ev = by_key[key]
            theirs = ev.profile.owned_summary()  # event profiles change only through Profile.add
            rest, rest_story = bound.rest(mine, theirs)  # tighter, a few comparisons
            need = need and part_c + rest >= st.need_logit
            need_story = need_story and part_c + rest_story >= st.story_logit
            if not (need or need_story):
                continue
            self.scored += 1
            if prob is not None:
                feats = pair_features(profile, ev.profile, lexical, mine, theirs)
                p = prob(feats)
            else:
                p, feats = self.scorer.score(profile, ev.profile)
            if ok and p > st.best_p:
                st.best_p, st.best_ev, st.best_feats = p, ev, feats
                st.need_logit = _logit(p)
            if need_story:
                ps = prob(feats, story=True) if prob is not None else self.scorer.probability({**feats, **DATE_PARTS})
                if ps > st.story_p:
                    st.story_p, st.story_ev = ps, ev
                    st.story_logit = max(st.story_floor, _logit(ps))

    def _candidates(self, vector: np.ndarray) -> tuple[list[int], np.ndarray | None, np.ndarray | None, bool]:
        """The first candidates, their seen times and cosines when the search gave them, and whether the graph
        may add more (ANN regime)."""
        active = len(self.events)
        if not active:
            return [], None, None, False
        k = min(self.candidates, active)
        # Exact search while the active set is small: it is fast there, and it makes a
        # restored checkpoint give the very same candidates as an uninterrupted run.
        exact = active <= self.exact_below
        if not exact and not self._ann_graph:
            self._rebuild(ann=True)
        elif self._ann_graph and active < self.exact_below // 2:
            self._rebuild(ann=False)
        elif exact and self._stale:
            self._refresh(sorted(self._stale))
        if not self._ann_graph:
            return (*self._exact(self._rows, vector, k), False)
        if exact:  # between exact_below / 2 and exact_below the graph stays, searched exhaustively (hysteresis)
            return self._graph_search(vector, exhaustive=True), None, None, False
        return (*self._exact(self._hot, vector, k), True)

    def _graph_search(self, vector: np.ndarray, exhaustive: bool = False) -> list[int]:
        k = min(self.candidates, len(self.events))
        self.graph_searches += 1
        found = self._index.search(vector, k, exact=exhaustive, threads=1)
        return [int(key) for key in np.atleast_1d(found.keys)]

    def _refresh(self, keys: list[int]) -> None:
        """Write the current vectors of these events into the HNSW graph."""
        for key in keys:
            ev = self._by_key[key]
            self._index.remove(key)
            self._index.add(key, ev.profile.vector.astype(np.float32), threads=1)
            self._indexed_n[key] = ev.profile.n
            self._stale.discard(key)

    # --- bookkeeping --------------------------------------------------------------
    def _open(self, article_id: str, profile: Profile, when: float | None, story: str) -> ActiveEvent:
        eid = event_id_for(article_id)
        key = self._next_key
        self._next_key += 1
        mine = profile.summary()
        prof = Profile(
            vector=profile.vector.copy(),
            entities=profile.entities.copy(),
            places=profile.places.copy(),
            countries=profile.countries.copy(),
            terms=profile.terms.copy(),
            numbers=profile.numbers.copy(),
            days=profile.days.copy(),
            languages=profile.languages.copy(),
            main_places=profile.main_places.copy(),
            n=profile.n,
        )
        prof.__dict__["_summary"] = mine.copy_for(prof)  # equal counters: the article's summary is the event's
        ev = ActiveEvent(eid, key, prof, story, when, when)
        self.events[eid] = ev
        self._by_key[key] = ev
        self._rows.put(key, prof.vector, (when, when))
        self._touch_hot(ev)
        if self._ann_graph:
            self._graph_put(ev)
        if when is not None:
            heapq.heappush(self._heap, (when, key))
        return ev

    def _join(self, ev: ActiveEvent, profile: Profile, when: float | None) -> None:
        ev.profile.add(profile)
        if when is not None:
            ev.first_seen = when if ev.first_seen is None else min(ev.first_seen, when)
            if ev.last_seen is None or when > ev.last_seen:
                ev.last_seen = when
                heapq.heappush(self._heap, (when, ev.key))
        self._rows.put(ev.key, ev.profile.vector, (ev.first_seen, ev.last_seen))
        self._touch_hot(ev)
        if self._ann_graph:
            self._graph_put(ev)

    def _graph_put(self, ev: ActiveEvent) -> None:
        """An event opened or grew in the graph regime: write its vector to the graph now or later."""
        if len(self.events) <= self.exact_below:  # the graph is searched exhaustively: keep it current
            self._refresh([ev.key])
        elif ev.key in self._hot:
            # Searched exactly while hot, and the graph is asked only when no hot event takes an article:
            # written when it cools (an insert costs ~0.3-0.8 ms on 20k+ isotropic vectors).
            self._stale.add(ev.key)
        else:
            self._write_if_grown(ev)

    def _write_if_grown(self, ev: ActiveEvent) -> None:
        """Write a cold event to the graph if it is not there or its size has grown by refresh_growth."""
        if ev.key not in self._indexed_n or ev.profile.n >= self.refresh_growth * self._indexed_n[ev.key]:
            self._refresh([ev.key])
        else:
            self._stale.add(ev.key)

    def _touch_hot(self, ev: ActiveEvent) -> None:
        """Keep a dated event's current vector among the hot rows; the least recently seen leave past hot_max."""
        if ev.last_seen is None:
            return
        self._hot.put(ev.key, ev.profile.vector, (ev.first_seen, ev.last_seen))
        heapq.heappush(self._hot_heap, (ev.last_seen, ev.key))
        while len(self._hot) > self.hot_max:
            self._cool_one()

    def _cool_one(self) -> None:
        last_seen, key = heapq.heappop(self._hot_heap)
        ev = self._by_key.get(key)
        if key in self._hot and (ev is None or ev.last_seen == last_seen):  # else stale
            self._hot.drop(key)
            if self._ann_graph and ev is not None and key in self._stale:
                self._write_if_grown(ev)

    def _advance_clock(self, when: float | None) -> None:
        if when is None or (self.clock is not None and when <= self.clock):
            return
        self.clock = when
        hot = self._hot_heap
        while hot and hot[0][0] < when - self.hot_days:
            self._cool_one()
        horizon = when - self.story_window_days
        heap = self._heap
        while heap and heap[0][0] < horizon:
            last_seen, key = heapq.heappop(heap)
            ev = self._by_key.get(key)
            if ev is not None and ev.last_seen == last_seen:  # else a stale entry
                self._evict(ev.id)

    def _evict(self, event_id: str) -> None:
        ev = self.events.pop(event_id)
        self._by_key.pop(ev.key, None)
        self._rows.drop(ev.key)
        if ev.key in self._hot:
            self._hot.drop(ev.key)
        if self._ann_graph:
            self._index.remove(ev.key)
            self._indexed_n.pop(ev.key, None)
            self._stale.discard(ev.key)

    # --- checkpoints --------------------------------------------------------------
    def state(self) -> bytes:
        """Everything needed to continue the stream exactly where it stopped.

        In the HNSW regime the graph's bytes are included, and the live graph is replaced by a copy
        loaded from them, so that this run and a restored one go on from the very same graph.
        """
        d = {"events": self.events, "next_key": self._next_key, "clock": self.clock, "dim": self.dim,
             **self._rows.state(), "hot": self._hot.state(), "hot_heap": list(self._hot_heap)}
        if self._ann_graph:
            graph = bytes(self._index.save())
            self._index = self._graph_settings(Index.restore(graph))
            d.update(graph=graph, indexed_n=self._indexed_n, stale=sorted(self._stale))
        return pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL)

    def restore(self, blob: bytes) -> None:
        d = pickle.loads(blob)
        if d["dim"] != self.dim:
            raise ValueError(
                f"saved clusterer state has {d['dim']}-d vectors but the encoder gives {self.dim}-d; "
                "use the same encoder as the database was built with"
            )
        self.events = d["events"]
        self._next_key = d["next_key"]
        self.clock = d["clock"]
        self._by_key = {e.key: e for e in self.events.values()}
        by_key = {e.key: e for e in self.events.values()}
        # The same slot of every event as before (a checkpoint of an older version: key order).
        slots = d.get("slots")
        if slots is None:
            slots = np.array(sorted(by_key), dtype=np.int64)
        rows = {e.key: (e.profile.vector, (e.first_seen, e.last_seen)) for e in self.events.values()}
        self._rows = SlotRows.restore(self.dim, slots, d.get("free", []), rows)
        if "hot" in d:
            self._hot = SlotRows.restore(self.dim, d["hot"]["slots"], d["hot"]["free"], rows)
            self._hot_heap = list(d["hot_heap"])
        else:  # a checkpoint from before the hot rows: the most recently seen events, in key order
            self._hot, self._hot_heap = SlotRows(self.dim), []
            for e in sorted(by_key.values(), key=lambda e: e.key):
                if e.last_seen is not None and self.clock is not None and e.last_seen >= self.clock - self.hot_days:
                    self._touch_hot(e)
        if "graph" in d:
            self._ann_graph = True
            self._index = self._graph_settings(Index.restore(d["graph"]))
            self._indexed_n, self._stale = dict(d["indexed_n"]), set(d["stale"])
        else:
            self._rebuild(ann=len(self.events) > self.exact_below)
        self._heap = [(e.last_seen, e.key) for e in self.events.values() if e.last_seen is not None]
        heapq.heapify(self._heap)
