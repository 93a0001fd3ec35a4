"""Plain text: one document per file, the first line its title, normalized with an offset map."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ingest.document import Document, Section
from ingest.normalize import normalize
from ingest.report import IngestReport
from ingest.sources import open_binary
from kg.errors import ParseError

FORMAT = "text"


def looks_like(head: bytes) -> bool:
    """Any UTF-8 text with letters in it can be read as plain text (the detector's last resort)."""
    try:
        sample = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the end of the sample is still text.
        if exc.start < len(head) - 3:
            return False
        sample = head[: exc.start].decode("utf-8")
    return any(char.isalpha() for char in sample) and "\x00" not in sample


def iter_documents(path: str | Path, report: IngestReport | None = None) -> Iterator[Document]:
    """The one document of a text file; problems go to ``report`` (or raise ParseError without one)."""
    try:
        yield document_from_text(_read_text(path), source=str(path))
    except ParseError as exc:
        if report is None:
            raise
        report.skip(exc)


def _read_text(path: str | Path) -> str:
    try:
        with open_binary(path) as stream:
            data = stream.read()
    except (OSError, EOFError) as exc:
        raise ParseError(str(path), f"unreadable: {exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(str(path), f"not UTF-8 text: undecodable byte at offset {exc.start}") from exc


def document_from_text(original: str, *, source: str = "", doc_id: str | None = None) -> Document:
    """A Document from text whose first non-empty line is the title."""
    stripped = original.lstrip()
    if not stripped:
        raise ParseError(source, "empty file")
    title_start = len(original) - len(stripped)
    newline = original.find("\n", title_start)
    title_end = newline if newline >= 0 else len(original)
    title = normalize(original[title_start:title_end])
    body = normalize(original[title_end:])
    if not body.text:
        raise ParseError(source, "empty abstract: the file has a title line and nothing else")
    offsets = (
        *(title_start + i for i in title.offsets),
        title_end,
        *(title_end + i for i in body.offsets),
    )
    return Document(
        id=doc_id or _text_id(source),
        title=title.text,
        sections=tuple(Section(text=paragraph) for paragraph in body.text.split("\n")),
        source=source,
        source_format=FORMAT,
        original=original,
        offset_map=offsets,
    )


def _text_id(source: str) -> str:
    return f"file:{Path(source).stem}" if source else "text:stdin"
