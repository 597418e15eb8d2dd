"""The clustering core at scale: throughput, peak memory and quality on planted events.

    python bench/bench_cluster_scale.py                      # 10k, 100k, 1M articles over 30 days
    python bench/bench_cluster_scale.py --sizes 10000 --restart
    python bench/bench_cluster_scale.py --plot-only          # redraw docs/img/cluster_scale.png
    python bench/bench_cluster_scale.py --one 1000000 > 1m.json && python bench/bench_cluster_scale.py --add 1m.json --plot-only

Each size runs in its own process (so its peak RSS is its own) on a stream from
bench/planted.py: 384-d vectors and entity/place/day/term keys built directly,
no text, so only :class:`OnlineClusterer` is measured, with the shipped scorer
and the default settings. Reported per size: articles per second of wall time
and per CPU second (the machine is shared, CPU time is the steadier number),
peak RSS of the process and the RSS before clustering started (the planted
stream's own arrays), the most events active at once, how many candidates per
article were fully scored (the rest were ruled out by the score bound), and
exact pairwise precision/recall/F1 against the planted events (all pairs,
counted from the contingency table, so no sampling even at 1M). ``--restart``
also checkpoints the clusterer half way, restores it in a fresh clusterer and
counts how many later assignments differ from the uninterrupted run (after the peak
RSS is taken).
Results go to bench/out/cluster_scale.json and the plot to docs/img/.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from array import array
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from newsweave.cluster import OnlineClusterer, Scorer  # noqa: E402
from newsweave.config import Settings  # noqa: E402
from planted import pairwise_prf, plant, stream  # noqa: E402

OUT = ROOT / "bench" / "out" / "cluster_scale.json"
PLOT = ROOT / "docs" / "img" / "cluster_scale.png"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def scorer_stamp() -> str:
    """Which scorer parameters a result was measured with (they are retrained from time to time)."""
    import hashlib
    from importlib import resources

    return hashlib.sha1(resources.files("newsweave.data").joinpath("scorer.json").read_bytes()).hexdigest()[:10]


def new_clusterer(dim: int = 384) -> OnlineClusterer:
    s = Settings()
    return OnlineClusterer(
        Scorer.load(), dim=dim, window_days=s.window_days, story_window_days=s.story_window_days,
        assign_threshold=s.assign_threshold, story_threshold=s.story_threshold, candidates=s.candidates,
    )


def run_one(n: int, noise: float, seed: int, restart: bool) -> dict:
    stamp = scorer_stamp()  # now, when Scorer.load() reads it
    planted = plant(n, seed=seed)
    base_rss = rss_mb()
    c = new_clusterer()
    ids: dict[str, int] = {}
    pred, gold = array("i"), array("i")
    cpu = wall = 0.0
    active = 0
    half_state: bytes | None = None
    for chunk in stream(planted, noise=noise, seed=seed + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        for aid, prof, when, e in chunk:
            a = c.assign(aid, prof, when)
            pred.append(ids.setdefault(a.event_id, len(ids)))
            gold.append(e)
        cpu += time.process_time() - c0
        wall += time.perf_counter() - t0
        active = max(active, len(c.events))
        if len(pred) % (8192 * 12) < len(chunk):
            print(f"{len(pred)} articles, {len(c.events)} active, {n / max(cpu, 1e-9) * len(pred) / n:.0f}/cpu-s, "
                  f"rss {rss_mb():.0f} MB", file=sys.stderr, flush=True)
        if restart and half_state is None and len(pred) >= n // 2:
            half_state, half_at = c.state(), len(pred)
    p, r, f1 = pairwise_prf(np.frombuffer(pred, dtype=np.int32), np.frombuffer(gold, dtype=np.int32))
    peak = rss_mb()
    state = c.state()
    out = {
        "n": n, "noise": noise, "seed": seed, "gold_events": int(len(np.unique(planted.article_event))),
        "events": len(ids), "active_peak": active, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "articles_per_s": round(n / wall), "articles_per_cpu_s": round(n / cpu),
        "scored_per_article": round(c.scored / n, 3), "precision": round(p, 4), "recall": round(r, 4),
        "f1": round(f1, 4), "rss_before_mb": round(base_rss), "peak_rss_mb": round(peak),
        "state_mb": round(len(state) / 2**20, 1), "exact_search": len(c.events) <= c.exact_below,
        "load_avg": os.getloadavg()[0], "scorer": stamp,
    }
    if restart and half_state is not None:
        # The uninterrupted run's assignments after the checkpoint, against a restored clusterer's.
        back = new_clusterer()
        back.restore(half_state)
        inv = {v: k for k, v in ids.items()}
        again = array("i", pred[:half_at])
        same = 0
        tail = ((aid, prof, when) for chunk in stream(planted, noise=noise, seed=seed + 1, start=half_at)
                for aid, prof, when, _ in chunk)  # regenerated, identical: the stream is deterministic
        for (aid, prof, when), want in zip(tail, pred[half_at:]):
            got = back.assign(aid, prof, when).event_id
            same += got == inv[want]
            again.append(ids.setdefault(got, len(ids)))
        f1_again = pairwise_prf(np.frombuffer(again, dtype=np.int32), np.frombuffer(gold, dtype=np.int32))[2]
        out["restart"] = {"at": half_at, "after": n - half_at, "same_assignments": same, "identical": same == n - half_at,
                          "f1_restored_run": round(f1_again, 4)}
    return out


def plot(results: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rs = sorted(results, key=lambda r: r["n"])
    n = [r["n"] for r in rs]
    fig, ax = plt.subplots(1, 3, figsize=(13, 3.8))
    ax[0].plot(n, [r["articles_per_cpu_s"] for r in rs], "o-", label="per CPU second")
    ax[0].plot(n, [r["articles_per_s"] for r in rs], "s--", label="per wall second (shared machine)")
    ax[0].set(xscale="log", yscale="log", xlabel="articles in the stream", ylabel="articles / s",
              title="OnlineClusterer throughput")
    ax[0].legend(fontsize=8)
    ax[1].plot(n, [r["peak_rss_mb"] for r in rs], "o-", label="peak RSS")
    ax[1].plot(n, [r["rss_before_mb"] for r in rs], "s--", label="before clustering (stream arrays)")
    ax[1].plot(n, [r["active_peak"] / 100 for r in rs], "^:", label="active events / 100")
    ax[1].set(xscale="log", xlabel="articles in the stream", ylabel="MB", title="Memory")
    ax[1].legend(fontsize=8)
    ax[2].plot(n, [r["f1"] for r in rs], "o-", label="F1")
    ax[2].plot(n, [r["precision"] for r in rs], "s--", label="precision")
    ax[2].plot(n, [r["recall"] for r in rs], "^:", label="recall")
    low = min(min(r["f1"], r["recall"], r["precision"]) for r in rs)
    ax[2].set(xscale="log", ylim=(max(0.0, low - 0.1), 1.01), xlabel="articles in the stream",
              title="Pairwise, vs planted events")
    ax[2].legend(fontsize=8, loc="lower left")
    fig.suptitle("Clustering core on planted events: 384-d vectors, 30 days, events of 1–3 days", fontsize=10)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--noise", type=float, default=0.7, help="article noise (0.7: article–centroid cosine ≈ 0.82)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--restart", action="store_true", help="also checkpoint half way and compare a restored run")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--plot", type=Path, default=PLOT)
    ap.add_argument("--plot-only", action="store_true")
    ap.add_argument("--add", type=Path, help="merge the JSON line of a `--one N` run (e.g. 1M, run apart) into --out")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(run_one(a.one, a.noise, a.seed, a.restart)))
        return
    results = json.loads(a.out.read_text()) if a.out.exists() else []
    if a.add:
        r = json.loads(a.add.read_text().strip().splitlines()[-1])
        results = [x for x in results if not (x["n"] == r["n"] and x["noise"] == r["noise"])] + [r]
        a.out.write_text(json.dumps(sorted(results, key=lambda x: (x["noise"], x["n"])), indent=1))
    if not a.plot_only:
        for n in a.sizes:
            cmd = [sys.executable, __file__, "--one", str(n), "--noise", str(a.noise), "--seed", str(a.seed)]
            if a.restart:
                cmd.append("--restart")
            done = subprocess.run(cmd, capture_output=True, text=True, check=True)
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(json.dumps(r), flush=True)
            results = [x for x in results if not (x["n"] == n and x["noise"] == a.noise)] + [r]
            a.out.parent.mkdir(parents=True, exist_ok=True)
            a.out.write_text(json.dumps(sorted(results, key=lambda x: (x["noise"], x["n"])), indent=1))
    plot([r for r in results if r["noise"] == a.noise], a.plot)
    print(f"plot: {a.plot}")


if __name__ == "__main__":
    main()
