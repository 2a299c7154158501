# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every dependency (the dev and postgres extras included) at the version the suite is tested with,
# for Python 3.11 on Linux; `make lock` writes it again from pyproject.toml.
LOCK := requirements.lock
LOCK_FLAGS ?=
# bantin's own cache (gazetteer/register.py): $BANTIN_CACHE_DIR, else $XDG_CACHE_HOME/bantin, else ~/.cache/bantin.
CACHE_DIR := $(or $(BANTIN_CACHE_DIR),$(if $(XDG_CACHE_HOME),$(XDG_CACHE_HOME)/bantin,$(HOME)/.cache/bantin))

.PHONY: run test lint bench clean lock

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# Pins already in the lock are kept where pyproject.toml allows them; `make lock LOCK_FLAGS=--upgrade`
# takes the newest versions instead.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
		--python-platform x86_64-unknown-linux-gnu $(LOCK_FLAGS) --quiet -o $(LOCK)

run: $(STAMP)
	$(BIN)/bantin extract corpus/*.txt --out outputs/

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py 1 3

clean:
	rm -rf $(VENV) outputs/*.jsonl outputs/*.parquet outputs/*.json outputs/*.html outputs/.bantin \
		outputs/bantin.duckdb outputs/bantin.duckdb.wal
	rm -f $(CACHE_DIR)/register-v*.pickle
