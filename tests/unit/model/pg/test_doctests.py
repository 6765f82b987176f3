"""The examples in the docstrings of model/pg are true."""

import doctest
import importlib
import pkgutil

import pytest

import schemagen.model.pg as facts

MODULES = sorted(m.name for m in pkgutil.iter_modules(facts.__path__, facts.__name__ + "."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
