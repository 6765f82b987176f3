"""Builders of partitions, routines, views, triggers, policies, access and reference rows."""

from schemagen.builder import build_catalog
from schemagen.model import Catalog, PartitionBound, QualifiedName
from schemagen.model.identity import routine_id
from schemagen.model.settings import ProjectSettings
from schemagen.source import load_text
from schemagen.validate import validate_documents

Q = QualifiedName


def build(*texts: str, postgres: int = 18) -> tuple[Catalog, list]:
    documents = []
    for index, text in enumerate(texts):
        document, diagnostics = load_text(text, f"schema/f{index}.yaml")
        assert diagnostics == []
        assert validate_documents([document]) == [], validate_documents([document])
        documents.append(document)
    return build_catalog(documents, ProjectSettings(postgres=postgres))


def ok(*texts: str, postgres: int = 18) -> Catalog:
    catalog, diagnostics = build(*texts, postgres=postgres)
    assert diagnostics == [], [d.format() for d in diagnostics]
    return catalog


def test_hash_partitions() -> None:
    catalog = ok(
        "schema: a\ntables:\n  t:\n    columns: {k: bigint}\n    partition_by: {hash: [k], partitions: 3}\n"
    )
    children = catalog.partitions_of(Q("a", "t"))
    assert [c.name.name for c in children] == ["t_p0", "t_p1", "t_p2"]
    assert children[1].partition_of == PartitionBound(Q("a", "t"), modulus=3, remainder=1)
    assert [c.name for c in children[0].columns] == ["k"]


def test_generated_range_partitions() -> None:
    catalog = ok(
        "schema: a\ntables:\n  t:\n    columns: {at: date not null}\n"
        "    partition_by: {range: [at], interval: 1 month, start: 2026-11-01, ahead: 2, default: true}\n"
    )
    children = {c.name.name: c.partition_of for c in catalog.partitions_of(Q("a", "t"))}
    assert list(children) == ["t_2026_11", "t_2026_12", "t_2027_01", "t_default"]
    assert children["t_2027_01"].from_values == ("'2027-01-01'",)
    assert children["t_2027_01"].to_values == ("'2027-02-01'",)
    assert children["t_default"].default


def test_weekly_partitions_of_timestamptz() -> None:
    catalog = ok(
        "schema: a\ntables:\n  t:\n    columns: {at: timestamptz not null}\n"
        "    partition_by: {range: [at], interval: 1 week, start: 2026-01-05}\n"
    )
    (child,) = catalog.partitions_of(Q("a", "t"))
    assert child.name.name == "t_2026_01_05"
    assert child.partition_of.to_values == ("'2026-01-12 00:00:00+00'",)


def test_generation_needs_a_time_key() -> None:
    _, diagnostics = build(
        "schema: a\ntables:\n  t:\n    columns: {k: integer}\n"
        "    partition_by: {range: [k], interval: 1 month, start: 2026-01-01}\n"
    )
    assert [d.code for d in diagnostics] == ["C385"]


def test_declared_and_sub_partitions() -> None:
    catalog = ok(
        "schema: a\ntables:\n  t:\n    columns: {r: text, n: integer}\n    partition_by:\n      list: [r]\n"
        "      partitions:\n        t_eu:\n          values: [eu, null]\n"
        "          partition_by: {range: [n], partitions: {t_eu_low: {values: {from: minvalue, to: 10}}}}\n"
        "        t_rest: {values: default}\n"
    )
    eu = catalog.tables[Q("a", "t_eu")]
    assert eu.partition_of.values_in == ("'eu'", "NULL")
    assert eu.partition_by.keys == ("n",)
    low = catalog.tables[Q("a", "t_eu_low")].partition_of
    assert (low.parent, low.from_values, low.to_values) == (Q("a", "t_eu"), ("MINVALUE",), ("10",))
    assert catalog.tables[Q("a", "t_rest")].partition_of.default


def test_functions_and_overloads() -> None:
    catalog = ok(
        "schema: a\nfunctions:\n"
        "  f:\n    - {arguments: {x: integer}, returns: int, body: SELECT x}\n"
        "    - {arguments: {x: text, y: integer default 1}, returns: setof text, body: SELECT x}\n"
        "  g: {arguments: {k: text, o: out jsonb}, language: plpgsql, security_definer: true,"
        " search_path: [pg_catalog], body: \"BEGIN o := '{}'; END\"}\n"
        "  h: {returns: {table: {k: text, n: int8}}, volatility: stable, strict: true,"
        " body: \"SELECT 'a', 1\"}\n"
        "procedures:\n  p: {arguments: {n: {type: integer, mode: inout}}, body: SELECT 1}\n"
    )
    keys = sorted(str(k) for k in catalog.functions)
    assert keys == ["a.f(integer)", "a.f(text, integer)", "a.g(text)", "a.h()", "a.p(integer)"]
    overload = catalog.functions[routine_id(Q("a", "f"), ("text", "integer"))]
    assert overload.returns == "SETOF text"
    assert overload.arguments[1].default == "1"
    g = catalog.functions[routine_id(Q("a", "g"), ("text",))]
    assert (g.returns, g.language, g.security_definer, g.search_path) == (
        "jsonb",
        "plpgsql",
        True,
        "pg_catalog",
    )
    h = catalog.functions[routine_id(Q("a", "h"), ())]
    assert (h.returns, h.returns_table, h.volatility, h.strict) == (
        None,
        (("k", "text"), ("n", "bigint")),
        "STABLE",
        True,
    )
    p = catalog.functions[routine_id(Q("a", "p"), ("integer",))]
    assert (p.kind, p.returns, p.arguments[0].mode) == ("procedure", None, "INOUT")


