"""Cluster stage: score articles against events and assign them, online."""

from newsweave.cluster.features import FEATURES, pair_features
from newsweave.cluster.online import OnlineClusterer, event_id_for
from newsweave.cluster.profile import Profile, article_profile
from newsweave.cluster.scorer import Scorer

__all__ = ["FEATURES", "OnlineClusterer", "Profile", "Scorer", "article_profile", "event_id_for", "pair_features"]
