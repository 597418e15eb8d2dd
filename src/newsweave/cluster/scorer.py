"""The same-event scorer: a small logistic model over named feature parts.

Its parameters ship in ``newsweave/data/scorer.json`` and are produced by
``bench/train_scorer.py`` from the SemEval-2022 Task 8 training pairs (grouped
cross-validation, see docs/BENCHMARKS.md). The clusterer and
``newsweave similarity`` both call :meth:`Scorer.score` — one mechanism.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from newsweave.cluster.features import FEATURES, pair_features
from newsweave.cluster.profile import Profile


@dataclass
class Scorer:
    """P(same event) = sigmoid(bias + Σ weight·feature), features standardised by mean/scale."""

    weights: dict[str, float]
    bias: float
    mean: dict[str, float] = field(default_factory=dict)
    scale: dict[str, float] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Scorer:
        """Load shipped (or given) parameters.

        >>> 0 < Scorer.load().bias or True
        True
        """
        if path is None:
            text = resources.files("newsweave.data").joinpath("scorer.json").read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        d = json.loads(text)
        return cls(d["weights"], d["bias"], d.get("mean", {}), d.get("scale", {}), d.get("meta", {}))

    def for_encoder(self, name: str) -> Scorer:
        """The scorer for vectors of another encoder than the one it was trained with.

        The dense feature is re-standardised with that encoder's own mean and spread of
        pair cosines on the training pairs (``meta.dense_by_encoder``, moment matching),
        so that a cosine of 0.6 means "as similar as usual" whatever the encoder.
        Without shipped moments the scorer is returned unchanged.

        >>> Scorer.load().for_encoder("lexical-stem5-1024").scale["dense"] > 0
        True
        """
        moments = self.meta.get("dense_by_encoder", {}).get(name)
        if not moments or name == self.meta.get("encoder"):
            return self
        return Scorer(dict(self.weights), self.bias, {**self.mean, "dense": moments["mean"]},
                      {**self.scale, "dense": moments["scale"]}, dict(self.meta))

    def contributions(self, feats: dict[str, float]) -> dict[str, float]:
        """Each feature's additive share of the logit: the explanation of a score.

        Features absent from ``feats`` (an assignment stored before a feature existed) add nothing.
        """
        out = {}
        for name in FEATURES:
            if name in self.weights and name in feats:
                z = (feats.get(name, 0.0) - self.mean.get(name, 0.0)) / (self.scale.get(name, 1.0) or 1.0)
                out[name] = self.weights[name] * z
        return out

    def probability(self, feats: dict[str, float]) -> float:
        logit = self.bias + sum(self.contributions(feats).values())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, logit))))

    def score(self, a: Profile, b: Profile) -> tuple[float, dict[str, float]]:
        """Return P(same event) and the feature values behind it."""
        feats = pair_features(a, b)
        return self.probability(feats), feats
