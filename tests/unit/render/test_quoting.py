"""Quoting filters: identifiers quoted only when needed, literals always safe."""

from __future__ import annotations

import pglast
import pytest

from schemagen.model import QualifiedName
from schemagen.render.quoting import (
    dotted,
    ident,
    key_expression,
    literal,
    option_value,
    qualified,
    type_text,
)


@pytest.mark.parametrize("name", ["registry", "agent_id", "_x1", "a$b", "name", "status", "comment"])
def test_simple_names_and_unreserved_keywords_stay_bare(name: str) -> None:
    assert ident(name) == name


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        ("Order", '"Order"'),
        ("select", '"select"'),
        ("user", '"user"'),
        ("between", '"between"'),  # a column-name keyword
        ("left", '"left"'),  # a type/function-name keyword
        ("my col", '"my col"'),
        ("1abc", '"1abc"'),
        ('we"ird', '"we""ird"'),
        ("", '""'),
    ],
)
def test_names_postgres_would_fold_or_reject_are_quoted(name: str, quoted: str) -> None:
    assert ident(name) == quoted


def test_quoted_identifier_round_trips_through_the_parser() -> None:
    nasty = 'x"; DROP TABLE foo; --'
    statement = pglast.parse_sql(f"CREATE TABLE {ident(nasty)} ()")[0].stmt
    assert statement.relation.relname == nasty


def test_qualified_quotes_each_part() -> None:
    assert qualified(QualifiedName("My Schema", "t")) == '"My Schema".t'
    assert qualified("plain") == "plain"


@pytest.mark.parametrize("text", ["it's", "'); DROP TABLE foo; --", "back\\slash", "", "line\nbreak"])
def test_literal_round_trips_through_the_parser(text: str) -> None:
    statement = pglast.parse_sql(f"SELECT {literal(text)}")[0].stmt
    assert statement.targetList[0].val.val.sval == text


def test_literal_doubles_single_quotes() -> None:
    assert literal("it's") == "'it''s'"


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("character varying(50)", "character varying(50)"),
        ("timestamp with time zone", "timestamp with time zone"),
        ("integer[]", "integer[]"),
        ("numeric(12,2)", "numeric(12,2)"),
        ("agents.agent_status", "agents.agent_status"),
        ("agents.agent_status[]", "agents.agent_status[]"),
        ("public.vector(1536)", "public.vector(1536)"),
        ("My Schema.Mood[]", '"My Schema"."Mood"[]'),
    ],
)
def test_type_text(text: str, rendered: str) -> None:
    assert type_text(text) == rendered


def test_dotted_names() -> None:
    assert dotted("C") == '"C"'
    assert dotted("jsonb_path_ops") == "jsonb_path_ops"
    assert dotted("public.vector_cosine_ops") == "public.vector_cosine_ops"


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("agent_id", "agent_id"),
        ("Order", '"Order"'),
        ("lower(name)", "(lower(name))"),
        ("(lower(name))", "(lower(name))"),
        ("(a) + (b)", "((a) + (b))"),
        ("(')')", "(')')"),
    ],
)
def test_key_expression(text: str, rendered: str) -> None:
    assert key_expression(text) == rendered


def test_option_value_bare_or_literal() -> None:
    assert option_value("100") == "100"
    assert option_value("off") == "off"
    assert option_value("x'; DROP") == "'x''; DROP'"
