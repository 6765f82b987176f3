"""Array casts settle as PostgreSQL's parser settles them (pinned against PG 15/18 in
tests/integration/test_array_casts_pg.py)."""

from __future__ import annotations

import pytest

from schemagen.model.pg.array_casts import settle_array_casts

FIRST_ROUND = "((v)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"
SETTLED = "((v)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))"


def test_a_cast_array_constructor_is_pushed_into_its_elements():
    assert settle_array_casts(FIRST_ROUND) == SETTLED


def test_pretty_printed_text_keeps_pretty_casts():
    text = "type::text = ANY (ARRAY['x'::character varying, 'y'::character varying]::text[])"
    expected = "type::text = ANY (ARRAY['x'::character varying::text, 'y'::character varying::text])"
    assert settle_array_casts(text) == expected


def test_typmod_of_the_target_is_kept_for_each_element():
    text = "(x = ANY ((ARRAY['a'::character varying(5), 'b'::character varying])::character varying(10)[]))"
    assert settle_array_casts(text) == (
        "(x = ANY (ARRAY[('a'::character varying(5))::character varying(10), "
        "('b'::character varying)::character varying(10)]))"
    )


@pytest.mark.parametrize(
    "text",
    [
        SETTLED,
        "(i = ANY (ARRAY[1, 2]))",
        "(x = ANY ('{1,2}'::integer[]))",
        "(c = ANY (ARRAY['a'::bpchar, 'b'::bpchar]))",
        "(n = ANY (ARRAY[1.5, (2)::numeric]))",
        "(ARRAY[1, 2])::bigint[] = x",  # untyped elements: PostgreSQL prints no per-element cast
        "ARRAY[ARRAY['a'::varchar]]::text[][] = x",  # two dimensions: left alone
        "not ( valid",
    ],
)
def test_settled_and_other_text_is_unchanged(text):
    assert settle_array_casts(text) == text


def test_two_casts_in_one_expression_are_both_settled():
    text = f"({FIRST_ROUND} AND {FIRST_ROUND.replace('(v)', '(w)')})"
    assert settle_array_casts(text) == f"({SETTLED} AND {SETTLED.replace('(v)', '(w)')})"
