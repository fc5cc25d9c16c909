# pressetl: `make demo` and `make test` bootstrap their own .venv (Python 3.11+).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test check bench score clean install dev report-screenshot queries-doc

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pressetl needs Python 3.11 or newer (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[report]'
	@touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed
dev: $(VENV)/.dev-installed

## demo: ingest the bundled sample releases into data/pressetl.duckdb
demo: install
	$(BIN)/pressetl run

## test: the whole test suite (starts its own HTTP servers and a prefect server)
test: dev
	$(BIN)/python -m pytest -q

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
