"""The whole pipeline on PostgreSQL gives the same events, stories and assignments as on SQLite."""

from __future__ import annotations

from newsweave.config import Settings
from newsweave.ingest import read_path
from newsweave.pipeline import Pipeline
from newsweave.store import EventQuery, open_store
from synth import clusterer_state, synthetic_articles, write_jsonl


def _run(url: str, src, workers: int = 0) -> tuple[dict, dict]:
    store = open_store(url)
    try:
        settings = Settings(encoder="lexical", batch_size=32, workers=workers or 1,
                            pool_min_pending=10 if workers else 500)
        pipe = Pipeline(store, settings)
        report = pipe.ingest(read_path(src))
        assert (getattr(pipe, "_pool_obj", None) is not None) == (workers > 1)
        pipe.close()
        events = {
            e.id: (e.story_id, sorted(e.article_ids), e.title, e.date, e.languages, e.category)
            for e in store.events(EventQuery(limit=0))
        }
        out = {
            "report": (report.ingested, report.processed, report.duplicates, report.rejected),
            "assignments": store.article_events(),
            "events": events,
            "stories": {s.id: sorted(s.event_ids) for s in store.stories()},
            "counts": store.counts(),
            "state": store.load_state(),
        }
        first = sorted(events)[0]
        reads = {
            "articles": [a.id for a in store.articles(event_id=first)],
            "search": [e.id for e in store.events(EventQuery(q=events[first][2].split()[0], limit=0))],
        }
        return out, reads
    finally:
        store.close()


def test_pipeline_on_postgres_matches_sqlite(tmp_path, pg_url):
    rows = synthetic_articles(300, events=40, seed=11)
    rows += [{**rows[i], "id": f"copy-{i}"} for i in (3, 50, 120)]  # exact copies join their original
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    lite, lite_reads = _run(str(tmp_path / "lite.db"), src)
    pg, pg_reads = _run(pg_url, src)
    assert lite["report"][:2] == (303, 303) and lite["report"][2] >= 3
    assert len(lite["events"]) > 1
    for key in lite:
        assert pg[key] == lite[key], f"{key} differs between PostgreSQL and SQLite"
    assert pg_reads == lite_reads
    # a second run is a no-op on both
    again, _ = _run(pg_url, src)
    assert again["report"] == (0, 0, 303, 0) and again["events"] == lite["events"]


def test_worker_processes_on_postgres_read_and_describe_like_one_process(tmp_path, pg_url):
    """With a pool, workers read the events' articles from PostgreSQL themselves to describe them."""
    rows = synthetic_articles(200, events=30, seed=3)
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    one, _ = _run(str(tmp_path / "one.db"), src)
    pooled, _ = _run(pg_url, src, workers=2)
    one["state"], pooled["state"] = clusterer_state(one["state"]), clusterer_state(pooled["state"])  # by value
    for key in one:
        assert pooled[key] == one[key], f"{key} differs"
