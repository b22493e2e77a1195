# The two commands of the README: `make run` and `make test`. Everything else builds on them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CONFIG ?= config/notifier.toml

INTEROP := tests/interop

.PHONY: run test lint bench check clean interop reader

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	mkdir -p var
	$(BIN)/tender-notifier --config $(CONFIG) serve

test: $(STAMP) interop
	$(BIN)/pytest $(PYTEST_ARGS)

# ical.js (Thunderbird's parser) for the calendar interop tests, pinned by package-lock.json.
interop:
	@if command -v npm >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory $(INTEROP)/node_modules/.package-lock.json; \
	else echo "npm not found: the ical.js interop tests will skip"; fi

$(INTEROP)/node_modules/.package-lock.json: $(INTEROP)/package-lock.json
	cd $(INTEROP) && npm ci --no-audit --no-fund

check: $(STAMP)
	$(BIN)/tender-notifier --config $(CONFIG) check

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/feeds_http.py
	$(BIN)/python bench/burst.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/pace.py

# Train the importer's learned reader again after the training corpus changed
# (tests/importer/corpus); scikit-learn is needed for training only, not to run the importer.
reader: $(STAMP)
	$(BIN)/pip install --quiet scikit-learn
	$(BIN)/python tools/train_reader.py

clean:
	rm -rf $(VENV) var build src/*.egg-info $(INTEROP)/node_modules
