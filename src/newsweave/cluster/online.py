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
only when an upper bound of its probability, from its exact dense cosine and
every other part at its most favourable value, could still change a decision or
the recorded best candidate — so the results are those of scoring them all.
Up to ``exact_below`` active events the search is exact: one float32
matrix-vector product over a slot matrix of the active centroids (no ANN index
then). Above it the candidates come from an HNSW graph, where a growing event's
vector is refreshed when its size has doubled (so a few times in its life, not
at every article); candidates are still scored with the exact, current
profile. The graph is searched exhaustively (and kept current) until the active
set falls below half of ``exact_below``, then dropped.

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
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from usearch.index import Index

from newsweave.cluster.features import FEATURES, pair_features
from newsweave.cluster.profile import Profile
from newsweave.cluster.scorer import Scorer
from newsweave.model import Assignment

# A story spans days and can move between towns: its score ignores the date and main-place parts.
_DATE_PARTS = {"date_match": 0.0, "date_gap": 0.0, "dates_known": 0.0, "date_conflict": 0.0, "main_place_conflict": 0.0}


class ScoreBound:
    """Upper bounds of the scorer's logit for P(same event) and P(same story), from the dense cosine alone.

    Every part but ``dense`` is taken at its most favourable value in its range:
    [0, 1] for all of them, except ``dense_cross``, which is 0 or the dense cosine.
    (tests/test_cluster_scale.py checks that pair_features keeps to these ranges.)
    The story bound has the date parts neutralised, as the story score has.

    >>> import numpy as np
    >>> assign, story = ScoreBound(Scorer.load()).logits(np.array([0.0, 1.0]))
    >>> bool(assign[0] < 0 < assign[1])
    True
    """

    EPS = 1e-4  # the cosine here and in pair_features may differ in the last bits

    def __init__(self, scorer: Scorer) -> None:
        base = story = scorer.bias
        self.dense = self.cross = 0.0
        self.mean_dense = self.mean_cross = 0.0
        for name in FEATURES:
            if name not in scorer.weights:
                continue
            coef = scorer.weights[name] / (scorer.scale.get(name, 1.0) or 1.0)
            mean = scorer.mean.get(name, 0.0)
            if name == "dense":
                self.dense, self.mean_dense = coef, mean
            elif name == "dense_cross":
                self.cross, self.mean_cross = coef, mean
            else:
                top = max(coef * (0.0 - mean), coef * (1.0 - mean))
                base += top
                story += coef * (0.0 - mean) if name in _DATE_PARTS else top
        self.base, self.story_base = base, story

    def logits(self, d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Bounds of the assignment and story logits for candidates with dense cosines ``d``."""
        hi, lo = d + self.EPS, d - self.EPS
        part = np.maximum(self.dense * (hi - self.mean_dense), self.dense * (lo - self.mean_dense))
        cross = np.maximum(self.cross * (hi - self.mean_cross), self.cross * (lo - self.mean_cross))
        part = part + np.maximum(cross, self.cross * (0.0 - self.mean_cross))
        return self.base + part, self.story_base + part


@lru_cache(maxsize=1)
def _blas() -> object | None:
    """numpy's BLAS, to run the centroid search on one thread: a 5,000 x 384 matrix-vector product is too
    small to split, and on a busy machine OpenBLAS's threads wait on each other (measured 5 ms instead of
    0.1 ms at load 11 on 2 cores). None when threadpoolctl (a scikit-learn dependency) is missing."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover
        return None
    libs = [c for c in ThreadpoolController().lib_controllers if c.user_api == "blas"]
    return libs[0] if libs else None


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

    def gap_days(self, when: float | None) -> float:
        """How far ``when`` lies outside this event's time span (0 inside it)."""
        if when is None or self.first_seen is None or self.last_seen is None:
            return 0.0
        return max(0.0, self.first_seen - when, when - self.last_seen)


