"""The CLI contract: command names, options and JSON shapes other tools depend on."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsweave.cli import app, parse_every

runner = CliRunner()
EVENT_KEYS = {"id", "title", "summary", "date", "location", "entities", "languages", "article_ids", "story_id",
              "first_seen", "last_seen", "size"}
ARTICLE_KEYS = {"id", "title", "text", "language", "published", "source", "url", "event_id", "removed"}

ARTICLES = [
    {"id": "en1", "title": "Wildfire forces evacuations near Patras",
     "text": "A wildfire broke out near Patras on Friday, forcing hundreds of residents to leave.\n\nShare on Facebook",
     "published": "2026-03-14T08:00:00+00:00", "language": "en", "source": "Example News", "url": "https://e.com/1"},
    {"id": "el1", "title": "Πυρκαγιά κοντά στην Πάτρα",
     "text": "Πυρκαγιά ξέσπασε κοντά στην Πάτρα την Παρασκευή και εκατοντάδες κάτοικοι απομακρύνθηκαν.",
     "published": "2026-03-14T09:00:00+00:00", "language": "el"},
]


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_ENCODER", "lexical")
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    path = str(tmp_path / "x.db")
    res = runner.invoke(app, ["ingest", str(src), "--db", path])
    assert res.exit_code == 0, res.output
    assert "ingested 2 / duplicates 0 / rejected 0" in res.output
    return path


def test_events_json_contract(db):
    res = runner.invoke(app, ["events", "--db", db, "--json"])
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert rows and all(EVENT_KEYS <= set(r) for r in rows)
    assert sorted(a for r in rows for a in r["article_ids"]) == ["el1", "en1"]
    for r in rows:
        assert r["size"] == len(r["article_ids"])
        assert r["date"] is None or len(r["date"]) == 10


def test_articles_json_contract_and_event_filter(db):
    rows = [json.loads(x) for x in runner.invoke(app, ["articles", "--db", db, "--json"]).stdout.splitlines()]
    assert {r["id"] for r in rows} == {"en1", "el1"} and all(ARTICLE_KEYS <= set(r) for r in rows)
    en = next(r for r in rows if r["id"] == "en1")
    assert "Share on Facebook" not in en["text"]
    only = runner.invoke(app, ["articles", "--db", db, "--json", "--event", en["event_id"]]).stdout.splitlines()
    assert "en1" in {json.loads(x)["id"] for x in only}


def test_db_defaults_to_env(db, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_DB", db)
    assert runner.invoke(app, ["events", "--json"]).stdout.strip()


def test_similarity_contract(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_ENCODER", "lexical")
    pairs = tmp_path / "p.jsonl"
    pairs.write_text(json.dumps({"pair_id": "p1", "a": ARTICLES[0], "b": ARTICLES[1]}, ensure_ascii=False) + "\n"
                     + "not json\n", encoding="utf-8")
    res = runner.invoke(app, ["similarity", str(pairs), "--explain"])
    assert res.exit_code == 0, res.output
    first, second = [json.loads(x) for x in res.stdout.splitlines()]
    assert first["pair_id"] == "p1" and 0 <= first["score"] <= 1
    assert "dense" in first["contributions"]
    assert second["score"] is None and "error" in second


def test_errors_lists_quarantine(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1,\n')
    path = str(tmp_path / "b.db")
    res = runner.invoke(app, ["ingest", str(bad), "--db", path, "--no-embed"])
    assert "rejected 1" in res.output
    rows = [json.loads(x) for x in runner.invoke(app, ["errors", "--db", path, "--json"]).stdout.splitlines()]
    assert rows[0]["stage"] == "parse" and "malformed JSON" in rows[0]["error"]


def test_watch_directory_picks_up_new_files(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSWEAVE_ENCODER", "lexical")
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Fire in Patras\nA fire broke out in Patras.")
    path = str(tmp_path / "w.db")
    res = runner.invoke(app, ["watch", str(d), "--db", path, "--every", "0s", "--rounds", "2"])
    assert "ingested 1" in res.output and res.output.count("poll") == 1  # unchanged files are not re-read


def test_config_prints_settings():
    assert "assign_threshold" in runner.invoke(app, ["config"]).stdout
    assert parse_every("2h") == 7200.0


def test_eval_clusters_reports_bcubed_and_pairwise(db, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id":"en1","event":"fire"}\n{"id":"el1","event":"fire"}\n')
    res = runner.invoke(app, ["eval", "clusters", "--gold", str(gold), "--db", db, "--json"])
    report = json.loads(res.stdout)
    assert set(report) >= {"bcubed", "pairwise", "cross_language", "per_language", "predicted_events"}
    assert report["bcubed"]["precision"] == 1.0 and set(report["per_language"]) == {"en", "el"}
