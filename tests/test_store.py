"""The stores (SQLite and PostgreSQL, one suite): schema versions, raw records, batches, quarantine,
the embedding cache, event queries. Every test taking ``store`` runs on both backends."""

from __future__ import annotations

import datetime as dt
import sqlite3

import numpy as np
import pytest

from newsweave.model import Article, Assignment, Entity, Event, Place, QuarantineEntry, RawArticle, Removed, Story
from newsweave.store import Batch, EventQuery, open_store
from newsweave.store.sqlite import MIGRATIONS, SQLiteStore


@pytest.fixture(params=["sqlite", "postgres"])
def store_backend(request) -> str:
    return request.param


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


# --- both backends: the same answers ---------------------------------------------------------


def _event(i: str, last: str, **kw) -> Event:
    ts = dt.datetime.fromisoformat(last)
    return Event(id=i, article_ids=kw.pop("article_ids", [f"a{i}"]), first_seen=ts, last_seen=ts, **kw)


def test_undated_records_keep_their_input_place_and_failed_ones_leave_the_queue(store):
    a = raw("a", "2026-03-02T00:00:00+00:00")
    b = raw("b")
    b.metadata["_sort_key"] = "2026-03-02T00:00:00+00:00"  # the pipeline's receive() sets it
    c = raw("c", "2026-03-01T00:00:00+00:00")
    assert store.add_raw([a, b, c]) == (3, [])
    assert (a.seq, b.seq, c.seq) == (0, 1, 2) and "_sort_key" not in b.metadata
    assert [r.id for r in store.pending_raw()] == ["c", "a", "b"]
    assert store.add_raw([raw("d"), raw("d")]) == (1, ["d"])
    assert [r.id for r in store.pending_raw()] == ["d", "c", "a", "b"]  # "" sorts first
    store.save_batch(Batch(failed_raw_ids=["a"], quarantined=[QuarantineEntry("annotate", "x", "{}", "", "a")]))
    assert [r.id for r in store.pending_raw()] == ["d", "c", "b"] and store.count_pending() == 3
    back = next(iter(store.pending_raw()))
    assert (back.id, back.origin, back.seq) == ("d", "test", 3)


def test_articles_duplicates_signatures_and_removed_counts(store):
    store.add_raw([raw(i) for i in "abc"])
    arts = [
        Article(id="a", title="A", text="x", seq=0, content_hash="h1", removed=[Removed("share", "S"),
                                                                              Removed("cookie", "C")]),
        Article(id="b", title="B", text="x", seq=1, content_hash="h1", duplicate_of="a",
                removed=[Removed("share", "S2")], vector=np.ones(3, dtype=np.float32)),
        Article(id="c", title="C", text="y", seq=2, content_hash="h2"),
    ]
    store.save_batch(Batch(
        articles=arts,
        assignments=[Assignment("a", "e1", 0.0, {}, True), Assignment("b", "e1", 0.9), Assignment("c", "e2", 0.0)],
        signatures={"a": b"\x00\x01sig-a", "c": b"sig-c"},
    ))
    assert store.article_ids_by_hash(["h1", "h2", "h3"]) == {"h1": "a", "h2": "c"}
    assert list(store.signatures()) == [("a", b"\x00\x01sig-a"), ("c", b"sig-c")]
    assert store.removed_counts(["a", "b"]) == {"share": 2, "cookie": 1}
    assert store.removed_counts([]) == {}
    assert [a.id for a in store.articles(event_id="e1")] == ["a", "b"]
    assert [a.id for a in store.articles(limit=2)] == ["a", "b"]
    assert store.article("b").duplicate_of == "a" and store.article("zz") is None
    assert store.article_events() == {"a": "e1", "b": "e1", "c": "e2"}
    assert store.event_of(["a", "c", "zz"]) == {"a": "e1", "c": "e2"}
    assert store.assignment("a").new_event and store.assignment("zz") is None
    # saving an article again replaces it and its removed segments
    store.save_batch(Batch(articles=[Article(id="a", title="A2", text="x", seq=0, content_hash="h1")]))
    assert store.article("a").title == "A2" and store.removed_counts(["a"]) == {}
    c = store.counts()
    assert (c["raw"], c["pending"], c["articles"], c["duplicates"]) == (3, 0, 3, 1)


