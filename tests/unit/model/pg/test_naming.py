"""Default names follow PostgreSQL's ChooseRelationName / makeObjectName."""

import pytest

from schemagen.model.pg.colname import figure_index_colname
from schemagen.model.pg.naming import (
    choose_name,
    dedupe,
    default_constraint_name,
    default_index_name,
    default_sequence_name,
    index_column_names,
    make_object_name,
)

LONG_TABLE = "a" * 70  # PostgreSQL truncates the table name itself to 63 bytes first


def test_constraint_names() -> None:
    assert default_constraint_name("registry", None, "pkey") == "registry_pkey"
    assert default_constraint_name("registry", ["agent_name"], "key") == "registry_agent_name_key"
    assert default_constraint_name("state", ["agent_id", "key"], "fkey") == "state_agent_id_key_fkey"
    assert default_constraint_name("registry", ["agent_name"], "check") == "registry_agent_name_check"
    assert default_constraint_name("registry", None, "check") == "registry_check"
    assert default_constraint_name("registry", ["a", "b"], "check") == "registry_check"
    assert default_constraint_name("booking", ["room", None], "excl") == "booking_room_expr_excl"


def test_unknown_kind_is_rejected() -> None:
    with pytest.raises(ValueError):
        default_constraint_name("t", None, "nope")


def test_index_names() -> None:
    assert default_index_name("registry", ["agent_type", "status"]) == "registry_agent_type_status_idx"
    assert default_index_name("t", ["a"], unique=True) == "t_a_idx"
    assert default_index_name("t", [None, None]) == "t_expr_expr1_idx"
    assert default_index_name("docs", ["lower"]) == "docs_lower_idx"


def test_long_table_name_truncation() -> None:
    # Values checked against PostgreSQL 18 (see tests/integration/test_naming_pg.py).
    table = "t" * 63
    assert make_object_name(table, None, "pkey") == "t" * 58 + "_pkey"
    assert make_object_name(table, "col", "idx") == "t" * 55 + "_col_idx"
    long_col = "c" * 63
    # both long: the longer is truncated first, so they end up balanced
    assert make_object_name(table, long_col, "key") == "t" * 29 + "_" + "c" * 29 + "_key"


def test_truncation_never_splits_multibyte_characters() -> None:
    name = make_object_name("é" * 40, None, "pkey")
    assert len(name.encode()) <= 63
    assert name == "é" * 29 + "_pkey"


def test_dedupe_numbers_the_label() -> None:
    assert choose_name("t", "a", "key", {"t_a_key"}) == "t_a_key1"
    assert choose_name("t", "a", "key", {"t_a_key", "t_a_key1"}) == "t_a_key2"
    assert default_index_name("t", ["a"], taken={"t_a_idx"}) == "t_a_idx1"
    assert dedupe("x", {"x", "x1"}) == "x2"
    assert dedupe("x", set()) == "x"


def test_dedupe_retruncates_long_names() -> None:
    table = "t" * 63
    first = make_object_name(table, None, "pkey")
    assert choose_name(table, None, "pkey", {first}) == "t" * 57 + "_pkey1"


def test_index_column_names() -> None:
    assert index_column_names(["a", "a", None, None]) == ["a", "a1", "expr", "expr1"]


def test_sequence_name() -> None:
    assert default_sequence_name("tasks", "id") == "tasks_id_seq"


@pytest.mark.parametrize(
    ("expression", "name"),
    [
        ("lower(title)", "lower"),
        ("(lower(title))", "lower"),
        ("public.my_fn(a, b)", "my_fn"),
        ("payload -> 'parameters'", None),
        ("a + b", None),
        ("(created_at)::date", "created_at"),
        ("'x'::text", "text"),
        ("coalesce(a, b)", "coalesce"),
        ("CASE WHEN a THEN 1 ELSE 2 END", "case"),
        ("title", "title"),
        ("lower(a) || lower(b)", None),
        ("(a + b)::text", "text"),
        ("CAST(a AS text)", "a"),
        ("(payload -> 'k')::text", "text"),
        ("(tags)[1]", "tags"),
        ("(pair).x", "x"),
        ("CASE WHEN a THEN 1 ELSE b END", "b"),
        ("lower(", None),
    ],
)
def test_figure_index_colname(expression: str, name: str | None) -> None:
    assert figure_index_colname(expression) == name


def test_names_that_fit_are_joined_and_one_byte_more_is_truncated():
    fits = make_object_name("t" * 50, "c" * 6, "check")  # 50 + 1 + 6 + 1 + 5 = 63 bytes
    assert fits == "t" * 50 + "_" + "c" * 6 + "_check"
    over = make_object_name("t" * 51, "c" * 6, "check")
    assert over == "t" * 50 + "_" + "c" * 6 + "_check"
    assert make_object_name("é" * 25, "c", "key") == "é" * 25 + "_c_key"  # 50 bytes + 6
    assert len(make_object_name("é" * 30, "c", "key").encode()) <= 63
    assert make_object_name("t", None, None) == "t" and make_object_name("t", None, "pkey") == "t_pkey"
