"""SPARQL 1.1 query results in JSON, XML, CSV and TSV, written from rows already read.

The endpoint reads rows one at a time to enforce its time and size limits, so it writes the
standard result formats itself instead of handing the (consumed) iterator to Oxigraph.
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _kind(term) -> str:
    name = type(term).__name__
    return {"NamedNode": "uri", "BlankNode": "bnode", "Literal": "literal"}.get(name, "literal")


def _json_term(term) -> dict:
    kind = _kind(term)
    out = {"type": kind, "value": term.value}
    if kind == "literal":
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
    return out


def to_json(variables: list[str], rows: list) -> str:
    bindings = [{v: _json_term(row[v]) for v in variables if row[v] is not None} for row in rows]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}})


def boolean_json(value: bool) -> str:
    return json.dumps({"head": {}, "boolean": value})


def to_xml(variables: list[str], rows: list) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out += ["</head>", "<results>"]
    for row in rows:
        out.append("<result>")
        for v in variables:
            term = row[v]
            if term is None:
                continue
            kind = _kind(term)
            if kind == "literal":
                if term.language:
                    attrs = f" xml:lang={quoteattr(term.language)}"
                elif term.datatype.value == _XSD_STRING:
                    attrs = ""
                else:
                    attrs = f" datatype={quoteattr(term.datatype.value)}"
                value = f"<literal{attrs}>{escape(term.value)}</literal>"
            else:
                value = f"<{kind}>{escape(term.value)}</{kind}>"
            out.append(f"<binding name={quoteattr(v)}>{value}</binding>")
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
    for row in rows:
        writer.writerow(["" if row[v] is None else row[v].value for v in variables])
    return buffer.getvalue()


def to_tsv(variables: list[str], rows: list) -> str:
    lines = ["\t".join("?" + v for v in variables)]
    for row in rows:
        lines.append("\t".join("" if row[v] is None else str(row[v]) for v in variables))
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
