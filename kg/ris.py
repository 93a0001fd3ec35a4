"""RIS citations of the publications behind a view, for reference managers and systematic-review tools.

One record per publication: ``TY JOUR``, ``ID`` (the document id), ``TI``, ``AU`` (when known), ``T2``
and ``JO`` (journal), ``PY``, ``DO``, ``AN`` (the PMID, real PMIDs only), ``UR`` (PubMed, else doi.org),
``AB`` (when known), ``ER``. Lines end in CRLF, as the RIS specification asks. The store keeps no
author list or abstract yet, so records read from it have neither.

>>> text = ris([Citation(id="pmid:34161051", title="Lutetium-177-PSMA-617 for mCRPC", journal="N Engl J Med",
...                      year="2021", doi="10.1056/NEJMoa2107322", pmid="34161051")])
>>> print(text.replace("\\r\\n", "\\n").rstrip())
TY  - JOUR
ID  - pmid:34161051
TI  - Lutetium-177-PSMA-617 for mCRPC
T2  - N Engl J Med
JO  - N Engl J Med
PY  - 2021
DO  - 10.1056/NEJMoa2107322
AN  - 34161051
DB  - PubMed
UR  - https://pubmed.ncbi.nlm.nih.gov/34161051/
ER  -
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Literal

from kg.store import GraphStore
from kg.vocab import PSMA

MEDIA_TYPE = "application/x-research-info-systems"

_DCT = "http://purl.org/dc/terms/"
_BIBO_DOI = "http://purl.org/ontology/bibo/doi"


@dataclass(frozen=True)
class Citation:
    """What a reference manager needs to know of one publication."""

    id: str
    title: str
    journal: str = ""
    year: str = ""
    doi: str = ""
    pmid: str = ""
    authors: tuple[str, ...] = ()
    abstract: str = ""

    @property
    def url(self) -> str:
        """PubMed for a real PMID, else the DOI resolver, else nothing."""
        if self.pmid.isdigit():
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return f"https://doi.org/{self.doi}" if self.doi else ""


def _line(tag: str, value: str) -> str:
    # A value is one line: a newline inside it would start a new tag for the reader.
    return f"{tag}  - {' '.join(value.split())}"


def ris_record(citation: Citation) -> str:
    """One RIS record, ``TY`` to ``ER``, with CRLF line ends."""
    lines = [_line("TY", "JOUR"), _line("ID", citation.id), _line("TI", citation.title)]
    lines += [_line("AU", author) for author in citation.authors]
    if citation.journal:
        lines += [_line("T2", citation.journal), _line("JO", citation.journal)]
    if citation.year:
        lines.append(_line("PY", citation.year))
    if citation.doi:
        lines.append(_line("DO", citation.doi))
    if citation.pmid.isdigit():
        lines += [_line("AN", citation.pmid), _line("DB", "PubMed")]
    if citation.url:
        lines.append(_line("UR", citation.url))
    if citation.abstract:
        lines.append(_line("AB", citation.abstract))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def ris(citations: Iterable[Citation]) -> str:
    """RIS records for ``citations``, separated by blank lines."""
    return "\r\n".join(ris_record(citation) for citation in citations)


def citations(store: GraphStore, ids: Iterable[str]) -> list[Citation]:
    """The citations of the publications with these document ids (pmid:..., demo:...), in that order.

    Ids with no publication in the store are left out; compare lengths to find them.
    """
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    values = " ".join(Literal(i).n3() for i in wanted)  # escaped as SPARQL wants (quotes, line breaks, ...)
    query = f"""SELECT ?id ?title ?journal ?year ?doi ?pmid WHERE {{
        VALUES ?id {{ {values} }}
        ?p a <{PSMA.Publication}> ; <{_DCT}identifier> ?id .
        OPTIONAL {{ ?p <{_DCT}title> ?title }} OPTIONAL {{ ?p <{PSMA.journal}> ?journal }}
        OPTIONAL {{ ?p <{PSMA.year}> ?year }} OPTIONAL {{ ?p <{_BIBO_DOI}> ?doi }}
        OPTIONAL {{ ?p <{PSMA.pmid}> ?pmid }} }}"""
    found = {}
    for row in store.query(query):
        fields = {name: (row[name].value if row[name] is not None else "") for name in
                  ("id", "title", "journal", "year", "doi", "pmid")}  # fmt: skip
        found.setdefault(fields["id"], Citation(**fields))
    return [found[i] for i in wanted if i in found]
