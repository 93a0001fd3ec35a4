#!/usr/bin/env bash
# Set up psma-kg in .venv and run the main job on the bundled demo corpus, in the embedded
# default store (no server): check the ontology, read, extract and store every demo
# abstract, check the stored graph against the SHACL shapes, and print what it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-venv.sh shacl,store
.venv/bin/psmakg validate
.venv/bin/psmakg ingest data/demo/pubmed
.venv/bin/psmakg validate --store
.venv/bin/psmakg stats
echo "The graph is in ${PSMAKG_STORE:-$HOME/.local/share/psma-kg/store}; try: .venv/bin/psmakg export --format csv"
