"""One converter between CURIEs (used inside psma-kg) and full IRIs (used at the RDF edge)."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import URIRef

#: External identifier schemes; the ontology's own prefixes are added from psma.ttl.
EXTERNAL_PREFIXES: dict[str, str] = {
    "pmid": "https://pubmed.ncbi.nlm.nih.gov/",
    "pmc": "https://www.ncbi.nlm.nih.gov/pmc/articles/",
    "doi": "https://doi.org/",
    "nct": "https://clinicaltrials.gov/study/",
    "actrn": "https://www.anzctr.org.au/TrialSearch.aspx?searchTxt=",
    "eudract": "https://www.clinicaltrialsregister.eu/ctr-search/search?query=",
    "ncit": "http://purl.obolibrary.org/obo/NCIT_",
    "chebi": "http://purl.obolibrary.org/obo/CHEBI_",
    "mesh": "http://id.nlm.nih.gov/mesh/",
    "hgnc": "https://identifiers.org/hgnc:",
    "uniprot": "http://purl.uniprot.org/uniprot/",
    "ncbigene": "https://www.ncbi.nlm.nih.gov/gene/",
    "drugbank": "https://go.drugbank.com/drugs/",
    "unii": "https://precision.fda.gov/uniisearch/srs/unii/",
}


class Converter:
    """Expand CURIEs to IRIs and compress IRIs to CURIEs with one prefix map.

    >>> c = Converter({"pmid": "https://pubmed.ncbi.nlm.nih.gov/"})
    >>> c.expand("pmid:34161051")
    rdflib.term.URIRef('https://pubmed.ncbi.nlm.nih.gov/34161051')
    >>> c.compress("https://pubmed.ncbi.nlm.nih.gov/34161051")
    'pmid:34161051'
    """

    def __init__(self, prefixes: Mapping[str, str]):
        self.prefixes = dict(prefixes)
        # Longest namespace first, so that nested namespaces compress to the most specific prefix.
        self._by_namespace = sorted(self.prefixes.items(), key=lambda kv: len(kv[1]), reverse=True)

    def expand(self, curie: str, *, strict: bool = True) -> URIRef | None:
        """The IRI of a CURIE; an unknown prefix raises ValueError unless strict is False."""
        prefix, sep, local = curie.partition(":")
        if sep and prefix in self.prefixes:
            return URIRef(self.prefixes[prefix] + local)
        if strict:
            raise ValueError(f"unknown CURIE prefix in {curie!r}")
        return None

    def compress(self, iri: str, *, strict: bool = False) -> str | None:
        """The CURIE of an IRI, or the IRI itself when no prefix matches (None if strict fails)."""
        for prefix, namespace in self._by_namespace:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        if strict:
            raise ValueError(f"no prefix for IRI {iri!r}")
        return str(iri)
