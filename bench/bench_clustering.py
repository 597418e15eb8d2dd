"""Clustering quality and speed: NewsWeave vs three baselines, side by side, in one run.

    python bench/bench_clustering.py [--limit N] [--out bench/out/clustering.md]

Datasets:
- SemEval-2022 Task 8 train split (../shared): every article of every pair as one undated stream;
  F1 of "both in one event" on labelled pairs (same: Overall <= 2, different: >= 3), exactly as
  ../shared/tools/semeval-check clustering measures it, overall and per language pair.
- The bundled demo corpus (our own, with gold events and publication dates): pairwise and BCubed F1.
Embeddings come from the shared cache (newsweave.similarity.cache_path()), so the baselines and
NewsWeave see the very same vectors; a cold first run spends most of its time in the encoder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from importlib import resources
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baselines import e5_online, event_registry_tfidf, hdbscan_batch  # noqa: E402
from newsweave.annotate import annotate  # noqa: E402
from newsweave.clean import clean_article  # noqa: E402
from newsweave.config import get_settings  # noqa: E402
from newsweave.embed import CachedEncoder, embed_text, get_encoder  # noqa: E402
from newsweave.evaluate import bcubed_prf, pairwise_prf  # noqa: E402
from newsweave.ingest import record_to_raw  # noqa: E402
from newsweave.pipeline import Pipeline  # noqa: E402
from newsweave.similarity import cache_path  # noqa: E402
from newsweave.store import open_store  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402
from semeval_common import load  # noqa: E402


def labelled_f1(pred: dict[str, str], pairs) -> dict[str, dict]:
    """semeval-check's measure, overall and per language pair."""
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in pairs:
        if 2 < p.overall < 3:
            continue
        same = pred.get(p.a) is not None and pred.get(p.a) == pred.get(p.b)
        for g in ("all", p.langs):
            c = groups[g]
            c[0] += p.same and same
            c[1] += (not p.same) and same
            c[2] += p.same and not same
    out = {}
    for g, (tp, fp, fn) in groups.items():
        out[g] = {"f1": 2 * tp / max(1, 2 * tp + fp + fn), "precision": tp / max(1, tp + fp),
                  "recall": tp / max(1, tp + fn), "n": tp + fn + fp}
    return out


def prepared(records: list[dict]):
    arts = []
    for r in records:
        arts.append(annotate(clean_article(record_to_raw(r, r["id"]))))
    return arts


def vectors_for(arts, encoder) -> np.ndarray:
    settings = get_settings()
    return encoder.encode([embed_text(a, settings.embed_chars) for a in arts])


def run_newsweave(records: list[dict], encoder) -> tuple[dict[str, str], float]:
    from newsweave.ingest.records import record_to_raw as to_raw

    with tempfile.TemporaryDirectory() as d:
        store = open_store(str(Path(d) / "b.db"))
        t = time.perf_counter()
        Pipeline(store, encoder=encoder).ingest([to_raw(r, r["id"]) for r in records])
        secs = time.perf_counter() - t
        pred = store.article_events()
        store.close()
    return pred, secs


