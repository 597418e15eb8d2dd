"""`newsweave ingest --ray`: the per-record stages on a local Ray give the very same database."""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys

import pytest

from conftest import IN_CI
from newsweave.cli import ray_optional_value
from synth import synthetic_articles, write_jsonl

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


def _snapshot(path) -> dict:
    db = sqlite3.connect(path)
    q = lambda sql: db.execute(sql).fetchall()  # noqa: E731
    return {
        "raw": q("SELECT id, seq, status FROM raw_articles ORDER BY id"),
        "articles": q("SELECT id, seq, event_id, duplicate_of, data, minhash FROM articles ORDER BY id"),
        "assignments": q("SELECT * FROM assignments ORDER BY article_id"),
        "events": q("SELECT id, story_id, size, data FROM events ORDER BY id"),
        "stories": q("SELECT * FROM stories ORDER BY id"),
        "removed": q("SELECT * FROM removed ORDER BY article_id, idx"),
        "embeddings": q("SELECT * FROM embeddings ORDER BY model, text_hash"),
        "quarantine": q("SELECT stage, error, article_id FROM quarantine ORDER BY id"),
        "state": _state(q("SELECT value FROM state WHERE key='clusterer'")[0][0]),
    }


def _state(blob: bytes) -> dict:
    """The clusterer checkpoint, by value (pickle bytes depend on object sharing, not on content)."""
    d = pickle.loads(blob)
    if "newsweave.pipeline" in d:  # the pipeline's checkpoint wraps the clusterer's (plus events to describe)
        assert d["undescribed"] == {}, "a finished run leaves no event undescribed"
        d = pickle.loads(d["clusterer"]) if isinstance(d["clusterer"], bytes) else d["clusterer"]
    events = {}
    for eid, ev in d["events"].items():
        p = ev.profile
        vs = None if p.vector_sum is None else (p.vector_sum.dtype.str, p.vector_sum.tobytes())
        events[eid] = (ev.key, ev.story_id, ev.first_seen, ev.last_seen, p.vector.dtype.str, p.vector.tobytes(), vs,
                       p.entities, p.places, p.countries, p.terms, p.numbers, p.days, p.languages, p.n)
    return {"events": events, "next_key": d["next_key"], "clock": d["clock"], "dim": d["dim"]}


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
    a, b = _snapshot(one), _snapshot(par)
    assert len(a["articles"]) == 302 and sum(1 for r in a["articles"] if r[3]) >= 2
    for table in a:
        assert a[table] == b[table], f"{table} differs between the Ray and the single-process run"