def test_same_overload_twice() -> None:
    _, diagnostics = build("schema: a\nfunctions:\n  f: [{body: SELECT 1}, {body: SELECT 2}]\n")
    assert [d.code for d in diagnostics] == ["C380"]


def test_unnamed_arguments_and_settings() -> None:
    catalog = ok(
        "schema: a\nfunctions:\n"
        "  f:\n    arguments: [text, {name: rest, type: 'text[]', mode: variadic}, out integer]\n"
        "    settings: {timezone: UTC, work_mem: 64MB, statement_timeout: 5000, jit: false}\n"
        "    body: SELECT 1\n"
    )
    f = catalog.functions[routine_id(Q("a", "f"), ("text", "text[]"))]
    assert [(a.name, a.mode, a.type) for a in f.arguments] == [
        (None, "IN", "text"),
        ("rest", "VARIADIC", "text[]"),
        (None, "OUT", "integer"),
    ]
    assert f.returns == "integer"
    assert f.settings == (
        ("TimeZone", "UTC"),
        ("jit", "off"),
        ("statement_timeout", "5000"),
        ("work_mem", "64MB"),
    )


def test_search_path_is_no_setting() -> None:
    document, _ = load_text(
        "schema: a\nfunctions:\n  f: {settings: {search_path: public}, body: SELECT 1}\n", "schema/a.yaml"
    )
    assert [d.code for d in validate_documents([document])] != []


def test_default_privileges_for_every_schema() -> None:
    catalog = ok(
        "schema: a\nroles: {r: {}}\ndefault_privileges:\n"
        "  - {on: functions, all_schemas: true, revoke: [all], from: public}\n"
        "  - {on: tables, all_schemas: true, privileges: [select], to: r}\n"
        "  - {on: tables, privileges: [select], to: r}\n"
    )
    entries = sorted(catalog.default_privileges.values(), key=lambda d: d.key)
    assert [(d.schema, d.object_kind, d.grantee, d.privileges, d.revoke) for d in entries] == [
        (None, "functions", "public", ("EXECUTE",), True),
        (None, "tables", "r", ("SELECT",), False),
        ("a", "tables", "r", ("SELECT",), False),
    ]
    for entry in (
        "{on: functions, revoke: [execute], from: public}",
        "{on: schemas, privileges: [usage], to: r}",
    ):
        document, _ = load_text(f"schema: a\ndefault_privileges:\n  - {entry}\n", "schema/a.yaml")
        assert validate_documents([document]) != []  # only without IN SCHEMA


def test_views() -> None:
    catalog = ok(
        "schema: a\nviews:\n  v: {query: 'SELECT 1 AS x;', columns: [y], check_option: local}\n"
        "materialized_views:\n  m:\n    query: SELECT 1 AS day\n    with_data: false\n"
        "    indexes: [{columns: [day], unique: true}]\n"
    )
    v = catalog.views[Q("a", "v")]
    assert (v.query, v.columns, v.check_option, v.materialized) == ("SELECT 1 AS x", ("y",), "LOCAL", False)
    m = catalog.views[Q("a", "m")]
    assert m.materialized and not m.with_data
    assert catalog.indexes[Q("a", "m_day_idx")].table == Q("a", "m")


def test_triggers_and_policies() -> None:
    catalog = ok(
        "schema: a\ntables:\n  t:\n    columns: {x: int}\n    row_level_security: enabled\n"
        "    triggers:\n      t_check: {function: other.fn, timing: before, events: [insert, update],"
        " update_of: [x], for_each: row, when: NEW.x < 0, arguments: [x, 1]}\n"
        "      t_log: {function: fn, timing: after, events: [update], referencing: {new_table: n},"
        " enabled: replica}\n"
        "    policies:\n      p: {to: [r1, r2], using: x > 0}\n"
        "      q: {as: restrictive, for: delete, using: 'false'}\n"
    )
    check = catalog.triggers[(Q("a", "t"), "t_check")]
    assert (check.function, check.timing, check.events) == (Q("other", "fn"), "BEFORE", ("INSERT", "UPDATE"))
    assert (check.update_columns, check.for_each_row, check.arguments) == (("x",), True, ("x", "1"))
    log = catalog.triggers[(Q("a", "t"), "t_log")]
    assert (log.function, log.for_each_row, log.referencing_new) == (Q("a", "fn"), False, "n")
    assert (check.enabled, log.enabled) == ("origin", "replica")
    p = catalog.policies[(Q("a", "t"), "p")]
    assert (p.permissive, p.command, p.roles, p.using) == (True, "ALL", ("r1", "r2"), "x > 0")
    q = catalog.policies[(Q("a", "t"), "q")]
    assert (q.permissive, q.command, q.roles, q.using) == (False, "DELETE", ("public",), "false")


