"""Event clustering on SemEval-2022 Task 8, per language pair, against plain e5 cosine.

    .venv/bin/python bench/semeval_clustering.py                 # shipped scorer + threshold, and e5 baseline
    .venv/bin/python bench/semeval_clustering.py --sweep         # F1 per assign_threshold
    .venv/bin/python bench/semeval_clustering.py --cv            # thresholds and scorers chosen out of fold

Writes its BENCHMARKS section to bench/out/semeval_clustering.md (numbers in .json).

Does what ``semeval-check clustering`` does — every article as one stream, in the
order semeval-check writes them, no dates; F1 of "both in one event" on labelled
pairs (same: Overall <= 2, different: Overall >= 3, pairs in between skipped) —
but in-process and per language pair. The stream is replayed with the pipeline's
own pieces (clean, annotate, near-duplicate links, ``article_profile``,
``OnlineClusterer``) on cached embeddings, so a threshold sweep costs seconds, not
a full re-ingest. ``--pipeline`` runs the real :class:`Pipeline` instead (slower),
to check that the replay agrees with it.

The baseline is the same online clusterer whose score is the e5 cosine alone, at
the single best cosine threshold found on all pairs (so the baseline is, if
anything, flattered).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsweave.cluster import OnlineClusterer, Profile, Scorer, article_profile  # noqa: E402
from newsweave.config import Settings  # noqa: E402
from newsweave.model import Article  # noqa: E402
from semeval_common import OUT, Pair, load, log  # noqa: E402
from train_scorer import embed, feature_matrix, fit, fit_centres, folds, prepare_articles, targets  # noqa: E402


def cosine_scorer(threshold: float, sharpness: float = 200.0) -> Scorer:
    """The e5 cosine alone as a scorer: P = sigmoid(sharpness * (cosine - threshold)), so that
    P >= 0.5 exactly when the cosine reaches ``threshold`` (the baseline; run it at assign_threshold 0.5)."""
    return Scorer({"dense": 1.0}, -sharpness * threshold, {"dense": 0.0}, {"dense": 1.0 / sharpness})


def _days(article: Article) -> float | None:
    from newsweave.pipeline import _days as pipeline_days

    return pipeline_days(article)


class Stream:
    """Prepared articles in stream order, with profiles and near-duplicate links (threshold-independent)."""

    def __init__(self, records: dict[str, dict], chars: int, settings: Settings) -> None:
        from newsweave.clean import NearDuplicateIndex

        self.articles = prepare_articles(records)
        self.vecs = embed(self.articles, chars)
        self.order = list(records)
        self.profiles = self.profiles_with("shipped")
        self.when = {k: _days(a) for k, a in self.articles.items()}
        # Near-duplicate links exactly as Pipeline._link_duplicates makes them.
        self.dup_of: dict[str, str] = {}
        nd = NearDuplicateIndex(threshold=settings.minhash_threshold)
        by_hash: dict[str, str] = {}
        for k in self.order:
            a = self.articles[k]
            orig = by_hash.get(a.content_hash)
            if orig is None:
                by_hash[a.content_hash] = k
            elif orig != k:
                self.dup_of[k] = orig
                continue
            sig = nd.signature(f"{a.title}\n{a.text}")
            match = nd.query(sig)
            if match is not None and match != k:
                self.dup_of[k] = match
            else:
                nd.add(k, sig)

    def profiles_with(self, centres) -> dict[str, Profile]:
        return {k: article_profile(a, self.vecs[k], centres=centres) for k, a in self.articles.items()}

    def run(self, scorer, threshold: float, settings: Settings, profiles: dict[str, Profile] | None = None) -> dict:
        """Article id -> event id, for one pass of the online clusterer."""
        profiles = profiles or self.profiles
        dim = len(next(iter(profiles.values())).vector)
        c = OnlineClusterer(scorer, dim=dim, window_days=settings.window_days,
                            story_window_days=settings.story_window_days, assign_threshold=threshold,
                            story_threshold=settings.story_threshold, candidates=settings.candidates)
        event: dict[str, str] = {}
        for k in self.order:
            follow = event.get(self.dup_of[k]) if k in self.dup_of else None
            # A fresh copy: the clusterer's events take (and grow) the profile they are opened with.
            event[k] = c.assign(k, copy.deepcopy(profiles[k]), self.when[k], follow).event_id
        return event


def run_pipeline(records: dict[str, dict], threshold: float) -> dict[str, str]:
    """The real Pipeline on a temporary store (embeddings from the shared cache)."""
    import tempfile

    from newsweave.embed import CachedEncoder, get_encoder
    from newsweave.ingest import record_to_raw
    from newsweave.pipeline import Pipeline
    from newsweave.similarity import cache_path
    from newsweave.store import open_store
    from newsweave.store.sqlite import SQLiteStore

    settings = Settings(assign_threshold=threshold)
    d = tempfile.mkdtemp(prefix="nw-cluster-")
    store = open_store(f"{d}/db")
    enc = CachedEncoder(get_encoder(settings.encoder), SQLiteStore(cache_path()))
    pipe = Pipeline(store, settings=settings, encoder=enc)
    pipe.ingest([record_to_raw(dict(r), f"arts.jsonl:{i}") for i, r in enumerate(records.values(), 1)])
    out = store.article_events()
    store.close()
    return out


def f1_table(pairs: list[Pair], event: dict[str, str], sel: np.ndarray | None = None) -> dict[str, dict]:
    """F1 of "both in one event" per language pair (and all), on labelled pairs only."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for i, p in enumerate(pairs):
        if 2 < p.overall < 3 or (sel is not None and not sel[i]):
            continue
        pred = p.a in event and event.get(p.a) == event.get(p.b)
        key = "tp" if p.same and pred else "fp" if pred else "fn" if p.same else "tn"
        for g in ("all", "same-language" if p.lang_a == p.lang_b else "cross-language", p.langs):
            counts[g][key] += 1
    out = {}
    for g, c in counts.items():
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        out[g] = {"n": sum(c.values()), "same": tp + fn, "tp": tp, "fp": fp, "fn": fn, "f1": 2 * tp / max(1, 2 * tp + fp + fn),
                  "precision": tp / max(1, tp + fp), "recall": tp / max(1, tp + fn)}
    return out


