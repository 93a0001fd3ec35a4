"""Fixtures of the API tests (the demo store, its server and running_server are in tests/conftest.py)."""

import httpx
import pytest


@pytest.fixture
def http(server):
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client
