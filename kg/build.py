"""The main job: read documents, extract, and write each into the store in its own transaction.

Extraction and the building of each document's triples run in worker processes when
``processes`` > 1 (they are CPU-bound and independent per document); the store is written by
this process alone, in input order (``kg.store.BatchWriter``: new documents in bulk loads,
changed ones a transaction each). Workers send back only the small N-Triples text of each
document, never spaCy objects.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from ingest import IngestReport, read_documents
from ingest.document import Document
from ingest.extraction.pipeline import EXTRACTOR_VERSION, build_pipeline, extract_document
from kg.errors import ExtractionError, ParseError, StoreError
from kg.rdf import document_ntriples
from kg.store import BatchWriter, GraphStore, PutResult

#: Documents handed to the worker pool at a time (bounds memory on any input size).
BATCH = 256
#: Below this many documents to extract, a pool costs more than it saves.
POOL_THRESHOLD = 64


def prepare(document: Document) -> str | Exception:
    """A document's N-Triples, or the exception its extraction raised (one bad document must not stop a batch)."""
    try:
        return document_ntriples(document, extract_document(document), EXTRACTOR_VERSION)
    except Exception as exc:
        return exc


def _die_with_parent() -> None:
    """Pool initializer: a worker ends when the ingest process dies, even by SIGKILL (Linux prctl)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers still end with the pool
        pass


def _prepare_batch(documents: list[Document]) -> list[str | Exception]:
    return [prepare(document) for document in documents]


def _prepared(documents: Iterator[Document], processes: int) -> Iterator[tuple[Document, str | Exception]]:
    """(document, N-Triples or error) in input order, extracted in ``processes`` processes."""
    first = list(islice(documents, BATCH))
    if processes <= 1 or len(first) < POOL_THRESHOLD:
        for document in first:
            yield document, prepare(document)
        for document in documents:
            yield document, prepare(document)
        return
    build_pipeline()  # built once here, shared by the forked workers
    chunk = max(1, BATCH // (processes * 4))
    with multiprocessing.get_context("fork").Pool(processes, initializer=_die_with_parent) as pool:

        def submit(batch: list[Document]):
            chunks = [batch[i : i + chunk] for i in range(0, len(batch), chunk)]
            return chunks, pool.map_async(_prepare_batch, chunks)

        in_flight = submit(first)
        while in_flight is not None:
            # The next batch is read and handed to the workers before this one's results are
            # consumed, so the workers extract while this process writes to the store.
            following = list(islice(documents, BATCH))
            chunks, pending = in_flight
            results = pending.get()
            in_flight = submit(following) if following else None
            for documents_chunk, chunk_results in zip(chunks, results, strict=True):
                yield from zip(documents_chunk, chunk_results, strict=True)


def build_graph(
    inputs: Iterable[str],
    store: GraphStore,
    report: IngestReport,
    *,
    input_format: str | None = None,
    on_document: Callable[[Document, str], None] | None = None,
    processes: int = 1,
) -> PutResult:
    """Ingest files, folders or globs into ``store``; problems go to ``report``, the batch goes on.

    Unchanged documents (same content hash) are neither extracted again nor rewritten, so running
    the same ingest twice changes nothing, and running it again after an interruption finishes the job.
    """
    result = PutResult()

    def changed() -> Iterator[Document]:
        for document in read_documents(inputs, report, format=input_format):
            if store.is_current(document, EXTRACTOR_VERSION):
                result.unchanged += 1
                if on_document is not None:
                    on_document(document, "unchanged")
                continue
            yield document

    def record(committed: list[tuple[Document, str | StoreError]]) -> None:
        for document, outcome in committed:
            if isinstance(outcome, StoreError):
                result.failed.append(str(outcome))
                error = ParseError(document.source, str(outcome), index=document.record_index, record_id=document.id)
                report.skip(error)
                continue
            setattr(result, outcome, getattr(result, outcome) + 1)
            if on_document is not None:
                on_document(document, outcome)

    writer = BatchWriter(store, EXTRACTOR_VERSION)
    for document, prepared in _prepared(changed(), processes):
        if isinstance(prepared, Exception):
            error = ExtractionError(f"{document.source}: {document.id}: extraction failed: {prepared!r}")
            report.skip(ParseError(document.source, str(error), index=document.record_index, record_id=document.id))
            continue
        record(writer.add(document, prepared))
    record(writer.flush())
    store.close()
    return result
