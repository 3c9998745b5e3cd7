# Two entry points for a fresh machine: `make demo` and `make test`.
# Both create .venv when it is missing and install vigie into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench train evaluate clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/vigie --db demo.db ingest examples/
	$(BIN)/vigie --db demo.db events
	mkdir -p out
	$(BIN)/vigie --db demo.db export --format csv --output out/events.csv
	$(BIN)/vigie --db demo.db export --format jsonl --output out/events.jsonl
	$(BIN)/vigie --db demo.db export --format geojson --output out/events.geojson
	@echo "Exported: out/events.csv out/events.jsonl out/events.geojson"
	$(BIN)/python -m vigie.web.live demo.db out
	@echo "Open the desk: $(BIN)/vigie --db demo.db serve, then http://127.0.0.1:8000/"

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/vigie bench

# Refit the learned sentence gate from ../shared/corpus/real/train (writes vigie/data/models/).
train: $(STAMP)
	$(BIN)/vigie train

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm out
