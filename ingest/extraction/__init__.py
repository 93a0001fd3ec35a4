"""Extraction: spaCy components built from the ontology that turn Documents into Extractions."""
