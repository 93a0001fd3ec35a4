#!/usr/bin/env bash
# Set up psma-kg in .venv and run the main job on the bundled demo corpus, in the embedded
# default store (no database server): check the ontology, read, extract and store every
# demo abstract, check the stored graph against the SHACL shapes, print what it holds, and
# serve the HTTP API at http://127.0.0.1:8000 (OpenAPI page at /docs) until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-venv.sh shacl,store,api
.venv/bin/psmakg validate
.venv/bin/psmakg ingest data/demo/pubmed data/demo/text
.venv/bin/psmakg validate --store
.venv/bin/psmakg stats
echo "The graph is in ${PSMAKG_STORE:-$HOME/.local/share/psma-kg/store}."
exec .venv/bin/psmakg serve --port "${PORT:-8000}"
