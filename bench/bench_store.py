"""Store benchmarks: end-to-end ingest, loading, and SPARQL latency next to bare pyoxigraph.

Usage: python bench/bench_store.py [--documents 10000] [--triples 1000000] [--without-extraction 2000]

1. End-to-end ingest (read PubMed XML, extract, build N-Triples, write: bulk loads of new
   documents, then the merge of the store's files) of generated abstracts cycled from the demo
   corpus, on disk: documents/s; then the same ingest path with extraction left out (extractions
   of the first --without-extraction documents computed beforehand), with the CPU time of the
   writing process and of the workers.
2. A generated graph of about --triples triples (the demo graph copied with fresh IRIs),
   loaded into psma-kg's store through its bulk path and into a bare pyoxigraph store
   with bulk_load: seconds each.
3. Five typical SPARQL queries on both graphs through GraphStore.query and through a bare
   pyoxigraph store bulk-loaded from the same quads (for the ingested graph, its N-Quads export):
   the same query text, one untimed call each first, then the two calls alternated (which one goes
   first alternating too, so drift of the machine falls on both); median and p95 latency in ms.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pyoxigraph  # noqa: E402
from bench_parse import generate  # noqa: E402

import kg.build  # noqa: E402
from ingest import IngestReport, read_documents  # noqa: E402
from ingest.extraction.pipeline import extract_document  # noqa: E402
from kg.build import build_graph  # noqa: E402
from kg.exports import export_rdf  # noqa: E402
from kg.store import GraphStore  # noqa: E402

P = "PREFIX psma: <https://w3id.org/psma-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
QUERIES = {
    "agents by emission type": P
    + "SELECT ?a ?l WHERE { ?a psma:hasRadionuclide ?n . ?n psma:emissionType psma:Alpha . ?a skos:prefLabel ?l }",
    "trials with OS HR < 0.7": P
    + "SELECT DISTINCT ?t WHERE { ?m psma:ofEndpoint <https://w3id.org/psma-kg/endpoint/OS> ; psma:ratio ?hr ;"
    " psma:inTrial ?t FILTER(?hr < 0.7) }",
    "measurements of one agent": P
    + "SELECT ?m ?v WHERE { ?m psma:forArm/psma:armIncludesAgent <https://w3id.org/psma-kg/agent/lu177-psma-617> ;"
    " psma:value ?v }",
    "evidence of measurements (2 hops)": P
    + "SELECT ?m ?s WHERE { ?m psma:hasEvidence ?e . ?e psma:sentence ?s } LIMIT 100",
    "count measurements by endpoint": P + "SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m psma:ofEndpoint ?e } GROUP BY ?e",
}


def paired_latency(ours, bare, repeats: int = 15) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median and p95 in ms of two calls, timed alike and alternated, after one untimed call each."""
    ours()
    bare()
    times: tuple[list[float], list[float]] = ([], [])
    for repeat in range(repeats):
        order = (0, 1) if repeat % 2 == 0 else (1, 0)
        for side in order:
            run = (ours, bare)[side]
            start = time.perf_counter()
            run()
            times[side].append((time.perf_counter() - start) * 1000)
    return summary(times[0]), summary(times[1])


