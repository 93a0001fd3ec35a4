"""psma-kg's knowledge-graph layer: ontology, lexicon, validation (and, later, store and views).

Public API::

    from kg import load_ontology, default_lexicon, normalize_label, validate_graph, PSMA
"""

__version__ = "0.2.0"

from kg.errors import ExtractionError, OntologyError, ParseError, PsmaKgError, StoreError, ValidationError
from kg.lexicon import Lexicon, LexiconEntry, build_lexicon, default_lexicon, normalize_label
from kg.model import Agent, Endpoint, Entity, Ligand, Radionuclide, Trial
from kg.ontology import Ontology, load_ontology
from kg.vocab import PSMA

__all__ = [
    "PSMA",
    "Agent",
    "Endpoint",
    "Entity",
    "ExtractionError",
    "Lexicon",
    "LexiconEntry",
    "Ligand",
    "Ontology",
    "OntologyError",
    "ParseError",
    "PsmaKgError",
    "Radionuclide",
    "StoreError",
    "Trial",
    "ValidationError",
    "__version__",
    "build_lexicon",
    "default_lexicon",
    "load_ontology",
    "normalize_label",
]
