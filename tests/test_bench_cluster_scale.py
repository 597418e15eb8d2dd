"""bench/bench_cluster_scale.py: the hot-set side-by-side window and how its section reads (issue 7)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    sys.path.insert(0, str(ROOT / "bench"))  # it imports bench/planted.py
    spec = importlib.util.spec_from_file_location("bench_cluster_scale", ROOT / "bench" / "bench_cluster_scale.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_hot_ab_runs_each_size_on_the_same_stream_and_renders_its_table():
    bench = _bench()
    r = bench.hot_ab(2000, 500, 2000, [30, 60])
    assert [x["hot_max"] for x in r["runs"]] == [30, 60]
    for run in r["runs"]:
        assert run["us_per_article"] > 0 and 0.0 <= run["f1"] <= 1.0
        assert run["events"] > 0 and run["graph_searches_per_article"] >= 0.0
    # the planted stream is deterministic: both runs see the same articles, so the same event count or close
    assert abs(r["runs"][0]["events"] - r["runs"][1]["events"]) < 0.2 * r["runs"][0]["events"]
    text = "\n".join(bench._hot_lines(r))
    assert "--hot-ab 2000 500 2000 30 60" in text
    assert text.count("\n| 30 |") + text.count("\n| 60 |") == 2
    assert "Run `--hot-ab" in "\n".join(bench._hot_lines(None))
