"""``maker``: model objects built without ``__init__`` are the objects ``__init__`` builds."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from schemagen.introspect.construct import maker
from schemagen.model import Column, ForeignKey, QualifiedName, Table


def test_made_objects_equal_constructed_ones_field_for_field():
    ref = QualifiedName("app", "r")
    fk = {"name": "t_r_fkey", "columns": ("r",), "ref_table": ref, "ref_columns": ("id",)}
    table = {"name": QualifiedName("app", "t"), "columns": (Column("r", "integer"),), "owner": "alice"}
    for cls, values in ((ForeignKey, fk), (Table, table)):
        made, built = maker(cls)(values), cls(**values)
        assert made == built
        assert list(vars(made).items()) == list(vars(built).items())  # every field (owner too), in order


def test_classes_needing_their_init_are_refused():
    @dataclass(frozen=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            assert self.n > 0

    @dataclass(frozen=True)
    class Listed:
        items: list = field(default_factory=list)

    for cls in (Checked, Listed):
        with pytest.raises(TypeError, match="needs its own __init__"):
            maker(cls)
