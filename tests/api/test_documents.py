"""POST /documents with a token: the text is extracted, stored and answered with its records."""

from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from ingest import IngestReport
from kg.build import build_graph
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[2]


def test_post_text_with_token_stores_and_answers(tmp_path):
    store = GraphStore(tmp_path / "s")
    app = create_app(Settings(api_token="s3cret"), store=store)
    text = "A scraped title\nMedian overall survival was 15.3 months with 177Lu-PSMA-617 (HR 0.62, 95% CI 0.52-0.74)."
    with TestClient(app) as client:
        assert client.post("/documents", content=text, headers={"authorization": "Bearer wrong"}).status_code == 401
        response = client.post("/documents", content=text, headers={"authorization": "Bearer s3cret"})
        assert response.status_code == 201, response.text
        body = response.json()
        (record,) = body["records"]
        assert record["measurements"][0]["endpoint"] == "OS" and record["measurements"][0]["hr"] == 0.62
        assert list(body["stored"].values()) == ["added"]
        assert client.get("/health").json()["documents"] == 1
        bad = client.post("/documents", content=b"\xff\xfe\x00garbage", headers={"authorization": "Bearer s3cret"})
        assert bad.status_code == 400 and "body" in bad.json()["detail"]


def test_cors_origins_are_configurable(tmp_path):
    store = GraphStore(tmp_path / "s")
    app = create_app(Settings(cors_origins=["https://review.example"]), store=store)
    with TestClient(app) as client:
        allowed = client.get("/health", headers={"origin": "https://review.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://review.example"
        other = client.get("/health", headers={"origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_a_posted_document_shows_at_once_in_the_agent_and_comparison_answers(tmp_path):
    app = create_app(Settings(api_token="s3cret"), store=GraphStore(tmp_path / "s"))
    text = "VISION update\nIn VISION, median overall survival was 15.3 months with 177Lu-PSMA-617 (HR 0.62)."
    with TestClient(app) as client:
        assert client.get("/agents/Pluvicto").json()["measurements"] == []  # read before the write
        assert client.get("/compare", params={"trials": "VISION"}).json()["count"] == 0
        posted = client.post("/documents", content=text, headers={"authorization": "Bearer s3cret"})
        assert posted.status_code == 201, posted.text
        assert any(m["hr"] == "0.62" for m in client.get("/agents/Pluvicto").json()["measurements"])
        assert client.get("/compare", params={"trials": "VISION"}).json()["count"] >= 1


def test_a_read_only_server_refuses_writes_and_answers_reads(tmp_path):
    build_graph([str(ROOT / "data" / "demo" / "pubmed")], GraphStore(tmp_path / "s"), IngestReport())
    app = create_app(Settings(api_token="s3cret"), store=GraphStore(tmp_path / "s", read_only=True))
    with TestClient(app) as client:
        response = client.post("/documents", content="A title\nMedian OS was 9 months.",
                               headers={"authorization": "Bearer s3cret"})  # fmt: skip
        assert response.status_code == 403 and "read-only" in response.json()["detail"]
        assert client.get("/agents/Pluvicto").json()["measurements"]
