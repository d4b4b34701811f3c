#!/usr/bin/env bash
# Run the whole test suite: unit and structural tests (tests/) and every chapter under nbval
# (a fresh run of each chapter, compared with its committed outputs where a cell says
# `# NBVAL_CHECK_OUTPUT`). Sets up .venv first if needed. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-env.sh
exec .venv/bin/python -m pytest -n 2 --dist loadfile \
  --nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval-sanitize.cfg \
  chapters tests "$@"