def test_event_filters_cursor_and_stories(store):
    athens = Place("Athens", "GR", 37.98, 23.72, 264371)
    evs = [
        _event("e1", "2026-03-01T10:00:00+00:00", title="Floods in Constanța", category="disaster",
               languages=["ro", "en"], location=Place("Constanța", "RO", 44.2, 28.6, 680963), story_id="s1",
               date=dt.date(2026, 3, 1), breaking=0.2,
               entities=[Entity("Red Cross", "org", "alias:icrc", aliases=["Crucea Roșie"])]),
        _event("e2", "2026-03-03T10:00:00+00:00", title="Strike in Athens", category="politics",
               languages=["el"], location=athens, story_id="s2", date=dt.date(2026, 3, 3), breaking=0.9,
               summary="Unions walked out"),
        _event("e3", "2026-03-02T10:00:00+00:00", title="Floods spread", category="disaster", languages=["ro"],
               location=athens, story_id="s1", date=dt.date(2026, 3, 2), breaking=0.5),
    ]
    store.save_batch(Batch(events=evs, stories=[
        Story("s1", "Floods", ["e1", "e3"], last_seen=evs[2].last_seen),
        Story("s2", "Strike", ["e2"], last_seen=evs[1].last_seen),
    ]))
    ids = lambda **kw: [e.id for e in store.events(EventQuery(limit=0, **kw))]  # noqa: E731
    assert ids() == ["e2", "e3", "e1"]
    assert ids(breaking=True) == ["e2", "e3", "e1"]
    assert ids(q="floods") == ["e3", "e1"]
    assert ids(q="constanta") == ["e1"]  # diacritics folded
    assert ids(q="CONSTANȚA floods") == ["e1"]
    assert ids(q="crucea rosie") == ["e1"]  # entity aliases are searchable
    assert ids(q="walked") == ["e2"]  # and summaries
    assert ids(q="floods athens") == ["e3"] and ids(q="floods unions") == []
    assert ids(language="ro") == ["e3", "e1"] and ids(language="r") == []
    assert ids(country="ro") == ["e1"] and ids(place="athens") == ["e2", "e3"]
    assert ids(entity="alias:icrc") == ["e1"] and ids(entity="Red Cross") == ["e1"]
    assert ids(entity="%") == [] and ids(language="_") == [] and ids(entity="Red%") == []  # no wildcards
    assert ids(category="disaster", date_from="2026-03-02") == ["e3"]
    assert ids(date_to="2026-03-02") == ["e3", "e1"]
    assert ids(story_id="s1") == ["e3", "e1"]
    from newsweave.store.base import event_cursor

    page = store.events(EventQuery(limit=2))
    assert [e.id for e in page] == ["e2", "e3"]
    assert ids(cursor=event_cursor(page[-1])) == ["e1"]
    page = store.events(EventQuery(limit=1, breaking=True))
    assert ids(cursor=event_cursor(page[-1], breaking=True), breaking=True) == ["e3", "e1"]
    with pytest.raises(ValueError):
        store.events(EventQuery(cursor="not a cursor"))
    assert [s.id for s in store.stories()] == ["s2", "s1"]
    assert store.event("e1").location.name == "Constanța" and store.event("nope") is None
    # re-describing an event replaces it, in the search index too
    store.save_batch(Batch(events=[_event("e1", "2026-03-01T10:00:00+00:00", title="Storm")]))
    assert ids(q="storm") == ["e1"] and "e1" not in ids(q="floods")
    assert store.counts()["events"] == 3 and store.counts()["stories"] == 2


def test_quarantine_keeps_entries_in_order_and_requeues_by_id(store):
    store.add_raw([raw("a"), raw("b")])
    store.quarantine([QuarantineEntry("parse", "bad json", "{", "f:1")])
    store.save_batch(Batch(quarantined=[QuarantineEntry("clean", "empty", "{}", "f:2", "a"),
                                        QuarantineEntry("embed", "nan", "{}", "f:3", "b")],
                           failed_raw_ids=["a", "b"]))
    q = store.quarantined()
    assert [e.error for e in q] == ["bad json", "empty", "nan"] and q[0].created is not None
    back = store.requeue_quarantined([q[1].id])
    assert [e.article_id for e in back] == ["a"]
    assert [r.id for r in store.pending_raw()] == ["a"]
    assert [e.error for e in store.quarantined()] == ["bad json", "nan"]
    assert len(store.quarantined(include_resolved=True)) == 3
    assert store.counts()["quarantined"] == 2


def test_state_is_replaced_and_vectors_keep_float32_exactly(store):
    assert store.load_state() is None
    store.save_batch(Batch(clusterer_state=b"one"))
    store.save_batch(Batch(clusterer_state=b"\x00two"))
    assert store.load_state() == b"\x00two"
    rng = np.random.default_rng(0)
    vs = {f"h{i}": rng.standard_normal(384).astype(np.float32) for i in range(5)}
    store.put_vectors("m", vs)
    store.put_vectors("m", {"h0": vs["h1"]})
    got = store.get_vectors("m", list(vs))
    assert set(got) == set(vs) and got["h0"].dtype == np.float32
    assert np.array_equal(got["h0"], vs["h1"]) and np.array_equal(got["h4"], vs["h4"])
    assert store.get_vectors("m", []) == {}
    assert store.counts()["embeddings"] == 5


