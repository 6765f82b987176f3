"""C316 (error), C318-C319, C324, C337, C370 (security_invoker), C375-C378: one failing and one
passing project each, through load, validate, build and the checks."""

from __future__ import annotations

import pytest

from schemagen.builder import build_catalog
from schemagen.checks import run_checks
from schemagen.diagnostics import Severity
from schemagen.source.project import load_text
from schemagen.validate import validate_documents

USERS = """
schema: demo
tables:
  users:
    columns: {id: bigint not null, name: text, password_hash: text, updated: timestamptz}
    primary_key: [id]
"""
SHORT_NAME = USERS.replace("name: text", "name: varchar(3)")


def _found(text: str, postgres: int = 18):
    document, loaded = load_text(text, "schema/demo.yaml")
    assert document is not None, loaded
    assert validate_documents([document]) == []
    catalog, built = build_catalog([document])
    assert built == []
    return run_checks(catalog, postgres)


# (code, defective project, fixed project)
CASES = [
    (
        "C316",
        USERS + "    policies: {own: {using: id = 1}}\n",
        USERS + "    row_level_security: enabled\n    policies: {own: {using: id = 1}}\n",
    ),
    (
        "C318",
        USERS.replace("name: text", "name: text, ok: {type: boolean, default: \"'maybe'\"}"),
        USERS.replace("name: text", "name: text, ok: {type: boolean, default: \"'yes'\"}"),
    ),
    (
        "C318",
        USERS.replace("name: text", "name: text, n: {type: smallint, default: '40000'}"),
        USERS.replace("name: text", "name: text, n: {type: smallint, default: '4000'}"),
    ),
    (
        "C318",
        USERS.replace("name: text", "name: text, d: {type: date, default: \"'2026-02-30'\"}"),
        USERS.replace("name: text", "name: text, d: {type: date, default: \"'2026-02-28'\"}"),
    ),
    (
        "C318",
        USERS + "    rows: {key: [id], values: [{id: 1, updated: someday}]}\n",
        USERS + "    rows: {key: [id], values: [{id: 1, updated: 2026-01-01}]}\n",
    ),
    (
        "C318",
        SHORT_NAME + "    rows: {key: [id], values: [{id: 1, name: abcd}]}\n",
        SHORT_NAME + "    rows: {key: [id], values: [{id: 1, name: abc}]}\n",
    ),
    (
        "C319",
        USERS + "    rows: {key: [id], values: [{id: 1, name: a}, {id: '1', name: b}]}\n",
        USERS + "    rows: {key: [id], values: [{id: 1, name: a}, {id: 2, name: b}]}\n",
    ),
    (
        "C324",
        USERS.replace("name: text", "name: varchar(0)"),
        USERS.replace("name: text", "name: varchar(1)"),
    ),
    (
        "C324",
        USERS.replace("name: text", "name: numeric(0)"),
        USERS.replace("name: text", "name: numeric(10)"),
    ),
    (
        "C337",
        "schema: demo\ntables:\n  ev:\n    columns: {n: integer not null}\n    partition_by:\n"
        "      range: [n]\n      partitions:\n        a: {values: {from: 0, to: 10}}\n"
        "        b: {values: {from: 5, to: 20}}\n        c: {values: default}\n",
        "schema: demo\ntables:\n  ev:\n    columns: {n: integer not null}\n    partition_by:\n"
        "      range: [n]\n      partitions:\n        a: {values: {from: 0, to: 10}}\n"
        "        b: {values: {from: 10, to: 20}}\n        c: {values: default}\n",
    ),
    (
        "C337",
        "schema: demo\ntables:\n  ev:\n    columns: {k: text not null}\n    partition_by:\n"
        "      list: [k]\n      partitions:\n        a: {values: [x, y]}\n        b: {values: [y]}\n",
        "schema: demo\ntables:\n  ev:\n    columns: {k: text not null}\n    partition_by:\n"
        "      list: [k]\n      partitions:\n        a: {values: [x, y]}\n        b: {values: [z]}\n",
    ),
    (
        "C375",
        USERS + "views:\n  v: {query: SELECT id FROM users}\n",
        USERS + "views:\n  v: {query: SELECT id FROM demo.users}\n",
    ),
    (
        "C376",
        USERS + "views:\n  v: {query: 'SELECT id, nme FROM demo.users'}\n",
        USERS + "views:\n  v: {query: 'SELECT id, name FROM demo.users'}\n",
    ),
    (
        "C376",
        USERS + "functions:\n  f: {returns: bigint, body: SELECT count(idd) FROM demo.users}\n",
        USERS + "functions:\n  f: {returns: bigint, body: SELECT count(id) FROM demo.users}\n",
    ),
    (
        "C377",
        USERS + "views:\n  v: {columns: [a, b], query: SELECT id FROM demo.users}\n",
        USERS + "views:\n  v: {columns: [a, b], query: 'SELECT id, name FROM demo.users'}\n",
    ),
    (
        "C378",
        USERS + "    audit: {exclude_columns: [pasword_hash]}\n",
        USERS + "    audit: {exclude_columns: [password_hash]}\n",
    ),
    (
        "C378",
        USERS + "    updated_at: missing_column\n",
        USERS + "    updated_at: updated\n",
    ),
    (
        "C378",
        USERS + "    notify: {channel: c, payload_columns: [idd]}\n",
        USERS + "    notify: {channel: c, payload_columns: [id]}\n",
    ),
]


@pytest.mark.parametrize(("code", "bad", "fixed"), CASES, ids=[c[0] for c in CASES])
def test_defect_is_found_and_fix_is_clean(code, bad, fixed):
    found = _found(bad)
    assert code in [d.code for d in found], [d.format() for d in found]
    assert all(d.span is not None and d.span.line > 1 for d in found if d.code == code)
    assert [d.format() for d in _found(fixed) if d.severity is Severity.ERROR] == []


def test_security_invoker_needs_postgres_15():
    view = USERS + "views:\n  v: {query: SELECT id FROM demo.users, security_invoker: true}\n"
    assert [d.code for d in _found(view, postgres=14)] == ["C370"]
    assert _found(view, postgres=15) == []


def test_duplicate_keys_with_on_conflict_nothing_only_warn():
    rows = USERS + "    rows: {key: [id], on_conflict: nothing, values: [{id: 1}, {id: 1}]}\n"
    [diag] = _found(rows)
    assert diag.code == "C319" and diag.severity is Severity.WARNING


def test_function_arguments_and_row_references_are_not_unknown_columns():
    body = (
        "functions:\n  f:\n    arguments: {p_id: bigint}\n    returns: bigint\n"
        "    body: SELECT count(*) FROM demo.users AS u WHERE u.id = p_id AND users_ok(u)\n"
    )
    assert [d.code for d in _found(USERS + body) if d.code == "C376"] == []


def test_subquery_scopes_see_outer_columns():
    view = (
        "views:\n  v:\n    query: SELECT id FROM demo.users WHERE EXISTS "
        "(SELECT 1 FROM demo.users AS o WHERE o.id = name::bigint AND password_hash IS NULL)\n"
    )
    assert _found(USERS + view) == []


def test_policies_kept_on_purpose_with_rls_off_only_warn():
    kept = USERS + "    row_level_security: false\n    policies: {own: {using: id = 1}}\n"
    [diag] = _found(kept)
    assert diag.code == "C316" and diag.severity is Severity.WARNING
