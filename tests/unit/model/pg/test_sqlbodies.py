"""PL/pgSQL bodies: the types their DECLARE sections name (PostgreSQL resolves them at CREATE)."""

from __future__ import annotations

from schemagen.model import Function, QualifiedName
from schemagen.model.deps import declared_type_needs, table_ref, type_ref
from schemagen.model.pg.sqlbodies import declared_types


def test_declared_types_of_every_declare_section():
    body = """
    <<outer>>
    DECLARE
      v_user app_public.users;
      secret CONSTANT "App"."Secret Type" := NULL;
      n integer NOT NULL DEFAULT 0;
      r app.t%ROWTYPE;
      c app.t.col%TYPE;
      same n%TYPE;
      k CURSOR (a int) FOR SELECT 1 FROM other.x;
      a ALIAS FOR $1;
    BEGIN
      DECLARE inner_v app.inner_type; BEGIN NULL; END;
    END
    """
    assert declared_types(body) == (
        ("app_public", "users"),
        ("App", "Secret Type"),
        (None, "integer"),
        ("app", "t"),
        ("app", "t"),
        ("app", "inner_type"),
    )


def test_no_declare_section_and_text_the_scanner_refuses():
    assert declared_types("BEGIN RETURN 1; END") == ()
    assert declared_types("DECLARE v text := 'open") == ()


def test_a_plpgsql_function_needs_the_types_it_declares_a_sql_one_not():
    name = QualifiedName("app", "f")
    body = "DECLARE v app.users; u users; BEGIN END"
    plpgsql = Function(name, returns="void", language="plpgsql", body=body)
    users = QualifiedName("app", "users")
    assert {type_ref(users), table_ref(users)} <= declared_type_needs(plpgsql)
    assert table_ref(QualifiedName("public", "users")) in declared_type_needs(plpgsql)  # bare: search path
    assert declared_type_needs(Function(name, returns="void", body="SELECT 1")) == set()
