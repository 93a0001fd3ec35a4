from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data() -> Path:
    """The folder of the sources' test fixtures."""
    return DATA


@pytest.fixture(autouse=True)
def private_store(tmp_path, monkeypatch):
    """Every test writes to its own store, never the user's."""
    monkeypatch.setenv("PSMAKG_STORE", str(tmp_path / "store"))
    return tmp_path / "store"
