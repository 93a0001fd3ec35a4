"""The one document model every source produces."""

from __future__ import annotations

from functools import cached_property
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

#: Ids of demo records start with this prefix, which no real PubMed record has.
DEMO_PREFIX = "demo:"


class Section(BaseModel):
    """One section of an abstract: a structured-abstract part (``METHODS``) or the whole text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    label: str | None = None
    category: str | None = None

    def render(self) -> str:
        """The section as it appears in :attr:`Document.text`: ``LABEL: body`` or just the body."""
        return f"{self.label}: {self.text}" if self.label else self.text


class Document(BaseModel):
    """An abstract with its metadata.

    ``full_text`` (title, newline, text) is the string that evidence offsets point into.
    For sources whose text was normalized (plain text from web pages), ``original`` holds the
    text the user gave and ``offset_map[i]`` the position in ``original`` of ``full_text[i]``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str
    sections: tuple[Section, ...] = ()
    source: str = ""
    source_format: str = ""
    record_index: int | None = None
    pmid: str | None = None
    version: int = 1
    doi: str | None = None
    pmcid: str | None = None
    journal: str | None = None
    year: int | None = None
    authors: tuple[str, ...] = ()
    publication_types: tuple[str, ...] = ()
    mesh_terms: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    original: str | None = Field(default=None, repr=False)
    offset_map: tuple[int, ...] | None = Field(default=None, repr=False)

    @cached_property
    def text(self) -> str:
        """The abstract: its sections joined by newlines."""
        return "\n".join(section.render() for section in self.sections)

    @cached_property
    def full_text(self) -> str:
        """Title, a newline, then the abstract: the string evidence offsets point into."""
        return f"{self.title}\n{self.text}"

    @property
    def is_demo(self) -> bool:
        """True for the bundled demo records, which restate real studies in our own words."""
        return self.id.startswith(DEMO_PREFIX)

    @property
    def key(self) -> DocumentKey:
        """Who the document is and where it was read, without its text."""
        return DocumentKey(self.id, self.version, self.source, self.record_index)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the text the user gave of ``full_text[start:end]``.

        >>> doc = Document(id="x", title="T", sections=(Section(text="ab"),))
        >>> doc.original_span(2, 4)
        (2, 4)
        """
        if not 0 <= start <= end <= len(self.full_text):
            raise ValueError(f"span {start}-{end} lies outside document {self.id}")
        if self.offset_map is None:
            return start, end
        if start == end:
            return self.offset_map[start], self.offset_map[start]
        return self.offset_map[start], self.offset_map[end - 1] + 1


class DocumentKey(NamedTuple):
    """Who a document is and where it was read: what a process that never holds the document
    (the one writing the store) needs to apply the duplicate rule and report on it."""

    id: str
    version: int
    source: str
    record_index: int | None


def pmid_document_id(pmid: str) -> str:
    """The document id of a PubMed record: ``pmid:N`` for real PMIDs, the demo id as it is.

    >>> pmid_document_id("34161051"), pmid_document_id("demo:001")
    ('pmid:34161051', 'demo:001')
    """
    pmid = pmid.strip()
    return f"pmid:{pmid}" if pmid.isdigit() else pmid