def summary(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def bare_store(folder: Path, dump: Path):
    """A bare pyoxigraph store in ``folder``, bulk-loaded from an N-Quads file; and the seconds it took."""
    start = time.perf_counter()
    bare = pyoxigraph.Store(str(folder))
    bare.bulk_load(path=str(dump), format=pyoxigraph.RdfFormat.N_QUADS)
    return bare, time.perf_counter() - start


def big_nquads(source: bytes, triples: int) -> tuple[bytes, int]:
    """Copies of the document graphs with fresh IRIs until about ``triples`` quads."""
    lines = [line for line in source.decode().splitlines() if "/graph/ontology>" not in line]
    ontology = [line for line in source.decode().splitlines() if "/graph/ontology>" in line]
    out, copy = list(ontology), 0
    while len(out) < triples:
        tag = f"c{copy}"
        renamed = []
        for line in lines:
            for segment in (
                "/measurement/",
                "/evidence/",
                "/graph/",
                "/arm/",
                "/selector/",
                "/quote/",
                "/publication/",
            ):
                line = line.replace(segment, f"{segment}{tag}")
            renamed.append(line.replace('"demo:', f'"{tag}demo:'))
        out.extend(renamed)
        copy += 1
    return ("\n".join(out) + "\n").encode(), len(out)


def cpu_seconds() -> tuple[float, float]:
    """CPU time (user + system) of this process and of its finished children (the workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def ingest_without_extraction(folder: Path, documents: int) -> None:
    """The ingest path (read, N-Triples, store) with extraction replaced by a lookup of results made beforehand."""
    corpus = folder / "corpus-small.xml"
    generate(corpus, documents)
    extracted = {document.id: extract_document(document) for document in read_documents([str(corpus)])}
    extract = kg.build.extract_document
    kg.build.extract_document = lambda document: extracted[document.id]  # forked workers inherit it
    try:
        for jobs in (1, 2):
            store = GraphStore(folder / f"store-small-{jobs}")
            (own, children), start = cpu_seconds(), time.perf_counter()
            result = build_graph([str(corpus)], store, IngestReport(), processes=jobs)
            seconds = time.perf_counter() - start
            own, children = (after - before for after, before in zip(cpu_seconds(), (own, children), strict=True))
            print(f"ingest without extraction, {jobs} process(es): {result.added:,} documents in {seconds:.1f} s"
                  f" = {result.added / seconds:,.0f}/s; CPU a document: {own / result.added * 1e3:.2f} ms writing"
                  f" process, {children / result.added * 1e3:.2f} ms workers")  # fmt: skip
            del store
    finally:
        kg.build.extract_document = extract


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--without-extraction", type=int, default=2_000, metavar="N")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        if args.without_extraction:
            ingest_without_extraction(folder, args.without_extraction)
        corpus = folder / "corpus.xml"
        generate(corpus, args.documents)
        for jobs in (1, 2):
            store = GraphStore(folder / f"store-{jobs}")
            start = time.perf_counter()
            result = build_graph([str(corpus)], store, IngestReport(), processes=jobs)
            ingest_s = time.perf_counter() - start
            print(f"end-to-end ingest, {jobs} process(es): {result.added:,} documents in {ingest_s:.1f} s"
                  f" = {result.added / ingest_s:,.0f}/s, {len(store):,} quads")  # fmt: skip
        ingested_dump = folder / "ingested.nq"
        ingested_dump.write_bytes(export_rdf(store, "nquads"))
        ingested_bare, _ = bare_store(folder / "ingested-bare", ingested_dump)
        print(f"bare pyoxigraph store of the ingested graph: {len(ingested_bare):,} quads, bulk-loaded from"
              " its N-Quads export")  # fmt: skip

        data, count = big_nquads(ingested_dump.read_bytes(), args.triples)
        dump = folder / "big.nq"
        dump.write_bytes(data)
        start = time.perf_counter()
        ours = GraphStore(folder / "big-ours")
        ours.bulk_load(dump)
        ours_s = time.perf_counter() - start
        bare, bare_s = bare_store(folder / "big-bare", dump)
        print(f"load {count:,} quads: psma-kg bulk {ours_s:.1f} s, bare pyoxigraph bulk_load {bare_s:.1f} s "
              f"({ours_s / bare_s:.2f}x)")  # fmt: skip
        graphs = {"ingested": (store, ingested_bare), "generated": (ours, bare)}

        print("\n| graph | query | psma-kg median / p95 (ms) | bare pyoxigraph median / p95 (ms) |")
        print("|---|---|---:|---:|")
        for name, (graph, bare_graph) in graphs.items():
            for label, sparql in QUERIES.items():
                ours_lat, bare_lat = paired_latency(
                    lambda g=graph, q=sparql: list(g.query(q)),
                    lambda s=bare_graph, q=sparql: list(s.query(q, use_default_graph_as_union=True)),
                )
                ours_text, bare_text = (
                    f"{ours_lat[0]:.1f} / {ours_lat[1]:.1f}",
                    f"{bare_lat[0]:.1f} / {bare_lat[1]:.1f}",
                )
                print(f"| {name} | {label} | {ours_text} | {bare_text} |")


if __name__ == "__main__":
    main()
