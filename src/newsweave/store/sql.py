"""What the SQLite and PostgreSQL stores share: event filters, entity terms, listing rows and the
plain reads whose SQL is the same on both.

Shared SQL is written with ``?`` placeholders; :class:`SQLReads` turns them into the backend's
(``%s`` for psycopg) before running it, so none of these statements may contain a literal ``?``.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newsweave.model import Article, Assignment, Event, QuarantineEntry, RawArticle, Story
from newsweave.store.base import EventQuery, cursor_key, parse_event_cursor
from newsweave.store.codec import article_from, event_from, event_json, raw_from, story_from


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def utc(value: dt.datetime | None) -> str | None:
    """Timestamps in indexed columns are UTC so that they sort as text."""
    return value.astimezone(dt.UTC).isoformat() if value else None


def like(text: str) -> str:
    """Escape LIKE wildcards so user input matches literally (backslash is the escape character)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def entity_term(text: str) -> str:
    """How an entity key or name is compared: case and diacritics folded in Python, so both backends agree.

    >>> entity_term("  Red CROSS "), entity_term("İZMİR Valiliği")
    ('red cross', 'izmir valiligi')
    """
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    folded = unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))
    return folded.replace("\x00", "\ufffd")  # PostgreSQL text cannot hold NUL; the same term on both


def entity_terms(event: Event) -> list[str]:
    """The ``event_entities`` rows of an event: every entity's key and display name, folded."""
    return sorted({entity_term(t) for x in event.entities for t in (x.key, x.name) if t and t.strip()})


def listing(data: str) -> str:
    """The precomputed ``events --json`` text of an event stored as ``data`` (its JSON), as the API
    serialises it (compact, UTF-8). Made from the stored JSON, so it is exactly what reading the event back gives.
    """
    return _listing(event_from(json.loads(data)))


