"""Function bodies: parse (SQL and PL/pgSQL), statements a function cannot run, format(), references."""

from __future__ import annotations

import pytest

from schemagen.checks.body_checks import check_bodies_parse, check_body_references, check_body_statements
from schemagen.diagnostics import Severity
from schemagen.model import Catalog, Extension, Function, FunctionArgument, Schema, View
from schemagen.model.bodies import parse_body
from tests.unit.checks.builders import codes, col, qn, span, table


def _plpgsql(body, returns="integer", **kwargs):
    return Function(qn("agents.f"), returns=returns, language="plpgsql", body=body, span=span(3), **kwargs)


STATE = table("agents.state", col("agent_id", "uuid"), col("state_key", "text"), col("state_value", "jsonb"))


def _catalog(*functions, **kwargs):
    return Catalog.of(schemas=[Schema("agents")], tables=[STATE], functions=list(functions), **kwargs)


def test_bodies_that_parse():
    functions = [
        _plpgsql("BEGIN RETURN 1; END;"),
        _plpgsql("BEGIN NEW.updated_at := now(); RETURN NEW; END;", returns="trigger"),
        Function(qn("agents.g"), returns="integer", body="SELECT 1"),
        Function(qn("agents.h"), returns="integer", language="c", body="not analysable"),
        _plpgsql(
            "BEGIN RETURN QUERY SELECT s.state_key, s.state_value FROM agents.state s "
            "WHERE s.agent_id = p; END;",
            returns=None,
            returns_table=(("k", "text"), ("v", "jsonb")),
            arguments=(FunctionArgument("p", "uuid"),),
        ),
    ]
    assert check_bodies_parse(_catalog(*functions)) == []
    assert check_body_references(_catalog(*functions)) == []
    assert parse_body(functions[3]) is None


@pytest.mark.parametrize(
    "function",
    [
        _plpgsql("BEGIN RETURN 1 END;"),
        _plpgsql("DECLARE x int; BEGIN v := 1; RETURN x; END;"),
        Function(qn("agents.g"), returns="integer", body="SELEC 1", span=span(3)),
    ],
)
def test_bodies_that_do_not_parse(function):
    [diag] = check_bodies_parse(_catalog(function))
    assert diag.code == "C369" and diag.span == span(3)


def test_statements_a_function_cannot_run():
    ok = _plpgsql("BEGIN EXECUTE format('CREATE INDEX %I ON t (a)', 'i'); RETURN 1; END;")
    assert check_body_statements(_catalog(ok)) == []
    bad = _plpgsql("BEGIN EXECUTE format('CREATE INDEX CONCURRENTLY %I ON t (a)', 'i'); RETURN 1; END;")
    [diag] = check_body_statements(_catalog(bad))
    assert diag.code == "C371" and "CONCURRENTLY" in diag.message
    sql = Function(qn("agents.v"), returns="void", body="VACUUM agents.state")
    assert codes(check_body_statements(_catalog(sql))) == ["C371"]


def test_format_specifiers():
    ok = _plpgsql("BEGIN RAISE NOTICE '%', format('%s %I %L %% %1$s %-5s', 1, 2, 3, 4); RETURN 1; END;")
    assert check_body_statements(_catalog(ok)) == []
    bad = _plpgsql("BEGIN RAISE NOTICE '%', format('ratio (%.1f%%)', 0.5); RETURN 1; END;")
    [diag] = check_body_statements(_catalog(bad))
    assert diag.code == "C372" and "'%.1'" in diag.message


def test_unknown_columns_and_relations_in_bodies():
    columns = _plpgsql("BEGIN RETURN (SELECT count(s.key) FROM agents.state s); END;")
    [diag] = check_body_references(_catalog(columns))
    assert diag.code == "C373" and "s.key" in diag.message
    relation = _plpgsql("BEGIN RETURN (SELECT count(*) FROM agents.stat); END;")
    assert codes(check_body_references(_catalog(relation))) == ["C373"]
    other_schema = _plpgsql("BEGIN RETURN (SELECT count(*) FROM pg_catalog.pg_class); END;")
    assert check_body_references(_catalog(other_schema)) == []


def test_extension_relations_need_the_extension():
    reads = _plpgsql("BEGIN RETURN (SELECT count(*) FROM pg_stat_statements); END;")
    [diag] = check_body_references(_catalog(reads))
    assert diag.code == "C374" and diag.severity is Severity.WARNING
    assert check_body_references(_catalog(reads, extensions=[Extension("pg_stat_statements")])) == []


def test_view_references():
    ok = View(qn("agents.v"), "SELECT s.state_key FROM agents.state s")
    assert check_body_references(_catalog(views=[ok])) == []
    bad = View(qn("agents.v"), "SELECT s.key FROM agents.state s JOIN agents.nope n ON true", span=span(6))
    found = check_body_references(_catalog(views=[bad]))
    assert codes(found) == ["C373", "C373"] and all(d.span == span(6) for d in found)


