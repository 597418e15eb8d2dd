"""Pairwise same-event scoring for ``newsweave similarity``: the clusterer's scorer on two articles."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from newsweave.cluster import Scorer, article_profile
from newsweave.config import get_settings
from newsweave.embed import CachedEncoder, embed_text, get_encoder
from newsweave.ingest import RecordError, record_to_raw
from newsweave.model import Article


def cache_path() -> str:
    """Where pairwise runs keep embeddings between runs."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return os.environ.get("NEWSWEAVE_CACHE") or str(Path(base) / "newsweave" / "cache.db")


def _clean(record: dict, origin: str) -> Article:
    from newsweave.clean import clean_article

    record = {"id": origin, "title": "", **record}
    if not str(record.get("text") or "").strip():
        record["text"] = record.get("title") or " "
    return clean_article(record_to_raw(record, origin))


def prepare(record: dict, origin: str) -> Article:
    """Clean and annotate one article record (a missing id or title is tolerated here)."""
    return prepare_batch([(record, origin)])[0]


def prepare_batch(records: list[tuple[dict, str]]) -> list[Article]:
    """Clean and annotate every record (records: (record, origin)), one by one as ingest does.

    Raises what ``record_to_raw`` raises for the first bad record.
    """
    from newsweave.annotate import annotate

    return [annotate(_clean(r, o)) for r, o in records]


def score_pairs(path: Path, encoder: str | None = None, explain: bool = False) -> Iterator[dict]:
    """Yield {"pair_id","score"} (plus parts with ``explain``) for each line of a pairs file.

    A malformed line yields {"pair_id", "score": null, "error"} rather than stopping the run.
    """
    from newsweave.annotate import annotate
    from newsweave.store.sqlite import SQLiteStore

    settings = get_settings()
    enc = CachedEncoder(get_encoder(encoder or settings.encoder), SQLiteStore(cache_path()))
    scorer = Scorer.load().for_encoder(enc.name)
    rows: list[tuple[str, Article | None, Article | None, str | None]] = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        pair_id = f"line{n}"
        try:
            d = json.loads(line)
            pair_id = str(d.get("pair_id", pair_id))
            a = annotate(_clean(d["a"], f"{pair_id}:a"))
            b = annotate(_clean(d["b"], f"{pair_id}:b"))
            rows.append((pair_id, a, b, None))
        except (ValueError, KeyError, TypeError, AttributeError, RecordError) as e:
            rows.append((pair_id, None, None, f"{type(e).__name__}: {e}"))
    arts = [x for _, a, b, e in rows if e is None for x in (a, b)]
    vectors = enc.encode([embed_text(a, settings.embed_chars) for a in arts])
    for a, v in zip(arts, vectors):
        a.vector = v
    for pair_id, a, b, error in rows:
        if error is not None or a is None or b is None:
            yield {"pair_id": pair_id, "score": None, "error": error}
            continue
        p, feats = scorer.score(article_profile(a), article_profile(b))
        row: dict = {"pair_id": pair_id, "score": round(p, 6)}
        if explain:
            # Largest share of the logit first: the reasons for the score, in order of weight.
            contrib = scorer.contributions(feats)
            row["features"] = {k: round(v, 4) for k, v in feats.items()}
            row["contributions"] = {k: round(v, 4) + 0.0 for k, v in sorted(contrib.items(), key=lambda kv: -abs(kv[1]))}
            row["bias"] = round(scorer.bias, 4)
            row["logit"] = round(scorer.bias + sum(contrib.values()), 4)
        yield row
