"""Frozen model objects built from many catalog rows without their generated ``__init__``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING, fields
from typing import Any, TypeVar

T = TypeVar("T")


def maker(cls: type[T]) -> Callable[[Mapping[str, Any]], T]:
    """A constructor of ``cls`` from field values by name, every other field at its default.

    ``make(values)`` is the object ``cls(**values)`` is (its fields in declaration order),
    built the way pickle restores one: a frozen dataclass's ``__init__`` matches each keyword
    and sets each field through ``object.__setattr__``, several times slower for a table's
    two dozen fields. ``values`` must hold every field without a default and nothing else.

    >>> from schemagen.model import QualifiedName
    >>> maker(QualifiedName)({"schema": "app", "name": "t"}) == QualifiedName("app", "t")
    True
    """
    if hasattr(cls, "__post_init__") or any(f.default_factory is not MISSING for f in fields(cls)):
        raise TypeError(f"{cls.__name__} needs its own __init__")
    defaults = {f.name: f.default for f in fields(cls)}  # MISSING where values must give one
    new = object.__new__

    def make(values: Mapping[str, Any]) -> T:
        obj = new(cls)
        state = obj.__dict__
        state.update(defaults)
        state.update(values)
        return obj

    return make