def _order(groups: dict) -> list[str]:
    head = [g for g in ("all", "same-language", "cross-language") if g in groups]
    return head + sorted((g for g in groups if g not in head), key=lambda g: -groups[g]["n"])


def _fmt_sweep(rows: list[tuple[float, dict]], best: float) -> list[str]:
    """The sweep as one wide table: thresholds across, F1 / precision / recall down."""
    head = " | ".join(f"**{t:.2f}**" if t == best else f"{t:.2f}" for t, _ in rows)
    out = [f"| assign_threshold | {head} |", "|---|" + "---:|" * len(rows)]
    for key, name in (("f1", "F1"), ("precision", "precision"), ("recall", "recall")):
        out.append(f"| {name} | " + " | ".join(f"**{r[key]:.3f}**" if key == "f1" and t == best else f"{r[key]:.3f}"
                                                for t, r in rows) + " |")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sweep", action="store_true", help="F1 for a range of assign_threshold values")
    ap.add_argument("--cv", action="store_true", help="scorer and threshold chosen without the evaluated pairs")
    ap.add_argument("--pipeline", action="store_true", help="also run the real Pipeline at the shipped threshold")
    ap.add_argument("--out", type=Path, default=OUT / f"{Path(__file__).stem}.md")
    args = ap.parse_args(argv)
    t_start = time.perf_counter()

    settings = Settings()  # shipped defaults (not the environment's)
    pairs, records = load()
    stream = Stream(records, settings.embed_chars, settings)
    scorer = Scorer.load()
    shipped = settings.assign_threshold
    cmd = "python bench/semeval_clustering.py" + "".join(
        f" --{k}" for k in ("sweep", "cv", "pipeline") if getattr(args, k))
    lines: list[str] = [
        "### Clustering on SemEval (`bench/semeval_clustering.py`)", "",
        f"`{cmd}` — semeval-check's stream replayed in-process with the pipeline's own pieces (clean, annotate, "
        "near-duplicate links, `article_profile`, `OnlineClusterer`) on cached embeddings, so a threshold costs "
        "seconds, not a re-ingest; `--pipeline` checks that the real `Pipeline` gives the same F1"
        f"{' (below)' if args.pipeline else ' (not run here)'}. Every "
        "article of the train split as one undated stream; F1 of \"both in one event\" on labelled pairs "
        "(same: Overall ≤ 2, different: ≥ 3). The shipped scorer was fitted on these pairs, so in-sample "
        "figures flatter it; `--cv` gives the out-of-fold estimate.", ""]
    result: dict = {"assign_threshold": shipped}

    thresholds = [round(x, 2) for x in np.arange(0.3, 0.81, 0.05)]
    if args.sweep or args.cv:
        sweep = [(t, f1_table(pairs, stream.run(scorer, t, settings))["all"]) for t in thresholds]
        best = max(sweep, key=lambda x: x[1]["f1"])[0]
        result["sweep"] = {f"{t:.2f}": r for t, r in sweep}
        within = [t for t, r in sweep if r["f1"] >= max(r2["f1"] for _, r2 in sweep) - 0.01]
        lines += ["F1 of \"both in one event\" on labelled pairs by `assign_threshold` (shipped scorer):", ""]
        lines += _fmt_sweep(sweep, best)
        lines += ["", f"Best in-sample: {best:.2f}; within 0.01 of the best F1: {min(within):.2f}–{max(within):.2f} "
                  f"(shipped default {shipped:.2f}). Why below 0.5: with a calibrated probability, the threshold "
                  "that maximises F1 is about half the best F1, and an article is compared with an event centroid, "
                  "which is a little less similar than its nearest member.", ""]

    raw = stream.profiles_with(None)  # plain e5 vectors, not language-centred
    cos_grid = [round(x, 3) for x in np.arange(0.80, 0.951, 0.01)]
    cos_f1 = {t: f1_table(pairs, stream.run(cosine_scorer(t), 0.5, settings, raw))["all"]["f1"] for t in cos_grid}
    best_cos = max(cos_f1, key=lambda t: cos_f1[t])
    log(f"best e5 cosine threshold {best_cos} (F1 {cos_f1[best_cos]:.3f})")

    ours = f1_table(pairs, stream.run(scorer, shipped, settings))
    base = f1_table(pairs, stream.run(cosine_scorer(best_cos), 0.5, settings, raw))
    result["per_pair"] = {"scorer": ours, "e5_cosine": base, "e5_threshold": best_cos}
    lines += [f"Per language pair at `assign_threshold` {shipped}, against the same online clusterer scoring plain "
              f"e5 cosine (not centred) at its single best threshold on all pairs ({best_cos:.2f}, chosen in-sample, "
              "so the baseline is flattered):", "",
              "| pairs | labelled | same | F1 scorer | P | R | F1 e5 cosine | P | R |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for g in _order(ours):
        o, b = ours[g], base.get(g, {"f1": float("nan"), "precision": float("nan"), "recall": float("nan")})
        lines.append(f"| {g} | {o['n']} | {o['same']} | {o['f1']:.3f} | {o['precision']:.3f} | {o['recall']:.3f} "
                     f"| {b['f1']:.3f} | {b['precision']:.3f} | {b['recall']:.3f} |")
    cross_o, cross_b = ours.get("cross-language", {}).get("f1"), base.get("cross-language", {}).get("f1")
    if cross_o is not None and cross_b is not None:
        lines += ["", "A single raw-cosine threshold cannot serve both: cross-language cosines run lower, so the "
                  f"threshold that suits same-language pairs rarely joins across languages (cross-language F1 "
                  f"{cross_b:.2f}). Language centring plus the scorer brings cross-language to {cross_o:.2f}."]
    lines.append("")

    if args.cv:
        # Honest estimate: for each fold, a scorer trained on the other folds' pairs and the threshold that is
        # best on the other folds' pairs (in a stream scored by that scorer); F1 counted on the fold's pairs only.
        t_all = targets(pairs, "hard")
        tp = fp = fn = 0
        chosen = []
        for k, (tr, _te) in enumerate(folds(pairs)):
            keys = list(dict.fromkeys([pairs[i].a for i in tr] + [pairs[i].b for i in tr]))
            profiles = stream.profiles_with(fit_centres(stream.articles, stream.vecs, keys))
            X = feature_matrix(pairs, profiles)
            model = fit(X[tr], t_all[tr])
            fold_scorer = Scorer(model["weights"], model["bias"], model["mean"], model["scale"])
            train_sel = np.zeros(len(pairs), bool)
            train_sel[tr] = True
            test_sel = ~train_sel
            runs = {t: stream.run(fold_scorer, t, settings, profiles) for t in thresholds}
            best = max(thresholds, key=lambda t: f1_table(pairs, runs[t], train_sel)["all"]["f1"])
            chosen.append(best)
            r = f1_table(pairs, runs[best], test_sel)["all"]
            tp, fp, fn = tp + r["tp"], fp + r["fp"], fn + r["fn"]
            log(f"fold {k}: threshold {best}, held-out F1 {r['f1']:.3f}")
        f1 = 2 * tp / max(1, 2 * tp + fp + fn)
        result["cv"] = {"thresholds": chosen, "f1": f1}
        lines += [f"Out of fold (for each grouped fold: scorer retrained and threshold chosen on the other folds' "
                  f"pairs, F1 counted on the fold's pairs only): thresholds chosen {[float(t) for t in chosen]}, "
                  f"pooled held-out F1 **{f1:.3f}** (precision {tp / max(1, tp + fp):.3f}, recall "
                  f"{tp / max(1, tp + fn):.3f}) vs {ours['all']['f1']:.3f} in-sample.", ""]

    if args.pipeline:
        real = f1_table(pairs, run_pipeline(records, shipped))["all"]
        result["pipeline_f1"] = real["f1"]
        lines += [f"Real `Pipeline` at {shipped}: F1 {real['f1']:.3f} (replay: {ours['all']['f1']:.3f}).", ""]

    lines += ["Through the CLI, `../shared/tools/semeval-check clustering` (fresh database, so every article is "
              "embedded) is not re-run by `make bench` (about 10 minutes, encoder-bound); when last measured it gave "
              "the replay's figure exactly (F1 0.813, 2,502 articles in 611 s).",
              "", f"({time.perf_counter() - t_start:,.0f} s for this section.)"]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, "utf-8")
    args.out.with_suffix(".json").write_text(json.dumps(result, indent=1, default=float), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
