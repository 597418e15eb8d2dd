"""The SQLite store: schema versions, raw records, batches, quarantine, the embedding cache."""

from __future__ import annotations

import datetime as dt
import sqlite3

import numpy as np
import pytest

from newsweave.model import Article, Assignment, Event, Place, QuarantineEntry, RawArticle, Removed, Story
from newsweave.store import Batch, EventQuery, open_store
from newsweave.store.sqlite import MIGRATIONS, SQLiteStore


def raw(i: str, published: str | None = None) -> RawArticle:
    pub = dt.datetime.fromisoformat(published) if published else None
    return RawArticle(id=i, title=f"T{i}", text=f"text {i}", published=pub, origin="test", raw="{}")


def test_schema_is_versioned_and_reopens(tmp_path):
    path = tmp_path / "db.sqlite"
    s = SQLiteStore(path)
    assert s.schema_version == len(MIGRATIONS)
    s.close()
    version = sqlite3.connect(path).execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    assert int(version) == len(MIGRATIONS)
    SQLiteStore(path).close()  # reopening runs no migration twice


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "db.sqlite"
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    db.commit()
    with pytest.raises(RuntimeError, match="newer than this NewsWeave"):
        SQLiteStore(path)


def test_raw_records_dedupe_by_id_and_come_back_in_time_order(store):
    new, dups = store.add_raw([raw("b", "2026-03-02T00:00:00+00:00"), raw("a", "2026-03-01T00:00:00+00:00")])
    assert (new, dups) == (2, [])
    new, dups = store.add_raw([raw("a"), raw("c", "2026-03-03T00:00:00+00:00")])
    assert (new, dups) == (1, ["a"])
    assert [r.id for r in store.pending_raw()] == ["a", "b", "c"]


def test_save_batch_is_one_transaction_and_reads_back(store):
    store.add_raw([raw("a")])
    art = Article(id="a", title="Fire", text="Body", language="en", removed=[Removed("share", "Share on X")])
    ev = Event(id="ev1", title="Fire", article_ids=["a"], languages=["en"],
               location=Place("Patras", "GR", 38.2, 21.7, 255683), story_id="st1")
    store.save_batch(Batch(articles=[art], assignments=[Assignment("a", "ev1", 0.9, {"dense": 0.8})],
                           events=[ev], stories=[Story("st1", "Fire", ["ev1"])], clusterer_state=b"state"))
    assert store.count_pending() == 0
    assert store.article("a").removed[0].kind == "share"
    assert store.event("ev1").location.geonames_id == 255683
    assert store.event_of(["a"]) == {"a": "ev1"}
    assert store.assignment("a").parts == {"dense": 0.8}
    assert store.load_state() == b"state"
    assert [e.id for e in store.events(EventQuery(q="Fire"))] == ["ev1"]
    assert [e.id for e in store.events(EventQuery(country="gr"))] == ["ev1"]
    assert store.story("st1").event_ids == ["ev1"]


def test_search_input_is_never_sql_or_fts_syntax(store):
    store.save_batch(Batch(events=[Event(id="e", title="Floods", article_ids=["x"])]))
    for q in ["' OR 1=1 --", '"; DROP TABLE events; --', "NEAR(", "*", '"', "Floods)"]:
        store.events(EventQuery(q=q))
    assert store.counts()["events"] == 1


def test_quarantine_and_requeue(store):
    store.add_raw([raw("a")])
    store.save_batch(Batch(quarantined=[QuarantineEntry("clean", "boom", "{}", "f:1", "a")], failed_raw_ids=["a"]))
    assert store.count_pending() == 0
    assert [e.error for e in store.quarantined()] == ["boom"]
    store.requeue_quarantined()
    assert store.count_pending() == 1 and store.quarantined() == []


def test_embedding_cache_round_trip(store):
    v = np.arange(4, dtype=np.float32)
    store.put_vectors("m", {"h": v})
    assert np.array_equal(store.get_vectors("m", ["h", "missing"])["h"], v)
    assert store.get_vectors("other-model", ["h"]) == {}


def test_open_store_picks_backend(tmp_path):
    assert isinstance(open_store(str(tmp_path / "x.db")), SQLiteStore)
