"""MEDLINE text format: the ``.nbib``/``.txt`` exports of PubMed (``PMID-``, ``TI  -``, ``AB  -`` ...)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from ingest.document import Document, Section, pmid_document_id
from ingest.report import IngestReport
from ingest.sources import open_binary, text_stream
from kg.errors import ParseError

FORMAT = "medline"
_FIELD = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*-\s?(.*)$")
_CONTINUATION = re.compile(r"^\s{6}(.*)$")
#: Structured-abstract labels inside AB, as PubMed writes them: "BACKGROUND: ... METHODS: ...".
_SECTION_LABEL = re.compile(r"(?:^|(?<=[.?!)\]]\s))([A-Z][A-Z &/,-]{1,40}[A-Z]):\s")


def looks_like(head: bytes) -> bool:
    """True when the first bytes of a file are MEDLINE text."""
    return bool(re.search(rb"(?m)^PMID- ", head))


def iter_documents(path: str | Path, report: IngestReport | None = None) -> Iterator[Document]:
    """Documents of a MEDLINE file; problems go to ``report`` (or raise ParseError without one)."""
    index = 0
    for index, fields in _iter_records(path, report):
        try:
            yield document_from_fields(fields, source=str(path), index=index)
        except ParseError as exc:
            if report is None:
                raise
            report.skip(exc)


def _iter_records(path: str | Path, report: IngestReport | None) -> Iterator[tuple[int, dict[str, list[str]]]]:
    index = 0
    fields: dict[str, list[str]] = defaultdict(list)
    last: str | None = None
    try:
        with open_binary(path) as binary, text_stream(binary, path) as stream:
            for line in stream:
                line = line.rstrip("\r\n")
                if not line.strip():
                    if fields:
                        index += 1
                        yield index, fields
                    fields, last = defaultdict(list), None
                    continue
                if last is not None and (cont := _CONTINUATION.match(line)):
                    fields[last][-1] += " " + cont.group(1).strip()
                    continue
                match = _FIELD.match(line)
                if match is None:
                    error = ParseError(str(path), f"not a MEDLINE field line: {line[:60]!r}", index=index + 1)
                    if report is None:
                        raise error
                    report.warn(str(error))
                    continue
                last = match.group(1)
                fields[last].append(match.group(2).strip())
            if fields:
                index += 1
                yield index, fields
    except (UnicodeDecodeError, OSError, EOFError) as exc:
        error = ParseError(str(path), f"unreadable after record {index}: {exc}", index=index + 1)
        if report is None:
            raise error from exc
        report.skip(error)


def split_sections(abstract: str) -> tuple[Section, ...]:
    """Sections of an AB field, split at its structured labels.

    >>> [s.render() for s in split_sections("BACKGROUND: Why. METHODS: How.")]
    ['BACKGROUND: Why.', 'METHODS: How.']
    """
    matches = list(_SECTION_LABEL.finditer(abstract))
    if not matches or matches[0].start() != 0:
        return (Section(text=abstract.strip()),) if abstract.strip() else ()
    sections = []
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        body = abstract[match.end() : following.start() if following else len(abstract)].strip()
        if body:
            sections.append(Section(text=body, label=match.group(1)))
    return tuple(sections)


def document_from_fields(fields: dict[str, list[str]], *, source: str = "", index: int | None = None) -> Document:
    """A Document from the fields of one MEDLINE record."""
    pmid = (fields.get("PMID") or [""])[0]
    if not pmid:
        raise ParseError(source, "no PMID- field", index=index)
    title = " ".join(fields.get("TI", []))
    if not title:
        raise ParseError(source, "no TI (title) field", index=index, record_id=pmid)
    sections = split_sections(" ".join(fields.get("AB", [])))
    if not sections:
        raise ParseError(source, "empty abstract", index=index, record_id=pmid)
    doi = next(
        (aid[: -len(" [doi]")] for aid in fields.get("AID", []) + fields.get("LID", []) if aid.endswith("[doi]")),
        None,
    )
    year_match = re.match(r"(\d{4})", (fields.get("DP") or [""])[0])
    return Document(
        id=pmid_document_id(pmid),
        title=title,
        sections=sections,
        source=source,
        source_format=FORMAT,
        record_index=index,
        pmid=pmid,
        doi=doi,
        pmcid=(fields.get("PMC") or [None])[0],
        journal=(fields.get("JT") or fields.get("TA") or [None])[0],
        year=int(year_match.group(1)) if year_match else None,
        authors=tuple(fields.get("AU", []) or fields.get("CN", [])),
        publication_types=tuple(fields.get("PT", [])),
        mesh_terms=tuple(term.lstrip("*").split("/")[0] for term in fields.get("MH", [])),
        keywords=tuple(fields.get("OT", [])),
    )


def _wrap(tag: str, value: str, width: int = 82) -> list[str]:
    words, lines, line = value.split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width - 6:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return [f"{tag:<4}- {lines[0]}", *(f"      {rest}" for rest in lines[1:])]


def to_medline(document: Document) -> str:
    """The document as a MEDLINE record (wrapped at 82 columns, continuation lines indented by 6)."""
    lines = [f"PMID- {document.pmid or document.id}"]
    if document.year:
        lines += _wrap("DP", str(document.year))
    lines += _wrap("TI", document.title)
    lines += _wrap("AB", " ".join(section.render() for section in document.sections))
    if document.doi:
        lines += _wrap("AID", f"{document.doi} [doi]")
    for author in document.authors:
        lines += _wrap("CN" if " " in author and not author.split()[-1].isupper() else "AU", author)
    for kind in document.publication_types:
        lines += _wrap("PT", kind)
    if document.journal:
        lines += _wrap("JT", document.journal)
    for term in document.mesh_terms:
        lines += _wrap("MH", term)
    for keyword in document.keywords:
        lines += _wrap("OT", keyword)
    return "\n".join(lines) + "\n"
