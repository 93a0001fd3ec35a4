"""Read many inputs at once: files, folders, globs and standard input, formats detected by content."""

from __future__ import annotations

import glob
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ingest import jsonl, medline, pubmed, text
from ingest.document import Document, DocumentKey
from ingest.report import IngestReport
from ingest.sources import STDIN, read_head
from kg.errors import ParseError

Reader = Callable[[str | Path, IngestReport | None], Iterator[Document]]

#: Readers in the order their detectors are tried; plain text is the last resort.
READERS: dict[str, tuple[Callable[[bytes], bool], Reader]] = {
    pubmed.FORMAT: (pubmed.looks_like, pubmed.iter_documents),
    medline.FORMAT: (medline.looks_like, medline.iter_documents),
    jsonl.FORMAT: (jsonl.looks_like, jsonl.iter_documents),
    text.FORMAT: (text.looks_like, text.iter_documents),
}

#: Files a folder may hold that are not documents (skipped with a warning, never silently).
NOT_DOCUMENTS = {".md", ".rst", ".py", ".csv", ".tsv", ".ttl", ".html", ".pdf", ".png", ".svg"}


def detect_format(path: str | Path) -> str | None:
    """The format of a file from its content (decompressed when gzip), or None when unknown."""
    head = read_head(path)
    for name, (looks_like, _reader) in READERS.items():
        if looks_like(head):
            return name
    return None


def expand_paths(inputs: Iterable[str], report: IngestReport) -> Iterator[Path]:
    """Files named by ``inputs``: files, folders (recursively, sorted) and glob patterns."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if child.suffix.lower() in NOT_DOCUMENTS:
                    report.warn(f"{child}: not read ({child.suffix} files are not documents)")
                    continue
                yield child
        elif path.is_file():
            yield path
        elif matches := sorted(glob.glob(item, recursive=True)):
            yield from expand_paths(matches, report)
        else:
            report.skip(ParseError(item, "no such file, folder or matching glob"))


def read_documents(
    inputs: Iterable[str], report: IngestReport | None = None, *, format: str | None = None
) -> Iterator[Document]:
    """Documents of every input, each id once at its highest version (see ``LatestVersions``)."""
    report = report if report is not None else IngestReport()
    latest = LatestVersions(report)
    for item in read_records(inputs, report, format=format):
        document = parse_record(item, report)
        if document is not None and latest.admit(document):
            yield document


#: What ``read_records`` gives: a Document, or a PubMed XML record still to parse.
Record = Document | pubmed.Record


def read_records(inputs: Iterable[str], report: IngestReport, *, format: str | None = None) -> Iterator[Record]:
    """The records of every input, in order; ``parse_record`` makes each a Document.

    PubMed XML files, the common bulk format, are only cut into records here: parsing them is
    most of the cost of reading, and it can be done in the processes that extract. Records of
    other formats come already read. Problems of files (and of records read here) go to ``report``.
    """
    for path in _with_stdin_spooled(inputs, report):
        name = format or detect_format(path)
        if name is None:
            report.skip(ParseError(str(path), "unknown format (not PubMed XML, MEDLINE, JSON Lines or text)"))
        elif name == pubmed.FORMAT:
            yield from pubmed.iter_records(path, report)
        else:
            _looks_like, reader = READERS[name]
            yield from reader(path, report)


def parse_record(record: Record, report: IngestReport) -> Document | None:
    """The Document of a record of ``read_records``, or None when it has none (the reason goes to ``report``)."""
    return record if isinstance(record, Document) else pubmed.read_record(record, report)


class LatestVersions:
    """The duplicate rule: each document id is kept once, at its highest version.

    Readers stream, so a document whose id was already admitted is admitted again only when it
    carries a higher version (consumers keyed by id keep the last one); an equal or lower version
    is skipped with a warning.
    """

    def __init__(self, report: IngestReport):
        self.report = report
        self.versions: dict[str, int] = {}

    def admit(self, document: Document | DocumentKey) -> bool:
        """True when the document is to be kept; counts it (read or replaced) or warns why not."""
        seen = self.versions.get(document.id)
        if seen is not None:
            if document.version <= seen:
                kept = f"version {seen} already read"
                self.report.warn(f"{document.source}: {document.id} version {document.version} skipped: {kept}")
                return False
            self.report.replaced += 1
            self.report.warn(f"{document.source}: {document.id} version {document.version} replaces version {seen}")
        else:
            self.report.read += 1
        self.versions[document.id] = document.version
        return True


def _with_stdin_spooled(inputs: Iterable[str], report: IngestReport) -> Iterator[Path]:
    """Expand the inputs; standard input is copied to a temporary file so it can be sniffed."""
    for item in inputs:
        if item != STDIN:
            yield from expand_paths([item], report)
            continue
        with tempfile.NamedTemporaryFile(prefix="psmakg-stdin-", suffix=".in") as spool:
            shutil.copyfileobj(sys.stdin.buffer, spool)
            spool.flush()
            yield Path(spool.name)