def best_threshold(ids, vecs, score) -> tuple[float, dict[str, str]]:
    best = (-1.0, 0.0, {})
    for th in np.arange(0.80, 0.96, 0.01):
        pred = e5_online(ids, vecs, float(th))
        f = score(pred)
        if f > best[0]:
            best = (f, float(th), pred)
    return best[1], best[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="first N SemEval pairs only")
    ap.add_argument("--out", default=str(Path(__file__).parent / "out" / "clustering.md"))
    args = ap.parse_args()
    settings = get_settings()
    encoder = CachedEncoder(get_encoder(settings.encoder), SQLiteStore(cache_path()))
    lines = ["| dataset | method | F1 | precision | recall | events | articles/s (clustering) |", "|---|---|---|---|---|---|---|"]
    per_pair_rows: dict[str, dict[str, float]] = defaultdict(dict)

    # --- SemEval --------------------------------------------------------------------------
    pairs, arts_by_id = load(limit=args.limit)
    records = list(arts_by_id.values())
    arts = prepared(records)
    ids = [a.id for a in arts]
    t = time.perf_counter()
    vecs = vectors_for(arts, encoder)
    embed_secs = time.perf_counter() - t
    results = {}
    pred, secs = run_newsweave(records, encoder)
    results["NewsWeave"] = (pred, secs)
    t = time.perf_counter()
    results["Event Registry-style TF-IDF"] = (event_registry_tfidf(records), time.perf_counter() - t)
    th, pred = best_threshold(ids, vecs, lambda p: labelled_f1(p, pairs)["all"]["f1"])
    t = time.perf_counter()
    e5_online(ids, vecs, th)
    results[f"e5 cosine online (best threshold {th:.2f}, tuned on this data)"] = (pred, time.perf_counter() - t)
    t = time.perf_counter()
    results["HDBSCAN on e5 (batch)"] = (hdbscan_batch(ids, vecs), time.perf_counter() - t)
    for name, (pred, secs) in results.items():
        m = labelled_f1(pred, pairs)
        lines.append(f"| SemEval train ({len(ids)} articles) | {name} | {m['all']['f1']:.3f} | "
                     f"{m['all']['precision']:.3f} | {m['all']['recall']:.3f} | {len(set(pred.values()))} | "
                     f"{len(ids) / max(secs, 1e-9):,.0f} |")
        for g, v in m.items():
            per_pair_rows[g][name] = v["f1"]

    # --- demo corpus --------------------------------------------------------------------
    demo = Path(str(resources.files("newsweave.data").joinpath("demo")))
    drecs = [json.loads(x) for x in (demo / "articles.jsonl").read_text("utf-8").splitlines()]
    gold = {json.loads(x)["id"]: json.loads(x)["event"] for x in (demo / "labels.jsonl").read_text().splitlines()}
    darts = prepared(drecs)
    dids = [a.id for a in darts]
    dvecs = vectors_for(darts, encoder)
    days = [a.published.timestamp() / 86400 if a.published else None for a in darts]
    dres = {}
    pred, secs = run_newsweave(drecs, encoder)
    dres["NewsWeave"] = (pred, secs)
    t = time.perf_counter()
    dres["Event Registry-style TF-IDF"] = (event_registry_tfidf(drecs, days), time.perf_counter() - t)
    dth, pred = best_threshold(dids, dvecs, lambda p: pairwise_prf(p, gold)["f1"])
    dres[f"e5 cosine online (best threshold {dth:.2f}, tuned on this data)"] = (pred, 0.0)
    t = time.perf_counter()
    dres["HDBSCAN on e5 (batch)"] = (hdbscan_batch(dids, dvecs), time.perf_counter() - t)
    for name, (pred, secs) in dres.items():
        m, b = pairwise_prf(pred, gold), bcubed_prf(pred, gold)
        speed = f"{len(dids) / secs:,.0f}" if secs else "—"
        lines.append(f"| demo corpus ({len(dids)} articles), pairwise (BCubed F1 {b['f1']:.3f}) | {name} | "
                     f"{m['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | {len(set(pred.values()))} | {speed} |")

    methods = list(results)
    lines += ["", "Per language pair, SemEval F1 of \"both in one event\":", "",
              "| pair | " + " | ".join(methods) + " |", "|---|" + "---|" * len(methods)]
    for g in sorted(per_pair_rows, key=lambda k: (k != "all", k)):
        lines.append(f"| {g} | " + " | ".join(f"{per_pair_rows[g].get(m, float('nan')):.3f}" for m in methods) + " |")
    lines += ["", f"Embedding {len(ids)} SemEval articles (cache hits where warm): {embed_secs:.1f}s. "
              "NewsWeave's articles/s includes clean, annotate, scoring, describe and SQLite writes; "
              "the baselines' figure is their clustering step alone."]
    text = "\n".join(lines)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
