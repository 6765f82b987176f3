"""``external: {schemas}``: references into another team's schema build; inspect writes the list."""

from __future__ import annotations

from pathlib import Path

from schemagen.api import compile_project
from schemagen.emit.external import external_schemas
from schemagen.emit.project import emit_project

APP = """\
schema: app
{external}tables:
  orders:
    columns:
      id: bigint primary key
      account_id: {{type: bigint, references: billing.accounts(id)}}
      cur: billing.currency
views:
  balances:
    query: SELECT o.id, billing.balance(o.account_id) AS balance FROM app.orders AS o
"""


def _project(tmp_path: Path, external: str, *extra: tuple[str, str]) -> Path:
    (tmp_path / "schema").mkdir(parents=True, exist_ok=True)
    (tmp_path / "schema" / "app.yaml").write_text(APP.format(external=external), encoding="utf-8")
    for name, text in extra:
        (tmp_path / "schema" / name).write_text(text, encoding="utf-8")
    return tmp_path


def _errors(result) -> list[str]:
    return [d.code for d in result.diagnostics if d.severity.name == "ERROR"]


def test_references_into_an_undeclared_schema_are_errors_without_external(tmp_path):
    result = compile_project(_project(tmp_path, ""))
    assert {"C301", "C303"} <= set(_errors(result))


def test_an_external_schema_makes_them_build(tmp_path):
    result = compile_project(_project(tmp_path, "external: {schemas: [billing]}\n"))
    assert _errors(result) == [], [d.format() for d in result.diagnostics]
    assert "REFERENCES billing.accounts (id)" in result.files["schema.sql"]
    assert "CREATE SCHEMA billing" not in result.files["schema.sql"]


def test_a_schema_both_declared_and_external_is_refused(tmp_path):
    billing = "schema: billing\ntables:\n  accounts:\n    columns: {id: bigint primary key}\n"
    result = compile_project(
        _project(tmp_path, "external: {schemas: [billing]}\n", ("billing.yaml", billing))
    )
    [diagnostic] = [d for d in result.diagnostics if d.code == "L113"]
    assert diagnostic.span.file == "schema/app.yaml" and diagnostic.span.line == 2
    assert "schema billing is declared external" in diagnostic.message
    assert not result.files


def test_external_is_written_for_what_the_catalog_uses_and_does_not_hold(tmp_path):
    catalog = compile_project(_project(tmp_path, "external: {schemas: [billing]}\n")).catalog
    assert external_schemas(catalog) == ["billing"]
    text = emit_project(catalog)["schema/app.yaml"]
    assert "\nexternal:\n  schemas: [billing]\n" in text
    again = tmp_path / "again"
    (again / "schema").mkdir(parents=True)
    (again / "schema" / "app.yaml").write_text(text, encoding="utf-8")
    assert _errors(compile_project(again)) == []


RICH = """\
schema: app
external: {schemas: [billing, geo, util, ext]}
tables:
  parent:
    columns:
      id: bigint primary key
  orders:
    columns:
      id: bigint primary key
      account_id: {type: bigint, references: billing.accounts(id)}
      cur: billing.currency
      place: {type: text, collation: geo.german}
      n: {type: bigint, default: "nextval('util.order_seq'::regclass)"}
      total: {type: numeric, generated: "util.round_money(n)"}
      code: {type: text, check: "util.valid_code(code)"}
    checks:
      orders_sane: "ext.sane(id, n)"
    indexes:
      - {columns: ["geo.cell(place)"], where: "util.active(id)"}
      - {columns: ['place COLLATE geo.german']}
  more:
    columns:
      id: bigint primary key
      n: {type: bigint, default: "nextval('util.order_seq'::regclass)"}
    inherits: [app.parent]
"""


def test_the_table_and_index_walk_finds_the_schemas_their_refs_name(tmp_path):
    """The per-text shortcut of ``_table_schemas``/``_index_schemas`` gives the refs' schemas exactly."""
    from schemagen.emit import external
    from schemagen.model.deps import foreign_key_needs, index_needs, table_needs

    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "app.yaml").write_text(RICH, encoding="utf-8")
    (tmp_path / "schema" / "other.yaml").write_text(
        RICH.replace("schema: app", "schema: other").replace("app.parent", "other.parent"), encoding="utf-8"
    )
    catalog = compile_project(tmp_path).catalog
    assert len(catalog.tables) == 6 and len(catalog.indexes) == 4
    refs = set()
    for table in catalog.tables.values():
        refs |= table_needs(table)
        for fk in table.foreign_keys:
            refs |= foreign_key_needs(table.name, fk)
    indexes = set().union(*(index_needs(index) for index in catalog.indexes.values()))
    assert external._table_schemas(catalog.tables.values()) == {r.schema for r in refs}
    assert external._index_schemas(catalog.indexes.values()) == {r.schema for r in indexes}
    assert {"billing", "geo", "util", "ext", "app", "other"} <= {r.schema for r in refs | indexes}


def test_an_index_operator_class_in_another_schema_is_found_after_a_plain_twin():
    """Two indexes alike but for the operator class: each one's class counts (the walk's key has it)."""
    from schemagen.emit import external
    from schemagen.model import Index, IndexElement, QualifiedName

    table = QualifiedName("app", "t")
    plain = Index(QualifiedName("app", "t_a_idx"), table, (IndexElement(column="a"),))
    classed = Index(QualifiedName("app", "t_a_idx1"), table, (IndexElement(column="a", opclass="ext.a_ops"),))
    assert external._index_schemas([plain, classed]) == {"app", "ext"}


def test_a_partition_parent_in_another_schema_is_found_as_table_needs_finds_it():
    from schemagen.emit import external
    from schemagen.model import Column, PartitionBound, QualifiedName, Table
    from schemagen.model.deps import table_needs

    child = Table(
        QualifiedName("app", "t_p0"),
        (Column("a", "integer"),),
        partition_of=PartitionBound(QualifiedName("base", "t"), default=True),
    )
    assert {r.schema for r in table_needs(child)} == {"", "base"}  # the table's own schema: a schema ref
    assert external._table_schemas([child]) == {"", "app", "base"}
