"""Store stage: SQLite by default, PostgreSQL when one machine is not enough."""

from newsweave.store.base import Batch, EventQuery, Store, open_store

__all__ = ["Batch", "EventQuery", "Store", "open_store"]