def test_ddl_returned_as_text_is_not_run():
    """Only strings that reach EXECUTE are statements; returning DDL as text is fine."""
    returned = _plpgsql(
        "BEGIN RETURN format('CREATE INDEX CONCURRENTLY %I ON t (a)', 'i'); END;",
        returns="text",
    )
    assert check_body_statements(_catalog(returned)) == []
    noticed = _plpgsql("BEGIN RAISE NOTICE 'run VACUUM later'; RETURN 1; END;")
    assert check_body_statements(_catalog(noticed)) == []
    sql_text = Function(
        qn("agents.ddl"), returns="text", body="SELECT format('CREATE INDEX CONCURRENTLY %I ON t (a)', 'i')"
    )
    assert check_body_statements(_catalog(sql_text)) == []


@pytest.mark.parametrize(
    "body",
    [
        "DECLARE v text; BEGIN v := format('CREATE INDEX CONCURRENTLY %I ON t (a)', 'i'); "
        "EXECUTE v; RETURN 1; END;",
        "BEGIN EXECUTE 'VACUUM ' || 't'; RETURN 1; END;",
        "DECLARE r record; BEGIN FOR r IN EXECUTE 'VACUUM t' LOOP END LOOP; RETURN 1; END;",
    ],
)
def test_ddl_that_reaches_execute(body):
    assert codes(check_body_statements(_catalog(_plpgsql(body)))) == ["C371"]


def test_plpgsql_bodies_with_variadic_and_user_array_arguments_parse():
    """The parser's stand-in catalog knows no arrays: the wrapper declares them anyarray (logto)."""
    function = Function(
        qn("check_type"),
        arguments=(
            FunctionArgument("application_id", "character varying"),
            FunctionArgument("tags", "public.tag[]"),
            FunctionArgument("target_type", "public.application_type[]", "VARIADIC"),
        ),
        returns="boolean",
        language="plpgsql",
        body="BEGIN RETURN application_id IS NOT NULL AND tags IS NULL AND 1 = any(target_type); END",
    )
    body = parse_body(function)
    assert body is not None and body.error is None
    assert {"application_id", "target_type", "tags"} <= body.variables
    assert check_bodies_parse(Catalog.of(functions=[function])) == []


def test_a_construct_the_parser_cannot_read_is_a_warning_naming_it():
    """libpg_query's PL/pgSQL parser cannot look up a type of a schema other than public: not an error."""
    function = _plpgsql("DECLARE v agents.state; BEGIN SELECT * INTO v FROM agents.state; RETURN 1; END;")
    [diag] = check_bodies_parse(_catalog(function))
    assert diag.code == "C379" and diag.severity is Severity.WARNING and diag.span == span(3)
    assert "schema other than public" in diag.message
    assert parse_body(function).error is None and parse_body(function).limitation
    public = _plpgsql("DECLARE v public.t; BEGIN RETURN 1; END;")
    assert check_bodies_parse(_catalog(public)) == []


def test_cursor_arguments_and_expressions_with_a_from_clause_parse():
    """PL/pgSQL reads an expression as ``SELECT <expression>``: ``x AS a`` and ``a FROM t`` are valid."""
    cursor = _plpgsql(
        "DECLARE c NO SCROLL CURSOR (n integer) FOR SELECT s.state_key FROM agents.state s LIMIT n; "
        "r record; BEGIN FOR r IN c (n := 3) LOOP NULL; END LOOP; RETURN 1; END;"
    )
    from_clause = _plpgsql("DECLARE k text; BEGIN k := state_key FROM agents.state LIMIT 1; RETURN 1; END;")
    assert check_bodies_parse(_catalog(cursor, from_clause)) == []
    assert check_body_references(_catalog(cursor, from_clause)) == []


def test_a_plpgsql_variable_of_a_type_declared_in_another_schema_off_the_path():
    """C375: ``DECLARE v mood;`` is resolved at CREATE FUNCTION through the function's search_path."""
    from schemagen.checks.query_names import check_query_relations
    from schemagen.model import EnumType

    mood = EnumType(qn("agents.mood"), ("sad", "happy"))
    bare = _plpgsql("DECLARE v mood; BEGIN RETURN 1; END;")
    [diag] = check_query_relations(_catalog(bare, enums=[mood]))
    assert diag.code == "C375" and 'type "mood" does not exist' in diag.message
    qualified = _plpgsql("DECLARE v agents.mood; n integer; d double precision; BEGIN RETURN 1; END;")
    assert check_query_relations(_catalog(qualified, enums=[mood])) == []


def test_sql_body_casts_and_calls_of_objects_declared_off_the_path():
    from schemagen.checks.query_names import check_query_relations
    from schemagen.model import EnumType

    mood = EnumType(qn("agents.mood"), ("sad", "happy"))
    helper = Function(qn("agents.helper"), returns="integer", body="SELECT 1")
    bad = Function(qn("agents.g"), returns="integer", body="SELECT helper() + ('sad'::mood)::text::int")
    found = check_query_relations(_catalog(bad, helper, enums=[mood]))
    assert [d.code for d in found] == ["C375", "C375"]
    assert any("calls helper unqualified" in d.message for d in found)
    assert any("casts to mood unqualified" in d.message for d in found)
    good = Function(qn("agents.g"), returns="integer", body="SELECT agents.helper() + length('sad'::text)")
    assert check_query_relations(_catalog(good, helper, enums=[mood])) == []
