"""POST /documents: ingest text, PubMed XML or MEDLINE sent over HTTP (needs the API token)."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from fastapi import APIRouter, Header, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep
from api.models import IngestResponse, problems
from ingest import IngestReport, read_documents
from ingest.extraction.pipeline import EXTRACTOR_VERSION, extract_document
from ingest.extraction.records import extraction_record

router = APIRouter(tags=["documents"])
MAX_BYTES = 20 * 1024 * 1024
_TEXT = "A scraped title\nMedian overall survival was 15.3 months with 177Lu-PSMA-617 (HR 0.62, 95% CI 0.52-0.74)."
_PUBMED = ("<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>34161051</PMID><Article>"
           "<ArticleTitle>...</ArticleTitle><Abstract><AbstractText>...</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle>"
           "</PubmedArticleSet>")  # fmt: skip
#: The body is read as it comes (format detected by content), so it is described here rather than parsed by FastAPI.
_BODY = {"requestBody": {"required": True, "content": {
    "text/plain": {"schema": {"type": "string"}, "example": _TEXT},
    "application/xml": {"schema": {"type": "string"}, "example": _PUBMED},
}}}  # fmt: skip


@router.post("/documents", status_code=201, responses=problems(400, 401, 403, 413), openapi_extra=_BODY)
async def post_documents(
    request: Request, store: StoreDep, settings: SettingsDep, authorization: str | None = Header(None)
) -> IngestResponse:
    """Read the body (format detected by content), extract, store, and answer with the extraction records."""
    if not settings.api_token:
        raise HTTPException(403, "write routes are off: set PSMAKG_API_TOKEN to enable them")
    if store.read_only:
        raise HTTPException(403, "write routes are off: this server opened the store read-only (several workers)")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not secrets.compare_digest(given, settings.api_token):
        raise HTTPException(401, "a valid API token is required: Authorization: Bearer <token>")
    body = await request.body()
    if not body.strip():
        raise HTTPException(400, "empty body: send plain text, PubMed XML, MEDLINE or JSON Lines")
    if len(body) > MAX_BYTES:
        raise HTTPException(413, f"the body is larger than {MAX_BYTES} bytes; use psmakg ingest for big files")
    report = IngestReport()
    records, stored = [], {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        path.write_bytes(body)
        for document in read_documents([str(path)], report):
            document = document.model_copy(update={"source": "POST /documents"})
            extraction = extract_document(document)
            stored[document.id] = await run_in_threadpool(_put, request, store, document, extraction)
            records.append(extraction_record(extraction, document))
    if not records and report.skipped:
        raise HTTPException(400, "; ".join(str(e).replace(str(path), "body") for e in report.skipped))
    return IngestResponse(
        records=records,
        stored=stored,
        skipped=[str(e).replace(str(path), "body") for e in report.skipped],
        warnings=[w.replace(str(path), "body") for w in report.warnings],
    )


def _put(request: Request, store, document, extraction) -> str:
    # The SPARQL workers read the store through handles of their own: they wait while it is written.
    with request.app.state.sparql.writing():
        return store.put(document, extraction, EXTRACTOR_VERSION)
