"""diff of foreign data: options altered in place, recreations that take their dependents along."""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff import diff_catalogs
from schemagen.model import Catalog, Column, PartitionBound, PartitionSpec, QualifiedName, Table
from schemagen.model import foreign_changes as fc
from schemagen.model.changes import CreateTable, DropTable
from schemagen.model.foreign import (
    ForeignColumn,
    ForeignDataWrapper,
    ForeignServer,
    ForeignTable,
    UserMapping,
)

Q = QualifiedName
WRAPPER = ForeignDataWrapper("w")
SERVER = ForeignServer("s", "w", options=(("host", "a"), ("port", "1")))


def _catalog(**objects) -> Catalog:
    return Catalog.of(foreign_data_wrappers=[WRAPPER], **objects)


def test_server_options_change_in_place() -> None:
    new = replace(SERVER, options=(("dbname", "d"), ("host", "b")))
    changes = diff_catalogs(_catalog(foreign_servers=[SERVER]), _catalog(foreign_servers=[new]))
    assert changes == [fc.AlterServer(SERVER, new)]
    assert changes[0].options == (("ADD", "dbname", "d"), ("SET", "host", "b"), ("DROP", "port", None))


def test_a_server_of_another_type_is_recreated_with_its_user_mappings() -> None:
    mapping = UserMapping("public", "s", (("user", "u"),))
    old = _catalog(foreign_servers=[SERVER], user_mappings=[mapping])
    new = _catalog(foreign_servers=[replace(SERVER, type="other")], user_mappings=[mapping])
    kinds = [type(c).__name__ for c in diff_catalogs(old, new)]
    assert sorted(kinds) == ["CreateServer", "CreateUserMapping", "DropServer", "DropUserMapping"]


def test_foreign_table_alters_columns_and_options_in_one_statement() -> None:
    table = ForeignTable(Q("app", "f"), "s", (ForeignColumn("id", "integer"),))
    new = replace(
        table, columns=(ForeignColumn("id", "bigint", not_null=True),), options=(("table_name", "x"),)
    )
    old_catalog = _catalog(foreign_servers=[SERVER], foreign_tables=[table])
    changes = diff_catalogs(old_catalog, _catalog(foreign_servers=[SERVER], foreign_tables=[new]))
    assert changes == [fc.AlterForeignTable(table, new)]
    assert [a[0] for a in changes[0].actions] == ["type", "not_null", "options"]


def test_a_foreign_partition_goes_with_its_recreated_parent_and_comes_back() -> None:
    parent = Table(Q("app", "p"), (Column("id", "integer"),), partition_by=PartitionSpec("range", ("id",)))
    partition = ForeignTable(Q("app", "f"), "s", partition_of=PartitionBound(parent.name, default=True))
    old = _catalog(foreign_servers=[SERVER], tables=[parent], foreign_tables=[partition])
    new = _catalog(
        foreign_servers=[SERVER],
        tables=[replace(parent, partition_by=PartitionSpec("list", ("id",)))],
        foreign_tables=[partition],
    )
    kinds = {type(c) for c in diff_catalogs(old, new)}
    assert {DropTable, CreateTable, fc.CreateForeignTable} <= kinds
    assert fc.DropForeignTable not in kinds  # DROP TABLE of the parent drops it


def test_a_foreign_child_is_dropped_before_its_recreated_parent_and_created_again() -> None:
    parent = Table(Q("app", "p"), (Column("id", "integer"),))
    child = ForeignTable(Q("app", "f"), "s", (ForeignColumn("x", "text"),), inherits=(parent.name,))
    old = _catalog(foreign_servers=[SERVER], tables=[parent], foreign_tables=[child])
    recreated = replace(parent, partition_by=PartitionSpec("list", ("id",)))
    new = _catalog(foreign_servers=[SERVER], tables=[recreated], foreign_tables=[child])
    kinds = [type(c) for c in diff_catalogs(old, new)]
    assert kinds.count(fc.DropForeignTable) == 1 and kinds.count(fc.CreateForeignTable) == 1
