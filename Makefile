# The two commands of the README: `make serve` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
HOST   ?= 127.0.0.1
PORT   ?= 8000
BIN     = $(VENV)/bin

.PHONY: serve test install index eval browser clean lock

# Exact versions from the lock, then the project itself without re-resolving anything.
$(BIN)/qa: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(BIN)/qa

# Refresh requirements.lock from pyproject.toml (runtime and test dependencies).
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --upgrade --extra test --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file requirements.lock pyproject.toml

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
