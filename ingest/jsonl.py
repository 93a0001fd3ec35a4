"""JSON Lines: one ``{"id", "title", "text", ...}`` object per line, including gold/record files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ingest.document import Document, Section, pmid_document_id
from ingest.normalize import LINE_END_HYPHEN, MOJIBAKE, dehyphenate
from ingest.report import IngestReport
from ingest.sources import open_binary, text_stream
from kg.errors import ParseError

FORMAT = "jsonl"


def looks_like(head: bytes) -> bool:
    """True when the first non-blank character is ``{``."""
    return head.lstrip().startswith(b"{")


def iter_documents(path: str | Path, report: IngestReport | None = None) -> Iterator[Document]:
    """Documents of a JSON Lines file; problems go to ``report`` (or raise ParseError without one)."""
    index = 0
    try:
        with open_binary(path) as binary, text_stream(binary, path) as stream:
            for index, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    yield document_from_record(_load(line, path, index), source=str(path), index=index)
                except ParseError as exc:
                    if report is None:
                        raise
                    report.skip(exc)
    except (UnicodeDecodeError, OSError, EOFError) as exc:
        error = ParseError(str(path), f"unreadable at line {index + 1}: {exc}", index=index + 1)
        if report is None:
            raise error from exc
        report.skip(error)


def _load(line: str, path: str | Path, index: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ParseError(str(path), f"invalid JSON: {exc.msg} at column {exc.colno}", index=index) from exc
    if not isinstance(record, dict):
        raise ParseError(str(path), f"expected a JSON object, found {type(record).__name__}", index=index)
    return record


def document_from_record(record: dict, *, source: str = "", index: int | None = None) -> Document:
    """A Document from one JSON object with ``id``, ``title`` and ``text`` (or ``abstract``)."""
    raw_id = record.get("id") or record.get("pmid")
    if not raw_id:
        raise ParseError(source, "no id", index=index)
    doc_id = pmid_document_id(str(raw_id))
    text = record.get("text") or record.get("abstract") or ""
    if not isinstance(text, str) or not text.strip():
        raise ParseError(source, "empty abstract (no text)", index=index, record_id=doc_id)
    title = record.get("title") or ""
    if not isinstance(title, str):
        raise ParseError(source, "title is not a string", index=index, record_id=doc_id)
    title = title.strip()
    original = offset_map = None
    if LINE_END_HYPHEN.search(text) or MOJIBAKE.search(text):
        # Text pasted from a PDF breaks words across lines ("pro-\ngression"), and text pasted from a web page may
        # hold UTF-8 read as Windows-1252 ("0.46â€“0.86"): joined and mended, with each character's offset in the
        # record kept, so that evidence still points into the record's own text.
        joined = dehyphenate(text)
        original = f"{title}\n{text}"
        offset_map = (*range(len(title) + 1), *(len(title) + 1 + offset for offset in joined.offsets))
        text = joined.text
    # Every line is kept as it is, so that offsets into the record's text stay valid.
    sections = tuple(_section(line) for line in text.split("\n"))
    year = record.get("year")
    return Document(
        id=doc_id,
        title=title,
        sections=sections,
        original=original,
        offset_map=offset_map,
        source=source,
        source_format=FORMAT,
        record_index=index,
        pmid=str(record["pmid"]) if record.get("pmid") else None,
        doi=record.get("doi"),
        journal=record.get("journal"),
        year=int(year) if isinstance(year, int | str) and str(year).isdigit() else None,
    )


def _section(line: str) -> Section:
    """A line of a record's text; a leading ``LABEL:`` in capitals becomes the section label.

    >>> _section("METHODS: We did it.").render()
    'METHODS: We did it.'
    """
    label, sep, body = line.partition(": ")
    if sep and label.isupper() and len(label) <= 40 and body.strip():
        return Section(text=body, label=label)
    return Section(text=line)
