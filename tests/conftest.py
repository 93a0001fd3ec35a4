"""Fixtures shared by every test folder."""

import os
import shutil

import pytest


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """A real Neo4j Community server (kg.neo4j_server) for the whole session; ``.uri`` is its Bolt URI.

    Authentication is off: connect with ``GraphDatabase.driver(neo4j_server.uri, auth=None)``. The
    database is shared by every test that uses it, so a test cleans up what it writes or uses labels of
    its own. Skipped only where Java or Maven is missing; a launcher that does not build fails the test.
    """
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        message = f"the Neo4j server needs {' and '.join(missing)} on the PATH"
        if os.environ.get("CI"):
            pytest.fail(message + " (a Neo4j test skipped in CI is a failure)")
        pytest.skip(message)
    from kg.neo4j_server import Neo4jServer

    server = Neo4jServer(tmp_path_factory.mktemp("neo4j-server"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def private_store(tmp_path, monkeypatch):
    """Every test writes to its own store, never the user's."""
    monkeypatch.setenv("PSMAKG_STORE", str(tmp_path / "store"))
    return tmp_path / "store"
