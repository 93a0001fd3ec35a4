import pytest


@pytest.fixture(autouse=True)
def private_store(tmp_path, monkeypatch):
    """Every test writes to its own store, never the user's."""
    monkeypatch.setenv("PSMAKG_STORE", str(tmp_path / "store"))
    return tmp_path / "store"
