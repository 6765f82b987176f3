"""Reader edge cases on hand-written rows."""

from __future__ import annotations

from dataclasses import replace

from schemagen.introspect.read_access import read_default_privileges, read_grants, read_roles
from schemagen.introspect.read_indexes import ELEMENT_FIELDS, read_index_element
from schemagen.introspect.read_routines import read_function, read_functions, trigger_when
from schemagen.introspect.read_tables import COLUMN_FIELDS, read_column, read_partition_spec, read_tables
from schemagen.introspect.sequence_options import non_default_options
from schemagen.model import Grant
from schemagen.model.identity import GrantOn, GrantTarget
from schemagen.model.names import QualifiedName
from schemagen.model.pg.scan import split_top_level, strip_outer_parens


def test_split_top_level_respects_quotes_and_parens():
    assert split_top_level("'a,b', f(1, 2), \"x,y\"") == ["'a,b'", "f(1, 2)", '"x,y"']
    assert split_top_level("'it''s, here', 2") == ["'it''s, here'", "2"]


def test_strip_outer_parens_only_when_wrapping():
    assert strip_outer_parens("(a > 0)") == "a > 0"
    assert strip_outer_parens("(a > 0) OR (b > 0)") == "(a > 0) OR (b > 0)"


def test_descending_sequence_defaults():
    options = non_default_options("integer", -1, -1, -2147483648, -1, 1, False)
    assert (options.start, options.increment, options.min_value, options.max_value) == (None, -1, None, None)


def _column(**overrides):
    row = {
        "name": "c",
        "type": "integer",
        "not_null": False,
        "expression": None,
        "identity": "",
        "generated": "",
        "collation": None,
        "comment": None,
        "seq_type": None,
        "seq_start": None,
        "seq_increment": None,
        "seq_min": None,
        "seq_max": None,
        "seq_cache": None,
        "seq_cycle": None,
    }
    row.update(overrides)
    return row


def test_virtual_generated_columns_are_read_as_virtual():
    column, omission = read_column(_column(expression="a + 1", generated="v"))
    assert column.generated == "a + 1" and column.virtual and omission is None
    column, omission = read_column(_column(expression="a + 1", generated="s"))
    assert column.generated == "a + 1" and not column.virtual and omission is None


def test_identity_by_default_with_cycle():
    row = _column(
        identity="d",
        seq_type="integer",
        seq_start=1,
        seq_increment=1,
        seq_min=1,
        seq_max=2147483647,
        seq_cache=1,
        seq_cycle=True,
    )
    column, _ = read_column(row)
    assert column.identity is not None and not column.identity.always and column.identity.cycle


def test_partition_expression_keys_keep_parentheses():
    spec = read_partition_spec(
        {"partition_strategy": "l", "partition_columns": [None], "partition_key": "LIST (lower(region))"}
    )
    assert spec.keys == ("(lower(region))",)


def test_function_defaults_go_to_the_last_inputs():
    row = {
        "schema": "s",
        "name": "f",
        "kind": "f",
        "argument_types": ["integer", "text", "text"],
        "argument_modes": ["i", "i", "o"],
        "argument_names": ["a", "b", "c"],
        "argument_defaults": "'x, y'::text",
        "return_type": "text",
        "returns_set": False,
        "language": "sql",
        "body": "SELECT b",
        "volatility": "v",
        "strict": False,
        "security_definer": True,
        "parallel": "u",
        "config": None,
        "comment": None,
    }
    function = read_function(row)
    assert [a.default for a in function.arguments] == [None, "'x, y'::text", None]
    assert function.identity_types == ("integer", "text")
    assert function.security_definer


def _sql_function(body: str) -> dict:
    return {
        "schema": "s",
        "name": "f",
        "kind": "f",
        "argument_types": [],
        "argument_modes": None,
        "argument_names": None,
        "argument_defaults": None,
        "return_type": "integer",
        "returns_set": False,
        "language": "sql",
        "body": body,
        "volatility": "i",
        "strict": False,
        "security_definer": False,
        "parallel": "u",
        "config": None,
        "comment": None,
    }


def test_sql_standard_bodies_are_read_and_told_apart():
    rows = [
        _sql_function("RETURN (1 + 1)"),
        _sql_function("BEGIN ATOMIC\n SELECT 1;\nEND"),
        _sql_function("SELECT 1"),
    ]
    functions, omissions = read_functions(rows)
    assert omissions == []
    assert [f.sql_standard_body for f in functions] == [True, True, False]
    assert not replace(functions[0], language="plpgsql").sql_standard_body


def test_an_empty_search_path_reads_as_the_builder_writes_it():
    row = {**_sql_function("SELECT 1"), "config": ['search_path=""']}
    assert read_function(row).search_path == ""


def test_trigger_without_when():
    assert (
        trigger_when("CREATE TRIGGER t AFTER INSERT ON s.x FOR EACH ROW EXECUTE FUNCTION s.f('WHEN (x)')")
        is None
    )


def _grant_row(**overrides):
    row = {
        "object_kind": "table",
        "schema": "s",
        "name": "t",
        "argument_types": None,
        "column_name": None,
        "action": "grant",
        "grantee": "r",
        "privilege_type": "SELECT",
        "is_grantable": False,
    }
    row.update(overrides)
    return row


