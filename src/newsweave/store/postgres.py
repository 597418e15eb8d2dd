"""PostgreSQL store: the same Store as SQLite, for when one machine (or one file) is not enough.

Semantics follow :class:`newsweave.store.sqlite.SQLiteStore` exactly; the differences
are of representation only:

* vectors (the embedding cache, every article, every event centroid) are pgvector
  ``vector`` columns, so ``ORDER BY vector <=> q`` works in SQL (:meth:`PostgresStore.nearest_events`);
* event search is a ``tsvector`` column (the ``simple`` configuration, GIN-indexed).
  Text is folded in Python before it reaches PostgreSQL — lower case, diacritics
  removed, split into letter/digit runs like SQLite's ``unicode61`` tokenizer — so the
  same words match on every server, with or without the ``unaccent`` extension;
* keys that are compared or ordered as text (ids, sort keys, ISO timestamps, cursors)
  use the ``"C"`` collation: byte order, as in SQLite, whatever the database locale;
* PostgreSQL text cannot hold NUL characters: in plain-text columns they become
  U+FFFD. The JSON copies (raw records, articles, events) keep them escaped, exactly.

Needs ``pip install 'newsweave[postgres]'`` (psycopg 3 and pgvector) and a server with
the pgvector extension (``CREATE EXTENSION vector``; see docs/POSTGRES.md).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np

from newsweave.model import Event, QuarantineEntry, RawArticle
from newsweave.store.base import Batch, EventQuery
from newsweave.store.codec import dumps
from newsweave.store.sql import (
    POSTGRES,
    SQLReads,
    backfill_events,
    entity_terms,
    event_filters,
    event_order,
    listing,
    now,
    utc,
)

try:
    import psycopg
    from pgvector.psycopg import register_vector
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "PostgreSQL support needs psycopg and pgvector: pip install 'newsweave[postgres]'"
    ) from e



def _v2_backfill(db: psycopg.Connection) -> None:
    """Schema 2: fill the listing column and the entity table of the events stored before it."""
    rows = db.execute("SELECT id, data FROM events").fetchall()
    with db.cursor() as cur:
        for event_id, text, terms in backfill_events(rows):
            cur.execute("UPDATE events SET listing=%s WHERE id=%s", (text, event_id))
            cur.executemany("INSERT INTO event_entities(term, event_id) VALUES(%s,%s) ON CONFLICT DO NOTHING",
                            [(t, event_id) for t in terms])


# Each entry upgrades the schema by one version: SQL, or SQL then a Python step that gets the connection
# (inside the same transaction). Never edit a released entry: add one.
MIGRATIONS: list[str | tuple[str, Callable[[psycopg.Connection], None]]] = [
    """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE raw_articles(
        id TEXT COLLATE "C" PRIMARY KEY, seq BIGINT NOT NULL, sort_key TEXT COLLATE "C" NOT NULL, origin TEXT,
        received TEXT NOT NULL, record TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending');
    CREATE INDEX raw_status_order ON raw_articles(status, sort_key, seq);
    CREATE INDEX raw_seq ON raw_articles(seq);
    CREATE TABLE articles(
        id TEXT COLLATE "C" PRIMARY KEY, seq BIGINT, title TEXT, text TEXT, language TEXT,
        published TEXT COLLATE "C", source TEXT, url TEXT, content_hash TEXT, duplicate_of TEXT,
        event_id TEXT COLLATE "C", data TEXT NOT NULL, minhash BYTEA, vector vector);
    CREATE INDEX articles_hash ON articles(content_hash);
    CREATE INDEX articles_event ON articles(event_id, published);
    CREATE INDEX articles_seq ON articles(seq, id);
    CREATE TABLE removed(
        article_id TEXT COLLATE "C" NOT NULL, idx INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT, reason TEXT,
        PRIMARY KEY(article_id, idx));
    CREATE TABLE embeddings(model TEXT NOT NULL, text_hash TEXT NOT NULL, vector vector NOT NULL,
        PRIMARY KEY(model, text_hash));
    CREATE TABLE events(
        id TEXT COLLATE "C" PRIMARY KEY, title TEXT, date TEXT COLLATE "C", story_id TEXT COLLATE "C",
        category TEXT, country_code TEXT, place TEXT, breaking DOUBLE PRECISION, size INTEGER,
        first_seen TEXT COLLATE "C", last_seen TEXT COLLATE "C", languages TEXT, entity_keys TEXT,
        data TEXT NOT NULL, search TSVECTOR, centroid vector);
    CREATE INDEX events_last_seen ON events((COALESCE(last_seen, '')), id);
    CREATE INDEX events_breaking ON events((COALESCE(breaking, 0)), (COALESCE(last_seen, '')), id);
    CREATE INDEX events_story ON events(story_id);
    CREATE INDEX events_search ON events USING GIN(search);
    CREATE TABLE assignments(
        article_id TEXT COLLATE "C" PRIMARY KEY, event_id TEXT NOT NULL, probability DOUBLE PRECISION,
        new_event INTEGER, candidates INTEGER, parts TEXT);
    CREATE TABLE stories(id TEXT COLLATE "C" PRIMARY KEY, title TEXT, data TEXT NOT NULL);
    CREATE TABLE quarantine(
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, stage TEXT NOT NULL, error TEXT NOT NULL,
        raw TEXT, origin TEXT, article_id TEXT, created TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE state(key TEXT PRIMARY KEY, value BYTEA);
    """,
    # 2: listings are served from a precomputed events --json text, and the entity filter is an index
    # lookup in a normalised table (terms folded in Python, as in SQLite) instead of ILIKE over every event's JSON.
    (
        """
        ALTER TABLE events ADD COLUMN listing TEXT;
        CREATE TABLE event_entities(term TEXT COLLATE "C" NOT NULL, event_id TEXT COLLATE "C" NOT NULL,
            PRIMARY KEY(term, event_id));
        CREATE INDEX event_entities_event ON event_entities(event_id);
        """,
        _v2_backfill,
    ),
]

# pg_advisory_xact_lock keys: one writer at a time migrates, and assigns raw seq numbers.
_LOCK_MIGRATE = 0x4E570001
_LOCK_RAW = 0x4E570002
_TOKEN = re.compile(r"[^\W_]+")


def _t(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL."""
    return value.replace("\x00", "\ufffd") if value and "\x00" in value else value


def fold_tokens(text: str) -> list[str]:
    """Search tokens: lower case, no diacritics, runs of letters and digits.

    >>> fold_tokens("Constanța, São-Paulo_2026")
    ['constanta', 'sao', 'paulo', '2026']
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _TOKEN.findall(unicodedata.normalize("NFC", stripped))


def ts_query(text: str) -> str | None:
    """A ``to_tsquery`` string with SQLite's ``_fts_query`` meaning: every whitespace-separated
    term is a phrase, all terms must match. Only letter/digit tokens reach PostgreSQL, so user
    input can never be tsquery syntax. None when no term has a token (matches nothing).

    >>> ts_query('"Cluj-Napoca" floods*')
    'cluj <-> napoca & floods'
    """
    phrases = []
    for term in text.split():
        tokens = fold_tokens(term)
        if not tokens:
            return None  # SQLite: an empty phrase matches no row
        phrases.append(" <-> ".join(tokens))
    return " & ".join(phrases) if phrases else None


def _vec(v) -> np.ndarray | None:
    if v is None:
        return None
    a = np.asarray(v, dtype=np.float32).reshape(-1)
    if not np.isfinite(a).all():  # pgvector rejects NaN/inf
        a = np.nan_to_num(a, nan=0.0, posinf=0.0, neginf=0.0)
    return a


class PostgresStore(SQLReads):
    """The PostgreSQL store.

    ``url`` is a libpq URL (``postgresql://user:pass@host:5432/db``). The database must
    exist; the schema is created (and upgraded) on open.
    """

    schema_version = len(MIGRATIONS)
    PARAM = "%s"

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.url = url
        self.reader_url: str | None = url  # what another process passes to open_store to read this database
        self.path = _safe_url(url)  # what messages print, like SQLiteStore.path (no password)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._db = psycopg.connect(url, autocommit=True)
        try:
            if read_only:
                self._db.execute("SET default_transaction_read_only = on")
            else:
                self._migrate()
            register_vector(self._db)
        except BaseException:
            self._db.close()
            raise

    # --- schema -------------------------------------------------------------------
    def _ensure_vector(self) -> None:
        if self._db.execute("SELECT 1 FROM pg_extension WHERE extname='vector'").fetchone():
            return
        try:
            self._db.execute("CREATE EXTENSION IF NOT EXISTS vector")
        except psycopg.Error as e:
            if self._db.execute("SELECT 1 FROM pg_extension WHERE extname='vector'").fetchone():
                return  # another process created it meanwhile
            raise RuntimeError(
                f"the pgvector extension is not enabled in this database and could not be enabled ({e}). "
                "Install pgvector on the server and run `CREATE EXTENSION vector;` as a superuser "
                "in this database (see docs/POSTGRES.md)"
            ) from None

    def _migrate(self) -> None:
        with self._lock:
            self._ensure_vector()
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_MIGRATE,))
                version = 0
                if self._db.execute("SELECT to_regclass('meta')").fetchone()[0] is not None:
                    row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
                    version = int(row[0]) if row else 0
                if version > len(MIGRATIONS):
                    raise RuntimeError(
                        f"{_safe_url(self.url)} has schema version {version}, newer than this NewsWeave "
                        f"({len(MIGRATIONS)}); upgrade NewsWeave to open it"
                    )
                for i in range(version, len(MIGRATIONS)):
                    step = MIGRATIONS[i]
                    sql, python = step if isinstance(step, tuple) else (step, None)
                    with self._db.transaction():  # a savepoint per version
                        self._db.execute(sql)
                        if python is not None:
                            python(self._db)
                        self._db.execute(
                            "INSERT INTO meta(key, value) VALUES('schema_version', %s) "
                            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                            (str(i + 1),),
                        )

    @contextmanager
    def _tx(self) -> Iterator[psycopg.Connection]:
        with self._lock, self._db.transaction():
            yield self._db

    # --- raw records ----------------------------------------------------------------
    def add_raw(self, records: list[RawArticle]) -> tuple[int, list[str]]:
        if not records:
            return 0, []
        with self._tx() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_RAW,))
            ids = [r.id for r in records]
            present = {row[0] for row in db.execute("SELECT id FROM raw_articles WHERE id = ANY(%s)", (ids,))}
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
                rows.append((_t(r.id), r.seq, sort_key, _t(r.origin), now(), dumps(r)))
            with db.cursor().copy(
                "COPY raw_articles(id, seq, sort_key, origin, received, record) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
        return len(rows), dups

    # --- batches --------------------------------------------------------------------
    def save_batch(self, batch: Batch) -> None:
        event_of = {a.article_id: a.event_id for a in batch.assignments}
        articles = list({a.id: a for a in batch.articles}.values())  # a repeated id: the last one wins
        with self._tx() as db, db.cursor() as cur:
            if articles:
                cur.executemany(
                    "INSERT INTO articles(id, seq, title, text, language, published, source, url, content_hash,"
                    " duplicate_of, event_id, data, minhash, vector) VALUES(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%b)"
                    " ON CONFLICT (id) DO UPDATE SET seq=EXCLUDED.seq, title=EXCLUDED.title, text=EXCLUDED.text,"
                    " language=EXCLUDED.language, published=EXCLUDED.published, source=EXCLUDED.source,"
                    " url=EXCLUDED.url, content_hash=EXCLUDED.content_hash, duplicate_of=EXCLUDED.duplicate_of,"
                    " event_id=EXCLUDED.event_id, data=EXCLUDED.data, minhash=EXCLUDED.minhash,"
                    " vector=EXCLUDED.vector",
                    [
                        (
                            _t(a.id), a.seq, _t(a.title), _t(a.text), _t(a.language),
                            utc(a.published),
                            _t(a.source), _t(a.url), a.content_hash, _t(a.duplicate_of), event_of.get(a.id),
                            batch.article_data(a), batch.signatures.get(a.id), _vec(a.vector),
                        )
                        for a in articles
                    ],
                )
                ids = [_t(a.id) for a in articles]
                cur.execute("DELETE FROM removed WHERE article_id = ANY(%s)", (ids,))
                removed = [(_t(a.id), i, r.kind, _t(r.text), _t(r.reason)) for a in articles
                           for i, r in enumerate(a.removed)]
                if removed:
                    with cur.copy("COPY removed(article_id, idx, kind, text, reason) FROM STDIN") as copy:
                        for row in removed:
                            copy.write_row(row)
                cur.execute("UPDATE raw_articles SET status='done' WHERE id = ANY(%s)", (ids,))
            if batch.assignments:
                cur.executemany(
                    "INSERT INTO assignments(article_id, event_id, probability, new_event, candidates, parts)"
                    " VALUES(%s,%s,%s,%s,%s,%s) ON CONFLICT (article_id) DO UPDATE SET event_id=EXCLUDED.event_id,"
                    " probability=EXCLUDED.probability, new_event=EXCLUDED.new_event,"
                    " candidates=EXCLUDED.candidates, parts=EXCLUDED.parts",
                    [
                        (_t(s.article_id), s.event_id, s.probability, int(s.new_event), s.candidates,
                         json.dumps(s.parts))
                        for s in batch.assignments
                    ],
                )
            if batch.events:
                self._write_events(cur, batch.events)
            if batch.stories:
                cur.executemany(
                    "INSERT INTO stories(id, title, data) VALUES(%s,%s,%s)"
                    " ON CONFLICT (id) DO UPDATE SET title=EXCLUDED.title, data=EXCLUDED.data",
                    [(s.id, _t(s.title), dumps(s)) for s in batch.stories],
                )
            self._write_quarantine(cur, batch.quarantined)
            if batch.failed_raw_ids:
                cur.execute("UPDATE raw_articles SET status='failed' WHERE id = ANY(%s)",
                            ([_t(i) for i in batch.failed_raw_ids],))
            if batch.clusterer_state is not None:
                cur.execute(
                    "INSERT INTO state(key, value) VALUES('clusterer', %s)"
                    " ON CONFLICT (key) DO UPDATE SET value=EXCLUDED.value",
                    (batch.clusterer_state,),
                )

    def _write_events(self, cur: psycopg.Cursor, events: list[Event]) -> None:
        rows = []
        for e in {e.id: e for e in events}.values():
            loc = e.location
            names = " ".join([x.name for x in e.entities] + [a for x in e.entities for a in x.aliases])
            names += " " + (loc.name if loc else "") + " " + " ".join(e.titles.values())
            search = " ".join(fold_tokens(f"{e.title}\n{e.summary}\n{names}"))
            data = dumps(e)
            rows.append((
                e.id, _t(e.title), e.date.isoformat() if e.date else None, e.story_id, _t(e.category),
                _t(loc.country_code) if loc else None, _t(loc.name) if loc else None, e.breaking, e.size,
                utc(e.first_seen),
                utc(e.last_seen),
                _t(" ".join(e.languages)), _t(" ".join(x.key for x in e.entities)), data, search, listing(data),
            ))
        cur.executemany(
            "INSERT INTO events(id, title, date, story_id, category, country_code, place, breaking, size,"
            " first_seen, last_seen, languages, entity_keys, data, search, listing)"
            " VALUES(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,to_tsvector('simple', %s),%s)"
            " ON CONFLICT (id) DO UPDATE SET title=EXCLUDED.title, date=EXCLUDED.date, story_id=EXCLUDED.story_id,"
            " category=EXCLUDED.category, country_code=EXCLUDED.country_code, place=EXCLUDED.place,"
            " breaking=EXCLUDED.breaking, size=EXCLUDED.size, first_seen=EXCLUDED.first_seen,"
            " last_seen=EXCLUDED.last_seen, languages=EXCLUDED.languages, entity_keys=EXCLUDED.entity_keys,"
            " data=EXCLUDED.data, search=EXCLUDED.search, listing=EXCLUDED.listing",
            rows,
        )
        written = {e.id: e for e in events}
        cur.execute("DELETE FROM event_entities WHERE event_id = ANY(%s)", (list(written),))
        terms = [(t, i) for i, e in written.items() for t in entity_terms(e)]
        if terms:
            cur.executemany("INSERT INTO event_entities(term, event_id) VALUES(%s,%s) ON CONFLICT DO NOTHING", terms)
        # The centroid: the mean of the member articles' vectors (written above in this batch or before).
        cur.execute(
            "UPDATE events SET centroid = c.v FROM (SELECT event_id, AVG(vector) AS v FROM articles"
            " WHERE event_id = ANY(%s) AND vector IS NOT NULL GROUP BY event_id) c WHERE events.id = c.event_id",
            ([r[0] for r in rows],),
        )

    def article_ids_by_hash(self, hashes: list[str]) -> dict[str, str]:
        with self._lock:
            rows = self._db.execute(
                "SELECT content_hash, id FROM articles WHERE content_hash = ANY(%s) AND duplicate_of IS NULL "
                "ORDER BY seq DESC",
                (list(hashes),),
            ).fetchall()
        return {h: i for h, i in rows}

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        last: tuple[int, str] = (-(2**62), "")
        while True:
            with self._lock:
                rows = self._db.execute(
                    "SELECT id, minhash, seq FROM articles WHERE minhash IS NOT NULL AND (seq, id) > (%s, %s) "
                    "ORDER BY seq, id LIMIT 5000",
                    last,
                ).fetchall()
            if not rows:
                return
            for i, blob, seq in rows:
                last = (seq, i)
                yield i, bytes(blob)

    def event_of(self, article_ids: list[str]) -> dict[str, str]:
        with self._lock:
            rows = self._db.execute(
                "SELECT article_id, event_id FROM assignments WHERE article_id = ANY(%s)", (list(article_ids),)
            ).fetchall()
        return dict(rows)

    def load_state(self) -> bytes | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM state WHERE key='clusterer'").fetchone()
        return bytes(row[0]) if row else None

    # --- embeddings -----------------------------------------------------------------
    def get_vectors(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]:
        if not hashes:
            return {}
        with self._lock:
            rows = self._db.cursor(binary=True).execute(
                "SELECT text_hash, vector FROM embeddings WHERE model=%s AND text_hash = ANY(%s)",
                (model, list(hashes)),
            ).fetchall()
        return {h: v.to_numpy().astype(np.float32) for h, v in rows}

    def put_vectors(self, model: str, items: dict[str, np.ndarray]) -> None:
        if not items:
            return
        with self._tx() as db, db.cursor() as cur:
            cur.executemany(
                "INSERT INTO embeddings(model, text_hash, vector) VALUES(%s,%s,%b)"
                " ON CONFLICT (model, text_hash) DO UPDATE SET vector=EXCLUDED.vector",
                [(model, h, _vec(v)) for h, v in items.items()],
            )

    # --- reads ----------------------------------------------------------------------
    def _select_events(self, columns: str, q: EventQuery) -> list:
        where, args = [], []
        if q.q:
            tsq = ts_query(q.q)
            where.append("FALSE" if tsq is None else "search @@ to_tsquery('simple', ?)")
            args += [] if tsq is None else [tsq]
        more, more_args = event_filters(q, POSTGRES)
        sql = f"SELECT {columns} FROM events" + (" WHERE " + " AND ".join(where + more) if where or more else "")
        return self._all(sql + event_order(q, POSTGRES), args + more_args)

    def nearest_events(self, vector: np.ndarray, limit: int = 10) -> list[tuple[str, float]]:
        """Events whose centroid is nearest ``vector`` (cosine distance, pgvector). PostgreSQL only."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, centroid <=> %b AS d FROM events WHERE centroid IS NOT NULL "
                "AND vector_dims(centroid) = %s ORDER BY d, id LIMIT %s",
                (_vec(vector), int(np.asarray(vector).size), int(limit)),
            ).fetchall()
        return [(i, float(d)) for i, d in rows]

    def removed_counts(self, article_ids: list[str]) -> dict[str, int]:
        with self._lock:
            rows = self._db.execute(
                "SELECT kind, COUNT(*) FROM removed WHERE article_id = ANY(%s) GROUP BY kind",
                (list(article_ids),),
            ).fetchall()
        return {kind: int(n) for kind, n in rows}

    def counts(self) -> dict[str, int]:
        with self._lock:
            row = self._db.execute(
                "SELECT (SELECT COUNT(*) FROM raw_articles),"
                " (SELECT COUNT(*) FROM raw_articles WHERE status='pending'),"
                " (SELECT COUNT(*) FROM articles),"
                " (SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL),"
                " (SELECT COUNT(*) FROM events),"
                " (SELECT COUNT(*) FROM stories),"
                " (SELECT COUNT(*) FROM quarantine WHERE resolved=0),"
                " (SELECT COUNT(*) FROM embeddings)"
            ).fetchone()
        keys = ("raw", "pending", "articles", "duplicates", "events", "stories", "quarantined", "embeddings")
        return {k: int(v) for k, v in zip(keys, row)}

    # --- quarantine -----------------------------------------------------------------
    def quarantine(self, entries: list[QuarantineEntry]) -> None:
        if not entries:
            return
        with self._tx() as db, db.cursor() as cur:
            self._write_quarantine(cur, entries)

    def _write_quarantine(self, cur: psycopg.Cursor, entries: list[QuarantineEntry]) -> None:
        if entries:
            cur.executemany(
                "INSERT INTO quarantine(stage, error, raw, origin, article_id, created) VALUES(%s,%s,%s,%s,%s,%s)",
                [(_t(e.stage), _t(e.error), _t(e.raw), _t(e.origin), _t(e.article_id), now()) for e in entries],
            )


def _safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
