"""Read many inputs at once: files, folders, globs and standard input, formats detected by content."""

from __future__ import annotations

import glob
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ingest import jsonl, medline, pubmed, text
from ingest.document import Document
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
    """Documents of every input, each id once at its highest version.

    Readers stream, so a document whose id was already yielded is yielded again only when
    it carries a higher version (consumers keyed by id keep the last one); an equal or
    lower version is skipped with a warning.
    """
    report = report if report is not None else IngestReport()
    versions: dict[str, int] = {}
    for path in _with_stdin_spooled(inputs, report):
        name = format or detect_format(path)
        if name is None:
            report.skip(ParseError(str(path), "unknown format (not PubMed XML, MEDLINE, JSON Lines or text)"))
            continue
        _looks_like, reader = READERS[name]
        for document in reader(path, report):
            seen = versions.get(document.id)
            if seen is not None:
                if document.version <= seen:
                    kept = f"version {seen} already read"
                    report.warn(f"{path}: {document.id} version {document.version} skipped: {kept}")
                    continue
                report.replaced += 1
                report.warn(f"{path}: {document.id} version {document.version} replaces version {seen}")
            else:
                report.read += 1
            versions[document.id] = document.version
            yield document


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