def test_column_grants_group_by_privileges():
    grants, omissions = read_grants(
        [
            _grant_row(object_kind="column", column_name="b", privilege_type="UPDATE"),
            _grant_row(object_kind="column", column_name="a", privilege_type="UPDATE"),
        ]
    )
    assert grants == [
        Grant(GrantTarget(GrantOn.COLUMN, QualifiedName("s", "t")), "r", ("UPDATE",), columns=("a", "b"))
    ]
    assert omissions == []


def test_mixed_grant_option_is_an_omission():
    grants, omissions = read_grants([_grant_row(), _grant_row(privilege_type="INSERT", is_grantable=True)])
    assert grants[0].privileges == ("INSERT", "SELECT") and not grants[0].with_grant_option
    assert len(omissions) == 1


def test_a_default_privilege_granted_again_with_grant_option_is_one_grant():
    # the owner's SELECT (a default) granted again WITH GRANT OPTION: grants.sql reports
    # the grantable SELECT as granted and the plain one as revoked
    grants, omissions = read_grants(
        [_grant_row(is_grantable=True), _grant_row(action="revoke", is_grantable=False)]
    )
    table = GrantTarget(GrantOn.TABLE, QualifiedName("s", "t"))
    assert grants == [Grant(table, "r", ("SELECT",), with_grant_option=True)]
    assert omissions == []


def test_a_grant_and_a_revoke_for_one_grantee_are_both_read():
    grants, omissions = read_grants(
        [_grant_row(is_grantable=True), _grant_row(action="revoke", privilege_type="UPDATE")]
    )
    table = GrantTarget(GrantOn.TABLE, QualifiedName("s", "t"))
    assert grants == [
        Grant(table, "r", ("SELECT",), with_grant_option=True),
        Grant(table, "r", ("UPDATE",), revoke=True),
    ]
    assert omissions == []


def test_roles_follow_membership():
    rows = [
        {"name": "a", "login": False, "inherit": True, "member_of": ["b"], "comment": None},
        {"name": "b", "login": False, "inherit": True, "member_of": [], "comment": "group"},
        {"name": "unused", "login": True, "inherit": True, "member_of": [], "comment": None},
    ]
    roles = read_roles(
        rows, [Grant(GrantTarget(GrantOn.TABLE, QualifiedName("s", "t")), "a", ("SELECT",))], [], []
    )
    assert [r.name for r in roles] == ["a", "b"]


def _default_row(**overrides):
    row = {
        "for_role": None,
        "schema": "s",
        "object_type": "r",
        "action": "grant",
        "grantee": "r",
        "privilege_type": "SELECT",
        "is_grantable": True,
    }
    row.update(overrides)
    return row


def test_default_privileges_keep_the_grant_option():
    defaults, omissions = read_default_privileges([_default_row()])
    assert defaults[0].with_grant_option and omissions == []
    defaults, omissions = read_default_privileges(
        [_default_row(), _default_row(privilege_type="INSERT", is_grantable=False)]
    )
    assert not defaults[0].with_grant_option and len(omissions) == 1


def _table_row(name):
    return {
        "schema": "app",
        "name": name,
        "typed": False,
        "unlogged": False,
        "rls_enabled": False,
        "rls_forced": False,
        "options": None,
        "comment": None,
        "partition_strategy": None,
        "parent_name": None,
    }


def test_columns_repeated_across_tables_are_read_per_row():
    def column(table, position, **overrides):
        fields = {"statistics": None, "storage": None, "compression": None, "options": None, **overrides}
        return {"schema": "app", "table_name": table, "position": position, **_column(**fields)}

    rows = [
        column("a", 1, name="id", not_null=True),
        column("a", 2, name="note", comment="first"),
        column("b", 2, name="note", comment="second"),  # only the comment differs
        column("b", 1, name="id", not_null=True),
        column("b", 3, name="tags", options=["n_distinct=5"]),  # a list: not hashable
    ]
    tables, _ = read_tables([_table_row("a"), _table_row("b")], rows, [])
    a, b = tables
    assert a.columns[0] == b.columns[0] and a.columns[0].not_null
    assert (a.columns[1].comment, b.columns[1].comment) == ("first", "second")
    assert b.columns[2].options == (("n_distinct", "5"),)


class _Recording(dict):
    """A row that notes every field read from it."""

    def __init__(self, row, read):
        super().__init__(row)
        self.read = read

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)


def test_the_memo_keys_hold_every_field_the_readers_read():
    """A field read but left out of the key would give rows differing in it one shared object."""
    read: set[str] = set()
    full = {"statistics": None, "storage": "p", "compression": "l", "options": ["n_distinct=5"]}
    for overrides in (
        {"identity": "a", "seq_type": "bigint", "seq_start": 5, "seq_increment": 1, "seq_min": 1},
        {"identity": "d"},
        {"expression": "a + 1", "generated": "s"},
    ):
        seq = {"seq_max": 9223372036854775807, "seq_cache": 1, "seq_cycle": False}
        read_column(_Recording(_column(**full, **seq, **overrides), read))
    assert {"seq_cycle", "options"} <= read <= set(COLUMN_FIELDS)
    element = {"column": None, "option": 3, "opclass": "o", "collation": "c", "expression": "(a)"}
    read.clear()
    read_index_element(_Recording({**element, "statistics": 5, "opclass_options": ["x=1"]}, read), True)
    assert {"opclass_options"} <= read <= set(ELEMENT_FIELDS)
