import pytest

from ingest.document import Document, Section
from ingest.extraction.pipeline import build_pipeline, extract_document
from ingest.extraction.records import extraction_record


def make_document(text: str, title: str = "A test abstract", doc_id: str = "test:1") -> Document:
    sections = tuple(Section(text=line) for line in text.split("\n"))
    return Document(id=doc_id, title=title, sections=sections)


@pytest.fixture(scope="session")
def nlp():
    return build_pipeline()


@pytest.fixture
def record():
    """The extraction record of a text (and title)."""

    def run(text: str, title: str = "A test abstract") -> dict:
        return extraction_record(extract_document(make_document(text, title)))

    return run
