# Two entry points on a fresh machine: `make demo` and `make test`. Everything else is detail.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install -q --disable-pip-version-check

.PHONY: setup setup-test demo test lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) -e ".[dev]"
	touch $@

# Test-only extras: system packages (PostgreSQL, Chromium) and the optional Python extras under test.
setup-test: setup
	bash scripts/setup-test.sh $(VENV)

demo: setup
	$(VENV)/bin/newsweave demo

test: setup-test
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/pytest -q

lint: setup
	$(VENV)/bin/ruff check src tests bench

# Regenerates docs/BENCHMARKS.md and its plots in < 60 min on 2 cores (`bash bench/run_all.sh --quick`: a 30 s trial).
bench: setup-test
	PY=$(PY) bash bench/run_all.sh

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