# --- PostgreSQL only ------------------------------------------------------------------------


def test_postgres_schema_is_versioned_and_newer_is_refused(pg_url):
    import psycopg

    from newsweave.store.postgres import MIGRATIONS as PG_MIGRATIONS
    from newsweave.store.postgres import PostgresStore

    s = open_store(pg_url)
    assert isinstance(s, PostgresStore) and s.schema_version == len(PG_MIGRATIONS)
    s.close()
    PostgresStore(pg_url).close()  # reopening runs no migration twice
    with psycopg.connect(pg_url, autocommit=True) as db:
        assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(
            len(PG_MIGRATIONS))
        db.execute("UPDATE meta SET value='999' WHERE key='schema_version'")
    with pytest.raises(RuntimeError, match="newer than this NewsWeave"):
        PostgresStore(pg_url)


def test_postgres_vectors_are_searchable_in_sql(pg_url):
    s = open_store(pg_url)
    e = np.eye(4, dtype=np.float32)
    s.save_batch(Batch(
        articles=[Article(id=f"a{i}", title="t", text="x", seq=i, vector=e[i % 2]) for i in range(4)],
        assignments=[Assignment(f"a{i}", f"e{i % 2}", 0.0) for i in range(4)],
        events=[Event(id="e0", article_ids=["a0", "a2"]), Event(id="e1", article_ids=["a1", "a3"])],
    ))
    near = s.nearest_events(np.array([0.1, 1.0, 0.0, 0.0], dtype=np.float32), limit=2)
    assert [i for i, _ in near] == ["e1", "e0"] and near[0][1] < near[1][1]
    s.close()


# --- listings and the entity table (schema 3 / PostgreSQL 2) ------------------------------------------


def test_event_rows_are_the_events_json_of_what_events_returns(store):
    import json

    from newsweave.api.testing import sample_batch
    from newsweave.store.base import event_cursor
    from newsweave.store.codec import event_json

    store.save_batch(sample_batch())
    for query in (EventQuery(limit=0), EventQuery(limit=2, breaking=True), EventQuery(q="patras", limit=0)):
        events, rows = store.events(query), store.event_rows(query)
        assert [r.id for r in rows] == [e.id for e in events] and rows
        for row, event in zip(rows, events):
            assert row.listing == json.dumps(event_json(event), ensure_ascii=False, separators=(",", ":"))
            assert row.cursor(query.breaking) == event_cursor(event, query.breaking)


def test_entity_filter_matches_keys_and_names_exactly_ignoring_case(store):
    evs = [
        _event("e1", "2026-03-01T10:00:00+00:00", location=Place("İzmir", "TR", 38.4, 27.1, 311046),
               entities=[Entity("İzmir Valiliği", "org", "alias:izmir-gov"), Entity("AFAD", "org", "alias:afad")]),
        _event("e2", "2026-03-02T10:00:00+00:00", entities=[Entity("Red Cross", "org", "alias:icrc")]),
        _event("e3", "2026-03-03T10:00:00+00:00", entities=[Entity("Nul\x00Name", "misc", "lat:nul")]),
    ]
    store.save_batch(Batch(events=evs))
    ids = lambda e: [x.id for x in store.events(EventQuery(limit=0, entity=e))]  # noqa: E731
    assert ids("afad") == ["e1"] and ids("ALIAS:AFAD") == ["e1"] and ids("red cross") == ["e2"]
    assert ids("İZMİR VALİLİĞİ") == ["e1"] == ids("izmir valiligi")  # case and diacritics folded, on both
    assert ids("İzmir") == []  # a location is not an entity
    assert ids("Red") == [] and ids("alias:") == []  # whole keys and names only
    assert ids("NUL\x00name") == ["e3"]  # NUL (which PostgreSQL text cannot hold) matches itself on both
    # re-describing an event replaces its entity rows
    store.save_batch(Batch(events=[_event("e2", "2026-03-02T10:00:00+00:00")]))
    assert ids("red cross") == []


