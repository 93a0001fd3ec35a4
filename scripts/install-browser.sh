#!/usr/bin/env bash
# Install Debian's chromium (the browser of the end-to-end tests in tests/e2e) where it is missing.
# Nothing downloads a browser build of its own: Playwright drives this system browser.
set -euo pipefail
BROWSER=${PSMAKG_CHROMIUM:-/usr/bin/chromium}
[ -x "$BROWSER" ] && exit 0
SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
