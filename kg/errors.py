"""The named errors of psma-kg: each says which file, record and why."""

from __future__ import annotations


class PsmaKgError(Exception):
    """Base class of every psma-kg error."""


class OntologyError(PsmaKgError):
    """The ontology is inconsistent: an unknown term, a label on two entities, a missing field."""


class ParseError(PsmaKgError):
    """A source record could not be read.

    >>> str(ParseError("a.xml", "no abstract", index=3, record_id="12345"))
    'a.xml: record 3 (PMID 12345): no abstract'
    """

    def __init__(self, path: str, reason: str, *, index: int | None = None, record_id: str | None = None):
        self.path = str(path)
        self.reason = reason
        self.index = index
        self.record_id = record_id
        super().__init__(self._message())

    def __reduce__(self):
        # Rebuilt from its fields, so that it pickles (worker processes of an ingest send it back): the
        # default rebuilds an exception from its message alone, which this __init__ does not take.
        return _parse_error, (self.path, self.reason, self.index, self.record_id)

    def _message(self) -> str:
        where = self.path
        if self.index is not None:
            where += f": record {self.index}"
            if self.record_id:
                where += f" (PMID {self.record_id})"
        elif self.record_id:
            where += f": PMID {self.record_id}"
        return f"{where}: {self.reason}"


class ExtractionError(PsmaKgError):
    """The extractor could not process a document."""


class StoreError(PsmaKgError):
    """The graph store could not be read or written."""


class ValidationError(PsmaKgError):
    """A graph does not conform to the SHACL shapes of the ontology."""


def _parse_error(path: str, reason: str, index: int | None, record_id: str | None) -> ParseError:
    return ParseError(path, reason, index=index, record_id=record_id)
