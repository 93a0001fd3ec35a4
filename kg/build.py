"""The main job: read documents, extract, and write each into the store in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ingest import IngestReport, read_documents
from ingest.document import Document
from ingest.extraction.pipeline import EXTRACTOR_VERSION, extract_document
from kg.errors import ExtractionError, ParseError, StoreError
from kg.store import GraphStore, PutResult


def build_graph(
    inputs: Iterable[str],
    store: GraphStore,
    report: IngestReport,
    *,
    input_format: str | None = None,
    on_document: Callable[[Document, str], None] | None = None,
) -> PutResult:
    """Ingest files, folders or globs into ``store``; problems go to ``report``, the batch goes on.

    Unchanged documents (same content hash) are not rewritten, so running the same ingest twice
    changes nothing, and running it again after an interruption finishes the job.
    """
    result = PutResult()
    for document in read_documents(inputs, report, format=input_format):
        try:
            extraction = extract_document(document)
        except Exception as exc:  # one bad document must not stop the batch
            error = ExtractionError(f"{document.source}: {document.id}: extraction failed: {exc!r}")
            report.skip(ParseError(document.source, str(error), index=document.record_index, record_id=document.id))
            continue
        try:
            outcome = store.put(document, extraction, EXTRACTOR_VERSION)
        except StoreError as exc:
            result.failed.append(str(exc))
            report.skip(ParseError(document.source, str(exc), index=document.record_index, record_id=document.id))
            continue
        setattr(result, outcome, getattr(result, outcome) + 1)
        if on_document is not None:
            on_document(document, outcome)
    store.close()
    return result
