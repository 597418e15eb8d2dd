"""Shared fixtures. Tests that need ../shared skip without it — except in CI, where it must be present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
SEMEVAL = SHARED / "data" / "semeval2022-task8" / "train.csv"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need(path: Path, what: str) -> Path:
    """Skip (locally) or fail (in CI) when a file a test needs is missing."""
    if path.exists():
        return path
    msg = f"{what} not found at {path}; it ships beside the repository in ../shared (set NEWSWEAVE_SHARED)"
    if IN_CI:
        pytest.fail(msg)
    pytest.skip(msg)


@pytest.fixture
def semeval_csv() -> Path:
    return need(SEMEVAL, "SemEval-2022 Task 8 train split")


@pytest.fixture
def lexical():
    from newsweave.embed import get_encoder

    return get_encoder("lexical")


@pytest.fixture
def store_backend() -> str:
    """The backend of the ``store`` fixture. SQLite here; test modules that cover every backend
    override it with ``@pytest.fixture(params=["sqlite", "postgres"])`` (see tests/test_store.py)."""
    return "sqlite"


@pytest.fixture
def store(tmp_path, store_backend, request):
    from newsweave.store import open_store

    url = request.getfixturevalue("pg_url") if store_backend == "postgres" else str(tmp_path / "t.db")
    s = open_store(url)
    yield s
    s.close()


def _unavailable(msg: str) -> None:
    if IN_CI:
        pytest.fail(msg)
    pytest.skip(msg)


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL with pgvector for the session (tests/pg_server.py).

    Skips when none can be started — except in CI, where PostgreSQL must be there
    (scripts/setup-postgres.sh installs it).
    """
    from pg_server import PgServer, PgUnavailable

    try:
        import pgvector  # noqa: F401
        import psycopg  # noqa: F401
    except ImportError as e:
        _unavailable(f"PostgreSQL tests need psycopg and pgvector ({e}); run scripts/setup-postgres.sh .venv")
    server = PgServer()
    try:
        server.start()
    except PgUnavailable as e:
        _unavailable(f"no PostgreSQL server for the tests: {e}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty database on the session's PostgreSQL, dropped after the test."""
    url = pg_server.create_database()
    yield url
    pg_server.drop_database(url)


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    # Pairwise runs cache embeddings; keep tests away from the user's cache.
    monkeypatch.setenv("NEWSWEAVE_CACHE", str(tmp_path_factory.getbasetemp() / "embed-cache.db"))


@pytest.fixture(autouse=True)
def _fresh_settings():
    # Settings are cached per process; a test that sets NEWSWEAVE_* must not leak into the next one.
    from newsweave.config import get_settings

    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
