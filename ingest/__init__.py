"""psma-kg's sources: PubMed XML, MEDLINE, plain text and JSON Lines, read into one Document model.

Public API::

    from ingest import Document, IngestReport, read_documents
    for document in read_documents(["data/demo"], report := IngestReport()):
        ...
"""

from ingest.batch import detect_format, read_documents
from ingest.document import Document, Section
from ingest.report import IngestReport

__all__ = ["Document", "IngestReport", "Section", "detect_format", "read_documents"]
