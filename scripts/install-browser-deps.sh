#!/usr/bin/env bash
# Install what the accessibility and PDF checks need besides Python:
#   - Debian's chromium (installers that download their own browser do not work here),
#   - poppler-utils (pdftotext, to read the text of the PDF in tests/test_pdf.py),
#   - nodejs/npm and the pinned node packages of tests/a11y (axe-core, playwright-core).
# Idempotent: skips what is already there. Needs root (apt-get) when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "Voor de toegankelijkheids- en PDF-tests zijn deze Debian-pakketten nodig: ${need[*]}." >&2
      echo "Installeer ze als root: apt-get install ${need[*]} fonts-dejavu-core" >&2
      exit 1
    fi
  fi
  echo "Debian-pakketten installeren (eenmalig, een tot twee minuten): ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core >/dev/null
fi

# The node packages never download a browser: playwright-core drives /usr/bin/chromium.
if [ ! -f tests/a11y/node_modules/.package-lock.json ] \
   || ! cmp -s tests/a11y/package-lock.json tests/a11y/node_modules/.barometer-installed-lock; then
  echo "Node-pakketten voor tests/a11y installeren (npm ci)"
  (cd tests/a11y && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp tests/a11y/package-lock.json tests/a11y/node_modules/.barometer-installed-lock
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo ontbreekt); node: $(node --version)"
