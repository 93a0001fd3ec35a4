"""The main job: read documents, extract, and write each into the store, fully or not at all.

The work done for each record is independent of the others and CPU-bound: parsing it (PubMed XML
records are cut from their files unparsed, see ``ingest.read_records``), its content hash,
extraction, and the building of its triples. With ``processes`` > 1 it runs in worker
processes, which send back only each document's key and N-Triples (``kg.store.DocumentGraph``),
never documents or spaCy objects. This process cuts the input into records, applies the duplicate
rule (``ingest.batch.LatestVersions``), reports problems in input order, and writes the store
alone, in input order (``kg.store.BatchWriter``: new documents in bulk loads, changed ones a
transaction each).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain, islice
from typing import NamedTuple

from ingest import IngestReport
from ingest.batch import LatestVersions, Record, parse_record, read_records
from ingest.document import Document, DocumentKey
from ingest.extraction.pipeline import EXTRACTOR_VERSION, build_pipeline, extract_document
from kg.errors import ExtractionError, ParseError, StoreError
from kg.rdf import content_hash, document_ntriples
from kg.store import BatchWriter, DocumentGraph, GraphStore, PutResult, already_stored

#: Records handed to the worker pool at a time (bounds memory on any input size).
BATCH = 256
#: Below this many records, a pool costs more than it saves.
POOL_THRESHOLD = 64


class Prepared(NamedTuple):
    """What became of a document before writing: its graph, or none because the store holds it
    already (``graph`` and ``failure`` both None) or its extraction failed (``failure``)."""

    document: DocumentKey
    graph: DocumentGraph | None = None
    failure: str | None = None


def prepare(document: Document, stored_hash: str | None) -> Prepared:
    """A document's graph, unless the store holds it already (``stored_hash``): then it is not extracted.

    One bad document must not stop a batch: an exception of its extraction is returned as its failure.
    """
    key, new_hash = document.key, content_hash(document, EXTRACTOR_VERSION)
    if already_stored(stored_hash, new_hash, document.version):
        return Prepared(key)
    try:
        ntriples = document_ntriples(document, extract_document(document), EXTRACTOR_VERSION, hashed=new_hash)
    except Exception as exc:
        return Prepared(key, failure=repr(exc))
    return Prepared(key, graph=DocumentGraph(key, new_hash, ntriples))


#: The content hashes of the store as it was when a worker was started (see ``_prepared_in_pool``).
_stored_hashes: Mapping[str, str] = {}


def _start_worker(stored_hashes: Mapping[str, str]) -> None:
    """Pool initializer: keep the store's hashes; end when the ingest process dies, even by SIGKILL (Linux prctl)."""
    global _stored_hashes
    _stored_hashes = stored_hashes
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers still end with the pool
        pass


def _prepare_records(records: list[Record]) -> list[Prepared | IngestReport]:
    """In a worker: each record prepared, or the problems that kept it from being a document."""
    results: list[Prepared | IngestReport] = []
    for record in records:
        problems = IngestReport()
        document = parse_record(record, problems)
        results.append(problems if document is None else prepare(document, _stored_hashes.get(document.id)))
    return results


def _with_problems_before(
    records: Iterator[Record], problems: IngestReport
) -> Iterator[tuple[IngestReport | None, Record]]:
    """Each record with the problems reading found since the record before it (taken out of ``problems``), if any."""
    for record in records:
        before = None
        if problems.skipped or problems.warnings or problems.deleted:
            before = IngestReport(skipped=problems.skipped, warnings=problems.warnings, deleted=problems.deleted)
            problems.skipped, problems.warnings, problems.deleted = [], [], []
        yield before, record


