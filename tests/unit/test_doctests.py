"""The examples in docstrings are tests: every module's doctests run and pass."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import schemagen


def _modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(schemagen.__path__, prefix="schemagen.")
        if not info.name.endswith("__main__")
    )


def _with_examples(names: list[str]) -> list[str]:
    finder = doctest.DocTestFinder()
    return [
        name for name in names if any(test.examples for test in finder.find(importlib.import_module(name)))
    ]


MODULES_WITH_EXAMPLES = _with_examples(_modules())


def test_doctests_are_found() -> None:
    assert len(MODULES_WITH_EXAMPLES) >= 5


@pytest.mark.parametrize("name", MODULES_WITH_EXAMPLES)
def test_doctests_pass(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} doctests failed in {name}"
