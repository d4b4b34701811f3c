#!/usr/bin/env bash
# Set up everything (.venv, pinned requirements, the package) and build the 2025 book on the
# shipped data into _build/html/2025/. Extra arguments go to `barometer build`
# (e.g. --year 2021, --data PATH, --jobs 2).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-env.sh
exec .venv/bin/barometer build "$@"
