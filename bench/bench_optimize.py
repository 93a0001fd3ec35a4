"""Query latency of a store right after an ingest that bulk-loaded its documents, and after Store.optimize.

Usage: python bench/bench_optimize.py [--documents 2000 10000] [--added 100] [--jobs 2] [--repeats 15]

For each size: generated abstracts (cycled from the demo corpus) are ingested as ``psmakg ingest``
does (``build_graph``: new documents in bulk loads, on disk) but without its closing merge of the
store's files (``GraphStore.optimize``), the store is closed and its folder copied, the copy is
optimized (pyoxigraph ``Store.optimize``: wall and CPU seconds), and the five
queries of bench_store run on both copies opened the same way (read-only as the workers of
``psmakg serve --workers N`` open it, then writable as one worker does), alternated call by call;
median and p95 in ms, with the number and size of the database's files. Then the same for an
ingest of --added new abstracts into the optimized store of the last size.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_parse import generate  # noqa: E402
from bench_store import QUERIES, paired_latency  # noqa: E402

import kg.store  # noqa: E402
from ingest import IngestReport  # noqa: E402
from kg.build import build_graph  # noqa: E402
from kg.store import GraphStore  # noqa: E402


def files(folder: Path) -> str:
    """How many table files the database holds, and their size."""
    tables = list(folder.glob("*.sst"))
    return f"{len(tables)} .sst files, {sum(table.stat().st_size for table in tables) / 1e6:.0f} MB"


def cpu_seconds() -> float:
    """CPU time (user + system) of this process, every thread (RocksDB compacts in its own threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(folder: Path, documents: int, jobs: int, repeats: int, onto: Path | None = None, stored: int = 0) -> Path:
    """Ingest ``documents`` new abstracts (into a copy of the store at ``onto``, holding the first ``stored``),
    optimize a copy, compare their query latency; returns the optimized store's folder."""
    corpus = folder / f"corpus-{stored + documents}.xml"
    generate(corpus, stored + documents)
    name = f"{stored}+{documents}" if stored else str(documents)
    plain, optimized = folder / f"plain-{name}", folder / f"optimized-{name}"
    if onto is not None:
        shutil.copytree(onto, plain)
    loads = []
    load_new = GraphStore.load_new

    def counted(store, graphs):
        loads.append(len(graphs))
        return load_new(store, graphs)

    optimize = GraphStore.optimize
    kg.store.GraphStore.load_new, kg.store.GraphStore.optimize = counted, lambda store: None
    try:
        start = time.perf_counter()
        result = build_graph([str(corpus)], GraphStore(plain), IngestReport(), processes=jobs)
        seconds = time.perf_counter() - start
    finally:
        kg.store.GraphStore.load_new, kg.store.GraphStore.optimize = load_new, optimize
    print(f"\n{name} abstracts, --jobs {jobs}: {result.added:,} added in {seconds:.1f} s through"
          f" {len(loads)} bulk loads ({', '.join(map(str, loads))} documents); {files(plain)}")  # fmt: skip
    shutil.copytree(plain, optimized)
    store = GraphStore(optimized)
    cpu, start = cpu_seconds(), time.perf_counter()
    store.optimize()
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    del store  # closed: the files that compaction replaced are gone
    print(f"optimize: {wall:.2f} s wall, {cpu:.2f} s CPU ({cpu / (stored + documents) * 1e3:.2f} ms a stored"
          f" document); {files(optimized)}")  # fmt: skip
    print(f"load average {os.getloadavg()[0]:.2f}")
    print("| abstracts | opened | query | after ingest median / p95 (ms) | after optimize median / p95 (ms) |")
    print("|---:|---|---|---:|---:|")
    for read_only in (True, False):
        before, after = GraphStore(plain, read_only=read_only), GraphStore(optimized, read_only=read_only)
        opened = "read-only" if read_only else "writable"
        for label, sparql in QUERIES.items():
            assert sorted(map(str, before.query(sparql))) == sorted(map(str, after.query(sparql))), label
            plain_lat, optimized_lat = paired_latency(
                lambda s=before, q=sparql: list(s.query(q)),
                lambda s=after, q=sparql: list(s.query(q)),
                repeats=repeats,
            )
            print(f"| {name} | {opened} | {label} | {plain_lat[0]:.1f} / {plain_lat[1]:.1f} |"
                  f" {optimized_lat[0]:.1f} / {optimized_lat[1]:.1f} |")  # fmt: skip
        del before, after
    print(f"load average {os.getloadavg()[0]:.2f}")
    return optimized


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[2_000, 10_000])
    parser.add_argument("--added", type=int, default=100, metavar="N")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for documents in args.documents:
            optimized = measure(Path(folder), documents, args.jobs, args.repeats)
        if args.added:
            measure(Path(folder), args.added, args.jobs, args.repeats, onto=optimized, stored=args.documents[-1])


if __name__ == "__main__":
    main()
