"""psma-kg's HTTP API (FastAPI): routes over the graph store. Built in a later increment."""
