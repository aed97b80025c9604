# tcrlab: every target sets up .venv on first use (idempotent), so a fresh clone needs only `make demo` / `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-slow lint bench setup clean pyrth-venv docs dist dist-check

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

# The documentation site: API reference from the docstrings + the docs/*.md pages, warnings are errors.
DOCS_STAMP := $(VENV)/.docs-installed
$(DOCS_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	touch $@

docs: $(DOCS_STAMP)
	rm -rf docs/reference/generated
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html
	@echo "docs/_build/html/index.html"

# Wheel and sdist in dist/, checked by twine; dist-check installs the wheel into a throwaway venv
# (pip's cache makes the dependencies quick) and runs `tcrlab demo` there, outside the source tree.
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

dist-check: dist
	rm -rf build/wheel-venv
	$(PYTHON) -m venv build/wheel-venv
	build/wheel-venv/bin/python -m pip install --quiet dist/*.whl
	cd build && wheel-venv/bin/tcrlab demo > /dev/null && echo "wheel installs and tcrlab demo runs"
	cd build && wheel-venv/bin/python -c "from tcrlab.web import create_app; t = create_app().state.templates; \
		[t.get_template(n) for n in ('joint.html', 'stack.html', 'spreading.html', 'kapitza.html')]" \
		&& echo "the wheel carries the web app's templates"
	rm -rf build/wheel-venv

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
	rm -rf $(VENV) build dist *.egg-info docs/_build docs/reference/generated
