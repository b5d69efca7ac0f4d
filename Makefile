# The two commands of the README: `make run` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test bench lint translations dist clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	$(PY) -m desktop $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	rm -f bench-results.json
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s tests/benchmarks -o python_files="bench_*.py" $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Qt translation sources (.ts) are updated from the code; the compiled .qm files are committed.
translations: $(STAMP)
	$(PY) tools/translations.py

dist: $(STAMP)
	$(PY) -m pip install --quiet -e ".[dist]"
	$(PY) installer/build.py

clean:
	rm -rf build dist bench-results.json
