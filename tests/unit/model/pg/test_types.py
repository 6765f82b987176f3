"""Canonical type spellings match PostgreSQL's format_type."""

import pytest

from schemagen.checks.typenames import TypeRef, parse_type
from schemagen.model.pg.builtins import canonical_type_names
from schemagen.model.pg.types import (
    BUILTIN_TYPES,
    canonical_type,
    is_builtin_type,
    parse_type_name,
    quoted_type,
    serial_base,
    split_type,
)
from schemagen.render.erd import mermaid_type, mermaid_word


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("varchar(50)", "character varying(50)"),
        ("VARCHAR", "character varying"),
        ("int", "integer"),
        ("int4", "integer"),
        ("INTEGER", "integer"),
        ("int8", "bigint"),
        ("int2", "smallint"),
        ("smallint", "smallint"),
        ("serial", "integer"),
        ("bigserial", "bigint"),
        ("smallserial", "smallint"),
        ("float8", "double precision"),
        ("double   precision", "double precision"),
        ("float4", "real"),
        ("float", "double precision"),
        ("float(24)", "real"),
        ("bool", "boolean"),
        ("timestamptz", "timestamp with time zone"),
        ("timestamp", "timestamp without time zone"),
        ("timestamp(3) with time zone", "timestamp(3) with time zone"),
        ("timestamptz(3)", "timestamp(3) with time zone"),
        ("time", "time without time zone"),
        ("timetz", "time with time zone"),
        ("decimal(3,2)", "numeric(3,2)"),
        ("decimal(3, 2)", "numeric(3,2)"),
        ("numeric(10)", "numeric(10,0)"),
        ("numeric", "numeric"),
        ("char(3)", "character(3)"),
        ("character(3)", "character(3)"),
        ("char", "character(1)"),
        ("bit", "bit(1)"),
        ("varbit(8)", "bit varying(8)"),
        ("bit varying", "bit varying"),
        ("text[]", "text[]"),
        ("integer[][]", "integer[]"),
        ("int[3]", "integer[]"),
        ("varchar(10)[]", "character varying(10)[]"),
        ("int array", "integer[]"),
        ("interval", "interval"),
        ("interval day to second(3)", "interval day to second(3)"),
        ('"char"', '"char"'),
        ("pg_catalog.int4", "integer"),
        ("jsonb", "jsonb"),
        ("uuid", "uuid"),
        ("inet", "inet"),
    ],
)
def test_canonical_type(written: str, canonical: str) -> None:
    assert canonical_type(written) == canonical
    assert is_builtin_type(canonical)


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("agent_status", "agent_status"),
        ("vector(1536)", "vector(1536)"),
        ("public.vector( 1536 )", "public.vector(1536)"),
        ("agents.agent_id[]", "agents.agent_id[]"),
        ('"Order"', '"Order"'),
    ],
)
def test_user_types_are_kept(written: str, kept: str) -> None:
    assert canonical_type(written) == kept
    assert not is_builtin_type(kept)


def test_split_type() -> None:
    assert split_type("character varying(50)[]").name == "character varying"
    assert split_type("character varying(50)[]").modifiers == ("50",)
    assert split_type("character varying(50)[]").array
    assert split_type("timestamp(3) without time zone").name == "timestamp without time zone"
    assert split_type("numeric(12,2)").modifiers == ("12", "2")
    assert split_type("public.vector(3)").name == "public.vector"


def test_serial_base() -> None:
    assert serial_base("serial") == "integer"
    assert serial_base("BigSerial") == "bigint"
    assert serial_base("integer") is None


def test_builtin_names_are_canonical() -> None:
    assert "integer" in BUILTIN_TYPES
    assert "int4" not in BUILTIN_TYPES


# One parser of type spellings: the checks, the ERD and the renderer read a name alike.
# Before model/pg, checks/typenames.py cut a typmod out of a quoted name ("T(1)" → T) and
# render/erd.py split at the first dot even inside quotes ("a.b".t → b_t).
@pytest.mark.parametrize(
    ("text", "schema", "name", "array"),
    [
        ('"a.b".t', "a.b", "t", False),
        ('"My Schema"."T(1)"[]', "My Schema", "T(1)", True),
        ("public.vector(3)", "public", "vector", False),
        ("character varying(50)[]", None, "character varying", True),
        ("timestamp(3) with time zone", None, "timestamp with time zone", False),
        ("INT4", None, "integer", False),
        ("interval day to second(3)", None, "interval", False),
        ('"char"', None, '"char"', False),
    ],
)
def test_every_stage_reads_a_type_name_alike(text: str, schema: str | None, name: str, array: bool) -> None:
    parsed = parse_type_name(text)
    assert (parsed.schema, parsed.name, parsed.array) == (schema, name, array)
    assert parse_type(text) == TypeRef(schema, name, array)
    word = mermaid_type(text)
    assert word.removesuffix("_array") == mermaid_word(name) or schema is None
    assert quoted_type(text) == (text if schema is None else str(parsed))


def test_quoted_type_quotes_each_part_once() -> None:
    assert quoted_type("My Schema.vector(3)") == '"My Schema".vector(3)'
    assert quoted_type('"My Schema".vector(3)[]') == '"My Schema".vector(3)[]'
    assert quoted_type("agents.agent_status[]") == "agents.agent_status[]"


def test_builtin_types_come_from_the_generated_catalog_data() -> None:
    # the hand list model/types.py carried is a subset of what pg_type says
    assert {"integer", "character varying", "bpchar", '"char"', "tstzmultirange"} <= BUILTIN_TYPES
    assert canonical_type_names() == BUILTIN_TYPES
    assert "int4" not in BUILTIN_TYPES
