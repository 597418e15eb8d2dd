"""bench/report.py assembles docs/BENCHMARKS.md in a fixed order, never dropping a missing section;
bench/run_all.sh --quick runs a real bench end to end into a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEMEVAL

sys.path.insert(0, str(ROOT / "bench"))
import report  # noqa: E402


def _write(d: Path, stem: str, text: str) -> None:
    (d / f"{stem}.md").write_text(text, encoding="utf-8")


def _run_info(d: Path) -> Path:
    p = d / "_run.tsv"
    p.write_text("started\t2030-01-02 03:04 UTC\nload_at_start\t1.25 0.50 0.10\nmode\tfull\n"
                 "bench\tbench_clustering\t0\t61\nbench\tbench_api\t1\t12\nbench\tbench_ingest\t124\t420\n"
                 "bench\tbench_cleaning\t0\t5\nwall_seconds\t3000\n", encoding="utf-8")
    return p


def test_sections_in_fixed_order_and_missing_ones_listed(tmp_path: Path) -> None:
    _write(tmp_path, "bench_ray", "### Distributed backfill\n\nray prose RAYMARK\n")
    _write(tmp_path, "bench_cleaning", "## Cleaning (issue 3)\n\nclean prose CLEANMARK\n")
    _write(tmp_path, "bench_clustering", "## Clustering vs baselines\n\ntable CLUSTERMARK\n")
    _write(tmp_path, "similarity_speed", "no heading here SPEEDMARK\n")
    doc = tmp_path / "BENCHMARKS.md"
    assert report.main(["--out-dir", str(tmp_path), "--doc", str(doc), "--run-info", str(_run_info(tmp_path))]) == 0
    text = doc.read_text(encoding="utf-8")

    # Order is the fixed list's, not the order the files were written in.
    pos = [text.index(m) for m in ("CLUSTERMARK", "CLEANMARK", "## Scaling (issue 7)", "RAYMARK", "SPEEDMARK")]
    assert pos == sorted(pos)
    # A section file without a heading gets its title.
    assert "### Speed of `newsweave similarity`\n\nno heading here SPEEDMARK" in text
    # Every missing section is listed with its command; why it is missing is said.
    sections = [s for s in report.SECTIONS if isinstance(s, report.Section)]
    for s in sections:
        if not (tmp_path / f"{s.stem}.md").exists():
            assert f"Produce it with `{s.command}`" in text, s.stem
            assert "#" * s.level + f" {s.title}" in text
    assert "the script failed (exit 1; see bench/out/logs/bench_api.log)" in text
    assert "timed out after 420 s" in text
    assert text.count("**not run") == len(sections) - 4
    # Header: machine, date, commit, load at start, total wall time, per-bench timings.
    head = text.split("## ", 1)[0]
    assert f"{os.cpu_count()} cores" in head and "GiB RAM" in head
    assert "| date of the full run | 2030-01-02 03:04 UTC |" in head
    assert "| git commit when assembled | " in head and "| git commit when assembled | unknown" not in head
    assert "| load average at start (1, 5, 15 min) | 1.25 0.50 0.10 |" in head
    assert "| total bench wall time | 50.0 min (3,000 s) |" in head
    assert "| `bench_ingest` | 124 | 420 | - |" in head  # timed out: no section file, so never written
    # each section says when its file was written (one can be re-run alone after the full run)
    os.utime(tmp_path / "bench_cleaning.md", (1_900_000_000, 1_900_000_000))
    report.main(["--out-dir", str(tmp_path), "--doc", str(doc), "--run-info", str(_run_info(tmp_path))])
    head = doc.read_text(encoding="utf-8").split("## ", 1)[0]
    assert "| `bench_cleaning` | 0 | 5 | 2030-03-17 17:46 UTC |" in head


def test_group_heading_not_repeated_when_the_script_writes_it(tmp_path: Path) -> None:
    _write(tmp_path, "bench_store_scale", "## Scaling (issue 7)\n\nintro\n\n### PostgreSQL store\n\nnumbers\n")
    doc = tmp_path / "B.md"
    report.main(["--out-dir", str(tmp_path), "--doc", str(doc)])
    text = doc.read_text(encoding="utf-8")
    assert text.count("## Scaling (issue 7)") == 1
    assert text.count("## Same-event similarity") == 1  # the group with no file of its own still appears
    assert "| total bench wall time | unknown" in text


def test_run_all_quick_end_to_end(tmp_path: Path) -> None:
    """run_all.sh --quick: bench_clustering in tiny mode (lexical encoder) and the report, into tmp_path."""
    env = {**os.environ, "BENCH_OUT": str(tmp_path / "out"), "BENCH_DOC": str(tmp_path / "B.md"),
           "NEWSWEAVE_CACHE": str(tmp_path / "cache.db"), "NEWSWEAVE_SEMEVAL": str(SEMEVAL),
           "PY": sys.executable}
    r = subprocess.run(["bash", str(ROOT / "bench" / "run_all.sh"), "--quick"], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=240)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "bench_clustering" in r.stdout and "exit 0" in r.stdout
    text = (tmp_path / "B.md").read_text(encoding="utf-8")
    assert "| mode | quick" in text
    assert "| `bench_clustering` | 0 |" in text
    assert text.count("not run (skipped in this mode)") == len(report.sections()) - 1  # every section but the one that ran
    result = json.loads((tmp_path / "out" / "bench_clustering.json").read_text())
    names = [row["method"] for row in result["demo"]["rows"]]
    assert names[0] == "NewsWeave" and any("HDBSCAN" in n for n in names) and any("TF-IDF" in n for n in names)
    for row in result["demo"]["rows"]:
        assert 0.0 <= row["f1"] <= 1.0 and row["articles_per_s"] > 0
    assert "Demo corpus (66 articles" in text
    if SEMEVAL.exists():
        assert "SemEval-2022 Task 8 train, 40 pairs" in text
        assert (tmp_path / "out" / "bench_clustering.png").stat().st_size > 5000
    else:
        pytest.skip("SemEval data absent: the demo part ran, the SemEval part did not")
