"""Upper bounds of the same-event score, so that most candidates are never scored.

The clusterer scores a candidate event in full (``pair_features``: set overlaps, a dict, the
probability) only when an upper bound of its logit could still change a decision. The first bound,
for all candidates at once, takes the dense cosine exactly and every other part at its most
favourable value. For the few candidates it leaves, :meth:`ScoreBound.rest` then computes the parts
that the two profile summaries decide in a few comparisons (the event day, main place and language,
and which key sets are empty), still far cheaper than the full score. On a stream of a million
articles most candidates of an article that opens an event are other days' events, and this is what
rules them out.
"""

from __future__ import annotations

import numpy as np

from newsweave.cluster.features import FEATURES
from newsweave.cluster.profile import Summary
from newsweave.cluster.scorer import Scorer

# A story spans days and can move between towns: its score ignores the date and main-place parts.
DATE_PARTS = {"date_match": 0.0, "date_gap": 0.0, "dates_known": 0.0, "date_conflict": 0.0, "main_place_conflict": 0.0}
# Parts the summaries decide exactly; and overlaps, which are 0 when either side has no keys of the kind.
_EXACT = ("entities_known", "places_known", "same_language", "date_match", "date_conflict", "date_gap",
          "dates_known", "main_place_conflict")
_OVERLAP = ("entities", "places", "countries", "numbers")


class ScoreBound:
    """Upper bounds of the scorer's logit for P(same event) and P(same story).

    :meth:`logits`: every part but ``dense`` at its most favourable value in its range: [0, 1] for
    all of them, except ``dense_cross``, which is 0 or the dense cosine (tests/test_cluster_scale.py
    checks that pair_features keeps to these ranges). :meth:`rest`: the same with the parts in
    ``_EXACT`` computed and an overlap at 0 where either side has no keys of its kind.
    The story bounds have the date parts neutralised, as the story score has.

    >>> import numpy as np
    >>> assign, story = ScoreBound(Scorer.load()).logits(np.array([0.0, 1.0]))
    >>> bool(assign[0] < 0 < assign[1])
    True
    """

    EPS = 1e-4  # the cosine here and in pair_features may differ in the last bits
    MARGIN = 1e-9  # a sum in another order than the scorer's may differ in the last bits

    def __init__(self, scorer: Scorer) -> None:
        base = story = scorer.bias
        self.dense = self.cross = 0.0
        self.mean_dense = self.mean_cross = 0.0
        coefs: dict[str, tuple[float, float]] = {}  # weighted parts: name -> (weight / scale, mean)
        for name in FEATURES:
            if name not in scorer.weights:
                continue
            coef = scorer.weights[name] / (scorer.scale.get(name, 1.0) or 1.0)
            mean = scorer.mean.get(name, 0.0)
            coefs[name] = (coef, mean)
            if name == "dense":
                self.dense, self.mean_dense = coef, mean
            elif name == "dense_cross":
                self.cross, self.mean_cross = coef, mean
            else:
                top = max(coef * (0.0 - mean), coef * (1.0 - mean))
                base += top
                story += coef * (0.0 - mean) if name in DATE_PARTS else top
        self.base, self.story_base = base, story
        self._dense_eps = self.EPS if self.dense >= 0.0 else -self.EPS  # see dense_part
        self._cross_eps = self.EPS if self.cross >= 0.0 else -self.EPS
        best = lambda n: max(coefs[n][0] * (0.0 - coefs[n][1]), coefs[n][0] * (1.0 - coefs[n][1]))  # noqa: E731
        at = lambda n, x: coefs[n][0] * (x - coefs[n][1]) if n in coefs else 0.0  # noqa: E731
        free = [n for n in coefs if n not in ("dense", "dense_cross", *_EXACT, *_OVERLAP)]
        self._free = scorer.bias + sum(best(n) for n in free)
        # Each exact or overlap part as (value when 0, value when 1); date_gap is linear in between.
        self._at = {n: (at(n, 0.0), at(n, 1.0)) for n in _EXACT}
        self._overlap = {n: (at(n, 0.0), best(n) if n in coefs else 0.0) for n in _OVERLAP}
        self._story_dates = sum(at(n, 0.0) for n in DATE_PARTS)

    def logits(self, d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Bounds of the assignment and story logits for candidates with dense cosines ``d``."""
        part = self.dense_part(d)
        return self.base + part, self.story_base + part

    def dense_part(self, d: np.ndarray) -> np.ndarray:
        """The dense parts' share of the bounds (the cosines give or take EPS)."""
        # max(c * (d + EPS - m), c * (d - EPS - m)) is the first for c >= 0 and the second for c < 0 (rounding
        # is monotone), so only that one is computed: the same values (up to the sign of a zero) in a third of
        # the array operations; the cross part is skipped when the scorer gives it no weight (it adds 0 then).
        part = self.dense * ((d + self._dense_eps) - self.mean_dense)
        if self.cross == 0.0 and self.mean_cross == 0.0:
            return part
        cross = self.cross * ((d + self._cross_eps) - self.mean_cross)
        return part + np.maximum(cross, self.cross * (0.0 - self.mean_cross))

    def dense_parts(self, d: list[float]) -> list[float]:
        """:meth:`dense_part` of a short list of cosines in plain floats: the same operations (for ~20 candidates
        numpy's cost per call was most of it). The cross part's max is Python's: cosines are never NaN."""
        c, m, e = self.dense, self.mean_dense, self._dense_eps
        if self.cross == 0.0 and self.mean_cross == 0.0:
            return [c * ((x + e) - m) for x in d]
        cc, mc, ce = self.cross, self.mean_cross, self._cross_eps
        low = cc * (0.0 - mc)
        return [c * ((x + e) - m) + max(cc * ((x + ce) - mc), low) for x in d]

    def rest(self, a: Summary, b: Summary) -> tuple[float, float]:
        """Bounds of every part but the dense ones, for one pair: (assignment, story).

        Add a candidate's ``dense_part`` to get bounds at least as tight as :meth:`logits`.
        """
        at, ov = self._at, self._overlap
        da, db = a.main_day, b.main_day
        gap = abs(da - db) if da is not None and db is not None else None
        la, lb = a.language, b.language
        ma, mb = a.main_place, b.main_place
        same = bool(la and lb and la[0][0] == lb[0][0])
        entities = bool(a.entities and b.entities)
        story = (self._free + at["entities_known"][entities]
                 + at["places_known"][bool((a.places or a.countries) and (b.places or b.countries))]
                 + at["same_language"][same]
                 + ov["entities"][entities] + ov["places"][bool(a.places and b.places)]
                 + ov["countries"][bool(a.countries and b.countries)] + ov["numbers"][bool(a.numbers and b.numbers)])
        if gap is None:  # every date part at 0, as in the story score
            dates = self._story_dates
        else:
            lo, hi = at["date_gap"]
            dates = (at["dates_known"][1] + at["date_match"][gap == 0] + at["date_conflict"][gap >= 1]
                     + lo + (hi - lo) * (min(gap, 30) / 30) + at["main_place_conflict"][bool(ma and mb and ma != mb)])
        return story + dates + self.MARGIN, story + self._story_dates + self.MARGIN
