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

.PHONY: run test test-fast lint typecheck bench system-deps system-deps-test peers screenshots clean translations dist bundle

run: system-deps $(STAMP) $(QM)
	@tools/ensure-display.sh $(BIN)/essplanner $(ARGS)

test: system-deps-test $(STAMP) $(QM) peers
	$(BIN)/ruff check essplanner tests bench tools
	$(BIN)/mypy
	ESSPLANNER_REQUIRE_PEERS=1 SHARED_DIR=$(SHARED) $(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP) $(QM)
	$(BIN)/python -m pytest -m "not peer" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check essplanner tests bench tools
	$(BIN)/mypy

bench: $(STAMP) $(QM) system-deps-test
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

translations: $(STAMP)
	$(BIN)/python tools/update_translations.py

$(QM): resources/i18n/essplanner_%.qm: resources/i18n/essplanner_%.ts $(STAMP)
	$(BIN)/python tools/update_translations.py --release

screenshots: $(STAMP) $(QM)
	tools/screenshots.sh

# The wheel and the sdist, in dist/ (the build compiles the .qm itself: setup.py).
# Isolated build: the first run downloads the build requirements (PySide6-Essentials).
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
