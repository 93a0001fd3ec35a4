"""psmakg: the command line of psma-kg. Each command only calls library functions."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kg import __version__
from kg.errors import PsmaKgError


def _cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import validate_file, validate_graph
    from kg.vocab import ontology_graph

    if args.graph:
        violations = validate_file(args.graph)
        name = args.graph
    elif args.store is not None:
        from kg.store import GraphStore

        store = GraphStore(args.store or None)
        violations = validate_graph(store.to_rdflib(include_ontology=False))
        name = f"the store {store.path}"
    else:
        violations = validate_graph(ontology_graph())
        name = "the curated ontology"
    for violation in violations:
        print(violation)
    print(f"{name}: {len(violations)} violation(s)", file=sys.stderr)
    return 1 if violations else 0


def _cmd_ontology(args: argparse.Namespace) -> int:
    from kg.lexicon import default_lexicon
    from kg.ontology import load_ontology

    ontology = load_ontology()
    lexicon = default_lexicon()
    if args.lookup:
        for text in args.lookup:
            found = lexicon.lookup(text)
            names = ", ".join(f"{e.curie} [{e.kind}, {e.source}]" for e in found) or "unknown"
            print(f"{text}\t{names}")
        return 0 if all(lexicon.lookup(text) for text in args.lookup) else 1
    rows = [
        ("agents", len(ontology.agents)),
        ("radionuclides", len(ontology.radionuclides)),
        ("ligands", len(ontology.ligands)),
        ("targets", len(ontology.targets)),
        ("diseases", len(ontology.diseases)),
        ("trials", len(ontology.trials)),
        ("endpoints", sum(e.kind == "Endpoint" for e in ontology.endpoints.values())),
        ("adverse-event terms", sum(e.kind == "AdverseEvent" for e in ontology.endpoints.values())),
        ("absorbed-dose endpoints", sum(e.kind == "AbsorbedDose" for e in ontology.endpoints.values())),
        ("lexicon surface forms", len(lexicon)),
    ]
    for name, count in rows:
        print(f"{name:<26}{count:>6}")
    return 0


READ_FORMATS = ("pubmed-xml", "medline", "jsonl", "text")


def _cmd_extract(args: argparse.Namespace) -> int:
    import json

    from ingest import IngestReport, read_documents
    from ingest.extraction.pipeline import extract_document
    from ingest.extraction.records import extraction_record

    report = IngestReport()
    for document in read_documents(args.paths, report, format=args.input_format):
        record = extraction_record(extract_document(document))
        if args.format == "jsonl":
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(_record_table(record))
    if not report.ok or report.warnings:
        print(report.summary(), file=sys.stderr)
    return 0 if report.ok else 1


def _record_table(record: dict) -> str:
    lines = [f"# {record['id']}: {record['title']}"]
    for agent in record["agents"]:
        lines.append(f"  agent    {agent['label']} [{agent['class']}, {agent['role']}]")
    for trial in record["trials"]:
        lines.append(f"  trial    {trial['label']} phase={trial['phase']} n={trial['n_patients']} nct={trial['nct']}")
    for m in record["measurements"]:
        ratio = f" HR {m['hr']} ({m['ci_low']}-{m['ci_high']}, {m['ci_level']}%)" if m.get("hr") is not None else ""
        p = f" p{m['p_value']}" if m.get("p_value") else ""
        flags = " NEGATED" if m.get("negated") else ""
        lines.append(
            f"  {m['status']:<9}{m['endpoint']:<16}{m['statistic']:<8}{m['value']!s:>7} {m['unit'] or ''}"
            f"{ratio}{p}  [{m['arm']}]{flags}"
        )
    return "\n".join(lines)


def _cmd_eval(args: argparse.Namespace) -> int:
    import json

    from ingest.extraction.evaluate import load_records, score
    from ingest.extraction.pipeline import extract_document
    from ingest.extraction.records import extraction_record
    from ingest.jsonl import document_from_record

    gold = load_records(args.gold)
    if args.pred:
        predicted = load_records(args.pred)
    else:
        predicted = [
            extraction_record(extract_document(document_from_record(record, source=args.gold))) for record in gold
        ]
    scores = score(gold, predicted)
    if args.json:
        print(json.dumps(scores.as_dict(), indent=2))
    else:
        print(scores.table())
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as handle:
            for error in scores.errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    from ingest import IngestReport
    from kg.build import build_graph
    from kg.store import GraphStore

    report = IngestReport()
    store = GraphStore(args.store)
    with _Progress("documents") as progress:

        def on_document(document, outcome: str) -> None:
            progress.tick()
            if args.verbose:
                print(f"{outcome} {document.id}", file=sys.stderr, flush=True)

        result = build_graph(
            args.paths, store, report, input_format=args.format, on_document=on_document, processes=args.jobs
        )
    print(report.summary())
    print(f"store {store.path}: added {result.added}, replaced {result.replaced}, unchanged {result.unchanged}")
    return 0 if report.ok else 1


def _cmd_remove(args: argparse.Namespace) -> int:
    from kg.store import GraphStore

    store = GraphStore(args.store)
    missing = [doc_id for doc_id in args.ids if not store.remove(doc_id)]
    store.close()
    for doc_id in missing:
        print(f"{doc_id}: not in the store", file=sys.stderr)
    return 1 if missing else 0


class _Progress:
    """A one-line progress counter with documents/s on a terminal; silent otherwise."""

    def __init__(self, unit: str, stream=None):
        self.unit = unit
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.count = 0

    def __enter__(self) -> _Progress:
        import time

        self._clock = time.perf_counter
        self.start = self.last = self._clock()
        return self

    def tick(self) -> None:
        self.count += 1
        now = self._clock()
        if self.enabled and now - self.last > 0.2:
            self.last = now
            self.stream.write(f"\r{self.count} {self.unit} ({self.count / (now - self.start):,.0f}/s)")
            self.stream.flush()

    def __exit__(self, *exc_info) -> None:
        elapsed = max(self._clock() - self.start, 1e-9)
        if self.enabled:
            self.stream.write("\r\033[K")
        self.stream.write(f"{self.count} {self.unit} in {elapsed:.2f} s ({self.count / elapsed:,.0f}/s)\n")


def _cmd_export(args: argparse.Namespace) -> int:
    from kg.exports import export
    from kg.store import GraphStore

    store = GraphStore(args.store)
    result = export(store, args.format, args.output)
    if isinstance(result, list):
        print(f"wrote {len(result)} files to {args.output or 'neo4j-import'}", file=sys.stderr)
    elif args.output:
        Path(args.output).write_bytes(result)
        print(f"wrote {len(result):,} bytes to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(result)
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from kg.store import GraphStore

    store = GraphStore(args.store)
    sparql = Path(args.sparql[1:]).read_text() if args.sparql.startswith("@") else args.sparql
    results = store.query(sparql)
    if hasattr(results, "variables"):
        names = [v.value for v in results.variables]
        print("\t".join(names))
        for row in results:
            print("\t".join("" if row[name] is None else row[name].value for name in names))
    elif isinstance(results, bool):
        print("true" if results else "false")
    else:
        from pyoxigraph import RdfFormat

        sys.stdout.buffer.write(results.serialize(format=RdfFormat.N_TRIPLES))
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    from kg.stats import graph_stats
    from kg.store import GraphStore

    for name, count in graph_stats(GraphStore(args.store)).items():
        print(f"{name:<16}{count:>8}")
    return 0


def _cmd_neo4j_sync(args: argparse.Namespace) -> int:
    from kg.neo4j_sync import sync_to_neo4j
    from kg.store import GraphStore

    result = sync_to_neo4j(
        GraphStore(args.store), args.uri, user=args.user, password=args.password, database=args.database
    )
    print(
        f"synced {result.nodes} nodes and {result.relationships} relationships to {args.uri}; "
        f"deleted {result.deleted_nodes} stale nodes and {result.deleted_relationships} stale relationships"
    )
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from api.app import create_app
    from api.settings import Settings

    print(f"psma-kg API on http://{args.host}:{args.port} (OpenAPI page: http://{args.host}:{args.port}/docs)")
    workers = getattr(args, "workers", 1)
    if workers > 1:
        # Each worker process builds its own app and opens the store; Oxigraph allows several opens
        # only read-only, so the workers serve a snapshot and POST /documents is off.
        if args.store:
            os.environ["PSMAKG_STORE"] = args.store
        os.environ["PSMAKG_READ_ONLY"] = "true"
        uvicorn.run("api.app:create_app", factory=True, workers=workers, host=args.host, port=args.port,
                    log_level="warning")  # fmt: skip
        return 0
    settings = Settings(store=args.store) if args.store else Settings()
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="warning")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    demo = Path(__file__).resolve().parents[1] / "data" / "demo"
    inputs = [str(demo / "pubmed")] + ([str(demo / "text")] if (demo / "text").is_dir() else [])
    args.paths, args.format, args.verbose = inputs, None, False
    status = _cmd_ingest(args)
    return status or _cmd_serve(args)


def _cmd_neo4j_server(args: argparse.Namespace) -> int:
    from kg import neo4j_server

    argv = [args.neo4j_command]
    if args.neo4j_command != "build":
        argv += ["--data", args.data]
    if args.neo4j_command == "start" and args.port:
        argv += ["--port", str(args.port)]
    return neo4j_server.main(argv)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every psmakg command."""
    parser = argparse.ArgumentParser(prog="psmakg", description="psma-kg: a knowledge graph of PSMA theranostics.")
    parser.add_argument("--version", action="version", version=f"psmakg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check a graph against the SHACL shapes of the ontology")
    validate.add_argument("graph", nargs="?", help="an RDF file (default: the curated ontology itself)")
    validate.add_argument(
        "--store", nargs="?", const="", help="validate the stored graph instead (default store when no folder is given)"
    )
    validate.set_defaults(func=_cmd_validate)

    ontology = commands.add_parser("ontology", help="counts of the ontology, or look up labels")
    ontology.add_argument("--lookup", nargs="+", metavar="LABEL", help="resolve labels through the lexicon")
    ontology.set_defaults(func=_cmd_ontology)

    store_help = "the store folder (default: $PSMAKG_STORE or ~/.local/share/psma-kg/store)"
    ingest = commands.add_parser(
        "ingest", help="read documents (PubMed XML, MEDLINE, text, JSON Lines), extract, and store them"
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs, or - for standard input")
    ingest.add_argument("--format", choices=sorted(READ_FORMATS), help="skip detection and read as this format")
    ingest.add_argument("--store", help=store_help)
    ingest.add_argument("--verbose", action="store_true", help="print each stored document")
    ingest.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="extract in N processes (the store is written by one)"
    )
    ingest.set_defaults(func=_cmd_ingest)

    remove = commands.add_parser("remove", help="delete documents from the store")
    remove.add_argument("ids", nargs="+", metavar="ID", help="document ids (pmid:34161051, demo:001, ...)")
    remove.add_argument("--store", help=store_help)
    remove.set_defaults(func=_cmd_remove)

    export = commands.add_parser("export", help="export the graph (RDF, CSV evidence table, GraphML, Neo4j CSVs)")
    export.add_argument("--format", required=True, choices=("turtle", "ntriples", "nquads", "jsonld", "csv", "graphml",
                                                             "neo4j-csv"))  # fmt: skip
    export.add_argument("--output", help="a file (a folder for neo4j-csv); default: standard output")
    export.add_argument("--store", help=store_help)
    export.set_defaults(func=_cmd_export)

    query = commands.add_parser("query", help="run a SPARQL query over the store (@FILE reads it from a file)")
    query.add_argument("sparql")
    query.add_argument("--store", help=store_help)
    query.set_defaults(func=_cmd_query)

    stats = commands.add_parser("stats", help="counts of publications, agents, trials, measurements, evidence")
    stats.add_argument("--store", help=store_help)
    stats.set_defaults(func=_cmd_stats)

    neo4j = commands.add_parser("neo4j", help="mirror the graph into Neo4j")
    neo4j_commands = neo4j.add_subparsers(dest="neo4j_command", required=True)
    sync = neo4j_commands.add_parser("sync", help="write the graph to a Neo4j server over Bolt (idempotent)")
    sync.add_argument("--uri", required=True, help="bolt://host:port")
    sync.add_argument("--user")
    sync.add_argument("--password")
    sync.add_argument("--database")
    sync.add_argument("--store", help=store_help)
    sync.set_defaults(func=_cmd_neo4j_sync)
    for name, text in (("start", "start a local Neo4j server (Neo4j Community from Maven Central, no Docker)"),
                       ("stop", "stop the local Neo4j server of a data folder"),
                       ("status", "print the Bolt URI of the running local server"),
                       ("build", "build the server's launcher jar")):  # fmt: skip
        server = neo4j_commands.add_parser(name, help=text)
        if name != "build":
            server.add_argument("--data", required=True, help="the server's folder (data, logs, pid file)")
        if name == "start":
            server.add_argument("--port", type=int, help="Bolt port (default: a free one)")
        server.set_defaults(func=_cmd_neo4j_server)

    serve = commands.add_parser("serve", help="serve the HTTP API and SPARQL endpoint over the store")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--store", help=store_help)
    workers_help = "worker processes; more than one serves the store read-only (no POST /documents)"
    serve.add_argument("--workers", type=int, default=1, help=workers_help)
    serve.set_defaults(func=_cmd_serve)

    demo = commands.add_parser("demo", help="ingest the bundled demo corpus into the store, then serve")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--store", help=store_help)
    demo.set_defaults(func=_cmd_demo)

    extract = commands.add_parser("extract", help="print one extraction record per document (FORMAT.md)")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs, or - for standard input")
    extract.add_argument("--format", choices=("jsonl", "table"), default="jsonl", help="output format")
    extract.add_argument("--input-format", choices=sorted(READ_FORMATS), help="skip detection of the input format")
    extract.set_defaults(func=_cmd_extract)

    evaluate = commands.add_parser("eval", help="score extraction against a gold file: precision, recall, F1")
    evaluate.add_argument("gold", help="gold records (JSON Lines, FORMAT.md)")
    evaluate.add_argument("--pred", help="predicted records (default: run the extractor on the gold texts)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--errors", metavar="FILE", help="write every miss and mismatch to FILE (JSON Lines)")
    evaluate.set_defaults(func=_cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``psmakg`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (PsmaKgError, OSError) as exc:
        # A named error (file, record, reason) is the whole message a user needs; no traceback.
        print(f"psmakg: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
