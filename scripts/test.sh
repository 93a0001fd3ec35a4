#!/usr/bin/env bash
# Set up psma-kg with its test tools in .venv (and the browser of the end-to-end tests), then lint and
# run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-venv.sh test
./scripts/install-browser.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest --doctest-modules kg ingest api tests "$@"
