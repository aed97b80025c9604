# tcrlab: every target sets up .venv on first use (idempotent), so a fresh clone needs only `make demo` / `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-slow lint bench setup clean pyrth-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,mkl]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/tcrlab demo --plot cpu_profile.png

test: $(STAMP)
	$(BIN)/python -m pytest -q

test-slow: $(STAMP)
	$(BIN)/python -m pytest -q -m slow

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

# Peer contact solvers live in their own venv (never imported by tcrlab; ContactMechanics' muGrid must not
# mix with ours). ASPHER builds from its sdist against Debian's libeigen3-dev.
PEERS := .venv-peers
$(PEERS)/.installed:
	test -f /usr/include/eigen3/Eigen/Core || (apt-get update -qq && apt-get install -y -qq libeigen3-dev)
	test -x $(PEERS)/bin/python || $(PYTHON) -m venv $(PEERS)
	$(PEERS)/bin/python -m pip install --quiet --upgrade pip
	$(PEERS)/bin/python -m pip install --quiet tamaas==2.9.0 contactmechanics==1.8.3 aspher==0.1.3.post1
	touch $@

# PyRth (MIT, thermal transient evaluation) for benchmarks/bench_transient_peer.py, in a small venv of its own
# (never a tcrlab dependency; the heavy contact peers are not needed for it).
PYRTH := .venv-pyrth
$(PYRTH)/.installed:
	test -x $(PYRTH)/bin/python || $(PYTHON) -m venv $(PYRTH)
	$(PYRTH)/bin/python -m pip install --quiet --upgrade pip
	$(PYRTH)/bin/python -m pip install --quiet pyrth==1.2.0
	touch $@

pyrth-venv: $(PYRTH)/.installed

bench: $(STAMP) $(PEERS)/.installed $(PYRTH)/.installed
	TCRLAB_PEER_PYTHON=$(PEERS)/bin/python $(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info
