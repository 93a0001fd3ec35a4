"""Python names of ontology terms: derived from psma.ttl, and a typo fails."""

import ast
from pathlib import Path

import pytest

from kg.vocab import PSMA

PACKAGES = [Path(__file__).resolve().parents[2] / name for name in ("kg", "ingest", "api")]


def test_declared_terms_resolve_to_iris():
    assert str(PSMA.Agent) == "https://w3id.org/psma-kg/ontology#Agent"
    assert PSMA["hasRadionuclide"] == PSMA.hasRadionuclide
    assert "Measurement" in PSMA


def test_a_typo_fails_loudly():
    with pytest.raises(AttributeError, match="psma:Agnet is not declared"):
        _ = PSMA.Agnet


def _used_terms() -> set[tuple[str, int, str]]:
    used = set()
    for package in PACKAGES:
        for path in package.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "PSMA"
                    and node.attr not in {"term", "terms", "namespace"}
                ):
                    used.add((str(path), node.lineno, node.attr))
                if (
                    isinstance(node, ast.Subscript)
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "PSMA"
                    and isinstance(node.slice, ast.Constant)
                ):
                    used.add((str(path), node.lineno, node.slice.value))
    return used


def test_every_term_used_in_the_code_exists_in_the_ontology():
    used = _used_terms()
    assert len(used) > 10  # the scan does see the code
    missing = [f"{path}:{line}: psma:{name}" for path, line, name in sorted(used) if name not in PSMA]
    assert missing == []
