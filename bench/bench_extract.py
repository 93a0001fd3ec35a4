"""Extraction throughput: the whole pipeline with one and two processes, next to spaCy's bare tokenizer.

Usage: python bench/bench_extract.py [--documents 10000]

The texts are the demo corpus cycled to the requested count (each copy gets its own id).
spaCy's blank English tokenizer on the same texts, in the same run, is the ceiling. The
two-process run uses a multiprocessing pool that returns the small JSON records (not Docs),
and its records must equal the one-process records.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import read_documents  # noqa: E402
from ingest.extraction.pipeline import extract_document  # noqa: E402
from ingest.extraction.records import extraction_record  # noqa: E402


def documents(count: int):
    base = list(read_documents([str(ROOT / "data" / "demo" / "pubmed")]))
    return [base[i % len(base)].model_copy(update={"id": f"bench:{i}"}) for i in range(count)]


def _records(batch):
    return [json.dumps(extraction_record(extract_document(d)), sort_keys=True) for d in batch]


def run(docs, processes: int) -> tuple[float, list[str]]:
    start = time.perf_counter()
    if processes == 1:
        records = _records(docs)
    else:
        size = max(1, len(docs) // (processes * 8))
        batches = [docs[i : i + size] for i in range(0, len(docs), size)]
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            records = [r for batch in pool.map(_records, batches) for r in batch]
    return time.perf_counter() - start, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    docs = documents(args.documents)
    _records(docs[:5])  # build the pipeline before timing (and before forking)

    import spacy

    def tokenizer_rate(texts: list[str]) -> float:
        blank = spacy.blank("en")
        start = time.perf_counter()
        for text in texts:
            blank.make_doc(text)
        return len(texts) / (time.perf_counter() - start)

    # Title and abstract are joined by a line break; spaCy's tokenizer cache misses on texts that hold one,
    # so the bare tokenizer is timed both on the texts as they are and with the break as a space (the pipeline
    # tokenizes the latter; offsets are the same).
    as_is = tokenizer_rate([d.full_text for d in docs])
    ceiling = tokenizer_rate([d.full_text.replace("\n", " ") for d in docs])

    one, records_one = run(docs, 1)
    two, records_two = run(docs, 2)
    rate_one, rate_two = len(docs) / one, len(docs) / two
    print(f"| run ({len(docs):,} abstracts) | documents/s | share of the ceiling |")
    print("|---|---:|---:|")
    print(f"| spaCy blank tokenizer, title break as a space (ceiling) | {ceiling:,.0f} | 1.00 |")
    print(f"| spaCy blank tokenizer, texts with their line break | {as_is:,.0f} | {as_is / ceiling:.2f} |")
    print(f"| psma-kg pipeline, 1 process | {rate_one:,.0f} | {rate_one / ceiling:.2f} |")
    print(f"| psma-kg pipeline, 2 processes | {rate_two:,.0f} | {rate_two / ceiling:.2f} |")
    print(f"\nspeed-up with 2 processes: {rate_two / rate_one:.2f}x; identical records: {records_one == records_two}")


if __name__ == "__main__":
    main()
