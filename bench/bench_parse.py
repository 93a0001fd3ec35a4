"""Parse throughput and peak memory of the PubMed XML reader on generated files.

Usage: python bench/bench_parse.py [--records 100000] [--sizes 10000,100000]

Each size is measured in a fresh process so that peak memory (ru_maxrss) belongs to
that file alone: if the reader streams, the peak does not grow with the file.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo" / "pubmed"


def generate(path: Path, records: int) -> int:
    """Write a PubMed XML file of ``records`` records cycled from the demo corpus; returns its size."""
    templates = []
    for source in sorted(DEMO.glob("*.xml")):
        text = source.read_text()
        templates += re.findall(r"<PubmedArticle>.*?</PubmedArticle>", text, flags=re.DOTALL)
    if not templates:
        raise SystemExit(f"no demo records under {DEMO}")
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" ?>\n<PubmedArticleSet>\n')
        for index in range(records):
            record = templates[index % len(templates)]
            out.write(re.sub(r"demo:\d+", str(30_000_000 + index), record))
            out.write("\n")
        out.write("</PubmedArticleSet>\n")
    return path.stat().st_size


def measure(path: Path) -> dict:
    """Run in a child process: parse the whole file, report records/s and peak memory."""
    sys.path.insert(0, str(ROOT))
    from ingest import IngestReport
    from ingest.pubmed import iter_documents

    report = IngestReport()
    start = time.perf_counter()
    count = sum(1 for _ in iter_documents(path, report))
    elapsed = time.perf_counter() - start
    return {
        "records": count,
        "seconds": round(elapsed, 2),
        "records_per_s": round(count / elapsed),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "skipped": len(report.skipped),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000", help="record counts, comma-separated")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure))))
        return
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"pubmed-{size}.xml"
            megabytes = generate(path, size) / 1e6
            result = subprocess.run(
                [sys.executable, __file__, "--measure", str(path)],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            rows.append({"file_mb": round(megabytes, 1), **json.loads(result.stdout)})
    print("| records | file (MB) | parse time (s) | records/s | peak RSS (MB) |")
    print("|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['records']:,} | {row['file_mb']} | {row['seconds']} | {row['records_per_s']:,} |"
            f" {row['peak_rss_mb']} |"
        )


if __name__ == "__main__":
    main()
