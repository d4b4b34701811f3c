#!/usr/bin/env bash
# Create .venv (Python 3.11+) if needed and install the lock file requirements.txt (the exact
# versions of the runtime and test dependencies that pyproject.toml declares as ranges), then
# the package itself with --no-deps (the lock file already holds everything it needs).
# Re-installs only when requirements.txt or pyproject.toml changed since the last install.
# Used by setup-and-build.sh, run-tests.sh and .ci/run. Override the interpreter with PYTHON=...
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
if [ ! -x "$venv/bin/python" ]; then
  py="${PYTHON:-}"
  if [ -z "$py" ]; then
    for candidate in python3.11 python3 python; do
      if command -v "$candidate" >/dev/null 2>&1; then py="$candidate"; break; fi
    done
  fi
  if [ -z "$py" ] || ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Python 3.11 of nieuwer is nodig (geef het pad op met PYTHON=/pad/naar/python3.11)." >&2
    exit 1
  fi
  echo "$venv aanmaken met $("$py" --version)"
  "$py" -m venv "$venv"
fi

stamp="$venv/.installed"
want=$(cat requirements.txt pyproject.toml | "$venv/bin/python" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "requirements.txt en het pakket barometer installeren in $venv (de eerste keer enkele minuten)"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$want" > "$stamp"
fi
