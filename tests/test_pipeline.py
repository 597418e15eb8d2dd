"""End to end: the demo corpus comes out as its gold events; kill -9 resumes exactly; re-ingest is a no-op."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from importlib import resources
from itertools import combinations
from pathlib import Path

import pytest

from newsweave.config import Settings
from newsweave.ingest import read_path
from newsweave.pipeline import Pipeline
from newsweave.store import open_store
from synth import db_snapshot, synthetic_articles, write_jsonl

DEMO = Path(str(resources.files("newsweave.data").joinpath("demo")))
CLI = [sys.executable, "-m", "newsweave.cli"]


def pairwise_f1(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of "same event" over all article pairs."""
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        g, p = gold[a] == gold[b], pred.get(a) is not None and pred.get(a) == pred.get(b)
        tp += g and p
        fp += p and not g
        fn += g and not p
    prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return prec, rec, 2 * prec * rec / max(1e-9, prec + rec)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = open_store(str(path))
    report = Pipeline(store).ingest(read_path(DEMO / "articles.jsonl"))
    store.close()
    assert report.rejected == 0, report.errors
    return path


def test_demo_corpus_comes_out_as_its_gold_events(demo_db):
    gold = {r["id"]: r["event"] for r in map(json.loads, (DEMO / "labels.jsonl").read_text().splitlines())}
    store = open_store(str(demo_db))
    pred = store.article_events()
    store.close()
    assert set(pred) == set(gold)
    p, r, f1 = pairwise_f1(pred, gold)
    assert f1 >= 0.95, f"pairwise P={p:.3f} R={r:.3f} F1={f1:.3f}"


def test_demo_stories_link_the_developing_story(demo_db):
    gold = [json.loads(x) for x in (DEMO / "gold.jsonl").read_text().splitlines()]
    labels = {r["id"]: r["event"] for r in map(json.loads, (DEMO / "labels.jsonl").read_text().splitlines())}
    story_of_event = {g["event"]: g["story"] for g in gold}
    store = open_store(str(demo_db))
    events = store.events()
    store.close()
    # the story of each predicted event, by majority of its articles' gold events
    pred_story = {}
    for e in events:
        golds = [story_of_event[labels[a]] for a in e.article_ids]
        pred_story[e.id] = (max(set(golds), key=golds.count), e.story_id)
    pairs = list(combinations(pred_story.values(), 2))
    same_gold = [(a[1] == b[1]) for a, b in pairs if a[0] == b[0]]
    diff_gold = [(a[1] != b[1]) for a, b in pairs if a[0] != b[0]]
    assert sum(diff_gold) / len(diff_gold) >= 0.9
    assert not same_gold or sum(same_gold) / len(same_gold) >= 0.5


def test_reingesting_is_a_no_op(demo_db):
    store = open_store(str(demo_db))
    before = store.counts()
    report = Pipeline(store).ingest(read_path(DEMO / "articles.jsonl"))
    after = store.counts()
    store.close()
    assert report.ingested == 0 and report.processed == 0 and report.duplicates == before["raw"]
    assert before == after


def _snapshot(path: Path) -> dict:
    db = sqlite3.connect(path)
    return {
        "raw": db.execute("SELECT id, status FROM raw_articles ORDER BY id").fetchall(),
        "articles": db.execute("SELECT id, event_id, duplicate_of, data FROM articles ORDER BY id").fetchall(),
        "assignments": db.execute("SELECT * FROM assignments ORDER BY article_id").fetchall(),
        "events": db.execute("SELECT id, story_id, size, data FROM events ORDER BY id").fetchall(),
        "removed": db.execute("SELECT * FROM removed ORDER BY article_id, idx").fetchall(),
    }


