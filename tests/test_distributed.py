"""`newsweave ingest --ray`: the per-record stages on a local Ray give the very same database."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import IN_CI
from newsweave.cli import ray_optional_value
from synth import db_snapshot, synthetic_articles, write_jsonl

CLI = [sys.executable, "-m", "newsweave.cli"]


def _need_ray() -> None:
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError as e:
        msg = f"ray[data] is not installed ({e}); run scripts/setup-ray.sh .venv"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)


def test_ray_optional_address():
    assert ray_optional_value(["ingest", "--ray", "a.jsonl"]) == ["ingest", "--ray", "a.jsonl"]  # not a file here
    assert ray_optional_value(["ingest", "--ray", "-q", "x"]) == ["ingest", "--ray", "local", "-q", "x"]
    assert ray_optional_value(["ingest", "--ray", "head:6379"])[2] == "head:6379"
    assert ray_optional_value(["events", "--ray"]) == ["events", "--ray"]


def test_ray_backfill_gives_the_same_database_as_one_process(tmp_path):
    _need_ray()
    rows = synthetic_articles(300, events=40, seed=3)
    rows += [{**rows[i], "id": f"copy-{i}"} for i in (5, 77)]  # exact copies: duplicate linking in order
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    env = {**os.environ, "NEWSWEAVE_ENCODER": "lexical", "NEWSWEAVE_BATCH_SIZE": "16", "NEWSWEAVE_RAY_NUM_CPUS": "2"}
    one, par = tmp_path / "one.db", tmp_path / "ray.db"
    subprocess.run([*CLI, "ingest", str(src), "--db", str(one), "-q"], env=env, check=True, capture_output=True)
    # `--ray` with no address, before the path: a local Ray; 302 records = 2 chunks of 16 batches of 16
    done = subprocess.run([*CLI, "ingest", "--ray", str(src), "--db", str(par)], env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "processed 302" in done.stderr
    a, b = db_snapshot(one), db_snapshot(par)
    assert len(a["articles"]) == 302 and sum(1 for r in a["articles"] if r[3]) >= 2
    for table in a:
        assert a[table] == b[table], f"{table} differs between the Ray and the single-process run"
