#!/usr/bin/env bash
# Install the web explorer's front-end libraries (web/package-lock.json, from the npm registry) into
# web/node_modules, which the API serves under /vendor/. Installs Debian's npm where it is missing.
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v npm >/dev/null; then
    SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q npm
fi
# npm ci starts from scratch every time; skip it when node_modules already matches the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
