"""Baselines NewsWeave is compared with, side by side, in bench_clustering.py.

1. Event Registry-style (Leban et al. 2014; Rupnik et al., JAIR 2016): per-language
   TF-IDF vectors, online centroid clustering, cosine threshold 0.4, 4-day window
   (an undated article is inside every window, so on an undated stream the window
   never applies). Event Registry links clusters across languages in a second step
   (CCA); the baseline as specified is the monolingual clustering step, so
   cross-language pairs are never joined — that is its documented limit, not a bug.
2. Plain e5 cosine, online, with one threshold: the "just embed it" system.
3. HDBSCAN on the same e5 embeddings, in batch: what a BERTopic user gets.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

# Scripts written without spaces between words: a run of them is split into character bigrams,
# the usual bag-of-words unit for Chinese/Japanese (a whole run would be one unmatched "word").
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W\d_]{{2,}}|\d+", re.UNICODE)
_CJK_RUN = re.compile(rf"[{_CJK}]+")


def tokens(text: str) -> list[str]:
    """Lower-cased words of two or more letters, numbers, and CJK character bigrams."""
    out: list[str] = []
    for t in _TOKEN.findall(text.lower()):
        if _CJK_RUN.fullmatch(t):
            out.extend(t[i : i + 2] for i in range(max(1, len(t) - 1)))
        else:
            out.append(t)
    return out


def tfidf_by_language(arts: Sequence[dict]) -> tuple[dict[str, list[int]], dict[str, np.ndarray]]:
    """Per language: article indices and their article-by-article TF-IDF cosine matrix."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    by_lang: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(arts):
        by_lang[a.get("language") or "und"].append(i)
    sims: dict[str, np.ndarray] = {}
    for lang, idx in by_lang.items():
        # IDF fitted on the whole language batch: a simplification of ER's running IDF.
        vec = TfidfVectorizer(sublinear_tf=True, analyzer=tokens)
        x = vec.fit_transform([f"{arts[i].get('title') or ''} {arts[i].get('text') or ''}" for i in idx])
        sims[lang] = (x @ x.T).toarray().astype(np.float64)
    return by_lang, sims


def event_registry_tfidf(
    arts: Sequence[dict],
    times: Sequence[float | None] | None = None,
    threshold: float = 0.4,
    window_days: float = 4.0,
    prepared: tuple[dict[str, list[int]], dict[str, np.ndarray]] | None = None,
) -> dict[str, str]:
    """Per-language TF-IDF online centroid clustering. ``arts`` need id, title, text, language.

    An article joins the cluster whose centroid (sum of member vectors) is most cosine-similar,
    if that cosine reaches ``threshold`` and the cluster's last article is within ``window_days``;
    else it opens a cluster. Cosines to centroids come exactly from the article-article cosine
    matrix: x·Σm / |Σm| with |Σm|² kept incrementally, so the pass is vectorised.
    ``prepared`` (from :func:`tfidf_by_language`) lets a threshold sweep reuse the matrices.
    """
    times = list(times) if times is not None else [None] * len(arts)
    by_lang, sims = prepared or tfidf_by_language(arts)
    out: dict[str, str] = {}
    for lang, idx in by_lang.items():
        s = sims[lang]
        label = np.full(len(idx), -1, dtype=np.int64)
        norm2: list[float] = []
        last: list[float | None] = []
        first: list[int] = []
        for r, i in enumerate(idx):
            best = -1
            if norm2:
                dots = np.bincount(label[:r], weights=s[r, :r], minlength=len(norm2))
                cos = dots / np.sqrt(np.maximum(np.asarray(norm2), 1e-12))
                t = times[i]
                if t is not None:
                    # Undated clusters (last None) stay open: an undated stream has no window.
                    stale = np.array([lt is not None and abs(t - lt) > window_days for lt in last])
                    cos[stale] = -1.0
                j = int(np.argmax(cos))
                if cos[j] >= threshold:
                    best = j
                    norm2[j] += 2 * dots[j] + s[r, r]
                    last[j] = t if t is not None else last[j]
            if best < 0:
                best = len(norm2)
                norm2.append(float(s[r, r]))
                last.append(times[i])
                first.append(i)
            label[r] = best
        for r, i in enumerate(idx):
            out[arts[i]["id"]] = f"er-{lang}-{first[label[r]]}"
    return out


def e5_online(ids: list[str], vectors: np.ndarray, threshold: float) -> dict[str, str]:
    """Online centroid clustering on embeddings with a single cosine threshold."""
    sums = np.zeros_like(vectors, dtype=np.float32)
    cents = np.zeros_like(vectors, dtype=np.float32)
    n = 0
    names: list[str] = []
    out: dict[str, str] = {}
    for i, v in zip(ids, vectors):
        if n:
            sims = cents[:n] @ v
            j = int(np.argmax(sims))
            if sims[j] >= threshold:
                sums[j] += v
                cents[j] = sums[j] / np.linalg.norm(sums[j])
                out[i] = names[j]
                continue
        sums[n] = v
        cents[n] = v
        n += 1
        names.append(f"e5{i}")
        out[i] = names[-1]
    return out


def hdbscan_batch(ids: list[str], vectors: np.ndarray, min_cluster_size: int = 2) -> dict[str, str]:
    """sklearn's HDBSCAN on L2-normalised embeddings; noise points become singletons."""
    from sklearn.cluster import HDBSCAN

    labels = HDBSCAN(min_cluster_size=min_cluster_size, min_samples=1, copy=True).fit_predict(vectors)
    return {i: (f"h{lab}" if lab >= 0 else f"noise{i}") for i, lab in zip(ids, labels)}