def test_roles_grants_and_default_privileges() -> None:
    catalog = ok(
        "roles:\n  reader: {}\n  writer: {member_of: [reader]}\n"
        "grants:\n  - {on: all tables in schema a, privileges: [select], to: reader}\n",
        "schema: a\nroles:\n  reader:\ntables:\n  t: {columns: {x: int}}\n  u: {columns: {x: serial}}\n"
        "functions:\n  f: {arguments: {x: a_id}, returns: int, body: SELECT 1}\n"
        "domains:\n  a_id: integer\n"
        "grants:\n"
        "  - {on: table a.t, privileges: [all], to: writer}\n"
        "  - {on: table t, privileges: [select], columns: [x], to: [writer]}\n"
        "  - {on: function a.f(a_id), revoke: [execute], from: public}\n"
        "  - {on: all sequences in schema a, privileges: [usage], to: writer}\n"
        "default_privileges:\n  - {on: tables, privileges: [select, insert], to: [reader, writer]}\n",
        postgres=16,
    )
    assert sorted(catalog.roles) == ["reader", "writer"]
    assert catalog.roles["writer"].member_of == ("reader",)
    grants = {(g.object_kind, str(g.target), g.grantee, g.revoke): g for g in catalog.grants.values()}
    assert grants[("table", "a.t", "reader", False)].privileges == ("SELECT",)
    assert grants[("table", "a.u", "reader", False)].privileges == ("SELECT",)
    everything = ("DELETE", "INSERT", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE")
    assert grants[("table", "a.t", "writer", False)].privileges == everything
    assert grants[("column", "a.t", "writer", False)].columns == ("x",)
    revoked = grants[("function", "a.f(a.a_id)", "public", True)]
    assert revoked.privileges == ("EXECUTE",)
    assert revoked.target.routine == routine_id(Q("a", "f"), ("a.a_id",))
    assert revoked.target.routine in catalog.functions
    assert grants[("sequence", "a.u_x_seq", "writer", False)].privileges == ("USAGE",)
    defaults = sorted(catalog.default_privileges.values(), key=lambda d: d.grantee)
    assert [(d.schema, d.object_kind, d.grantee, d.privileges) for d in defaults] == [
        ("a", "tables", "reader", ("INSERT", "SELECT")),
        ("a", "tables", "writer", ("INSERT", "SELECT")),
    ]


def test_all_includes_maintain_from_17() -> None:
    catalog = ok(
        "schema: a\ntables:\n  t: {columns: {x: int}}\n"
        "grants:\n  - {on: table a.t, privileges: [all], to: r}\n"
    )
    assert "MAINTAIN" in next(iter(catalog.grants.values())).privileges


def test_role_declared_twice_differently() -> None:
    _, diagnostics = build("roles:\n  r: {login: true}\n", "roles:\n  r: {}\n")
    assert [d.code for d in diagnostics] == ["C380"]


def test_reference_rows() -> None:
    catalog = ok(
        "schema: a\ntables:\n  s:\n"
        "    columns: {name: text, value: numeric, tags: 'text[]', meta: jsonb, at: timestamptz}\n"
        "    primary_key: [name]\n"
        "    rows:\n      key: [name]\n      columns: [value, name]\n      on_conflict: nothing\n"
        "      values:\n        - [1.50, it's]\n"
        "  t:\n    columns: {name: text, tags: 'text[]', meta: jsonb, at: timestamptz}\n"
        "    rows:\n      key: [name]\n"
        "      values:\n        - {meta: {a: [1, 2]}, name: x, tags: [p, 'q r'], at: {sql: now()}}\n"
    )
    s = catalog.reference_rows[Q("a", "s")]
    assert s.on_conflict == "nothing"
    assert s.rows == ((("name", "'it''s'"), ("value", "1.50")),)
    t = catalog.reference_rows[Q("a", "t")]
    assert t.rows == (
        (("name", "'x'"), ("tags", '\'{"p","q r"}\''), ("meta", "'{\"a\": [1, 2]}'"), ("at", "now()")),
    )


def test_row_with_wrong_number_of_values() -> None:
    _, diagnostics = build(
        "schema: a\ntables:\n  t:\n    columns: {k: text}\n"
        "    rows: {key: [k], columns: [k], values: [[a, b]]}\n"
    )
    assert [d.code for d in diagnostics] == ["C388"]
