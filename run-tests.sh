#!/usr/bin/env bash
# Run the whole test suite: unit and structural tests (tests/) and every chapter under nbval
# (a fresh run of each chapter, compared with its committed outputs where a cell says
# `# NBVAL_CHECK_OUTPUT`). Installs what the tests need the first time: .venv with the
# pinned Python packages (scripts/ensure-env.sh) and, for the accessibility and PDF tests,
# Debian's chromium, poppler-utils, node and the pinned node packages
# (scripts/install-browser-deps.sh). Later runs reuse both. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-env.sh
bash scripts/install-browser-deps.sh
exec .venv/bin/python -m pytest -n 2 --dist loadfile \
  --nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg \
  chapters tests "$@"
