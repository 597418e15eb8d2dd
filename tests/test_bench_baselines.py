"""The baselines of bench/bench_clustering.py: the vectorised Event Registry-style clustering must give
exactly what the textbook loop (cosine to each centroid, recomputed) gives."""

from __future__ import annotations

import random
import sys

import numpy as np

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from baselines import e5_online, event_registry_tfidf, tfidf_by_language, tokens  # noqa: E402


def test_tokens_split_cjk_into_bigrams_and_keep_other_scripts() -> None:
    assert tokens("北京下雨 Привет, мир! Ελλάδα 2022 a") == ["北京", "京下", "下雨", "привет", "мир", "ελλάδα", "2022"]


def _naive(arts, times, threshold=0.4, window=4.0):
    """The plain loop: TF-IDF rows summed per cluster, cosine to every centroid recomputed."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    out = {}
    for lang in {a["language"] for a in arts}:
        idx = [i for i, a in enumerate(arts) if a["language"] == lang]
        x = TfidfVectorizer(sublinear_tf=True, analyzer=tokens).fit_transform(
            [f"{arts[i]['title']} {arts[i]['text']}" for i in idx]).toarray()
        clusters: list[dict] = []
        for r, i in enumerate(idx):
            best, best_sim = None, -1.0
            for c in clusters:
                if times[i] is not None and c["last"] is not None and abs(times[i] - c["last"]) > window:
                    continue
                sim = float(x[r] @ c["sum"] / max(np.linalg.norm(c["sum"]), 1e-6))
                if sim > best_sim:
                    best, best_sim = c, sim
            if best is None or best_sim < threshold:
                best = {"sum": np.zeros_like(x[r]), "last": times[i], "first": i}
                clusters.append(best)
            best["sum"] = best["sum"] + x[r]
            best["last"] = times[i] if times[i] is not None else best["last"]
            out[arts[i]["id"]] = best["first"]
    return out


def _same_partition(a: dict, b: dict) -> bool:
    return all((a[x] == a[y]) == (b[x] == b[y]) for x in a for y in a)


def test_event_registry_matches_the_plain_loop() -> None:
    rnd = random.Random(3)
    vocab = {"en": "storm flood river bridge vote party minister court fire forest rescue".split(),
             "zh": ["北京下雨", "洪水来了", "总统选举", "法院判决"]}
    arts, times = [], []
    for i in range(60):
        lang = "en" if i % 3 else "zh"
        words = rnd.sample(vocab[lang], 3 if lang == "en" else 2)
        arts.append({"id": f"a{i}", "title": words[0], "text": " ".join(words), "language": lang})
        times.append(None if i % 7 == 0 else float(rnd.randint(0, 12)))
    for th in (0.2, 0.4, 0.6):
        for t in (times, [None] * len(arts)):
            fast = event_registry_tfidf(arts, t, threshold=th)
            assert _same_partition(fast, _naive(arts, t, threshold=th)), (th, t is times)
    # Reusing the matrices for a sweep changes nothing; the window separates far-apart days.
    prep = tfidf_by_language(arts)
    assert event_registry_tfidf(arts, times, prepared=prep) == event_registry_tfidf(arts, times)
    twin = [{"id": x, "title": "storm", "text": "storm flood river", "language": "en"} for x in "xy"]
    assert len(set(event_registry_tfidf(twin, [0.0, 1.0]).values())) == 1
    assert len(set(event_registry_tfidf(twin, [0.0, 9.0]).values())) == 2


def test_e5_online_threshold() -> None:
    v = np.array([[1, 0], [0.99, 0.14], [0, 1]], dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    assert e5_online(["a", "b", "c"], v, 0.9) == {"a": "e5a", "b": "e5a", "c": "e5c"}
    assert len(set(e5_online(["a", "b", "c"], v, 0.999).values())) == 3
