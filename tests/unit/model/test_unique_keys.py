"""One answer to "the unique keys of a table" (was written in five places)."""

from schemagen.model import Catalog, Index, IndexElement, UniqueConstraint
from schemagen.model.unique_keys import UniqueKey, plain_keys, unique_keys
from tests.unit.checks.builders import col, qn, table


def test_primary_key_unique_constraints_then_unique_indexes() -> None:
    t = table(
        "t",
        col("id", "integer"),
        col("code", "text"),
        pk=("id",),
        uniques=(UniqueConstraint("t_code_key", ("code",), deferrable=True),),
    )
    plain = Index(
        qn("t_a_idx"), qn("t"), (IndexElement(column="code"), IndexElement(column="id")), unique=True
    )
    partial = Index(qn("t_b_idx"), qn("t"), (IndexElement(column="code"),), unique=True, where="id > 0")
    expression = Index(qn("t_c_idx"), qn("t"), (IndexElement(expression="lower(code)"),), unique=True)
    not_unique = Index(qn("t_d_idx"), qn("t"), (IndexElement(column="code"),))
    catalog = Catalog.of(tables=[t], indexes=[expression, partial, plain, not_unique])
    keys = unique_keys(catalog, t)
    assert [(k.kind, k.name, k.columns) for k in keys] == [
        ("PRIMARY KEY", "t_pkey", ("id",)),
        ("UNIQUE", "t_code_key", ("code",)),
        ("unique index", "s.t_a_idx", ("code", "id")),
        ("unique index", "s.t_b_idx", ("code",)),
        ("unique index", "s.t_c_idx", ("(lower(code))",)),
    ]
    assert [k.deferrable for k in keys] == [False, True, False, False, False]
    assert plain_keys(catalog, t) == [("id",), ("code",), ("code", "id")]
    assert UniqueKey("unique index", "i", ("a",), partial=True).plain is False
