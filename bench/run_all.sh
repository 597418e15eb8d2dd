#!/usr/bin/env bash
# Runs every benchmark; each prints its table and writes it under bench/out/ (see docs/BENCHMARKS.md).
# Regenerating docs/BENCHMARKS.md from these outputs is still manual (issue 8).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
$PY bench/bench_cleaning.py
$PY bench/bench_describe.py
$PY bench/train_scorer.py --check
$PY bench/bench_clustering.py
$PY bench/bench_ingest.py --limit 200 --no-embed 5000
$PY bench/bench_cluster_scale.py
