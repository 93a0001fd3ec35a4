"""The embedded store of record: Oxigraph on disk (pyoxigraph), one named graph per document.

Why Oxigraph: it is an embedded, transactional SPARQL 1.1 store with no server to start, and
on these machines it loads and queries an order of magnitude faster than rdflib's own stores
(see the README's benchmark table). Each document's triples are built as N-Triples (kg.rdf).
A changed document replaces its graph in one transaction; new documents of a large ingest go
in together through Oxigraph's bulk loader, guarded by a journal (see ``load_new``). Either
way a document is always fully in or fully out, even if the process is killed mid-ingest.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from rdflib import Graph

from ingest.document import Document, DocumentKey
from kg.errors import StoreError
from kg.model import Extraction
from kg.rdf import content_hash, document_ntriples, graph_iri, hash_version, ontology_graph_iri
from kg.vocab import PSMA, ontology_graph
from ontology import ONTOLOGY_TTL

STORE_ENV = "PSMAKG_STORE"
LOCK_NAME = "psmakg.lock"
#: The journal of a bulk load in progress: the graphs it writes, one IRI a line.
PENDING_NAME = "psmakg.pending"
#: Fewer new documents than this are written one transaction each: a bulk load costs ~10 ms of
#: CPU (and more of disk syncs) a call, plus ~12 µs a quad against ~35 µs in a transaction.
BULK_MIN = 32
#: The most new documents one bulk load takes.
BULK_BATCH = 4096
#: How long new documents are gathered for the first bulk load of an ingest, and at most for any.
#: Each load's files are merged into those already stored, so fewer, larger loads cost less a
#: document (10,000 abstracts: ~2.1 ms a document in loads of 512, ~1.6 ms in loads of 2,000);
#: the window doubles after each load, so a short ingest still commits within a second.
BULK_SECONDS = (1.0, 8.0)


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


class DocumentGraph(NamedTuple):
    """A document's graph as the store writes it: the document, its content hash (``kg.rdf.content_hash``)
    and its triples as N-Triples (``kg.rdf.document_ntriples``)."""

    document: DocumentKey
    content_hash: str
    ntriples: str

    @classmethod
    def build(cls, document: Document, extraction: Extraction, extractor_version: str) -> DocumentGraph:
        """The graph of a document and its extraction."""
        hashed = content_hash(document, extractor_version)
        return cls(document.key, hashed, document_ntriples(document, extraction, extractor_version, hashed=hashed))


def already_stored(stored_hash: str | None, new_hash: str, version: int) -> bool:
    """True when a document stored with ``stored_hash`` needs no rewrite for a version with ``new_hash``:
    the same content, or a newer version of the document."""
    return stored_hash is not None and (stored_hash == new_hash or hash_version(stored_hash) > version)


class GraphStore:
    """psma-kg's graph on disk: the ontology in one named graph, each document in its own."""

    def __init__(self, path: str | Path | None = None, *, in_memory: bool = False, read_only: bool = False):
        """Open (or create) the store; ``read_only`` opens a static snapshot that several processes may share.

        Oxigraph lets one process open a store for writing, while read-only opens take no lock and
        must not see a writer at the same time. psma-kg holds an advisory lock on ``psmakg.lock`` in
        the folder: exclusive for a writer, shared for readers, so either one writer or any number of
        readers (the workers of ``psmakg serve --workers N``) have the store, never both.
        """
        try:
            import pyoxigraph
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise StoreError("the embedded store needs pyoxigraph: pip install 'psma-kg[store]'") from exc
        self._ox = pyoxigraph
        self.path = None if in_memory else Path(path or default_store_path())
        self.read_only = read_only and self.path is not None
        self._lock = None
        try:
            if self.path is None:
                self.store = pyoxigraph.Store()
            elif self.read_only:
                self._lock = _lock_folder(self.path, shared=True)
                if (self.path / PENDING_NAME).exists():
                    _finish_interrupted_load_as_reader(self.path, self._lock)
                self.store = pyoxigraph.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._lock = _lock_folder(self.path, shared=False)
                self.store = pyoxigraph.Store(str(self.path))
                _finish_interrupted_load(self.store, self.path)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        self._hashes: dict[str, str] | None = None
        # Values derived from the contents (see ``derived``), tagged with the write generation they were read at.
        self._generation = 0
        self._derived: dict[str, tuple[int, object]] = {}
        if not self.read_only:
            self.ensure_ontology()

    # --- writing ---------------------------------------------------------------------------

    def ensure_ontology(self) -> None:
        """Load (or reload, when it changed) the ontology into its own named graph."""
        # The marker is the hash of the ontology's source file: a hash of the parsed graph would change
        # with its blank-node labels, which differ in every process, and reload the ontology on every open.
        marker = hashlib.sha256(ONTOLOGY_TTL.read_bytes()).hexdigest()[:20]
        name = self._ox.NamedNode(str(ontology_graph_iri()))
        stored = self._single(
            f"SELECT ?m WHERE {{ GRAPH <{ontology_graph_iri()}> {{ <{ontology_graph_iri()}> "
            f"<{PSMA.contentHash}> ?m }} }}"
        )
        if stored == marker:
            return
        data = ontology_graph().serialize(format="nt", encoding="utf-8").decode()
        data += f'<{ontology_graph_iri()}> <{PSMA.contentHash}> "{marker}" .\n'
        self._writable()
        self.store.update(f"DROP SILENT GRAPH <{name.value}> ; INSERT DATA {{ GRAPH <{name.value}> {{ {data} }} }}")
        self._changed()

    def is_current(self, document: Document, extractor_version: str) -> bool:
        """True when the store already holds this document as it is (or a newer version of it)."""
        previous = self._known_hashes().get(document.id)
        if previous is None:
            return False  # a new document: no content hash needed
        return already_stored(previous, content_hash(document, extractor_version), document.version)

    def holds(self, graph: DocumentGraph) -> bool:
        """True when the store already holds the document of ``graph`` as it is (or a newer version of it)."""
        stored = self._known_hashes().get(graph.document.id)
        return already_stored(stored, graph.content_hash, graph.document.version)

    def content_hashes(self) -> dict[str, str]:
        """The content hash of every stored document by id: a copy, as it is now."""
        return dict(self._known_hashes())

    def put(self, document: Document, extraction: Extraction, extractor_version: str) -> str:
        """Write one document's graph; returns 'added', 'replaced' or 'unchanged' (same content hash)."""
        if self.is_current(document, extractor_version):
            return "unchanged"  # the same content, or an older version of what is stored
        return self.write(DocumentGraph.build(document, extraction, extractor_version))

    def write(self, graph: DocumentGraph) -> str:
        """Write a document's graph; 'added' or 'replaced'."""
        self._writable()
        hashes = self._known_hashes()
        document, body = graph.document, graph.ntriples
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
        finally:
            self._changed()
        hashes[document.id] = graph.content_hash
        return "replaced" if previous else "added"

    def load_new(self, graphs: list[DocumentGraph]) -> None:
        """Write the graphs of documents that are not in the store, all at once, through Oxigraph's bulk loader.

        The bulk loader writes sorted files and adds them to the database; it is about three times
        cheaper a quad than a transaction, but Oxigraph does not promise that a load is all or
        nothing. So the load is journalled: the IRIs of its graphs are written (and synced) to
        ``psmakg.pending`` before it starts, and the journal is deleted once the load returned.
        A journal found when the store is opened means a load was cut short: its graphs, whole or
        partial, are dropped before anything else reads the store (a writer drops them on open; a
        reader takes the folder's lock exclusively for the time it takes), so every document is
        fully in or fully out, and a rerun of the ingest loads the dropped ones again. Only new
        documents come this way (their graphs did not exist, so dropping one loses nothing
        stored); a changed document replaces its graph in one transaction (``write``).
        """
        self._writable()
        hashes = self._known_hashes()
        if any(graph.document.id in hashes for graph in graphs):
            raise ValueError("load_new writes only documents that are not in the store")
        names = [str(graph_iri(graph.document.id)) for graph in graphs]
        # N-Triples to N-Quads: a line ends in " .\n" and nowhere else (literals escape their newlines).
        data = "".join(
            graph.ntriples.replace(" .\n", f" <{name}> .\n") for graph, name in zip(graphs, names, strict=True)
        )
        journal = self.path / PENDING_NAME if self.path else None
        if journal is not None:
            _write_synced(journal, "".join(f"{name}\n" for name in names))
        try:
            self.store.bulk_load(input=data, format=self._ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as exc:
            if journal is not None:
                _finish_interrupted_load(self.store, self.path)
            raise StoreError(f"could not bulk-load {len(graphs)} documents: {exc}") from exc
        finally:
            self._changed()
        if journal is not None:
            journal.unlink()
        for graph in graphs:
            hashes[graph.document.id] = graph.content_hash

    def optimize(self) -> None:
        """Merge the database's files (Oxigraph's ``Store.optimize``); what the store holds stays the same.

        Each bulk load adds a file to every index, spanning the keys of the files already there, and
        a lookup reads through all of them until they are merged. A writable open merges them in the
        background, but a read-only one (the SPARQL endpoint's workers, ``psmakg serve --workers N``)
        never does, and keeps the files it opened with. Merging rewrites the whole store, so it costs
        as much after a small load as after a large one. It needs no journal: RocksDB swaps in the
        merged files at once, so a kill leaves the files either merged or as they were.
        """
        self._writable()
        try:
            self.store.optimize()
        except OSError as exc:
            raise StoreError(f"could not optimize the store at {self.path}: {exc}") from exc

    def bulk_load(self, path: str | Path) -> None:
        """Load an N-Quads dump (``psmakg export --format nquads``) through Oxigraph's bulk loader.

        This is the path for restoring or moving a whole graph; it is not transactional per
        document, so use ``put`` (``psmakg ingest``) for documents.
        """
        self._writable()
        try:
            self.store.bulk_load(path=str(path), format=self._ox.RdfFormat.N_QUADS)
        finally:
            self._hashes = None
            self._changed()

    def remove(self, document_id: str) -> bool:
        """Delete one document's graph; False when there was none."""
        self._writable()
        name = graph_iri(document_id)
        if not self.store.contains_named_graph(self._ox.NamedNode(str(name))):
            return False
        self.store.update(f"DROP GRAPH <{name}>")
        self._changed()
        self._known_hashes().pop(document_id, None)
        return True

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only; writes need a process that opens it alone")

    def _changed(self) -> None:
        # After the write is committed: a value derived before or during the write is never served again.
        self._generation += 1
        self._derived.clear()

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

    def __contains__(self, document_id: str) -> bool:
        """True when a document with this id is stored (in any version)."""
        return document_id in self._known_hashes()

    def document_ids(self) -> list[str]:
        """Ids of every stored document, sorted."""
        return sorted(self._known_hashes())

    def query(self, sparql: str, **options):
        """Run a SPARQL query over the union of all graphs (the default graph is their union)."""
        return self.store.query(sparql, use_default_graph_as_union=True, **options)

    @property
    def generation(self) -> int:
        """How many writes went through this store object: answers read at one generation hold until it moves."""
        return self._generation

    def derived(self, name: str, compute: Callable[[GraphStore], object]) -> object:
        """``compute(self)``, computed once and kept until the next write through this store.

        Only this object writes the store (Oxigraph's lock and ours keep any other process out, and
        a read-only store has no writer), so a value read after the last write is still exact. The
        value is shared by every caller: treat it as read-only.
        """
        generation = self._generation
        kept = self._derived.get(name)
        if kept is not None and kept[0] == generation:
            return kept[1]
        value = compute(self)
        if self._generation == generation:  # no write happened while computing
            self._derived[name] = (generation, value)
        return value

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
        """Flush writes to disk (the store stays usable; the folder lock goes with the object)."""
        if self.path and not self.read_only:
            self.store.flush()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class BatchWriter:
    """Writes many documents into a store in input order: new ones gathered and bulk-loaded together
    (``GraphStore.load_new``), a changed one in its own transaction.

    ``add`` and ``flush`` return the graphs they committed with their outcome: 'added',
    'replaced', 'unchanged', or the StoreError that kept the document out. A document is reported
    only once it is on disk, so a caller that prints them never claims more than a kill leaves.
    """

    def __init__(self, store: GraphStore):
        self.store = store
        #: How many documents went in through bulk loads.
        self.bulk_loaded = 0
        self._pending: list[DocumentGraph] = []
        self._pending_ids: set[str] = set()
        self._since = 0.0
        self._window = BULK_SECONDS[0]

    def add(self, graph: DocumentGraph) -> list[tuple[DocumentGraph, str | StoreError]]:
        """Take one document's graph; returns what was committed meanwhile."""
        document_id = graph.document.id
        if document_id in self._pending_ids or document_id in self.store:
            # A replacement is judged against what is stored, so what comes before it is written first.
            return [*self.flush(), (graph, self._write_one(graph))]
        if not self._pending:
            self._since = time.monotonic()
        self._pending.append(graph)
        self._pending_ids.add(document_id)
        if len(self._pending) >= BULK_BATCH or time.monotonic() - self._since >= self._window:
            self._window = min(2 * self._window, BULK_SECONDS[1])
            return self.flush()
        return []

    def flush(self) -> list[tuple[DocumentGraph, str | StoreError]]:
        """Write every gathered document; returns them with their outcomes."""
        batch, self._pending, self._pending_ids = self._pending, [], set()
        if len(batch) >= BULK_MIN:
            try:
                self.store.load_new(batch)
                self.bulk_loaded += len(batch)
                return [(graph, "added") for graph in batch]
            except StoreError:
                pass  # nothing of the batch is stored: one transaction each, so a bad document fails alone
        return [(graph, self._write_one(graph)) for graph in batch]

    def _write_one(self, graph: DocumentGraph) -> str | StoreError:
        if self.store.holds(graph):
            return "unchanged"
        try:
            return self.store.write(graph)
        except StoreError as exc:
            return exc


def _write_synced(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def _finish_interrupted_load(store, path: Path) -> None:
    """Drop the graphs named in a bulk load's journal, then the journal (``GraphStore.load_new``)."""
    journal = path / PENDING_NAME
    if not journal.exists():
        return
    names = journal.read_text(encoding="utf-8").split("\n")[:-1]  # a line without its newline was never loaded
    if names:
        store.update(" ; ".join(f"DROP SILENT GRAPH <{name}>" for name in names))
        store.flush()
    journal.unlink()


def _finish_interrupted_load_as_reader(path: Path, lock) -> None:
    """A reader found the journal of a load whose writer died: drop its graphs under the exclusive lock."""
    import pyoxigraph

    def finish() -> None:
        if (path / PENDING_NAME).exists():  # not already done by a reader that went first
            store = pyoxigraph.Store(str(path))
            _finish_interrupted_load(store, path)
            del store  # closes the database before it is opened read-only

    if lock is None:  # pragma: no cover - not POSIX: Oxigraph's own lock keeps a writer out meanwhile
        finish()
        return
    import fcntl

    # Converting the lock gives up the shared one first, so two readers doing this wait in turn.
    fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
    try:
        finish()
    finally:
        fcntl.flock(lock.fileno(), fcntl.LOCK_SH)


def _lock_folder(path: Path, *, shared: bool):
    """Hold an advisory lock on the store folder: shared for read-only opens, exclusive for a writer."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: Oxigraph's own lock still keeps writers apart
        return None
    lock = open(path / LOCK_NAME, "a+b")  # noqa: SIM115 - held open for the life of the store object
    try:
        fcntl.flock(lock.fileno(), (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        lock.close()
        holder = (
            "a process writing it (psmakg ingest or a one-worker server)"
            if shared
            else ("another process (a writer, or the read-only workers of psmakg serve --workers N)")
        )
        raise StoreError(f"the store at {path} is in use by {holder}; stop that first") from exc
    return lock
