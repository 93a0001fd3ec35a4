"""How the pipeline is built: the garbage collector is left as the caller had it."""

import gc

import pytest

from ingest.extraction.pipeline import _collector_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_while_building_and_left_as_it_was(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with _collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
