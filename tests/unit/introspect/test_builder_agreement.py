"""What the builder's DDL must do so that a database read back builds the same database again."""

from __future__ import annotations

from schemagen.diff import diff_catalogs
from schemagen.model import Catalog, CheckConstraint, Column, Function, FunctionArgument, QualifiedName, Table
from schemagen.model.deps import body_references
from schemagen.model.pg.types import signature_type
from schemagen.plan import plan_changes
from schemagen.render import render_plan

Q = QualifiedName


def _ddl(catalog: Catalog) -> str:
    return render_plan(plan_changes(diff_catalogs(Catalog(), catalog)))


def test_a_not_valid_check_is_added_after_create_table():
    table = Table(
        Q("public", "t"),
        (Column("id", "integer"),),
        checks=(CheckConstraint("valid", "id > 0"), CheckConstraint("later", "id < 10", not_valid=True)),
    )
    ddl = _ddl(Catalog.of(schemas=[], tables=[table]))
    create = ddl[ddl.index("CREATE TABLE") : ddl.index(";", ddl.index("CREATE TABLE"))]
    assert "valid CHECK (id > 0)" in create and "later" not in create
    assert "ADD CONSTRAINT later CHECK (id < 10) NOT VALID;" in ddl


def test_sql_standard_bodies_are_written_unquoted():
    function = Function(Q("public", "two"), returns="integer", body="RETURN (1 + 1)")
    assert function.sql_standard_body
    assert "\nRETURN (1 + 1);" in _ddl(Catalog.of(functions=[function]))


def test_a_sql_body_comes_after_the_unqualified_table_it_names():
    procedure = Function(
        Q("public", "add_user"),
        arguments=(FunctionArgument("name", "text"),),
        kind="procedure",
        body="INSERT INTO Users (name) VALUES (name)",
    )
    table = Table(Q("public", "users"), (Column("name", "text"),))
    ddl = _ddl(Catalog.of(functions=[procedure], tables=[table]))
    assert ddl.index("CREATE TABLE public.users") < ddl.index("PROCEDURE public.add_user")


def test_body_references_resolve_bare_names_through_the_search_path_and_skip_strings():
    function = Function(Q("p", "f"), body="SELECT a.b FROM \"Odd\" a WHERE c = 'x.y'", search_path="s")
    found = body_references(function)
    assert found.relations == {("s", "Odd")}
    assert found.columns == {("s", "Odd", "b"), ("s", "Odd", "c")}


def test_function_signatures_drop_type_modifiers():
    assert signature_type("character varying(255)") == "character varying"
    assert signature_type("numeric(5,2)[]") == "numeric[]"
    assert signature_type("interval day to second(3)") == "interval"
    assert signature_type("agents.agent_id") == "agents.agent_id"
