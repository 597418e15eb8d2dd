"""The Store interface: the meeting point of every stage, the API and the CLI.

Two backends implement it: SQLite (default, one file) and PostgreSQL. A whole
pipeline batch — articles, assignments, events and the clusterer checkpoint —
is written in one transaction, so a killed ingest resumes exactly where the
last batch committed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from newsweave.model import Article, Assignment, Event, QuarantineEntry, RawArticle, Story


@dataclass
class Batch:
    """What one pipeline batch writes, atomically."""

    articles: list[Article] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    signatures: dict[str, bytes] = field(default_factory=dict)  # near-duplicate MinHash per article
    quarantined: list[QuarantineEntry] = field(default_factory=list)
    failed_raw_ids: list[str] = field(default_factory=list)  # raw records that failed a stage
    clusterer_state: bytes | None = None


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
    def story(self, story_id: str) -> Story | None: ...
    def stories(self) -> list[Story]: ...
    def assignment(self, article_id: str) -> Assignment | None: ...
    def counts(self) -> dict[str, int]: ...

    # quarantine
    def quarantine(self, entries: list[QuarantineEntry]) -> None: ...
    def quarantined(self, include_resolved: bool = False) -> list[QuarantineEntry]: ...
    def requeue_quarantined(self, ids: list[int] | None = None) -> list[QuarantineEntry]: ...

    def close(self) -> None: ...


def open_store(url: str) -> Store:
    """Open a store from a path or URL: a file path means SQLite, postgresql:// means PostgreSQL.

    >>> open_store(":memory:").schema_version >= 1
    True
    """
    if url.startswith(("postgresql://", "postgres://")):
        from newsweave.store.postgres import PostgresStore

        return PostgresStore(url)
    from newsweave.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"))
