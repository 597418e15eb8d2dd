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
def store(tmp_path):
    from newsweave.store import open_store

    s = open_store(str(tmp_path / "t.db"))
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    # Pairwise runs cache embeddings; keep tests away from the user's cache.
    monkeypatch.setenv("NEWSWEAVE_CACHE", str(tmp_path_factory.getbasetemp() / "embed-cache.db"))