def test_schema_3_upgrade_fills_listings_and_entities(tmp_path):
    from newsweave.api.testing import sample_batch

    path = tmp_path / "old.db"
    s = SQLiteStore(path)
    s.save_batch(sample_batch())
    expected = s.event_rows(EventQuery(limit=0))
    s.close()
    db = sqlite3.connect(path)  # back to schema 2, as an older NewsWeave left it
    db.executescript("DROP TABLE event_entities; ALTER TABLE events DROP COLUMN listing;"
                     "UPDATE meta SET value='2' WHERE key='schema_version';")
    db.close()
    s = SQLiteStore(path)
    assert s.event_rows(EventQuery(limit=0)) == expected
    assert [e.id for e in s.events(EventQuery(entity="afad"))] == ["ev_quake"]
    s.close()


def _to_json_reference(obj):
    """model.to_json as it was before its by-type fast path: the fast one must give the same values."""
    import dataclasses

    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _to_json_reference(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.name != "vector"}
    if isinstance(obj, (dt.datetime, dt.date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): _to_json_reference(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set)):
        return [_to_json_reference(v) for v in obj]
    return obj


def _odd_article(duplicate_of: str | None = None) -> Article:
    from collections import Counter

    from newsweave.model import DateMention, LanguageSegment, NumberMention

    return Article(
        id="a\u00e9\"1", title="Φωτιά \"quoted\" \\ back", text="Body\n\u2028 text \ud800?", language="el",
        published=dt.datetime(2026, 3, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=2))), source=None,
        metadata={"tags": ("x", 1), 3: {"n": None}, "set": {7}, "c": Counter(a=2), "f": 1.5, "b": True},
        removed=[Removed("share", "Share on X", "widget")], captions=["cap"], content_hash="h",
        duplicate_of=duplicate_of, segments_languages=[("el", 0.9)],
        language_segments=[LanguageSegment(0, 4, "el", 0.99)],
        dates=[DateMention("την Παρασκευή", dt.date(2026, 2, 27), True, 5)],
        places=[Place("Patras", "GR", 38.2, 21.7, 255683)], entities=[Entity("Red Cross", "org", "alias:rc", 2, ["ΕΕΣ"])],
        numbers=[NumberMention(23.0, "23", "23 dead")], event_date=dt.date(2026, 2, 27), vector=np.ones(3, dtype=np.float32),
    )


@pytest.mark.parametrize("duplicate_of", [None, "orig-1", "o\"dd\\id\u00e9", ""])
def test_article_json_made_in_pieces_is_byte_identical_to_dumps(duplicate_of):
    """Workers serialise an article before duplicate linking; filling in duplicate_of later must give
    exactly the bytes that serialising the finished article gives (what the store wrote before)."""
    from newsweave.model import to_json
    from newsweave.store.codec import article_json_parts, dumps, join_article_json

    art = _odd_article()
    parts = article_json_parts(art)
    art.duplicate_of = duplicate_of
    assert to_json(art) == _to_json_reference(art)
    assert list(to_json(art)) == list(_to_json_reference(art))  # key order too: it is in the bytes
    assert join_article_json(parts, duplicate_of) == dumps(art)
    assert Batch(article_json={art.id: parts}).article_data(art) == dumps(art)
    assert Batch().article_data(art) == dumps(art)
    for obj in (raw("r", "2026-03-01T10:00:00+02:00"), Event("e", date=dt.date(2026, 1, 2), titles={"en": "t"}),
                Story("s", "t", ["e"]), QuarantineEntry("clean", "err", "{}")):
        assert to_json(obj) == _to_json_reference(obj)


def test_saved_article_uses_the_ready_json_and_reads_back(store):
    """save_batch writes the workers' JSON (joined with duplicate_of) on both backends."""
    from newsweave.store.codec import article_json_parts

    store.add_raw([raw("a"), raw("b")])
    a, b = Article(id="a", title="Fire", text="Body"), Article(id="b", title="Fire", text="Body")
    parts = {x.id: article_json_parts(x) for x in (a, b)}
    b.duplicate_of = "a"
    store.save_batch(Batch(articles=[a, b], article_json=parts))
    assert store.article("b").duplicate_of == "a" and store.article("a").duplicate_of is None
    assert store.article("a").title == "Fire"


def test_an_article_given_twice_in_a_batch_is_stored_as_the_last(store):
    """save_batch writes each table in one statement; a repeated id keeps the last version, removed rows too."""
    store.add_raw([raw("a"), raw("b")])
    first = Article(id="a", title="Old", text="x", removed=[Removed("share", "S1"), Removed("advert", "Ad")])
    last = Article(id="a", title="New", text="x", removed=[Removed("cookie", "C")])
    store.save_batch(Batch(articles=[first, Article(id="b", title="B", text="y"), last]))
    assert store.article("a").title == "New" and [r.kind for r in store.article("a").removed] == ["cookie"]
    assert store.removed_counts(["a", "b"]) == {"cookie": 1} and store.count_pending() == 0
