"""Baselines NewsWeave is compared with, side by side, in bench_clustering.py.

1. Event Registry-style (Leban et al. 2014; Rupnik et al., JAIR 2016): per-language
   TF-IDF vectors, online centroid clustering, cosine threshold 0.4, 4-day window.
   Event Registry links clusters across languages in a second step (CCA); the
   baseline as specified is the monolingual clustering step, so cross-language
   pairs are never joined — that is its documented limit, not a bug.
2. Plain e5 cosine, online, with one tuned threshold: the "just embed it" system.
3. HDBSCAN on the same e5 embeddings, in batch: what a BERTopic user gets.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np


def event_registry_tfidf(
    arts: list[dict], times: list[float | None] | None = None, threshold: float = 0.4, window_days: float = 4.0
) -> dict[str, str]:
    """Per-language TF-IDF centroid clustering. ``arts`` need id, title, text, language."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    times = times or [None] * len(arts)
    by_lang: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(arts):
        by_lang[a.get("language") or "und"].append(i)
    vecs: dict[int, np.ndarray] = {}
    for idx in by_lang.values():
        # IDF is fitted on the whole language batch: a simplification of ER's running IDF.
        tfidf = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(
            [f"{arts[i]['title']} {arts[i]['text']}" for i in idx]
        )
        for row, i in enumerate(idx):
            vecs[i] = tfidf[row]
    out: dict[str, str] = {}
    clusters: dict[str, list[dict]] = defaultdict(list)  # language -> [{"sum", "last", "id"}]
    for i, a in enumerate(arts):
        lang = a.get("language") or "und"
        v = vecs[i]
        best, best_sim = None, threshold
        for c in clusters[lang]:
            if times[i] is not None and c["last"] is not None and abs(times[i] - c["last"]) > window_days:
                continue
            cen = c["sum"]
            norm = np.sqrt(cen.multiply(cen).sum())
            sim = float(v.multiply(cen).sum() / norm) if norm else 0.0
            if sim >= best_sim:
                best, best_sim = c, sim
        if best is None:
            best = {"sum": v.copy(), "last": times[i], "id": f"er{i}"}
            clusters[lang].append(best)
        else:
            best["sum"] = best["sum"] + v
            best["last"] = times[i] if times[i] is not None else best["last"]
        out[a["id"]] = best["id"]
    return out


def e5_online(ids: list[str], vectors: np.ndarray, threshold: float) -> dict[str, str]:
    """Online centroid clustering on embeddings with a single cosine threshold."""
    sums: list[np.ndarray] = []
    cents = np.zeros((0, vectors.shape[1]), dtype=np.float32)
    names: list[str] = []
    out: dict[str, str] = {}
    for i, v in zip(ids, vectors):
        if len(names):
            sims = cents @ v
            j = int(np.argmax(sims))
            if sims[j] >= threshold:
                sums[j] = sums[j] + v
                cents[j] = sums[j] / np.linalg.norm(sums[j])
                out[i] = names[j]
                continue
        sums.append(v.copy())
        cents = np.vstack([cents, v[None, :]])
        names.append(f"e5{i}")
        out[i] = names[-1]
    return out


def hdbscan_batch(ids: list[str], vectors: np.ndarray, min_cluster_size: int = 2) -> dict[str, str]:
    """sklearn's HDBSCAN on L2-normalised embeddings; noise points become singletons."""
    from sklearn.cluster import HDBSCAN

    labels = HDBSCAN(min_cluster_size=min_cluster_size, min_samples=1).fit_predict(vectors)
    return {i: (f"h{lab}" if lab >= 0 else f"noise{i}") for i, lab in zip(ids, labels)}
