#!/usr/bin/env bash
# Create .venv (when missing) and install psma-kg into it with the extras given as arguments,
# then the web explorer's front-end libraries (scripts/setup-web.sh).
# Usage: scripts/setup-venv.sh shacl,store
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[$1]"
./scripts/setup-web.sh
