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
Above ``exact_below`` active events the index is an HNSW graph, and a growing
event's vector there is refreshed when its size has doubled (so a few times in
its life, not at every article); candidates are still scored with the exact,
current profile, and the index is made current again before it returns to
exact search. Restoring a checkpoint is bit-identical in the exact regime; in
the HNSW regime the rebuilt graph differs, so a restored run finds nearly, not
exactly, the same candidates.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import pickle
from dataclasses import dataclass

import numpy as np
from usearch.index import Index

from newsweave.cluster.features import FEATURES
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
        self._index = self._new_index()
        self._heap: list[tuple[float, int]] = []  # (last_seen, key); stale entries are skipped
        self._indexed_n: dict[int, int] = {}  # key -> profile size when its index vector was written
        self._stale: set[int] = set()  # keys whose index vector lags their profile (ANN regime only)
        self.bound = ScoreBound(scorer)
        self.scored = 0  # candidates fully scored (the rest were ruled out by the bound)

    def _new_index(self, ann: bool = False) -> Index:
        """Exact search ignores the graph, so while the active set is small the graph is built cheaply;
        past ``exact_below`` the index is rebuilt as a proper HNSW graph (and back below half of it)."""
        self._ann_graph = ann
        if ann:
            # int8 vectors in the graph: candidates only (scores use the float profiles); 1.4x faster at the
            # same F1 on the planted-event benchmark (docs/BENCHMARKS.md, "Scaling")
            return Index(ndim=self.dim, metric="cos", dtype="i8", connectivity=16, expansion_add=64,
                         expansion_search=64)
        return Index(ndim=self.dim, metric="cos", dtype="f32", connectivity=4, expansion_add=8)

    def _rebuild(self, ann: bool) -> None:
        """A new index holding every active event's current vector, added in key order."""
        self._index = self._new_index(ann)
        ordered = sorted(self.events.values(), key=lambda e: e.key)
        if ordered:
            self._index.add(np.array([e.key for e in ordered], dtype=np.uint64),
                            np.stack([e.profile.vector.astype(np.float32) for e in ordered]), threads=1)
        self._indexed_n = {e.key: e.profile.n for e in ordered}
        self._stale = set()

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
        candidates = self._candidates(profile)
        dense = np.zeros(0)
        if candidates:
            dense = (np.stack([ev.profile.vector for ev in candidates]) @ profile.vector).astype(np.float64)
        ub, ub_story = self.bound.logits(dense)
        story_floor = _logit(self.story_threshold)
        need_logit = -math.inf  # logit of the best in-window probability so far
        story_logit = story_floor
        for ev, ub_c, ubs_c in zip(candidates, ub.tolist(), ub_story.tolist()):
            in_window = ev.gap_days(when) <= self.window_days
            # Score only what could matter: the best in-window candidate so far (recorded even when
            # it opens a new event) or a story link; the bound proves the rest cannot be either.
            need = in_window and ub_c >= need_logit
            need_story = ubs_c >= story_logit
            if not (need or need_story):
                continue
            self.scored += 1
            p, feats = self.scorer.score(profile, ev.profile)
            if in_window and p > best[0]:
                best = (p, ev, feats)
                need_logit = _logit(p)
            if need_story:
                ps = self.scorer.probability({**feats, **_DATE_PARTS})
                if ps > best_story[0]:
                    best_story = (ps, ev)
                    story_logit = max(story_floor, _logit(ps))
        p, ev, feats = best
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

    def _candidates(self, profile: Profile) -> list[ActiveEvent]:
        if not len(self._index):
            return []
        k = min(self.candidates, len(self._index))
        # Exact search while the active set is small: it is fast there, and it makes a
        # restored checkpoint give the very same candidates as an uninterrupted run.
        exact = len(self._index) <= self.exact_below
        if not exact and not self._ann_graph:
            self._rebuild(ann=True)
        elif self._ann_graph and len(self._index) < self.exact_below // 2:
            self._rebuild(ann=False)
        elif exact and self._stale:
            self._refresh(sorted(self._stale))
        found = self._index.search(profile.vector.astype(np.float32), k, exact=exact, threads=1)
        return [self.events[self._by_key[int(key)]] for key in np.atleast_1d(found.keys)]

    def _refresh(self, keys: list[int]) -> None:
        """Write the current vectors of these events into the index."""
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
        if len(self._index) <= self.exact_below or ev.profile.n >= self.refresh_growth * self._indexed_n[ev.key]:
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
        self._index.remove(ev.key)
        self._indexed_n.pop(ev.key, None)
        self._stale.discard(ev.key)

    # --- checkpoints --------------------------------------------------------------
    def state(self) -> bytes:
        """Everything needed to continue the stream exactly where it stopped."""
        return pickle.dumps(
            {"events": self.events, "next_key": self._next_key, "clock": self.clock, "dim": self.dim},
            protocol=pickle.HIGHEST_PROTOCOL,
        )

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
        self._rebuild(ann=len(self.events) > self.exact_below)
        self._heap = [(e.last_seen, e.key) for e in self.events.values() if e.last_seen is not None]
        heapq.heapify(self._heap)
