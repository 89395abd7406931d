# Rasd: `make run` serves the app, `make test` runs every test. See README.md.
# The machine's own CPython when it has one: Debian builds it with profile-guided optimisation and LTO,
# and the extractor runs about 14% faster on it than on a plain source build (pyenv's); else python3
# (also when the machine's is older than 3.11 or has no venv module).
PYTHON ?= $(shell /usr/bin/python3 -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo /usr/bin/python3 || echo python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test venv dev-venv chromium lint format bench gazetteer demo migrate score clean

$(VENV)/.runtime: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.runtime
dev-venv: $(VENV)/.dev

## run: set up .venv, migrate the database (SQLite in var/ unless RASD_DATABASE_URL) and serve the app
## (ui.serve is `streamlit run app.py` with the app's modules imported before the first visit)
run: venv
	$(PY) -m store migrate
	$(PY) -m ui.serve --server.port $(PORT)

migrate: venv
	$(PY) -m store migrate

## chromium: Debian's browser for the Playwright tests and PNG exports (never a downloaded one)
chromium:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core fonts-dejavu-core >/dev/null)

## test: dev requirements, Chromium, then the whole suite (unit, page, browser)
test: dev-venv chromium
	$(PY) -m ruff check .
	$(PY) -m pytest -q

lint: dev-venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: dev-venv
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

## bench: throughput of the extractor and page times with 10,000 events (figures go in the README)
bench: dev-venv chromium
	$(PY) -m bench

## gazetteer: rebuild data/gazetteer.csv (and data/place_name_words.csv, with wordfreq from the dev
## requirements) from ../shared/gazetteer-sources and data/places_extra.csv
gazetteer: dev-venv
	$(PY) -m extraction.gazetteer build

demo: venv
	$(PY) -m store demo --events 2000

score: venv
	$(PY) ../shared/eval/score.py ../shared/eval/dev --cmd "$(PY) -m extraction batch" --details

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
