#!/usr/bin/env bash
# Set up psma-kg in .venv and run the main job on the bundled demo corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[shacl]'
.venv/bin/psmakg validate
.venv/bin/psmakg ontology
.venv/bin/psmakg ingest data/demo
