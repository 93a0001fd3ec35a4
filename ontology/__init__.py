"""The psma-kg ontology files, shipped as package data."""

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_TTL = ONTOLOGY_DIR / "psma.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"

__all__ = ["ONTOLOGY_DIR", "ONTOLOGY_TTL", "SHAPES_TTL"]
