# pressetl: `make demo` and `make test` bootstrap their own .venv (Python 3.11+).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test check bench score clean install dev

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pressetl needs Python 3.11 or newer (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
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

clean:
	rm -rf $(VENV) data .pytest_cache .hypothesis
