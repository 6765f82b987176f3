"""Objects declared on one partition: created after the partition, dropped with it or alone."""

from __future__ import annotations

from schemagen.builder import build_catalog
from schemagen.diff import diff_catalogs
from schemagen.model import Catalog
from schemagen.plan import plan_changes
from schemagen.render import render_plan
from schemagen.source import load_text

_PARENT = "schema: app\ntables:\n  t:\n    columns: {a: integer, b: text}\n    indexes: [[a]]\n"
_OLD = _PARENT + "    partition_by:\n      list: [a]\n      partitions:\n        t_1: {values: [1]}\n"
_NEW = _PARENT + (
    "    partition_by:\n      list: [a]\n      partitions:\n"
    "        t_1: {values: [1], indexes: [[b]], checks: {c1: b <> ''}}\n"
    "        t_2: {values: [2], indexes: [[b]], primary_key: [b]}\n"
)


def _catalog(text: str) -> Catalog:
    document, diagnostics = load_text(text, "schema/app.yaml")
    assert diagnostics == []
    catalog, diagnostics = build_catalog([document])
    assert diagnostics == []
    return catalog


def _sql(old: Catalog, new: Catalog) -> str:
    return render_plan(plan_changes(diff_catalogs(old, new)))


def test_a_partitions_own_index_comes_after_the_partition() -> None:
    sql = _sql(_catalog(_OLD), _catalog(_NEW))
    assert "ALTER TABLE app.t_1\n    ADD CONSTRAINT c1 CHECK (b <> '');" in sql
    assert "CONSTRAINT t_2_pkey PRIMARY KEY (b)" in sql
    assert sql.index("CREATE TABLE app.t_2 PARTITION OF app.t") < sql.index(
        "CREATE INDEX t_2_b_idx ON app.t_2"
    )
    assert "CREATE INDEX t_1_b_idx ON app.t_1" in sql
    assert "t_1_a_idx" not in sql and "t_2_a_idx" not in sql  # the parent's index: PostgreSQL's to copy


def test_a_partitions_own_objects_are_dropped_alone() -> None:
    sql = _sql(_catalog(_NEW), _catalog(_OLD))
    assert "DROP INDEX app.t_1_b_idx;" in sql and "ALTER TABLE app.t_1 DROP CONSTRAINT c1;" in sql
    assert "DROP TABLE app.t_2;" in sql and "t_2_b_idx" not in sql
    same = _sql(_catalog(_NEW), _catalog(_NEW))
    assert not any(word in same for word in ("CREATE", "ALTER", "DROP"))


_OWN_NOT_NULL = _PARENT + (
    "    partition_by:\n      list: [a]\n      partitions:\n        t_1: {values: [1], not_null: [b]}\n"
)


def test_a_partitions_own_not_null_is_set_after_it_is_created() -> None:
    catalog = _catalog(_OWN_NOT_NULL)
    child = next(t for t in catalog.tables.values() if t.name.name == "t_1")
    assert child.column("b").not_null and not catalog.tables[child.partition_of.parent].column("b").not_null
    sql = _sql(Catalog(), catalog)
    create = sql.index("CREATE TABLE app.t_1 PARTITION OF app.t")
    assert sql.index("ALTER TABLE app.t_1\n    ALTER COLUMN b SET NOT NULL;") > create
    assert "SET NOT NULL" not in _sql(catalog, _catalog(_OWN_NOT_NULL))


def test_a_partitions_not_null_names_its_parents_columns() -> None:
    document, diagnostics = load_text(
        _OWN_NOT_NULL.replace("not_null: [b]", "not_null: [c]"), "schema/app.yaml"
    )
    assert diagnostics == []
    _, diagnostics = build_catalog([document])
    assert [(d.code, d.span.line if d.span else None) for d in diagnostics] == [("C309", 9)]
    assert "unknown column(s) c" in diagnostics[0].message