def _listing(stored: Event) -> str:
    return json.dumps(event_json(stored), ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class EventRow:
    """One row of an event listing, undecoded: its ``events --json`` text and its pagination key."""

    id: str
    listing: str
    breaking: float
    last_seen: str

    def cursor(self, breaking: bool) -> str:
        """The ``EventQuery.cursor`` continuing after this row (as :func:`base.event_cursor`)."""
        return cursor_key(self.breaking, self.last_seen, self.id, breaking)


@dataclass(frozen=True)
class Dialect:
    """The few places where the two backends' filter SQL differs."""

    like: str  # a case-insensitive LIKE with backslash escapes
    place_eq: str  # place equal to the parameter, ignoring case
    breaking: str  # the breaking score as it is indexed


SQLITE = Dialect(like="LIKE ? ESCAPE '\\'", place_eq="place = ? COLLATE NOCASE", breaking="breaking")
POSTGRES = Dialect(like="ILIKE ?", place_eq="lower(place) = lower(?)", breaking="COALESCE(breaking, 0)")


def event_filters(q: EventQuery, d: Dialect) -> tuple[list[str], list[Any]]:
    """WHERE conditions (``?`` placeholders) and arguments of every filter but the text search."""
    where: list[str] = []
    args: list[Any] = []
    for col, val in (("category", q.category), ("country_code", q.country), ("story_id", q.story_id)):
        if val:
            where.append(f"{col} = ?")
            args.append(val.upper() if col == "country_code" else val)
    if q.language:
        where.append(f"(' ' || languages || ' ') {d.like}")
        args.append(f"% {like(q.language)} %")
    if q.place:
        where.append(d.place_eq)
        args.append(q.place)
    if q.entity:
        # A normalised table (schema v3 / v2 on PostgreSQL): an index lookup, not a scan of every event's JSON.
        where.append("id IN (SELECT event_id FROM event_entities WHERE term = ?)")
        args.append(entity_term(q.entity))
    if q.date_from:
        where.append("date >= ?")
        args.append(q.date_from)
    if q.date_to:
        where.append("date <= ?")
        args.append(q.date_to)
    if q.cursor:
        # Keyset pagination: the cursor is the sort key of the last row seen (see base.event_cursor).
        key = parse_event_cursor(q.cursor, q.breaking)
        cols = f"{d.breaking}, COALESCE(last_seen, ''), id" if q.breaking else "COALESCE(last_seen, ''), id"
        where.append(f"({cols}) < ({', '.join('?' * len(key))})")
        args.extend(key)
    return where, args


def event_order(q: EventQuery, d: Dialect) -> str:
    order = f"{d.breaking} DESC, " if q.breaking else ""
    return f" ORDER BY {order}COALESCE(last_seen, '') DESC, id DESC" + (f" LIMIT {int(q.limit)}" if q.limit else "")


LISTING_COLUMNS = "id, listing, COALESCE(breaking, 0), COALESCE(last_seen, '')"


class SQLReads:
    """Reads (and quarantine bookkeeping) written once for both backends.

    A subclass provides ``_db`` (a DB-API connection whose ``execute`` returns a cursor), ``_lock``,
    ``_tx()`` and ``_select_events(columns, query)``; ``PARAM`` is its placeholder.
    """

    PARAM = "?"
    _db: Any
    _lock: Any

    def _all(self, sql: str, args: Iterable[Any] = ()) -> list:
        with self._lock:
            return self._db.execute(sql.replace("?", self.PARAM), tuple(args)).fetchall()

    def _one(self, sql: str, args: Iterable[Any] = ()) -> Any:
        with self._lock:
            return self._db.execute(sql.replace("?", self.PARAM), tuple(args)).fetchone()

    def _tx(self) -> Any:
        raise NotImplementedError

    def _select_events(self, columns: str, query: EventQuery) -> list:
        raise NotImplementedError

    def pending_raw(self) -> Iterator[RawArticle]:
        """Raw records not yet processed nor quarantined, in clustering order (pages of 256, keyset)."""
        last: tuple[str, int] = ("", -1)
        while True:
            rows = self._all("SELECT record, sort_key, seq FROM raw_articles WHERE status='pending' "
                             "AND (sort_key, seq) > (?, ?) ORDER BY sort_key, seq LIMIT 256", last)
            if not rows:
                return
            for record, sort_key, seq in rows:
                last = (sort_key, seq)
                yield raw_from(json.loads(record))

    def count_pending(self) -> int:
        return self._one("SELECT COUNT(*) FROM raw_articles WHERE status='pending'")[0]

    def _decoded(self, sql: str, key: str, decode: Callable[[dict], Any]) -> Any:
        row = self._one(sql, (key,))
        return decode(json.loads(row[0])) if row else None

    def article(self, article_id: str) -> Article | None:
        return self._decoded("SELECT data FROM articles WHERE id=?", article_id, article_from)

    def articles(self, event_id: str | None = None, limit: int | None = None) -> list[Article]:
        sql = "SELECT data FROM articles" + (" WHERE event_id=?" if event_id is not None else "") + " ORDER BY seq"
        sql += f" LIMIT {int(limit)}" if limit else ""
        return [article_from(json.loads(r[0])) for r in self._all(sql, [] if event_id is None else [event_id])]

    def article_events(self) -> dict[str, str]:
        return dict(self._all("SELECT article_id, event_id FROM assignments"))

    def event(self, event_id: str) -> Event | None:
        return self._decoded("SELECT data FROM events WHERE id=?", event_id, event_from)

    def events(self, query: EventQuery | None = None) -> list[Event]:
        return [event_from(json.loads(r[0])) for r in self._select_events("data", query or EventQuery(limit=0))]

    def event_rows(self, query: EventQuery | None = None) -> list[EventRow]:
        """:meth:`events` without decoding: each event's precomputed ``events --json`` text and sort key."""
        rows = self._select_events(LISTING_COLUMNS, query or EventQuery(limit=0))
        return [EventRow(i, text, float(b), last) for i, text, b, last in rows]

    def story(self, story_id: str) -> Story | None:
        return self._decoded("SELECT data FROM stories WHERE id=?", story_id, story_from)

    def stories(self) -> list[Story]:
        out = [story_from(json.loads(r[0])) for r in self._all("SELECT data FROM stories")]
        return sorted(out, key=lambda s: (s.last_seen is None, s.last_seen), reverse=True)

    def assignment(self, article_id: str) -> Assignment | None:
        row = self._one(
            "SELECT article_id, event_id, probability, parts, new_event, candidates FROM assignments "
            "WHERE article_id=?",
            (article_id,),
        )
        if not row:
            return None
        return Assignment(row[0], row[1], row[2], json.loads(row[3] or "{}"), bool(row[4]), row[5])

    def quarantined(self, include_resolved: bool = False) -> list[QuarantineEntry]:
        sql = "SELECT id, stage, error, raw, origin, article_id, created FROM quarantine"
        rows = self._all(sql + ("" if include_resolved else " WHERE resolved=0") + " ORDER BY id")
        return [
            QuarantineEntry(stage=r[1], error=r[2], raw=r[3] or "", origin=r[4] or "", article_id=r[5], id=r[0],
                            created=dt.datetime.fromisoformat(r[6]))
            for r in rows
        ]

    def requeue_quarantined(self, ids: list[int] | None = None) -> list[QuarantineEntry]:
        """Mark entries resolved and hand them back; stored raw records go back to pending."""
        entries = [e for e in self.quarantined() if ids is None or e.id in ids]
        if not entries:
            return entries
        with self._tx() as db:
            cur = db.cursor()
            cur.executemany("UPDATE quarantine SET resolved=1 WHERE id=?".replace("?", self.PARAM),
                            [(e.id,) for e in entries])
            cur.executemany(
                "UPDATE raw_articles SET status='pending' WHERE id=? AND status='failed'".replace("?", self.PARAM),
                [(e.article_id,) for e in entries if e.article_id],
            )
        return entries

    def close(self) -> None:
        with self._lock:
            self._db.close()


def backfill_events(rows: Iterable[tuple[str, str]]) -> Iterable[tuple[str, str, list[str]]]:
    """For a migration: (id, listing, entity terms) of stored events given as (id, data JSON)."""
    for event_id, data in rows:
        event = event_from(json.loads(data))
        yield event_id, _listing(event), entity_terms(event)
