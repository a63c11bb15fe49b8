# The two set-up commands on a fresh machine with Python 3.11: `make demo` and `make test`.
# Each bootstraps .venv and installs the project into it.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench check-exports clean

# Three install levels, each a stamp: the demo needs only ownlive itself, the
# tests and linters the dev extra, the benchmarks the peers of the bench extra.
$(VENV)/.base: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(VENV)/.bench: $(VENV)/.dev
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $@

demo: $(VENV)/.base
	$(BIN)/python -m ownlive.demo.run

test: $(VENV)/.dev
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

bench: $(VENV)/.bench
	$(BIN)/python -m benchmarks.run

check-exports: $(VENV)/.bench
	$(BIN)/python -m benchmarks.check_exports

clean:
	rm -rf $(VENV) .ownlive
