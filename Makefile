# Set-up is part of every target: a fresh clone needs only `make book` or `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: book test lint bench chromium clean

# Sphinx rebuilds only the chapters whose text changed; when the package, the data or the
# configuration changed since the last `make book`, or no `make book` has run (the tests
# build into _build too), every chapter is executed again (--all).
BUILT := _build/.built
STALE  = $(shell test -f $(BUILT) && find src/analysis data _config.yml _toc.yml references.bib \
           -newer $(BUILT) -type f | head -n 1 || echo never-built)

book: $(STAMP)
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going $(if $(STALE),--all)
	touch $(BUILT)

test: $(STAMP) chromium lint
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Timings for the README (not a test): cold and no-change book builds, and the seed's analysis
# against NLTK's VADER alone.
bench: $(STAMP)
	$(BIN)/python bench/book.py
	$(BIN)/python bench/sentiment.py

# The virtual environment, rebuilt when the pins or the package metadata change.
$(STAMP): requirements.txt constraints.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Debian's Chromium for the browser test (playwright drives it; it downloads no browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser test"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium; }

clean:
	rm -rf _build .jupyter_cache chapters/downloads
