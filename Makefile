# ESS Planner — the README's two commands: `make run` and `make test`.
# Everything else here is what those two need on a fresh clone.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PEERS  := .peers
SHARED ?= $(abspath ../shared)
# Compiled Qt translations (gitignored): built from resources/i18n/*.ts when missing or older.
QM     := resources/i18n/essplanner_fr.qm resources/i18n/essplanner_en.qm
# Compiled gettext catalogs of the core and the plugins (gitignored): built from the .po.
MO     := essplanner/locale/fr/LC_MESSAGES/essplanner.mo

.PHONY: run test test-fast test-shifted lint typecheck bench system-deps system-deps-test peers screenshots clean translations dist bundle

run: system-deps $(STAMP) $(QM) $(MO)
	@tools/ensure-display.sh $(BIN)/essplanner $(ARGS)

# Other dates the fast suite runs at (no test may depend on the day it runs): a night when
# Europe/Paris moves its clocks (the run starts 10 minutes before 02:00 becomes 03:00), a
# New Year's Eve a minute before midnight in Paris, and a leap day in Montreal's winter.
SHIFTED_DATES ?= 2027-03-28T00:50:00+00:00@Europe/Paris \
                 2030-12-31T22:59:00+00:00@Europe/Paris \
                 2028-02-29T16:00:00+00:00@America/Montreal

test: system-deps-test $(STAMP) $(QM) $(MO) peers
	$(BIN)/ruff check essplanner tests bench tools
	$(BIN)/mypy
	@for shifted in $(SHIFTED_DATES); do \
	  when=$${shifted%@*}; zone=$${shifted#*@}; \
	  echo "== fast suite with the clock at $$when ($$zone)"; \
	  ESSPLANNER_TEST_NOW=$$when TZ=$$zone $(BIN)/python -m pytest -m "not peer" -q \
	    $(PYTEST_ARGS) || exit 1; \
	done
	ESSPLANNER_REQUIRE_PEERS=1 SHARED_DIR=$(SHARED) $(BIN)/python -m pytest $(PYTEST_ARGS)

test-shifted: $(STAMP) $(QM) $(MO)
	ESSPLANNER_TEST_NOW=$(or $(WHEN),2027-03-28T00:50:00+00:00) TZ=Europe/Paris \
	  $(BIN)/python -m pytest -m "not peer" $(PYTEST_ARGS)

test-fast: $(STAMP) $(QM) $(MO)
	$(BIN)/python -m pytest -m "not peer" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check essplanner tests bench tools
	$(BIN)/mypy

bench: $(STAMP) $(QM) $(MO) system-deps-test
	$(BIN)/python -m bench $(BENCH_ARGS)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	@touch $(STAMP)

# Debian packages Qt needs (recipes/STACK.md §2). As root with apt-get they are
# installed; otherwise the exact command is printed and the target fails only
# when something is missing.
system-deps:
	@tools/system-deps.sh run

system-deps-test:
	@tools/system-deps.sh test

# One install at a time: worktrees share .peers, and two installs at once wipe each other.
peers:
	@if [ -x "$(SHARED)/peers/bluesky-pds/install.sh" ]; then \
	  mkdir -p "$(PEERS)"; \
	  flock "$(PEERS)/bluesky-pds.lock" "$(SHARED)/peers/bluesky-pds/install.sh" "$(PEERS)/bluesky-pds" >/dev/null; \
	else echo "make: $(SHARED)/peers/bluesky-pds not found (set SHARED=...)" >&2; exit 1; fi

# Qt: lupdate the .ts, lrelease the .qm; gettext: Babel extracts the .pot, updates and
# compiles the .po (tools/update_translations.py, tools/i18n.py)
translations: $(STAMP)
	$(BIN)/python tools/update_translations.py

$(QM): resources/i18n/essplanner_%.qm: resources/i18n/essplanner_%.ts $(STAMP)
	$(BIN)/python tools/update_translations.py --release

$(MO): %.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --domain essplanner --input-file $< --output-file $@

screenshots: $(STAMP) $(QM)
	tools/screenshots.sh

# The wheel and the sdist, in dist/ (the build compiles the .qm and the .mo itself: setup.py).
# Isolated build: the first run downloads the build requirements (PySide6-Essentials, Babel).
dist: $(STAMP)
	rm -rf dist/essplanner-*.whl dist/essplanner-*.tar.gz
	$(BIN)/python -m build --outdir dist .
	rm -rf essplanner.egg-info  # stale beside the editable install, it would shadow its metadata

# The standalone app for people without Python: dist/essplanner/ (one folder; PyInstaller).
bundle: $(STAMP)
	$(BIN)/pyinstaller packaging/essplanner.spec --noconfirm --distpath dist --workpath build/pyinstaller
	@echo "bundle: dist/essplanner/essplanner ($$(du -sh dist/essplanner | cut -f1))"

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .ruff_cache