class _FastProbability:
    """``Scorer.probability`` without building the contributions dict: the same operations in the same order.

    Used only for a plain :class:`Scorer` (a subclass may score differently); tests compare it with it bit for bit.
    """

    def __init__(self, scorer: Scorer) -> None:
        self.bias = scorer.bias
        self.terms = [(name, scorer.weights[name], scorer.mean.get(name, 0.0), scorer.scale.get(name, 1.0) or 1.0)
                      for name in FEATURES if name in scorer.weights]
        self.story_terms = [t for t in self.terms if t[0] not in _DATE_PARTS]
        self.story_dates = [t for t in self.terms if t[0] in _DATE_PARTS]

    def __call__(self, feats: dict[str, float], story: bool = False) -> float:
        total = 0  # like sum(): an int 0 first, then floats left to right
        if story:  # the date parts taken as 0.0, in their FEATURES position
            for name, w, m, s in self.terms:
                if name in _DATE_PARTS:
                    total += w * ((_DATE_PARTS[name] - m) / s)
                elif name in feats:
                    total += w * ((feats[name] - m) / s)
        else:
            for name, w, m, s in self.terms:
                if name in feats:
                    total += w * ((feats[name] - m) / s)
        logit = self.bias + total
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))


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
        self._by_key: dict[int, str] = {}
        self._next_key = 0
        self.clock: float | None = None
        # Every active centroid, current, one row per slot (freed slots are reused, so the matrix is as large
        # as the most events active at once): exact search below exact_below, candidate cosines always.
        self._mat = np.zeros((256, dim), dtype=np.float32)
        self._slot_key = np.full(256, -1, dtype=np.int64)
        self._span = np.full((256, 2), np.nan)  # first and last seen of each slot's event (NaN: unknown)
        self._slot: dict[int, int] = {}
        self._free: list[int] = []
        self._hi = 0  # slots ever used
        self._index: Index | None = None  # the HNSW graph, only above exact_below
        self._ann_graph = False
        self._heap: list[tuple[float, int]] = []  # (last_seen, key); stale entries are skipped
        self._indexed_n: dict[int, int] = {}  # ANN regime: key -> profile size when its graph vector was written
        self._stale: set[int] = set()  # keys whose graph vector lags their profile (ANN regime only)
        self.bound = ScoreBound(scorer)
        plain = type(scorer).probability is Scorer.probability and type(scorer).contributions is Scorer.contributions
        self._prob = _FastProbability(scorer) if plain else None
        # A part the scorer gives no weight cannot change a probability: skip it while searching,
        # compute it for the one candidate whose parts are recorded.
        self._lexical = not (plain and scorer.weights.get("lexical", 0.0) == 0.0)
        self.scored = 0  # candidates fully scored (the rest were ruled out by the bound)

    # --- the centroid matrix ------------------------------------------------------
    def _put(self, key: int, vector: np.ndarray) -> None:
        slot = self._slot.get(key)
        if slot is None:
            if self._free:
                slot = self._free.pop()
            else:
                slot = self._hi
                self._hi += 1
                if slot >= len(self._mat):
                    self._mat = np.concatenate([self._mat, np.zeros_like(self._mat)])
                    self._slot_key = np.concatenate([self._slot_key, np.full(len(self._slot_key), -1, np.int64)])
                    self._span = np.concatenate([self._span, np.full_like(self._span, np.nan)])
            self._slot[key] = slot
            self._slot_key[slot] = key
        self._mat[slot] = vector

    def _drop(self, key: int) -> None:
        slot = self._slot.pop(key)
        self._slot_key[slot] = -1
        self._span[slot] = np.nan
        self._free.append(slot)

    def _set_span(self, ev: ActiveEvent) -> None:
        self._span[self._slot[ev.key]] = (
            np.nan if ev.first_seen is None else ev.first_seen, np.nan if ev.last_seen is None else ev.last_seen)

    def _exact(self, vector: np.ndarray, k: int) -> list[int]:
        """Keys of the ``k`` active centroids of highest cosine, best first (ties: lower key first)."""
        hi = self._hi
        blas = _blas()
        threads = blas.get_num_threads() if blas is not None else 1
        if threads != 1:
            blas.set_num_threads(1)
        try:
            sims = self._mat[:hi] @ vector
        finally:
            if threads != 1:
                blas.set_num_threads(threads)
        keys = self._slot_key[:hi]
        sims[keys < 0] = -np.inf
        top = np.argpartition(-sims, k - 1)[:k] if k < hi else np.flatnonzero(keys >= 0)
        order = np.lexsort((keys[top], -sims[top]))
        return keys[top[order]].tolist()

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

    # --- the decision -------------------------------------------------------------
    def assign(
        self, article_id: str, profile: Profile, when: float | None, follow: str | None = None
    ) -> Assignment:
        """Place one article. ``follow`` names an event to join outright (a wire copy's original)."""
        self._advance_clock(when)
        if follow is not None and follow in self.events:
            ev = self.events[follow]
            p, feats = self.scorer.score(profile, ev.profile)
            self._join(ev, profile, when)
            return Assignment(article_id, ev.id, p, {**feats, "near_duplicate": 1.0}, False, 1, ev.story_id)

        best: tuple[float, ActiveEvent | None, dict[str, float]] = (-1.0, None, {})
        best_story: tuple[float, ActiveEvent | None] = (-1.0, None)
        vec = profile.vector.astype(np.float32)
        keys = self._candidates(vec)
        candidates = [self.events[self._by_key[k]] for k in keys]
        dense = np.zeros(0)
        in_window = [True] * len(keys)
        if keys:
            slots = [self._slot[k] for k in keys]
            dense = (self._mat[slots] @ vec).astype(np.float64)
            if when is not None:  # ActiveEvent.gap_days for all candidates at once (NaN: unknown, so 0)
                span = self._span[slots]
                gap = np.maximum(0.0, np.maximum(span[:, 0] - when, when - span[:, 1]))
                in_window = (~(gap > self.window_days)).tolist()
        ub, ub_story = self.bound.logits(dense)
        story_floor = _logit(self.story_threshold)
        need_logit = -math.inf  # logit of the best in-window probability so far
        story_logit = story_floor
        prob, lexical = self._prob, self._lexical
        for ev, ok, ub_c, ubs_c in zip(candidates, in_window, ub.tolist(), ub_story.tolist()):
            # Score only what could matter: the best in-window candidate so far (recorded even when
            # it opens a new event) or a story link; the bound proves the rest cannot be either.
            need = ok and ub_c >= need_logit
            need_story = ubs_c >= story_logit
            if not (need or need_story):
                continue
            self.scored += 1
            if prob is not None:
                feats = pair_features(profile, ev.profile, lexical)
                p = prob(feats)
            else:
                p, feats = self.scorer.score(profile, ev.profile)
            if ok and p > best[0]:
                best = (p, ev, feats)
                need_logit = _logit(p)
            if need_story:
                ps = prob(feats, story=True) if prob is not None else self.scorer.probability({**feats, **_DATE_PARTS})
                if ps > best_story[0]:
                    best_story = (ps, ev)
                    story_logit = max(story_floor, _logit(ps))
        p, ev, feats = best
        if ev is not None and not lexical:
            feats = pair_features(profile, ev.profile)  # the recorded parts, lexical included
        if ev is not None and p >= self.assign_threshold:
            self._join(ev, profile, when)
            return Assignment(article_id, ev.id, p, feats, False, len(candidates), ev.story_id)

        story = story_id_for(article_id)
        if best_story[1] is not None and best_story[0] >= self.story_threshold:
            story = best_story[1].story_id
        new = self._open(article_id, profile, when, story)
        parts = dict(feats) if ev is not None else {}
        parts["best_candidate"] = max(p, 0.0)
        parts["story_link"] = max(best_story[0], 0.0) if story != story_id_for(article_id) else 0.0
        return Assignment(article_id, new.id, 0.0, parts, True, len(candidates), story)

    def _candidates(self, vector: np.ndarray) -> list[int]:
        active = len(self.events)
        if not active:
            return []
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
            return self._exact(vector, k)
        # Between exact_below / 2 and exact_below the graph stays, searched exhaustively (hysteresis).
        found = self._index.search(vector, k, exact=exact, threads=1)
        return [int(key) for key in np.atleast_1d(found.keys)]

    def _refresh(self, keys: list[int]) -> None:
        """Write the current vectors of these events into the HNSW graph."""
        for key in keys:
            ev = self.events[self._by_key[key]]
            self._index.remove(key)
            self._index.add(key, ev.profile.vector.astype(np.float32), threads=1)
            self._indexed_n[key] = ev.profile.n
            self._stale.discard(key)

    # --- bookkeeping --------------------------------------------------------------
    def _open(self, article_id: str, profile: Profile, when: float | None, story: str) -> ActiveEvent:
        eid = event_id_for(article_id)
        key = self._next_key
        self._next_key += 1
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
        ev = ActiveEvent(eid, key, prof, story, when, when)
        self.events[eid] = ev
        self._by_key[key] = eid
        self._put(key, prof.vector)
        self._set_span(ev)
        if self._ann_graph:
            self._index.add(key, prof.vector.astype(np.float32), threads=1)
            self._indexed_n[key] = prof.n
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
        self._put(ev.key, ev.profile.vector)
        self._set_span(ev)
        if not self._ann_graph:
            return
        if len(self.events) <= self.exact_below or ev.profile.n >= self.refresh_growth * self._indexed_n[ev.key]:
            self._refresh([ev.key])
        else:
            self._stale.add(ev.key)

    def _advance_clock(self, when: float | None) -> None:
        if when is None or (self.clock is not None and when <= self.clock):
            return
        self.clock = when
        horizon = when - self.story_window_days
        heap = self._heap
        while heap and heap[0][0] < horizon:
            last_seen, key = heapq.heappop(heap)
            eid = self._by_key.get(key)
            if eid is not None and self.events[eid].last_seen == last_seen:  # else a stale entry
                self._evict(eid)

    def _evict(self, event_id: str) -> None:
        ev = self.events.pop(event_id)
        self._by_key.pop(ev.key, None)
        self._drop(ev.key)
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
             "slots": self._slot_key[: self._hi].copy(), "free": list(self._free)}
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
        self._by_key = {e.key: e.id for e in self.events.values()}
        by_key = {e.key: e for e in self.events.values()}
        # The same slot of every event as before (a checkpoint of an older version: key order).
        slots = d.get("slots")
        if slots is None:
            slots = np.array(sorted(by_key), dtype=np.int64)
        cap = max(256, 1 << max(0, len(slots) - 1).bit_length())
        self._mat = np.zeros((cap, self.dim), dtype=np.float32)
        self._slot_key = np.full(cap, -1, dtype=np.int64)
        self._slot_key[: len(slots)] = slots
        self._span = np.full((cap, 2), np.nan)
        self._hi = len(slots)
        self._free = list(d.get("free", []))
        self._slot = {}
        for slot, key in enumerate(slots.tolist()):
            if key >= 0:
                self._slot[key] = slot
                self._mat[slot] = by_key[key].profile.vector
                self._set_span(by_key[key])
        if "graph" in d:
            self._ann_graph = True
            self._index = self._graph_settings(Index.restore(d["graph"]))
            self._indexed_n, self._stale = dict(d["indexed_n"]), set(d["stale"])
        else:
            self._rebuild(ann=len(self.events) > self.exact_below)
        self._heap = [(e.last_seen, e.key) for e in self.events.values() if e.last_seen is not None]
        heapq.heapify(self._heap)
