#!/usr/bin/env bash
# Installs what the Ray (distributed backfill) tests and benchmarks need into the venv given as $1
# (default .venv): the [ray] extra, i.e. ray[data]. Idempotent. No system packages are needed.
set -euo pipefail
VENV="${1:-.venv}"
PY="$VENV/bin/python"
stamp="$VENV/.ray-extras"
if [ ! -f "$stamp" ] || [ scripts/setup-ray.sh -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  "$PY" -m pip install -q --disable-pip-version-check -e ".[ray]"
  touch "$stamp"
fi
"$PY" -c "import ray, ray.data; print(f'ray {ray.__version__} with Ray Data')"
