"""Read side of the API: per-thread read-only connections and the shapes built from stored data."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

from newsweave.cli import article_json
from newsweave.model import Article, Event
from newsweave.store import Store


class Readers:
    """Hands each worker thread its own read-only connection to a SQLite file.

    The store's single connection is guarded by a lock that an ingest holds for a whole
    batch transaction; readers on their own connections read the last committed snapshot
    (WAL) and never wait for it. Other backends (and ``:memory:``) share the main store.
    """

    def __init__(self, store: Store, pool: bool = True) -> None:
        self.main = store
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        from newsweave.store.sqlite import SQLiteStore

        path = getattr(store, "path", ":memory:")
        self.separate = pool and isinstance(store, SQLiteStore) and path != ":memory:" and not path.startswith("file:")

    def get(self) -> Store:
        if not self.separate:
            return self.main
        store = getattr(self._local, "store", None)
        if store is None:
            from newsweave.store.sqlite import SQLiteStore

            store = SQLiteStore(self.main.path, read_only=True)  # type: ignore[attr-defined]
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()


def _floor(t: dt.datetime, bucket: str) -> dt.datetime:
    t = t.astimezone(dt.UTC)
    if bucket == "hour":
        return t.replace(minute=0, second=0, microsecond=0)
    day = t.replace(hour=0, minute=0, second=0, microsecond=0)
    return day - dt.timedelta(days=day.weekday()) if bucket == "week" else day


def timeline(articles: list[Article]) -> dict:
    """Articles per hour (events up to 3 days long), day (up to ~a year) or week, per language."""
    dated = [(a.language, a.published) for a in articles if a.published is not None]
    undated = Counter(a.language for a in articles if a.published is None)
    if not dated:
        return {"bucket": "hour", "buckets": [], "series": {}, "undated": dict(undated)}
    lo = min(t for _, t in dated)
    hi = max(t for _, t in dated)
    span = hi - lo
    bucket = "hour" if span <= dt.timedelta(hours=72) else "day" if span <= dt.timedelta(days=400) else "week"
    step = {"hour": dt.timedelta(hours=1), "day": dt.timedelta(days=1), "week": dt.timedelta(days=7)}[bucket]
    start, end = _floor(lo, bucket), _floor(hi, bucket)
    n = int((end - start) / step) + 1
    buckets = [(start + i * step).isoformat() for i in range(n)]
    langs = [lang for lang, _ in Counter(lang for lang, _ in dated).most_common()]
    series = {lang: [0] * n for lang in langs}
    for lang, t in dated:
        series[lang][int((_floor(t, bucket) - start) / step)] += 1
    return {"bucket": bucket, "buckets": buckets, "series": series, "undated": dict(undated)}


def _order_key(a: Article) -> tuple:
    return (a.published is None, a.published or dt.datetime.min.replace(tzinfo=dt.UTC), a.seq)


def event_detail(store: Store, event: Event, event_json: dict, max_articles: int) -> dict:
    articles = store.articles(event_id=event.id)
    by_lang: dict[str, list[Article]] = {}
    for a in sorted(articles, key=_order_key):
        by_lang.setdefault(a.language, []).append(a)
    ordered = sorted(by_lang.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    # Truncate fairly: every language keeps articles while the total is over the limit.
    budget = max_articles
    keep: dict[str, int] = {lang: 0 for lang, _ in ordered}
    while budget > 0 and any(keep[lang] < len(arts) for lang, arts in ordered):
        for lang, arts in ordered:
            if budget > 0 and keep[lang] < len(arts):
                keep[lang] += 1
                budget -= 1
    grouped = {lang: [article_json(a, event.id) for a in arts[: keep[lang]]] for lang, arts in ordered}
    return {
        **event_json,
        "articles": grouped,
        "article_count": len(articles),
        "articles_truncated": sum(keep.values()) < len(articles),
        "timeline": timeline(articles),
        "removed": store.removed_counts([a.id for a in articles]),
    }
