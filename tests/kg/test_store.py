"""The embedded store: one graph per document, idempotent, replace in one transaction, kill-safe."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, parse
from rdflib import Graph, Literal, URIRef

from ingest import IngestReport, read_documents
from ingest.extraction.pipeline import EXTRACTOR_VERSION, extract_document
from kg import __version__
from kg.build import build_graph
from kg.errors import StoreError
from kg.rdf import _literal, document_graph, document_ntriples, graph_iri, ontology_graph_iri
from kg.store import BULK_MIN, PENDING_NAME, BatchWriter, DocumentGraph, GraphStore
from kg.validate import validate_graph

DATA = Path(__file__).resolve().parents[1] / "ingest" / "data"
XSD = "http://www.w3.org/2001/XMLSchema#"  # as a string: pytest warns on inspecting rdflib's XSD namespace
ROOT = Path(__file__).resolve().parents[2]


def graph_size(store: GraphStore, document_id: str) -> int:
    return len(list(store.store.quads_for_pattern(None, None, None, NamedNode(str(graph_iri(document_id))))))


def test_each_document_lives_in_its_own_graph_and_reingest_changes_nothing(tmp_path):
    store = GraphStore(tmp_path / "s")
    report = IngestReport()
    first = build_graph([str(DATA / "pubmed_mixed.xml")], store, report)
    assert (first.added, first.replaced) == (2, 1)  # PMID 90000003 came in versions 1 and 2
    size = len(store)
    again = build_graph([str(DATA / "pubmed_mixed.xml")], reread_hashes(store), IngestReport())
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 3)
    assert len(store) == size
    assert store.document_ids() == ["pmid:90000001", "pmid:90000003"]


def test_reopening_a_store_keeps_its_ontology_graph(tmp_path, monkeypatch):
    GraphStore(tmp_path / "s").close()

    def parse_ontology_again():
        raise AssertionError("the unchanged ontology was loaded again")

    monkeypatch.setattr("kg.store.ontology_graph", parse_ontology_again)
    with GraphStore(tmp_path / "s") as store:
        assert store.count(f"GRAPH <{ontology_graph_iri()}> {{ ?s ?p ?o }}") > 100  # still there, as it was


def reread_hashes(store: GraphStore) -> GraphStore:
    """The same store object (one process may hold one store); hashes are reread from disk."""
    store._hashes = None
    return store


def test_a_changed_document_replaces_its_graph(tmp_path):
    store = GraphStore(tmp_path / "s")
    (document,) = [d for d in read_documents([str(DATA / "export.nbib")]) if d.id == "pmid:90000402"]
    store.put(document, extract_document(document), EXTRACTOR_VERSION)
    old_title = document.title
    changed = document.model_copy(update={"title": "A corrected title"})
    assert store.put(changed, extract_document(changed), EXTRACTOR_VERSION) == "replaced"
    titles = {row["t"].value for row in store.query("SELECT ?t WHERE { ?p <http://purl.org/dc/terms/title> ?t }")}
    assert "A corrected title" in titles and old_title not in titles


def test_a_document_read_by_other_rules_is_read_again(tmp_path):
    # the extractor's version carries a digest of the rules, so new rules refresh stored documents even where the
    # package version stayed the same
    assert EXTRACTOR_VERSION.startswith(__version__ + "+") and len(EXTRACTOR_VERSION) > len(__version__) + 8
    store = GraphStore(tmp_path / "s")
    (document,) = [d for d in read_documents([str(DATA / "export.nbib")]) if d.id == "pmid:90000402"]
    extraction = extract_document(document)
    assert store.put(document, extraction, f"{__version__}+0123456789ab") == "added"
    assert store.put(document, extraction, EXTRACTOR_VERSION) == "replaced"
    assert store.put(document, extraction, EXTRACTOR_VERSION) == "unchanged"


def test_same_input_gives_the_same_triples():
    (document,) = [d for d in read_documents([str(DATA / "pubmed_mixed.xml")]) if d.id == "pmid:90000001"]
    one = document_graph(document, extract_document(document), EXTRACTOR_VERSION)
    two = document_graph(document, extract_document(document), EXTRACTOR_VERSION)
    assert set(one) == set(two) and len(one) > 20


def test_an_arm_named_with_its_cohort_includes_its_agent():
    from ingest.document import Document, Section

    text = "We gave acapatamab to 58 men in two cohorts. PSA50 was 17% in cohort S and 14% in cohort F."
    document = Document(id="test:cohorts", title="Acapatamab in two cohorts", sections=(Section(text=text),))
    graph = document_graph(document, extract_document(document), EXTRACTOR_VERSION)
    psma = "https://w3id.org/psma-kg/ontology#"
    labels = {
        str(label): {str(agent) for agent in graph.objects(arm, URIRef(psma + "armIncludesAgent"))}
        for arm, label in graph.subject_objects(URIRef(psma + "armLabel"))
    }
    agent = "https://w3id.org/psma-kg/agent/acapatamab"
    assert labels == {"acapatamab (cohort S)": {agent}, "acapatamab (cohort F)": {agent}}


def test_the_store_writes_what_rdflib_would_serialize():
    """psma-kg writes N-Triples itself (for speed): every literal must come out as rdflib's own
    serializer writes it, escapes, datatypes and lexical forms included."""
    values = ['say "hi"\n', "back\\slash\r\ttab", "Lu-177–PSMA ≥ 2 µg", (False, None), (True, None)]
    values += [(5, URIRef(XSD + "integer")), ("0.5", URIRef(XSD + "decimal")), ("1e-05", URIRef(XSD + "decimal"))]
    values += [("2021", URIRef(XSD + "gYear"))]
    for value in values:
        value, datatype = value if isinstance(value, tuple) else (value, None)
        ours = f"<https://e.org/a> <https://e.org/p> {_literal(value, datatype)} .\n"
        graph = Graph()
        graph.add((URIRef("https://e.org/a"), URIRef("https://e.org/p"), Literal(value, datatype=datatype)))
        theirs = graph.serialize(format="nt")
        as_set = lambda text: set(parse(input=text, format=RdfFormat.N_TRIPLES))  # noqa: E731
        assert as_set(ours) == as_set(theirs), value


def test_document_graphs_parse_as_written():
    demo = ROOT / "data" / "demo"
    for document in read_documents([str(demo / "pubmed"), str(demo / "text")]):
        ours = document_ntriples(document, extract_document(document), EXTRACTOR_VERSION)
        graph = Graph().parse(data=ours, format="nt")
        assert set(parse(input=ours, format=RdfFormat.N_TRIPLES)) == set(
            parse(input=graph.serialize(format="nt"), format=RdfFormat.N_TRIPLES)
        ), document.id


def test_remove_deletes_one_document(tmp_path):
    store = GraphStore(tmp_path / "s")
    build_graph([str(DATA / "export.nbib")], store, IngestReport())
    assert store.remove("pmid:90000401") is True
    assert store.document_ids() == ["pmid:90000402"]
    assert graph_size(store, "pmid:90000401") == 0
    assert store.remove("pmid:90000401") is False


def test_the_store_persists_and_conforms_to_the_shapes(tmp_path):
    path = tmp_path / "s"
    store = GraphStore(path)
    build_graph([str(ROOT / "data" / "demo" / "pubmed")], store, IngestReport())
    ids = store.document_ids()
    del store
    reopened = GraphStore(path)
    assert reopened.document_ids() == ids and len(ids) >= 40
    assert validate_graph(reopened.to_rdflib(include_ontology=False)) == []


def test_remove_command(tmp_path, capsys):
    from kg.cli import main

    store = tmp_path / "s"
    assert main(["ingest", str(DATA / "export.nbib"), "--store", str(store)]) == 1  # one record has no abstract
    assert main(["remove", "pmid:90000402", "--store", str(store)]) == 0
    assert main(["remove", "pmid:90000402", "--store", str(store)]) == 1
    assert "not in the store" in capsys.readouterr().err


def generated_corpus(path: Path, records: int) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_parse import generate

    generate(path, records)
    return path


@pytest.fixture
def big_corpus(tmp_path) -> Path:
    return generated_corpus(tmp_path / "big.xml", 240)


def kill_after_stored(process: subprocess.Popen, store_path: Path, count: int = 25) -> None:
    """SIGKILL once the ingest reported ``count`` documents stored (it reports only what is on disk)."""
    stored = 0
    for line in process.stderr:
        stored += bool(re.match(r"^added ", line))
        if stored >= count:
            os.kill(process.pid, signal.SIGKILL)
            return


def kill_during_bulk_load(process: subprocess.Popen, store_path: Path) -> None:
    """SIGKILL while a bulk load runs: its journal exists only then (``GraphStore.load_new``)."""
    while process.poll() is None:
        if (store_path / PENDING_NAME).exists():
            os.kill(process.pid, signal.SIGKILL)
            return
        time.sleep(0.0005)


#: ``psmakg`` with bulk loads of BULK_MIN documents: an ingest of a few hundred abstracts makes many loads, so a
#: kill after the first lands mid-ingest however fast the machine is (with the default window of a second, one
#: load could take them all).
SMALL_LOADS = (
    "import sys; import kg.store; from kg.cli import main; "
    "kg.store.BULK_BATCH = kg.store.BULK_MIN; sys.exit(main(sys.argv[1:]))"
)


@pytest.mark.parametrize(
    ("jobs", "kill"), [("1", kill_after_stored), ("2", kill_after_stored), ("2", kill_during_bulk_load)]
)
def test_a_killed_ingest_leaves_whole_documents_and_a_rerun_finishes(tmp_path, jobs, kill):
    corpus = generated_corpus(tmp_path / "big.xml", 600)
    store_path = tmp_path / "killed"
    command = [sys.executable, "-c", SMALL_LOADS, "ingest", str(corpus), "--store", str(store_path)]
    command += ["--jobs", jobs, "--verbose"]
    verbose = subprocess.PIPE if kill is kill_after_stored else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=ROOT, stderr=verbose, stdout=subprocess.DEVNULL, text=True)
    kill(process, store_path)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    expected = {}
    for document in read_documents([str(corpus)]):
        lines = document_ntriples(document, extract_document(document), EXTRACTOR_VERSION)
        expected[document.id] = lines.count("\n")  # one triple a line, each once
    store = GraphStore(store_path)
    present = store.document_ids()
    assert (25 if kill is kill_after_stored else 0) <= len(present) < len(expected)
    for document_id in present:  # every stored document is whole
        assert graph_size(store, document_id) == expected[document_id], document_id
    store.close()
    del store

    subprocess.run([*command[:-1]], cwd=ROOT, check=True, capture_output=True)
    finished = subprocess.run([*command[:-1]], cwd=ROOT, check=True, capture_output=True, text=True)
    assert f"added 0, replaced 0, unchanged {len(expected)}" in finished.stdout
    store = GraphStore(store_path)
    assert store.document_ids() == sorted(expected)
    for document_id, size in expected.items():
        assert graph_size(store, document_id) == size


#: ``psmakg`` with SMALL_LOADS that says on standard error when it starts merging the store's files.
MERGE_ANNOUNCED = SMALL_LOADS.replace(
    "sys.exit(",
    "optimize = kg.store.GraphStore.optimize; "
    "kg.store.GraphStore.optimize = lambda self: (print('merging', file=sys.stderr, flush=True), optimize(self)); "
    "sys.exit(",
)


def test_a_kill_while_the_ingest_merges_the_store_files_leaves_every_document(tmp_path, big_corpus):
    store_path = tmp_path / "killed"
    command = [sys.executable, "-c", MERGE_ANNOUNCED, "ingest", str(big_corpus), "--store", str(store_path)]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    for line in process.stderr:
        if line == "merging\n":
            time.sleep(0.05)  # into the merge, which takes longer for these 8 loads of 32 documents
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL

    store = GraphStore(store_path)
    for document in read_documents([str(big_corpus)]):
        expected = document_ntriples(document, extract_document(document), EXTRACTOR_VERSION).count("\n")
        assert graph_size(store, document.id) == expected, document.id
    assert len(store.document_ids()) == 240


def test_an_ingest_that_bulk_loaded_merges_the_store_files_and_the_store_answers_the_same(
    tmp_path, big_corpus, monkeypatch
):
    store = GraphStore(tmp_path / "s")
    merges = []
    optimize = GraphStore.optimize

    def merge(self):
        stored = len(reread_hashes(self).document_ids())
        merges.append((stored, (tmp_path / "s" / PENDING_NAME).exists(), set(self.quads())))
        optimize(self)

    monkeypatch.setattr(GraphStore, "optimize", merge)
    assert build_graph([str(big_corpus)], store, IngestReport()).added == 240
    [(stored, journal, quads)] = merges
    assert (stored, journal) == (240, False)  # merged once, after every document was in
    assert set(store.quads()) == quads
    examples = re.findall(r"```sparql\n(.*?)```", (ROOT / "docs" / "sparql-examples.md").read_text(), re.S)
    answers = [sorted(map(str, store.query(query))) for query in examples]
    assert examples and any(answers)
    del store
    reader = GraphStore(tmp_path / "s", read_only=True)
    assert [sorted(map(str, reader.query(query))) for query in examples] == answers
    del reader

    again = build_graph([str(big_corpus)], GraphStore(tmp_path / "s"), IngestReport())
    assert again.unchanged == 240 and len(merges) == 1  # nothing loaded, nothing to merge


def test_two_processes_store_the_same_graph_and_a_rerun_extracts_nothing(tmp_path, big_corpus, monkeypatch):
    one, two = GraphStore(tmp_path / "one"), GraphStore(tmp_path / "two")
    assert build_graph([str(big_corpus)], one, IngestReport()).added == 240
    assert build_graph([str(big_corpus)], two, IngestReport(), processes=2).added == 240
    documents = lambda store: {q for q in store.quads() if not q.graph_name.value.endswith("/ontology")}  # noqa: E731
    assert documents(one) == documents(two) and len(documents(one)) > 240 * 20

    import kg.build

    def refuse(document):
        raise AssertionError(f"{document.id} extracted again")

    monkeypatch.setattr(kg.build, "extract_document", refuse)
    again = build_graph([str(big_corpus)], two, IngestReport(), processes=2)
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 240)


def test_workers_parse_the_records_and_the_report_keeps_the_input_order(tmp_path, monkeypatch):
    """With --jobs 2, the problems of files (found where the input is cut) and of records (found
    in the workers) are reported in input order, as one process reports them."""
    import kg.build

    (tmp_path / "in").mkdir()
    corpus = generated_corpus(tmp_path / "in" / "a.xml", 150)
    text = corpus.read_text()
    text = text.replace("</ArticleTitle>", "</ArticleTitl>", 1)  # a malformed record (and its copy below)
    text = text.replace('<PMID Version="1">30000042<', '<PMID Version="2">30000042<', 1)
    first = text.index("<PubmedArticle>")
    text = text.replace(
        "</PubmedArticleSet>",
        text[first : text.index("</PubmedArticle>", first)] + "</PubmedArticle>\n</PubmedArticleSet>",
    )
    corpus.write_text(text)
    (tmp_path / "in" / "b-notes.md").write_text("not a document")
    (tmp_path / "in" / "b.xml").write_text("<PubmedArticleSet><PubmedArticle><MedlineCitation>")  # truncated
    generated_corpus(tmp_path / "in" / "c.xml", 70)
    monkeypatch.setattr(kg.build, "BATCH", 64)  # several batches in flight
    inputs = [str(tmp_path / "in"), str(tmp_path / "missing")]
    read = IngestReport()
    list(read_documents(inputs, read))
    assert "skipped: 4" in read.summary() and "b-notes.md: not read" in read.summary()
    for jobs in (1, 2):
        report = IngestReport()
        build_graph(inputs, GraphStore(tmp_path / f"s{jobs}"), report, processes=jobs)
        assert report.summary() == read.summary(), jobs


def interrupted_bulk_load(path: Path) -> tuple[str, str]:
    """A store as a bulk load killed midway leaves it: one whole document, a second one partly
    written, and the journal naming both graphs (``GraphStore.load_new``)."""
    store = GraphStore(path)
    documents = [d for d in read_documents([str(DATA / "pubmed_mixed.xml")]) if d.version == 1]
    bodies = [document_ntriples(d, extract_document(d), EXTRACTOR_VERSION) for d in documents]
    names = [str(graph_iri(d.id)) for d in documents]
    (path / PENDING_NAME).write_text("".join(f"{name}\n" for name in names))
    store.store.load(input=bodies[0], format=RdfFormat.N_TRIPLES, to_graph=NamedNode(names[0]))
    half = "".join(bodies[1].splitlines(keepends=True)[:5])
    store.store.load(input=half, format=RdfFormat.N_TRIPLES, to_graph=NamedNode(names[1]))
    del store
    return documents[0].id, documents[1].id


@pytest.mark.parametrize("read_only", [False, True])
def test_an_interrupted_bulk_load_is_dropped_before_anything_reads_the_store(tmp_path, read_only):
    path = tmp_path / "s"
    whole, partial = interrupted_bulk_load(path)
    store = GraphStore(path, read_only=read_only)
    assert graph_size(store, whole) == graph_size(store, partial) == 0
    assert store.document_ids() == [] and not (path / PENDING_NAME).exists()
    del store
    store = GraphStore(path)
    assert build_graph([str(DATA / "pubmed_mixed.xml")], store, IngestReport()).added == 2  # a rerun finishes


def test_new_documents_go_in_by_bulk_load_and_a_bad_one_fails_alone(tmp_path, big_corpus, monkeypatch):
    store = GraphStore(tmp_path / "s")
    loads = []

    def load_new(graphs):
        loads.append(len(graphs))
        return GraphStore.load_new(store, graphs)

    monkeypatch.setattr(store, "load_new", load_new)
    documents = list(read_documents([str(big_corpus)]))
    writer = BatchWriter(store)
    graphs = [DocumentGraph.build(d, extract_document(d), EXTRACTOR_VERSION) for d in documents[:BULK_MIN]]
    graphs[3] = graphs[3]._replace(ntriples=graphs[3].ntriples.replace("<https://", "<not an iri ", 1))
    outcomes = [outcome for graph in graphs for _, outcome in writer.add(graph)]
    outcomes += [outcome for _, outcome in writer.flush()]
    assert loads == [BULK_MIN]  # tried as one bulk load, which the bad document failed as a whole
    assert isinstance(outcomes[3], StoreError) and outcomes[:3] + outcomes[4:] == ["added"] * (BULK_MIN - 1)
    assert len(store.document_ids()) == BULK_MIN - 1 and not (tmp_path / "s" / PENDING_NAME).exists()


def test_read_only_opens_share_a_store_that_no_writer_may_open_meanwhile(tmp_path):
    path = tmp_path / "s"
    writer = GraphStore(path)
    build_graph([str(DATA / "export.nbib")], writer, IngestReport())
    ids = writer.document_ids()
    with pytest.raises(StoreError, match="in use by a process writing it"):
        GraphStore(path, read_only=True)  # Oxigraph itself would allow it, with undefined results
    del writer

    first, second = GraphStore(path, read_only=True), GraphStore(path, read_only=True)
    assert first.document_ids() == second.document_ids() == ids
    with pytest.raises(StoreError, match="in use by another process"):
        GraphStore(path)
    with pytest.raises(StoreError, match="read-only"):
        first.remove(ids[0])
    del first, second
    assert GraphStore(path).remove(ids[0])  # the last reader gone, a writer may open it again


def test_values_derived_from_the_store_are_forgotten_on_every_write(tmp_path):
    store = GraphStore(tmp_path / "s")
    assert store.derived("documents", lambda s: len(s.document_ids())) == 0
    build_graph([str(DATA / "export.nbib")], store, IngestReport())
    assert store.derived("documents", lambda s: len(s.document_ids())) == len(store.document_ids()) > 0
    store.remove(store.document_ids()[0])
    assert store.derived("documents", lambda s: len(s.document_ids())) == len(store.document_ids())
