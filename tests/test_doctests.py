"""The examples in the docstrings of the product's modules hold as written (run with doctest)."""

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import api
import ingest
import kg


def _modules_with_examples() -> list[str]:
    names = []
    for package in (ingest, kg, api):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            spec = importlib.util.find_spec(module.name)
            if spec and spec.origin and ">>> " in Path(spec.origin).read_text(encoding="utf-8"):
                names.append(module.name)
    return sorted(names)


@pytest.mark.parametrize("name", _modules_with_examples())
def test_the_docstring_examples_of_a_module_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
