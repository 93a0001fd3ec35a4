"""Read-only Cypher over the Neo4j mirror, with a time limit and a row limit.

Three guards, in the order a query meets them: :func:`refuse_writes` names the write clause of
a query before anything is sent (a clear message, not a guarantee); the session runs in
Neo4j's READ access mode, so the server itself refuses any write that got past the check; and
the transaction carries a timeout, so the server terminates a runaway query. Rows are read
until the row limit and the rest is discarded, never fetched.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from typing import Any

from kg.errors import PsmaKgError, StoreError

_COMMENTS_AND_STRINGS = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:\\.|[^'\\])*'|\"(?:\\.|[^\"\\])*\"|`[^`]*`", re.S)
_ALIAS = re.compile(r"\bAS\s+\w+", re.I)
# A keyword counts when it is a clause: not a property (n.set), a label (:Set), a parameter ($delete) or a map key.
_WRITE_CLAUSE = re.compile(
    r"(?<![\w.$:])(CREATE|MERGE|DELETE|SET|REMOVE|DROP|FOREACH|LOAD\s+CSV|ALTER|RENAME|GRANT|DENY|REVOKE"
    r"|TERMINATE|IN\s+TRANSACTIONS|(?:START|STOP)\s+DATABASE)(?![\w:])",
    re.I,
)
_WRITE_PROCEDURE = re.compile(
    r"(?<![\w.])CALL\s+((?:dbms|apoc|gds)\.[\w.]*|db\.(?:create|clear|index\.fulltext\.(?:create|drop))[\w.]*)",
    re.I,
)


class CypherWriteError(PsmaKgError, ValueError):
    """A Cypher query that would write, refused before it is sent."""


class CypherTimeoutError(StoreError):
    """Neo4j terminated the query at the time limit."""


@dataclass(frozen=True)
class CypherResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


def refuse_writes(query: str) -> None:
    """Raise :class:`CypherWriteError` naming the first write clause or write procedure of ``query``.

    >>> refuse_writes("MATCH (n:Agent) WHERE n.label = 'CREATE me' RETURN n.set AS set")
    >>> refuse_writes("MATCH (n) DETACH DELETE n")
    Traceback (most recent call last):
    ...
    kg.neo4j_query.CypherWriteError: DELETE writes to the graph; this endpoint is read-only
    >>> refuse_writes("CALL dbms.setConfigValue('x', 'y')")
    Traceback (most recent call last):
    ...
    kg.neo4j_query.CypherWriteError: CALL dbms.setConfigValue may write or administer; this endpoint is read-only
    """
    bare = _ALIAS.sub(" ", _COMMENTS_AND_STRINGS.sub(" ", query))
    clause = _WRITE_CLAUSE.search(bare)
    if clause:
        name = " ".join(clause.group(1).upper().split())
        raise CypherWriteError(f"{name} writes to the graph; this endpoint is read-only")
    procedure = _WRITE_PROCEDURE.search(bare)
    if procedure:
        raise CypherWriteError(f"CALL {procedure.group(1)} may write or administer; this endpoint is read-only")


def read_query(
    driver,
    query: str,
    parameters: dict[str, Any] | None = None,
    *,
    timeout_s: float,
    max_rows: int,
    database: str | None = None,
) -> CypherResult:
    """Run ``query`` in a READ session with a transaction timeout; keep at most ``max_rows`` rows.

    Raises :class:`CypherWriteError` for a write, :class:`CypherTimeoutError` at the time limit,
    and the driver's own errors (syntax, connection) otherwise.
    """
    import neo4j
    from neo4j.exceptions import ClientError

    refuse_writes(query)
    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
            result = session.run(neo4j.Query(query, timeout=timeout_s), parameters or {})
            columns = list(result.keys())
            rows = []
            for record in result:
                rows.append([to_json(value) for value in record.values()])
                if len(rows) == max_rows:
                    break
            truncated = len(rows) == max_rows and result.peek() is not None
    except ClientError as exc:
        if "TransactionTimedOut" in (exc.code or ""):
            raise CypherTimeoutError(f"the Cypher query ran longer than {timeout_s:g} s and was stopped") from exc
        if exc.code == "Neo.ClientError.Statement.AccessMode":
            raise CypherWriteError("the query tried to write; this endpoint is read-only") from exc
        raise
    return CypherResult(columns=columns, rows=rows, truncated=truncated)


def to_json(value: Any) -> Any:
    """A Cypher value as JSON: nodes and relationships with their labels or type and properties.

    >>> to_json({"when": __import__("datetime").date(2021, 6, 23), "hr": [0.62, None]})
    {'when': '2021-06-23', 'hr': [0.62, None]}
    """
    from neo4j.graph import Node, Path, Relationship

    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Node):
        return {"id": value.element_id, "labels": sorted(value.labels), "properties": to_json(dict(value))}
    if isinstance(value, Relationship):
        return {
            "id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "properties": to_json(dict(value)),
        }
    if isinstance(value, Path):
        return {"nodes": [to_json(n) for n in value.nodes], "relationships": [to_json(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    if hasattr(value, "iso_format"):  # neo4j.time values
        return value.iso_format()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)  # points and durations read well as text
