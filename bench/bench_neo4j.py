"""Neo4j sync throughput: rows (nodes + relationships) written per second over Bolt to a real local server.

Usage: python bench/bench_neo4j.py [--copies 20]

The demo corpus is ingested ``--copies`` times under fresh ids (a graph ``--copies`` times the
demo graph), then synced twice into a fresh local Neo4j (kg.neo4j_server): the first sync
writes everything, the second is the idempotent re-sync.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import IngestReport, read_documents  # noqa: E402
from ingest.extraction.pipeline import EXTRACTOR_VERSION, extract_document  # noqa: E402
from kg.neo4j_server import Neo4jServer  # noqa: E402
from kg.neo4j_sync import sync_to_neo4j  # noqa: E402
from kg.store import GraphStore  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()
    base = list(read_documents([str(ROOT / "data" / "demo" / "pubmed")], IngestReport()))
    pairs = [(d, extract_document(d)) for d in base]
    with tempfile.TemporaryDirectory() as folder:
        store = GraphStore(Path(folder) / "store")
        for copy in range(args.copies):
            for document, extraction in pairs:
                new_id = f"bench{copy}:{document.id}"
                store.put(
                    document.model_copy(update={"id": new_id}),
                    extraction.model_copy(update={"document": new_id}),
                    EXTRACTOR_VERSION,
                )
        with Neo4jServer(Path(folder) / "neo4j") as server:
            for run in ("first sync", "re-sync"):
                start = time.perf_counter()
                result = sync_to_neo4j(store, server.uri)
                seconds = time.perf_counter() - start
                rows = result.nodes + result.relationships
                print(
                    f"| {run} | {result.nodes:,} | {result.relationships:,} | {seconds:.1f} | {rows / seconds:,.0f} |"
                )


if __name__ == "__main__":
    print("| run | nodes | relationships | seconds | rows/s |")
    print("|---|---:|---:|---:|---:|")
    main()
