"""The Store interface: the meeting point of every stage, the API and the CLI.

Two backends implement it: SQLite (default, one file) and PostgreSQL. A whole
pipeline batch — articles, assignments, events and the clusterer checkpoint —
is written in one transaction, so a killed ingest resumes exactly where the
last batch committed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from newsweave.model import Article, Assignment, Event, QuarantineEntry, RawArticle, Story
from newsweave.store.codec import dumps, join_article_json


@dataclass
class Batch:
    """What one pipeline batch writes, atomically."""

    articles: list[Article] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    signatures: dict[str, bytes] = field(default_factory=dict)  # near-duplicate MinHash per article
    # Article JSON already made by the workers (codec.article_json_parts), by id; the rest are serialised here.
    article_json: dict[str, tuple[str, str]] = field(default_factory=dict)
    quarantined: list[QuarantineEntry] = field(default_factory=list)
    failed_raw_ids: list[str] = field(default_factory=list)  # raw records that failed a stage
    clusterer_state: bytes | None = None

    def article_data(self, article: Article) -> str:
        """The JSON stored for ``article``: the workers' pieces joined, else serialised now (same bytes)."""
        parts = self.article_json.get(article.id)
        return dumps(article) if parts is None else join_article_json(parts, article.duplicate_of)


@dataclass
class EventQuery:
    """Filters for listing and searching events."""

    q: str | None = None
    language: str | None = None
    country: str | None = None
    place: str | None = None
    entity: str | None = None
    category: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    breaking: bool = False
    story_id: str | None = None
    limit: int = 50
    cursor: str | None = None


def event_cursor(event: Event, breaking: bool = False) -> str:
    """The ``EventQuery.cursor`` that continues a listing after ``event`` (its sort key, as JSON).

    Listings are ordered by last_seen then id, newest first (breaking score first with
    ``breaking``); the cursor must come from a listing with the same ``breaking`` flag.

    >>> event_cursor(Event("ev_1"))
    '["", "ev_1"]'
    """
    # The stores keep last_seen in UTC (so that it sorts as text); the cursor must match.
    last = event.last_seen.astimezone(dt.UTC).isoformat() if event.last_seen else ""
    return cursor_key(event.breaking or 0.0, last, event.id, breaking)


def cursor_key(score: float, last_seen: str, event_id: str, breaking: bool = False) -> str:
    """The cursor of a row whose sort columns are known (UTC ``last_seen`` text, "" when unknown)."""
    return json.dumps([float(score), last_seen, event_id] if breaking else [last_seen, event_id])


def parse_event_cursor(cursor: str, breaking: bool = False) -> list:
    """Validate a cursor made by :func:`event_cursor`; ValueError when it is not one."""
    try:
        key = json.loads(cursor)
    except (ValueError, TypeError):
        raise ValueError("cursor is not one this server handed out") from None
    shape = (float, str, str) if breaking else (str, str)
    if (
        not isinstance(key, list)
        or len(key) != len(shape)
        or not all(isinstance(v, (int, float) if t is float else t) and not isinstance(v, bool) for v, t in zip(key, shape))
    ):
        raise ValueError("cursor is not one this server handed out (or belongs to the other ordering)")
    return key


class Store(Protocol):
    schema_version: int

    # raw records, stored before any processing
    def add_raw(self, records: list[RawArticle]) -> tuple[int, list[str]]:
        """Insert records not seen before; return (new count, ids already present)."""
        ...

    def pending_raw(self) -> Iterator[RawArticle]:
        """Raw records not yet processed nor quarantined, in clustering order."""
        ...

    def count_pending(self) -> int: ...

    # processed data
    def save_batch(self, batch: Batch) -> None: ...
    def article_ids_by_hash(self, hashes: list[str]) -> dict[str, str]: ...
    def signatures(self) -> Iterator[tuple[str, bytes]]: ...
    def event_of(self, article_ids: list[str]) -> dict[str, str]: ...
    def load_state(self) -> bytes | None: ...

    # embeddings cache
    def get_vectors(self, model: str, hashes: list[str]) -> dict[str, np.ndarray]: ...
    def put_vectors(self, model: str, items: dict[str, np.ndarray]) -> None: ...

    # reads
    def article(self, article_id: str) -> Article | None: ...
    def articles(self, event_id: str | None = None, limit: int | None = None) -> list[Article]: ...
    def event(self, event_id: str) -> Event | None: ...
    def events(self, query: EventQuery | None = None) -> list[Event]: ...
    def event_rows(self, query: EventQuery | None = None) -> list[Any]:
        """``events`` undecoded: ``store.sql.EventRow`` (the ``events --json`` text and sort key) per event."""
        ...

    def story(self, story_id: str) -> Story | None: ...
    def stories(self) -> list[Story]: ...
    def assignment(self, article_id: str) -> Assignment | None: ...
    def removed_counts(self, article_ids: list[str]) -> dict[str, int]:
        """Removed segments of these articles, counted by kind."""
        ...

    def counts(self) -> dict[str, int]: ...

    # quarantine
    def quarantine(self, entries: list[QuarantineEntry]) -> None: ...
    def quarantined(self, include_resolved: bool = False) -> list[QuarantineEntry]: ...
    def requeue_quarantined(self, ids: list[int] | None = None) -> list[QuarantineEntry]: ...

    def close(self) -> None: ...


def open_store(url: str, read_only: bool = False) -> Store:
    """Open a store from a path or URL: a file path means SQLite, postgresql:// means PostgreSQL.

    ``read_only``: a reader that never writes (nor migrates), e.g. in a pipeline worker process.

    >>> open_store(":memory:").schema_version >= 1
    True
    """
    if url.startswith(("postgresql://", "postgres://")):
        from newsweave.store.postgres import PostgresStore

        return PostgresStore(url, read_only=read_only)
    from newsweave.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"), read_only=read_only)
