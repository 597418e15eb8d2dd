"""Through the public CLI, exactly as the held-out split is measured (../shared/tools/semeval-check).

A slice of the shared SemEval-2022 Task 8 split keeps this inside CI's time; the full-split figures
are in docs/BENCHMARKS.md (bench/train_scorer.py, bench/bench_clustering.py).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED, need

CHECK = SHARED / "tools" / "semeval-check"
CLI = str(Path(sys.executable).with_name("newsweave"))
LIMIT = "120"


def run_check(what: str) -> str:
    need(CHECK, "semeval-check tool")
    p = subprocess.run([sys.executable, str(CHECK), what, "--cli", CLI, "--limit", LIMIT],
                       capture_output=True, text=True, timeout=1500)
    assert p.returncode == 0, p.stdout + p.stderr
    return p.stdout


@pytest.mark.slow
def test_similarity_through_the_cli(semeval_csv):
    out = run_check("similarity")
    pearson = float(re.search(r"pearson all (-?[\d.]+)", out).group(1))
    assert pearson >= 0.70, out


@pytest.mark.slow
def test_clustering_through_the_cli(semeval_csv):
    out = run_check("clustering")
    f1 = float(re.search(r"F1\(same\) ([\d.]+)", out).group(1))
    assert f1 >= 0.70, out
