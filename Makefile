# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test unit lint schemas check-schemas analyse score up down clean venv

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) on PATH"; exit 1; }
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)

## The main job: the whole pipeline on the embedded broker over the project's sample articles.
run: $(STAMP)
	$(BIN)/newsstream run samples --output out/run.jsonl

## Every test: unit, integration (real embedded broker), deploy checks (real promtool/Prometheus).
test: $(STAMP)
	@bash scripts/install-prometheus.sh
	$(BIN)/python -m schemas.export --check
	$(BIN)/pytest $(PYTEST_ARGS) tests; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 1; fi; exit $$rc

unit: $(STAMP)
	$(BIN)/pytest -q tests/unit

lint: $(STAMP)
	$(BIN)/ruff check services schemas tests bench deploy scripts
	$(BIN)/mypy services schemas

schemas: $(STAMP)
	$(BIN)/python -m schemas.export

## Score a run of the shared sample articles against the gold annotations (if ../shared is there).
score: $(STAMP)
	$(BIN)/newsstream run ../shared/samples --output out/shared.jsonl --quiet
	python3 ../shared/eval/score.py --gold ../shared/eval/gold --run out/shared.jsonl

up:
	docker compose up -d --build

down:
	docker compose down -v

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache

## Benchmark: whole pipeline vs bare spaCy over a generated corpus (one JSON line at the end; bench/README.md).
# PHONY: the bench/ directory would otherwise make the target look up to date.
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python -m bench.run
