"""Online event clustering: one ordered pass, active events in an ANN index.

Each article is scored against its nearest active events (by centroid) with
the same :class:`Scorer` that ``newsweave similarity`` uses. It joins the best
one if P(same event) clears ``assign_threshold``; otherwise it opens a new
event, which joins the story of the best earlier event whose *story* score
(the same model with the date parts neutralised) clears ``story_threshold``.

Only events seen within ``story_window_days`` of the stream's clock stay in
memory, so memory is bounded by the window, not by history.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass

import numpy as np
from usearch.index import Index

from newsweave.cluster.profile import Profile
from newsweave.cluster.scorer import Scorer
from newsweave.model import Assignment

_DATE_PARTS = {"date_match": 0.0, "date_gap": 0.0, "dates_known": 0.0}


def event_id_for(article_id: str) -> str:
    """Deterministic event id from the article that opened it, so re-runs agree.

    >>> event_id_for("a1")
    'ev_e0c9035898dd'
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
        self.events: dict[str, ActiveEvent] = {}
        self._by_key: dict[int, str] = {}
        self._next_key = 0
        self.clock: float | None = None
        self.story_of: dict[str, str] = {}  # event id -> story id, for events opened this run
        self._index = self._new_index()

    def _new_index(self) -> Index:
        return Index(ndim=self.dim, metric="cos", dtype="f32")

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
            return Assignment(article_id, ev.id, p, {**feats, "near_duplicate": 1.0}, False, 1)

        best: tuple[float, ActiveEvent | None, dict[str, float]] = (-1.0, None, {})
        best_story: tuple[float, ActiveEvent | None] = (-1.0, None)
        candidates = self._candidates(profile)
        for ev in candidates:
            p, feats = self.scorer.score(profile, ev.profile)
            if ev.gap_days(when) <= self.window_days and p > best[0]:
                best = (p, ev, feats)
            ps = self.scorer.probability({**feats, **_DATE_PARTS})
            if ps > best_story[0]:
                best_story = (ps, ev)
        p, ev, feats = best
        if ev is not None and p >= self.assign_threshold:
            self._join(ev, profile, when)
            return Assignment(article_id, ev.id, p, feats, False, len(candidates))

        story = story_id_for(article_id)
        if best_story[1] is not None and best_story[0] >= self.story_threshold:
            story = best_story[1].story_id
        new = self._open(article_id, profile, when, story)
        parts = dict(feats) if ev is not None else {}
        parts["best_candidate"] = max(p, 0.0)
        parts["story_link"] = max(best_story[0], 0.0) if story != story_id_for(article_id) else 0.0
        return Assignment(article_id, new.id, 0.0, parts, True, len(candidates))

    def _candidates(self, profile: Profile) -> list[ActiveEvent]:
        if not len(self._index):
            return []
        k = min(self.candidates, len(self._index))
        # Exact search while the active set is small: it is fast there, and it makes a
        # restored checkpoint give the very same candidates as an uninterrupted run.
        exact = len(self._index) <= self.exact_below
        found = self._index.search(profile.vector.astype(np.float32), k, exact=exact)
        return [self.events[self._by_key[int(key)]] for key in np.atleast_1d(found.keys)]

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
            n=profile.n,
        )
        ev = ActiveEvent(eid, key, prof, story, when, when)
        self.events[eid] = ev
        self._by_key[key] = eid
        self.story_of[eid] = story
        self._index.add(key, prof.vector.astype(np.float32))
        return ev

    def _join(self, ev: ActiveEvent, profile: Profile, when: float | None) -> None:
        ev.profile.add(profile)
        if when is not None:
            ev.first_seen = when if ev.first_seen is None else min(ev.first_seen, when)
            ev.last_seen = when if ev.last_seen is None else max(ev.last_seen, when)
        self._index.remove(ev.key)
        self._index.add(ev.key, ev.profile.vector.astype(np.float32))

    def _advance_clock(self, when: float | None) -> None:
        if when is None or (self.clock is not None and when <= self.clock):
            return
        self.clock = when
        horizon = when - self.story_window_days
        for eid in [e.id for e in self.events.values() if e.last_seen is not None and e.last_seen < horizon]:
            self._evict(eid)

    def _evict(self, event_id: str) -> None:
        ev = self.events.pop(event_id)
        self._by_key.pop(ev.key, None)
        self._index.remove(ev.key)

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
        self._index = self._new_index()
        for ev in sorted(self.events.values(), key=lambda e: e.key):
            self._index.add(ev.key, ev.profile.vector.astype(np.float32))