def test_kill_9_during_ingest_then_rerun_gives_the_same_database(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", synthetic_articles(5000))
    env = {**os.environ, "NEWSWEAVE_ENCODER": "lexical"}
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    subprocess.run([*CLI, "ingest", str(src), "--db", str(whole), "-q"], env=env, check=True, capture_output=True)

    proc = subprocess.Popen([*CLI, "ingest", str(src), "--db", str(killed), "-q"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = 0
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            done = sqlite3.connect(killed).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if done >= 1000:
            break
    assert proc.poll() is None, "ingest finished before it could be killed; the test needs a slower run"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 1000 <= done < 5000
    subprocess.run([*CLI, "ingest", str(src), "--db", str(killed), "-q"], env=env, check=True, capture_output=True)
    a, b = _snapshot(whole), _snapshot(killed)
    assert len(a["articles"]) == 5000
    for table in a:
        assert a[table] == b[table], f"{table} differs after kill -9 and resume"


def test_bad_records_are_quarantined_and_retry_reruns_them(tmp_path):
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        '{"id":"ok","title":"Fire in Patras","text":"A fire broke out in Patras on Friday."}\n'
        '{"id":"broken", "title": \n'
        '{"id":"nodate","title":"T","text":"B","published":"yesterday"}\n',
        encoding="utf-8",
    )
    store = open_store(str(tmp_path / "m.db"))
    pipe = Pipeline(store, Settings(encoder="lexical"))
    report = pipe.ingest(read_path(src))
    assert (report.ingested, report.rejected) == (1, 2)
    assert {e.stage for e in store.quarantined()} == {"parse"}
    report = pipe.retry()
    assert report.rejected == 2 and len(store.quarantined()) == 2  # still broken, still kept
    store.close()


def test_worker_processes_give_the_same_database_as_one_process(tmp_path):
    """The pool cleans, annotates and (lexical encoder) embeds in workers, and describes events there at
    the end of a run: none of it may change a bit of the result."""
    from newsweave.ingest import record_to_raw

    rows = synthetic_articles(700, events=90, seed=11)
    rows += [{**rows[i], "id": f"copy-{i}"} for i in (3, 50)]  # exact copies: duplicate linking

    def run(workers: int, path: Path) -> dict:
        settings = Settings(encoder="lexical", workers=workers, pool_min_pending=10, batch_size=32)
        store = open_store(str(path))
        pipe = Pipeline(store, settings)
        pipe.ingest([record_to_raw({k: v for k, v in r.items() if k != "event"}, r["id"]) for r in rows])
        assert (getattr(pipe, "_pool_obj", None) is not None) == (workers > 1)  # the pool did run
        pipe.close()
        store.close()
        return db_snapshot(path)

    one, two = run(1, tmp_path / "one.db"), run(2, tmp_path / "two.db")
    assert len(one["articles"]) == len(rows) and len(one["events"]) > 10
    for table in one:
        assert one[table] == two[table], table


def test_work_moved_to_the_workers_gives_what_the_ordered_pass_made(tmp_path, monkeypatch):
    """Workers serialise each article and build its clustering profile; the ordered pass only links
    duplicates. The database must be byte-identical to one where the ordered pass serialises every
    article at save time and builds every profile itself (as it did before the work moved)."""
    from newsweave.cluster import article_profile
    from newsweave.ingest import record_to_raw
    from newsweave.pipeline import Prepared
    from newsweave.store import Batch
    from newsweave.store.codec import dumps

    rows = synthetic_articles(400, events=60, seed=5)
    rows += [{**rows[i], "id": f"copy-{i}"} for i in (2, 40, 41)]  # exact copies: duplicate_of is set late
    rows += [{**rows[7], "id": "near-7", "text": rows[7]["text"] + " (Reuters)"}]  # a near-duplicate

    def run(path: Path) -> dict:
        settings = Settings(encoder="lexical", workers=2, pool_min_pending=10, batch_size=32)
        store = open_store(str(path))
        pipe = Pipeline(store, settings)
        report = pipe.ingest([record_to_raw({k: v for k, v in r.items() if k != "event"}, r["id"]) for r in rows])
        assert getattr(pipe, "_pool_obj", None) is not None
        pipe.close()
        store.close()
        assert report.duplicates >= 4
        return db_snapshot(path)

    ready = run(tmp_path / "ready.db")
    with monkeypatch.context() as m:
        m.setattr(Batch, "article_data", lambda self, a: dumps(a))
        m.setattr(Prepared, "profile_for", lambda self, a: article_profile(a))
        made_here = run(tmp_path / "here.db")
    assert sum(1 for r in ready["articles"] if r[3]) >= 4  # duplicate_of filled in after the workers
    for table in ready:
        assert ready[table] == made_here[table], table


def test_a_profile_made_in_advance_is_used_only_with_its_vector():
    import numpy as np

    from newsweave.embed import get_encoder
    from newsweave.ingest import record_to_raw
    from newsweave.pipeline import prepare_record_embedded

    r = synthetic_articles(1)[0]
    p = prepare_record_embedded(record_to_raw({k: v for k, v in r.items() if k != "event"}, r["id"]),
                                get_encoder("lexical"), 1000)
    a = p.article
    assert p.profile is not None and p.profile_for(a) is p.profile
    a.vector = a.vector.copy()  # the same vector, e.g. from the embedding cache
    assert p.profile_for(a) is p.profile
    a.vector = np.roll(a.vector, 1)  # another one: the profile is made again, from it
    other = p.profile_for(a)
    assert other is not p.profile and not np.array_equal(other.vector, p.profile.vector)