def _prepared(
    records: Iterator[Record],
    problems: IngestReport,
    report: IngestReport,
    stored: Mapping[str, str],
    processes: int,
) -> Iterator[Prepared]:
    """The documents of ``records`` that the duplicate rule keeps, prepared in input order, in
    ``processes`` processes; the problems of reading (``problems``, then those of each record) go to
    ``report`` in input order."""
    latest = LatestVersions(report)
    sequenced = _with_problems_before(records, problems)
    first = list(islice(sequenced, BATCH))
    if processes <= 1 or len(first) < POOL_THRESHOLD:
        for before, record in chain(first, sequenced):
            if before is not None:
                report.extend(before)
            document = parse_record(record, report)
            if document is not None and latest.admit(document):
                yield prepare(document, stored.get(document.id))
        report.extend(problems)  # those after the last record
        return
    # Workers prepare every document, then the duplicate rule is applied here, in input order: a
    # document a later one replaces, or an older version after a newer one, is extracted for nothing.
    # The store's hashes are those of the start of the ingest: until a document is written again,
    # that is what is stored, and one written again in this ingest has a higher version each time.
    build_pipeline()  # built once here, shared by the forked workers
    chunk = max(1, BATCH // (processes * 4))
    context = multiprocessing.get_context("fork")
    with context.Pool(processes, initializer=_start_worker, initargs=(stored,)) as pool:

        def submit(batch: list[tuple[IngestReport | None, Record]]):
            records = [record for _, record in batch]
            chunks = [records[i : i + chunk] for i in range(0, len(records), chunk)]
            return batch, pool.map_async(_prepare_records, chunks)

        in_flight = submit(first)
        while in_flight is not None:
            # The next batch is cut and handed to the workers before this one's results are
            # consumed, so the workers parse and extract while this process writes to the store.
            following = list(islice(sequenced, BATCH))
            batch, pending = in_flight
            results = chain.from_iterable(pending.get())
            in_flight = submit(following) if following else None
            for (before, _record), result in zip(batch, results, strict=True):
                if before is not None:
                    report.extend(before)
                if isinstance(result, IngestReport):
                    report.extend(result)
                elif latest.admit(result.document):
                    yield result
    report.extend(problems)


def build_graph(
    inputs: Iterable[str],
    store: GraphStore,
    report: IngestReport,
    *,
    input_format: str | None = None,
    on_document: Callable[[DocumentKey, str], None] | None = None,
    processes: int = 1,
) -> PutResult:
    """Ingest files, folders or globs into ``store``; problems go to ``report``, the batch goes on.

    Unchanged documents (same content hash) are neither extracted again nor rewritten, so running
    the same ingest twice changes nothing, and running it again after an interruption finishes the job.
    """
    result = PutResult()

    def record(committed: list[tuple[DocumentGraph, str | StoreError]]) -> None:
        for graph, outcome in committed:
            document = graph.document
            if isinstance(outcome, StoreError):
                result.failed.append(str(outcome))
                error = ParseError(document.source, str(outcome), index=document.record_index, record_id=document.id)
                report.skip(error)
                continue
            setattr(result, outcome, getattr(result, outcome) + 1)
            if on_document is not None:
                on_document(document, outcome)

    problems = IngestReport()  # of reading, reported in input order with those of the records
    records = read_records(inputs, problems, format=input_format)
    writer = BatchWriter(store)
    for prepared in _prepared(records, problems, report, store.content_hashes(), processes):
        document = prepared.document
        if prepared.failure is not None:
            error = ExtractionError(f"{document.source}: {document.id}: extraction failed: {prepared.failure}")
            report.skip(ParseError(document.source, str(error), index=document.record_index, record_id=document.id))
        elif prepared.graph is None:
            result.unchanged += 1
            if on_document is not None:
                on_document(document, "unchanged")
        else:
            record(writer.add(prepared.graph))
    record(writer.flush())
    if writer.bulk_loaded:
        # Every document is in and reported, and the last journal is gone. Merging the files the loads
        # added costs a few seconds for 10,000 stored abstracts, once; without it, readers that open the
        # store read-only take up to twice as long on joins, for as long as they run (GraphStore.optimize).
        store.optimize()
    store.close()
    return result
