# legalnet: `make run` sets everything up and serves the demo; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# One test process per core; a test file stays on one process, in order.
PYTEST_ARGS ?= -n auto --dist loadfile
FLASK := $(BIN)/flask --app legalnet
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install install-test migrate demo translations lint bench bench-pages clean axe train-selectors

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

translations: install
	$(BIN)/pybabel compile -d legalnet/translations --statistics

migrate: install translations
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) demo load

run: demo
	$(FLASK) run --host $(HOST) --port $(PORT)

# axe-core for the accessibility checks of the browser tests, from npm into a git-ignored folder; without npm
# those checks skip and say why.
AXE := .cache/axe/node_modules/axe-core/axe.min.js

$(AXE):
	@if command -v npm >/dev/null 2>&1; then npm install --no-save --no-audit --no-fund --prefix .cache/axe axe-core@4; \
	else echo "npm not found: the accessibility checks will be skipped"; fi

axe: $(AXE)

test: install-test translations axe
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check legalnet tests benchmarks scripts config.py

# Retrain the place and practice-area selectors from the tuning check sets (never the held-out ones); places first,
# since the areas the rules rank depend on the places.
train-selectors: install
	$(BIN)/python scripts/train_selectors.py --kind places
	$(BIN)/python scripts/train_selectors.py --kind areas

bench: install-test translations
	$(BIN)/python benchmarks/bench_matching.py $(BENCH_ARGS)

bench-pages: install-test translations
	$(BIN)/python benchmarks/bench_pages.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) instance/*.sqlite .cache/axe
