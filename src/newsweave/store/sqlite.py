"""SQLite store: the default. One file, WAL mode, FTS5 for event search."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from newsweave.model import Event, QuarantineEntry, RawArticle
from newsweave.store.base import Batch, EventQuery
from newsweave.store.codec import dumps
from newsweave.store.sql import (
    SQLITE,
    SQLReads,
    backfill_events,
    entity_terms,
    event_filters,
    event_order,
    listing,
    now,
    utc,
)


def _v3_backfill(db: sqlite3.Connection) -> None:
    """Schema 3: fill the listing column and the entity table of the events stored before it."""
    rows = db.execute("SELECT id, data FROM events").fetchall()
    for event_id, text, terms in backfill_events(rows):
        db.execute("UPDATE events SET listing=? WHERE id=?", (text, event_id))
        db.executemany("INSERT OR IGNORE INTO event_entities(term, event_id) VALUES(?,?)",
                       [(t, event_id) for t in terms])


# Each entry upgrades the schema by one version: SQL statements, or SQL then a Python step that gets the
# connection (inside the same transaction). Never edit a released entry: add one.
MIGRATIONS: list[str | tuple[str, Callable[[sqlite3.Connection], None]]] = [
    """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE raw_articles(
        id TEXT PRIMARY KEY, seq INTEGER NOT NULL, sort_key TEXT NOT NULL, origin TEXT,
        received TEXT NOT NULL, record TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending');
    CREATE INDEX raw_status_order ON raw_articles(status, sort_key, seq);
    CREATE TABLE articles(
        id TEXT PRIMARY KEY, seq INTEGER, title TEXT, text TEXT, language TEXT, published TEXT,
        source TEXT, url TEXT, content_hash TEXT, duplicate_of TEXT, event_id TEXT,
        data TEXT NOT NULL, minhash BLOB);
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_event ON articles(event_id, published);
    CREATE TABLE removed(
        article_id TEXT NOT NULL, idx INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT, reason TEXT,
        PRIMARY KEY(article_id, idx));
    CREATE TABLE embeddings(model TEXT NOT NULL, text_hash TEXT NOT NULL, vector BLOB NOT NULL,
        PRIMARY KEY(model, text_hash));
    CREATE TABLE events(
        id TEXT PRIMARY KEY, title TEXT, date TEXT, story_id TEXT, category TEXT, country_code TEXT,
        place TEXT, breaking REAL, size INTEGER, first_seen TEXT, last_seen TEXT, languages TEXT,
        entity_keys TEXT, data TEXT NOT NULL);
    CREATE INDEX events_last_seen ON events(last_seen);
    CREATE INDEX events_story ON events(story_id);
    CREATE TABLE assignments(
        article_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, probability REAL, new_event INTEGER,
        candidates INTEGER, parts TEXT);
    CREATE TABLE stories(id TEXT PRIMARY KEY, title TEXT, data TEXT NOT NULL);
    CREATE TABLE quarantine(
        id INTEGER PRIMARY KEY AUTOINCREMENT, stage TEXT NOT NULL, error TEXT NOT NULL, raw TEXT,
        origin TEXT, article_id TEXT, created TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE state(key TEXT PRIMARY KEY, value BLOB);
    CREATE VIRTUAL TABLE events_fts USING fts5(
        id UNINDEXED, title, summary, names, tokenize='unicode61 remove_diacritics 2');
    """,
    # 2: listings walk an index instead of sorting every event; the search index row of an event
    # has the event's rowid (kept stable by upserts), so a search never reads its UNINDEXED id
    # column and an event update finds its search row without scanning the whole index.
    """
    CREATE INDEX IF NOT EXISTS events_recent ON events(COALESCE(last_seen, ''), id);
    CREATE INDEX IF NOT EXISTS events_breaking ON events(breaking, COALESCE(last_seen, ''), id);
    DELETE FROM events_fts;
    INSERT INTO events_fts(rowid, id, title, summary, names)
        SELECT e.rowid, e.id, e.title, COALESCE(json_extract(e.data, '$.summary'), ''),
            COALESCE((SELECT group_concat(json_extract(x.value, '$.name'), ' ')
                      FROM json_each(e.data, '$.entities') AS x), '') || ' ' ||
            COALESCE((SELECT group_concat(a.value, ' ') FROM json_each(e.data, '$.entities') AS x,
                      json_each(x.value, '$.aliases') AS a), '') || ' ' ||
            COALESCE(json_extract(e.data, '$.location.name'), '') || ' ' ||
            COALESCE((SELECT group_concat(t.value, ' ') FROM json_each(e.data, '$.titles') AS t), '')
        FROM events AS e;
    """,
    # 3: listings are served from a precomputed events --json text (no JSON decoding per request), and the
    # entity filter is an index lookup in a normalised table instead of a scan of every event's JSON.
    (
        """
        ALTER TABLE events ADD COLUMN listing TEXT;
        CREATE TABLE event_entities(term TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY(term, event_id));
        CREATE INDEX event_entities_event ON event_entities(event_id);
        """,
        _v3_backfill,
    ),
]


class SQLiteStore(SQLReads):
    """The default store.

    >>> s = SQLiteStore(":memory:"); s.counts()["articles"]
    0
    """

    schema_version = len(MIGRATIONS)

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        # What another process passes to open_store to read this database (None: in memory, this process's).
        self.reader_url: str | None = None if self.path in (":memory:", "") else self.path
        if self.path != ":memory:" and not read_only:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=60, isolation_level=None)
        if read_only:
            # A reader of a database another connection writes (WAL): it never takes the write lock,
            # so it is never queued behind a long ingest transaction.
            self._db.execute("PRAGMA query_only=ON")
            self._db.execute("PRAGMA busy_timeout=60000")
            # Readers share the OS page cache through mmap instead of each re-reading pages into a
            # small private cache: searches that touch thousands of rows get 2-3x faster.
            self._db.execute("PRAGMA mmap_size=1073741824")
            self._db.execute("PRAGMA cache_size=-16000")
            return
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=60000")
        self._migrate()

    # --- schema -------------------------------------------------------------------
    def _migrate(self) -> None:
        with self._lock:
            has_meta = self._db.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
            ).fetchone()
            version = 0
            if has_meta:
                row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
                version = int(row[0]) if row else 0
            if version > len(MIGRATIONS):
                raise RuntimeError(
                    f"{self.path} has schema version {version}, newer than this NewsWeave "
                    f"({len(MIGRATIONS)}); upgrade NewsWeave to open it"
                )
            for i in range(version, len(MIGRATIONS)):
                step = MIGRATIONS[i]
                sql, python = step if isinstance(step, tuple) else (step, None)
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    for stmt in sql.split(";"):
                        if stmt.strip():
                            self._db.execute(stmt)
                    if python is not None:
                        python(self._db)
                    self._db.execute(
                        "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)", (str(i + 1),)
                    )
                    self._db.execute("COMMIT")
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise

    def _tx(self):
        return _Transaction(self._db, self._lock)

    # --- raw records ----------------------------------------------------------------
    def add_raw(self, records: list[RawArticle]) -> tuple[int, list[str]]:
        if not records:
            return 0, []
        with self._tx() as db:
            ids = [r.id for r in records]
            present = set()
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                q = f"SELECT id FROM raw_articles WHERE id IN ({','.join('?' * len(chunk))})"
                present.update(row[0] for row in db.execute(q, chunk))
            base = db.execute("SELECT COALESCE(MAX(seq), -1) + 1 FROM raw_articles").fetchone()[0]
            rows, dups, seen = [], [], set()
            for r in records:
                if r.id in present or r.id in seen:
                    dups.append(r.id)
                    continue
                seen.add(r.id)
                r.seq = base + len(rows)
                sort_key = str(r.metadata.pop("_sort_key", "")) or (
                    r.published.astimezone(dt.UTC).isoformat() if r.published else ""
                )
                rows.append((r.id, r.seq, sort_key, r.origin, now(), dumps(r)))
            db.executemany(
                "INSERT INTO raw_articles(id, seq, sort_key, origin, received, record) VALUES(?,?,?,?,?,?)", rows
            )
        return len(rows), dups

    # --- batches --------------------------------------------------------------------
    def save_batch(self, batch: Batch) -> None:
        with self._tx() as db:
            event_of = {a.article_id: a.event_id for a in batch.assignments}
            # One statement per table for the whole batch (the ordered pass is the bottleneck of a run).
            arts = list({a.id: a for a in batch.articles}.values())  # an id given twice: the last one, as before
            db.executemany(
                "INSERT OR REPLACE INTO articles(id, seq, title, text, language, published, source, url, "
                "content_hash, duplicate_of, event_id, data, minhash) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        a.id, a.seq, a.title, a.text, a.language,
                        utc(a.published),
                        a.source, a.url, a.content_hash, a.duplicate_of, event_of.get(a.id),
                        batch.article_data(a), batch.signatures.get(a.id),
                    )
                    for a in arts
                ],
            )
            db.executemany("DELETE FROM removed WHERE article_id=?", [(a.id,) for a in arts])
            db.executemany(
                "INSERT INTO removed(article_id, idx, kind, text, reason) VALUES(?,?,?,?,?)",
                [(a.id, i, r.kind, r.text, r.reason) for a in arts for i, r in enumerate(a.removed)],
            )
            db.executemany("UPDATE raw_articles SET status='done' WHERE id=?", [(a.id,) for a in arts])
            db.executemany(
                "INSERT OR REPLACE INTO assignments(article_id, event_id, probability, new_event, candidates, parts)"
                " VALUES(?,?,?,?,?,?)",
                [
                    (s.article_id, s.event_id, s.probability, int(s.new_event), s.candidates, json.dumps(s.parts))
                    for s in batch.assignments
                ],
            )
            for e in batch.events:
                self._write_event(db, e)
            for s in batch.stories:
                db.execute(
                    "INSERT OR REPLACE INTO stories(id, title, data) VALUES(?,?,?)", (s.id, s.title, dumps(s))
                )
            self._write_quarantine(db, batch.quarantined)
            db.executemany("UPDATE raw_articles SET status='failed' WHERE id=?", [(i,) for i in batch.failed_raw_ids])
            if batch.clusterer_state is not None:
                db.execute("INSERT OR REPLACE INTO state(key, value) VALUES('clusterer', ?)", (batch.clusterer_state,))

    def _write_event(self, db: sqlite3.Connection, e: Event) -> None:
        loc = e.location
        data = dumps(e)
        # An upsert, not REPLACE: the event keeps its rowid, which is also its search-index rowid.
        rowid = db.execute(
            "INSERT INTO events(id, title, date, story_id, category, country_code, place, breaking, size,"
            " first_seen, last_seen, languages, entity_keys, data, listing) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET title=excluded.title, date=excluded.date, story_id=excluded.story_id,"
            " category=excluded.category, country_code=excluded.country_code, place=excluded.place,"
            " breaking=excluded.breaking, size=excluded.size, first_seen=excluded.first_seen,"
            " last_seen=excluded.last_seen, languages=excluded.languages, entity_keys=excluded.entity_keys,"
            " data=excluded.data, listing=excluded.listing RETURNING rowid",
            (
                e.id, e.title, e.date.isoformat() if e.date else None, e.story_id, e.category,
                loc.country_code if loc else None, loc.name if loc else None, e.breaking, e.size,
                utc(e.first_seen),
                utc(e.last_seen),
                " ".join(e.languages), " ".join(x.key for x in e.entities), data, listing(data),
            ),
        ).fetchone()[0]
        db.execute("DELETE FROM event_entities WHERE event_id=?", (e.id,))
        db.executemany("INSERT OR IGNORE INTO event_entities(term, event_id) VALUES(?,?)",
                       [(t, e.id) for t in entity_terms(e)])
        db.execute("DELETE FROM events_fts WHERE rowid=?", (rowid,))
        names = " ".join([x.name for x in e.entities] + [a for x in e.entities for a in x.aliases])
        names += " " + (loc.name if loc else "") + " " + " ".join(e.titles.values())
        db.execute(
            "INSERT INTO events_fts(rowid, id, title, summary, names) VALUES(?,?,?,?,?)",
            (rowid, e.id, e.title, e.summary, names),
        )

    def article_ids_by_hash(self, hashes: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        with self._lock:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i : i + 500]
                q = (
                    f"SELECT content_hash, id FROM articles WHERE content_hash IN ({','.join('?' * len(chunk))}) "
                    "AND duplicate_of IS NULL ORDER BY seq DESC"
                )
                out.update({h: i for h, i in self._db.execute(q, chunk)})
        return out

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY seq"
            ).fetchall()
        yield from rows

    def event_of(self, article_ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        with self._lock:
            for i in range(0, len(article_ids), 500):
                chunk = article_ids[i : i + 500]
                q = f"SELECT article_id, event_id FROM assignments WHERE article_id IN ({','.join('?' * len(chunk))})"
                out.update(dict(self._db.execute(q, chunk).fetchall()))
        return out

    def load_state(self) -> bytes | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM state WHERE key='clusterer'").fetchone()
        return row[0] if row else None

    # --- embeddings -----------------------------------------------------------------
    def get_vectors(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(hashes), 500):
                chunk = hashes[i : i + 500]
                q = f"SELECT text_hash, vector FROM embeddings WHERE model=? AND text_hash IN ({','.join('?' * len(chunk))})"
                for h, blob in self._db.execute(q, [model, *chunk]):
                    out[h] = np.frombuffer(blob, dtype=np.float32).copy()
        return out

    def put_vectors(self, model: str, items: dict[str, np.ndarray]) -> None:
        with self._tx() as db:
            db.executemany(
                "INSERT OR REPLACE INTO embeddings(model, text_hash, vector) VALUES(?,?,?)",
                [(model, h, np.asarray(v, dtype=np.float32).tobytes()) for h, v in items.items()],
            )

    # --- reads ----------------------------------------------------------------------
    def _select_events(self, columns: str, q: EventQuery) -> list:
        where, args = [], []
        walk_index = False
        if q.q:
            fts = _fts_query(q.q)
            where.append("rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            args.append(fts)
            if q.limit:
                # A common word matches thousands of events: walking the order index and stopping at
                # the limit beats fetching and sorting every match (13 ms -> 1.4 ms at 25k events);
                # a rare one is faster the other way round.
                with self._lock:
                    total = self._db.execute("SELECT COALESCE(MAX(rowid), 0) FROM events").fetchone()[0]
                    enough = max(_WALK_INDEX_FROM, total // 100)
                    probe = self._db.execute(
                        "SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?", (fts, enough)
                    ).fetchall()
                walk_index = len(probe) >= enough
        more, more_args = event_filters(q, SQLITE)
        sql = f"SELECT {columns} FROM events"
        if walk_index:
            sql += " INDEXED BY " + ("events_breaking" if q.breaking else "events_recent")
        sql += " WHERE " + " AND ".join(where + more) if where or more else ""
        return self._all(sql + event_order(q, SQLITE), args + more_args)

    def removed_counts(self, article_ids: list[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        with self._lock:
            for i in range(0, len(article_ids), 500):
                chunk = article_ids[i : i + 500]
                q = f"SELECT kind, COUNT(*) FROM removed WHERE article_id IN ({','.join('?' * len(chunk))}) GROUP BY kind"
                for kind, n in self._db.execute(q, chunk):
                    out[kind] = out.get(kind, 0) + n
        return out

    def counts(self) -> dict[str, int]:
        with self._lock:
            one = lambda sql: self._db.execute(sql).fetchone()[0]  # noqa: E731
            return {
                "raw": one("SELECT COUNT(*) FROM raw_articles"),
                "pending": one("SELECT COUNT(*) FROM raw_articles WHERE status='pending'"),
                "articles": one("SELECT COUNT(*) FROM articles"),
                "duplicates": one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
                "events": one("SELECT COUNT(*) FROM events"),
                "stories": one("SELECT COUNT(*) FROM stories"),
                "quarantined": one("SELECT COUNT(*) FROM quarantine WHERE resolved=0"),
                "embeddings": one("SELECT COUNT(*) FROM embeddings"),
            }

    # --- quarantine -----------------------------------------------------------------
    def quarantine(self, entries: list[QuarantineEntry]) -> None:
        with self._tx() as db:
            self._write_quarantine(db, entries)

    def _write_quarantine(self, db: sqlite3.Connection, entries: list[QuarantineEntry]) -> None:
        db.executemany(
            "INSERT INTO quarantine(stage, error, raw, origin, article_id, created) VALUES(?,?,?,?,?,?)",
            [(e.stage, e.error, e.raw, e.origin, e.article_id, now()) for e in entries],
        )


# Searches matching at least this many events (and 1% of them) walk the order index (see events()).
_WALK_INDEX_FROM = 256


def _fts_query(text: str) -> str:
    """Quote every term so user input can never be FTS5 syntax (or SQL)."""
    terms = [t.replace('"', '""') for t in text.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms) or '""'


class _Transaction:
    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self.db, self.lock = db, lock

    def __enter__(self) -> sqlite3.Connection:
        self.lock.acquire()
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")
        finally:
            self.lock.release()
