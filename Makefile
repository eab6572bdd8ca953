# The two commands of the README: `make serve` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 8000
BIN     = $(VENV)/bin

.PHONY: serve test install index eval browser clean

$(BIN)/qa: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(BIN)/qa

install: $(BIN)/qa

index: install
	$(BIN)/qa index --if-stale

serve: index
	$(BIN)/qa serve --host $(HOST) --port $(PORT)

eval: index
	$(BIN)/qa eval

browser:
	./scripts/ensure-chromium.sh

test: index browser
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache
