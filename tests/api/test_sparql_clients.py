"""Real SPARQL clients against the real server: SPARQLWrapper and rdflib's SPARQLStore speak the protocol with us."""

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

PREFIXES = "PREFIX psma: <https://w3id.org/psma-kg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
ALPHA_AGENTS = PREFIXES + (
    "SELECT ?label WHERE { ?a psma:hasRadionuclide/psma:emissionType psma:Alpha ; skos:prefLabel ?label } "
    "ORDER BY ?label"
)
VISION = "https://w3id.org/psma-kg/trial/VISION"


@pytest.fixture
def wrapper(server):
    return SPARQLWrapper(f"{server}/sparql")


def test_sparqlwrapper_select_in_json_and_xml(wrapper):
    wrapper.setQuery(ALPHA_AGENTS)
    wrapper.setReturnFormat(JSON)
    as_json = [b["label"]["value"] for b in wrapper.queryAndConvert()["results"]["bindings"]]
    assert "225Ac-PSMA-617" in as_json
    wrapper.setReturnFormat(XML)
    document = wrapper.queryAndConvert()  # an xml.dom.minidom document
    as_xml = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert as_xml == as_json


def test_sparqlwrapper_ask_construct_and_post(wrapper):
    wrapper.setQuery(PREFIXES + "ASK { ?t skos:prefLabel 'VISION' }")
    wrapper.setReturnFormat(JSON)
    assert wrapper.queryAndConvert()["boolean"] is True
    wrapper.setQuery(PREFIXES + "ASK { ?t skos:prefLabel 'NO SUCH TRIAL' }")
    assert wrapper.queryAndConvert()["boolean"] is False
    wrapper.setQuery(f"CONSTRUCT {{ <{VISION}> ?p ?o }} WHERE {{ <{VISION}> ?p ?o }}")
    wrapper.setReturnFormat(TURTLE)
    graph = Graph().parse(data=wrapper.queryAndConvert(), format="turtle")
    assert (URIRef(VISION), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("VISION")) in graph
    wrapper.setReturnFormat(XML)  # SPARQLWrapper asks RDF/XML for a graph and parses it itself
    wrapper.setMethod(POST)
    assert set(wrapper.queryAndConvert()) == set(graph)


def test_sparqlwrapper_update_is_refused(wrapper, server):
    wrapper.setMethod(POST)
    wrapper.setQuery(f"INSERT DATA {{ <{VISION}> <urn:p> 'x' }}")
    with pytest.raises(QueryBadFormed, match="read-only"):
        wrapper.query()
    wrapper.setQuery(f"DELETE WHERE {{ <{VISION}> ?p ?o }}")
    with pytest.raises(QueryBadFormed, match="read-only"):
        wrapper.query()
    ask = SPARQLWrapper(f"{server}/sparql")
    ask.setQuery(f"ASK {{ <{VISION}> ?p ?o }}")
    ask.setReturnFormat(JSON)
    assert ask.queryAndConvert()["boolean"] is True


def test_rdflib_sparqlstore_select_ask_construct(server):
    graph = Graph(store=SPARQLStore(f"{server}/sparql"))
    labels = [str(row.label) for row in graph.query(ALPHA_AGENTS)]
    assert "225Ac-PSMA-617" in labels
    assert graph.query(PREFIXES + "ASK { ?t skos:prefLabel 'VISION' }").askAnswer is True
    about = graph.query(f"CONSTRUCT {{ <{VISION}> ?p ?o }} WHERE {{ <{VISION}> ?p ?o }}").graph
    assert (URIRef(VISION), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), Literal("VISION")) in about
    assert (URIRef(VISION), None, None) in graph  # triple patterns go through the endpoint too


def test_rdflib_update_store_is_refused(server):
    store = SPARQLUpdateStore(f"{server}/sparql", f"{server}/sparql")
    with pytest.raises(Exception, match="400"):
        store.update(f"INSERT DATA {{ <{VISION}> <urn:p> 'x' }}")
    graph = Graph(store=SPARQLStore(f"{server}/sparql"))
    assert (URIRef(VISION), URIRef("urn:p"), None) not in graph
