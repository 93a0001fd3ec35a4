"""SPARQL 1.1 query results in JSON, XML, CSV and TSV, written from rows already read.

The endpoint reads rows one at a time to enforce its result-size limit, so it writes the
standard result formats itself instead of handing the (consumed) iterator to Oxigraph.
"""

from __future__ import annotations

import csv
import io
import json
import time
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
#: Term kinds by class name; anything else is a literal.
_KINDS = {"NamedNode": "uri", "BlankNode": "bnode"}

# The writers read a row's terms by position (the order of the variables): pyoxigraph looks a term up
# by name about ten times slower, which was most of the time spent writing an answer.


def _json_term(term) -> dict:
    kind = _KINDS.get(type(term).__name__)
    if kind is not None:
        return {"type": kind, "value": term.value}
    if term.language:
        return {"type": "literal", "value": term.value, "xml:lang": term.language}
    datatype = term.datatype.value
    if datatype == _XSD_STRING:
        return {"type": "literal", "value": term.value}
    return {"type": "literal", "value": term.value, "datatype": datatype}


def to_json(variables: list[str], rows: list) -> str:
    positions = list(enumerate(variables))
    bindings = [{v: _json_term(row[i]) for i, v in positions if row[i] is not None} for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}})


def boolean_json(value: bool) -> str:
    return json.dumps({"head": {}, "boolean": value})


def to_xml(variables: list[str], rows: list) -> str:
    names = [quoteattr(v) for v in variables]
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"<variable name={name}/>" for name in names]
    out += ["</head>", "<results>"]
    for row in rows:
        out.append("<result>")
        for i, name in enumerate(names):
            term = row[i]
            if term is None:
                continue
            kind = _KINDS.get(type(term).__name__)
            if kind is None:
                if term.language:
                    attrs = f" xml:lang={quoteattr(term.language)}"
                elif term.datatype.value == _XSD_STRING:
                    attrs = ""
                else:
                    attrs = f" datatype={quoteattr(term.datatype.value)}"
                value = f"<literal{attrs}>{escape(term.value)}</literal>"
            else:
                value = f"<{kind}>{escape(term.value)}</{kind}>"
            out.append(f"<binding name={name}>{value}</binding>")
        out.append("</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out)


def boolean_xml(value: bool) -> str:
    return (
        '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
        f"<boolean>{'true' if value else 'false'}</boolean></sparql>"
    )


def to_csv(variables: list[str], rows: list) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    positions = range(len(variables))
    for row in rows:
        writer.writerow(["" if row[i] is None else row[i].value for i in positions])
    return buffer.getvalue()


def to_tsv(variables: list[str], rows: list) -> str:
    lines = ["\t".join("?" + v for v in variables)]
    positions = range(len(variables))
    for row in rows:
        lines.append("\t".join("" if row[i] is None else str(row[i]) for i in positions))
    return "\n".join(lines) + "\n"


SELECT_WRITERS = {
    "application/sparql-results+json": to_json,
    "application/sparql-results+xml": to_xml,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
}
BOOLEAN_WRITERS = {
    "application/sparql-results+json": boolean_json,
    "application/sparql-results+xml": boolean_xml,
    "text/csv": lambda value: f"_askResult\r\n{'true' if value else 'false'}\r\n",
    "text/tab-separated-values": lambda value: f"?_askResult\n{'true' if value else 'false'}\n",
}

GRAPH_TYPES = {"text/turtle": "TURTLE", "application/n-triples": "N_TRIPLES", "application/ld+json": "JSON_LD",
               "application/rdf+xml": "RDF_XML"}  # fmt: skip


class TooManyResults(Exception):
    """The query answered more rows or triples than the endpoint's limit."""


def negotiate(accept: str, types: dict, default: str) -> str:
    """The first media type of the Accept header that ``types`` knows, else ``default``."""
    for part in accept.split(","):
        media = part.split(";")[0].strip()
        if media in types:
            return media
    return default


def answer(results, accept: str, max_rows: int, deadline: float | None = None) -> tuple[str, bytes]:
    """Read ``results`` of pyoxigraph (at most ``max_rows``) and write them in the media type ``accept`` prefers.

    Raises :class:`TooManyResults` past ``max_rows`` and :class:`TimeoutError` past ``deadline``
    (a ``time.monotonic()`` value, checked between rows).
    """

    def check(count: int) -> None:
        if count > max_rows:
            raise TooManyResults(f"more than {max_rows} results; add a LIMIT")
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError

    if isinstance(results, pyoxigraph.QueryBoolean):
        media = negotiate(accept, SELECT_WRITERS, "application/sparql-results+json")
        return media, BOOLEAN_WRITERS[media](bool(results)).encode()
    if isinstance(results, pyoxigraph.QuerySolutions):
        media = negotiate(accept, SELECT_WRITERS, "application/sparql-results+json")
        variables = [v.value for v in results.variables]
        rows = []
        for row in results:
            rows.append(row)
            check(len(rows))
        return media, SELECT_WRITERS[media](variables, rows).encode()
    media = negotiate(accept, GRAPH_TYPES, "text/turtle")
    triples = []
    for triple in results:
        triples.append(triple)
        check(len(triples))
    return media, pyoxigraph.serialize(triples, format=getattr(pyoxigraph.RdfFormat, GRAPH_TYPES[media]))
