"""The embedded store of record: Oxigraph on disk (pyoxigraph), one named graph per document.

Why Oxigraph: it is an embedded, transactional SPARQL 1.1 store with no server to start, and
on these machines it loads and queries an order of magnitude faster than rdflib's own stores
(see the README's benchmark table). Triples are built with rdflib (kg.rdf) and written as
N-Triples inside one SPARQL update per document, which Oxigraph applies in one transaction:
a document is always fully in or fully out, even if the process is killed mid-ingest.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from ingest.document import Document
from kg.errors import StoreError
from kg.model import Extraction
from kg.rdf import content_hash, document_ntriples, graph_iri, hash_version, ontology_graph_iri
from kg.vocab import PSMA, ontology_graph

STORE_ENV = "PSMAKG_STORE"


def default_store_path() -> Path:
    """$PSMAKG_STORE, else the user's data folder: $XDG_DATA_HOME/psma-kg/store (~/.local/share/...)."""
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV])
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "psma-kg" / "store"


@dataclass
class PutResult:
    """What writing a batch did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)


class GraphStore:
    """psma-kg's graph on disk: the ontology in one named graph, each document in its own."""

    def __init__(self, path: str | Path | None = None, *, in_memory: bool = False):
        try:
            import pyoxigraph
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise StoreError("the embedded store needs pyoxigraph: pip install 'psma-kg[store]'") from exc
        self._ox = pyoxigraph
        self.path = None if in_memory else Path(path or default_store_path())
        try:
            if self.path is None:
                self.store = pyoxigraph.Store()
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.store = pyoxigraph.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        self._hashes: dict[str, str] | None = None
        self.ensure_ontology()

    # --- writing ---------------------------------------------------------------------------

    def ensure_ontology(self) -> None:
        """Load (or reload, when it changed) the ontology into its own named graph."""
        graph = ontology_graph()
        data = graph.serialize(format="nt", encoding="utf-8").decode()
        marker = hashlib.sha256("".join(sorted(data.splitlines())).encode()).hexdigest()[:20]
        name = self._ox.NamedNode(str(ontology_graph_iri()))
        stored = self._single(
            f"SELECT ?m WHERE {{ GRAPH <{ontology_graph_iri()}> {{ <{ontology_graph_iri()}> "
            f"<{PSMA.contentHash}> ?m }} }}"
        )
        if stored == marker:
            return
        data += f'<{ontology_graph_iri()}> <{PSMA.contentHash}> "{marker}" .\n'
        self.store.update(f"DROP SILENT GRAPH <{name.value}> ; INSERT DATA {{ GRAPH <{name.value}> {{ {data} }} }}")

    def is_current(self, document: Document, extractor_version: str) -> bool:
        """True when the store already holds this document as it is (or a newer version of it)."""
        previous = self._known_hashes().get(document.id)
        if previous is None:
            return False
        return previous == content_hash(document, extractor_version) or hash_version(previous) > document.version

    def put(self, document: Document, extraction: Extraction, extractor_version: str) -> str:
        """Write one document's graph; returns 'added', 'replaced' or 'unchanged' (same content hash)."""
        if self.is_current(document, extractor_version):
            return "unchanged"  # the same content, or an older version of what is stored
        return self.write(document, document_ntriples(document, extraction, extractor_version), extractor_version)

    def write(self, document: Document, body: str, extractor_version: str) -> str:
        """Write a document's graph given as N-Triples (``kg.rdf.document_ntriples``); 'added' or 'replaced'."""
        hashes = self._known_hashes()
        previous = hashes.get(document.id)
        name = graph_iri(document.id)
        try:
            if previous:
                # One update, one transaction: the old graph goes and the new one comes, or nothing happens.
                self.store.update(f"DROP SILENT GRAPH <{name}> ; INSERT DATA {{ GRAPH <{name}> {{ {body} }} }}")
            else:
                # A load is one transaction too, and skips the SPARQL parser.
                self.store.load(input=body, format=self._ox.RdfFormat.N_TRIPLES, to_graph=self._ox.NamedNode(name))
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"could not store document {document.id}: {exc}") from exc
        hashes[document.id] = content_hash(document, extractor_version)
        return "replaced" if previous else "added"

    def put_many(self, items: Iterable[tuple[Document, Extraction]], extractor_version: str) -> PutResult:
        """Write many documents, each in its own transaction; a failure is recorded and the others go on."""
        result = PutResult()
        for document, extraction in items:
            try:
                outcome = self.put(document, extraction, extractor_version)
            except StoreError as exc:
                result.failed.append(str(exc))
                continue
            setattr(result, outcome, getattr(result, outcome) + 1)
        if self.path:
            self.store.flush()
        return result

    def bulk_load(self, path: str | Path) -> None:
        """Load an N-Quads dump (``psmakg export --format nquads``) through Oxigraph's bulk loader.

        This is the path for restoring or moving a whole graph; it is not transactional per
        document, so use ``put`` (``psmakg ingest``) for documents.
        """
        self.store.bulk_load(path=str(path), format=self._ox.RdfFormat.N_QUADS)
        self._hashes = None

    def remove(self, document_id: str) -> bool:
        """Delete one document's graph; False when there was none."""
        name = graph_iri(document_id)
        if not self.store.contains_named_graph(self._ox.NamedNode(str(name))):
            return False
        self.store.update(f"DROP GRAPH <{name}>")
        self._known_hashes().pop(document_id, None)
        return True

    # --- reading -----------------------------------------------------------------------------

    def _known_hashes(self) -> dict[str, str]:
        if self._hashes is None:
            self._hashes = {}
            query = (
                "PREFIX dcterms: <http://purl.org/dc/terms/> "
                f"SELECT ?id ?h WHERE {{ GRAPH ?g {{ ?p <{PSMA.contentHash}> ?h ; dcterms:identifier ?id }} }}"
            )
            for row in self.store.query(query):
                self._hashes[row["id"].value] = row["h"].value
        return self._hashes

    def document_ids(self) -> list[str]:
        """Ids of every stored document, sorted."""
        return sorted(self._known_hashes())

    def query(self, sparql: str, **options):
        """Run a SPARQL query over the union of all graphs (the default graph is their union)."""
        return self.store.query(sparql, use_default_graph_as_union=True, **options)

    def _single(self, sparql: str) -> str | None:
        for row in self.store.query(sparql):
            return row[0].value
        return None

    def count(self, sparql_where: str) -> int:
        """COUNT(*) of a WHERE clause over the union graph."""
        for row in self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {sparql_where} }}"):
            return int(row["n"].value)
        return 0

    def quads(self) -> Iterator:
        """Every quad of the store."""
        return iter(self.store)

    def __len__(self) -> int:
        return len(self.store)

    def to_rdflib(self, *, include_ontology: bool = True) -> Graph:
        """The union graph as an rdflib Graph (for SHACL, exports and rdflib users)."""
        from pyoxigraph import RdfFormat

        skip = "" if include_ontology else f"FILTER(?g != <{ontology_graph_iri()}>)"
        triples = self.store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {skip} }}")
        graph = Graph()
        graph.parse(data=triples.serialize(format=RdfFormat.N_TRIPLES).decode(), format="nt")
        return graph

    def close(self) -> None:
        if self.path:
            self.store.flush()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
