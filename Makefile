# pressetl: `make demo` and `make test` bootstrap their own .venv (Python 3.11+).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The pinned versions of every dependency, resolved from PyPI by `make lock` (uv, for every
# Python from 3.11 and every platform): requirements.lock for pressetl and its report,
# requirements-dev.lock with the test and lint tools as well.
LOCK     := requirements.lock
DEV_LOCK := requirements-dev.lock
UV       := uv==0.13.9

.PHONY: demo test check bench score clean install dev lock report-screenshot queries-doc reliability

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pressetl needs Python 3.11 or newer (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The lock first, then pressetl itself with its dependencies: the pins are already installed, so
# pip keeps them and only resolves what pyproject.toml asks for beyond the lock (a dependency
# added since the last `make lock`). A lock a little behind pyproject.toml never breaks an install.
$(VENV)/.installed: pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/python -m pip install -q -r $(LOCK)
	$(BIN)/python -m pip install -q -e '.[report]'
	@touch $@

$(VENV)/.dev-installed: pyproject.toml $(DEV_LOCK) | $(BIN)/python
	$(BIN)/python -m pip install -q -r $(DEV_LOCK)
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
dev: $(VENV)/.dev-installed

## demo: ingest the bundled sample releases into data/pressetl.duckdb
demo: install
	$(BIN)/pressetl run

## test: the whole test suite (starts its own HTTP servers and a prefect server), in two processes
## (pytest-xdist, a module at a time: a module's servers and fixtures stay in one process)
test: dev
	$(BIN)/python -m pytest -q -n 2 --dist loadfile --no-loadscope-reorder

## reliability: the reliability tests at full size (docs/reliability.md): `pressetl run` killed at
## 35 moments and interrupted at 10 over 300 documents served on 127.0.0.1, faults in retried
## batches, hostile input, schema upgrades and 600 mutated releases; ends with one summary line
reliability: dev
	PRESSETL_RELIABILITY=full $(BIN)/python -m pytest -q -m reliability

## check: lint and type-check
check: dev
	$(BIN)/ruff check flows extractors warehouse tests bench
	$(BIN)/mypy extractors warehouse

## bench: pipeline and extractor benchmarks against the no-orchestration reference
bench: dev
	$(BIN)/python bench/bench_pipeline.py
	$(BIN)/python bench/bench_extract.py

## score: the extractor on the annotated releases in ../shared/eval/dev
score: install
	$(BIN)/python ../shared/eval/score.py run ../shared/eval/dev -- $(BIN)/pressetl extract {file} --published {published} --format jsonl

## lock: resolve requirements.lock and requirements-dev.lock again from pyproject.toml (after
## adding or changing a dependency; commit both files)
lock: | $(BIN)/python
	$(BIN)/python -m pip install -q '$(UV)'
	$(BIN)/uv pip compile pyproject.toml --extra report --universal --python-version 3.11 --quiet -o $(LOCK)
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 --quiet -o $(DEV_LOCK)

## report-screenshot: docs/report.png, the sample warehouse's report in headless Chromium
report-screenshot: dev
	rm -rf data/sample-report && mkdir -p data/sample-report
	$(BIN)/pressetl run --plain --db data/sample-report/pressetl.duckdb > /dev/null
	$(BIN)/pressetl report --db data/sample-report/pressetl.duckdb --out data/sample-report/report.html
	$(BIN)/python -m tests.warehouse.chromium data/sample-report/report.html docs/report.png

## queries-doc: the results of docs/queries.md's questions on the sample warehouse, written again
queries-doc: dev
	$(BIN)/python -m tests.warehouse.test_queries

clean:
	rm -rf $(VENV) data .pytest_cache .hypothesis
