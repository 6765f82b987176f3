"""``external: {schemas}``: references into another team's schema build; inspect writes the list."""

from __future__ import annotations

from pathlib import Path

from schemagen.api import compile_project
from schemagen.emit.external import external_schemas
from schemagen.emit.project import emit_project

APP = """\
schema: app
{external}tables:
  orders:
    columns:
      id: bigint primary key
      account_id: {{type: bigint, references: billing.accounts(id)}}
      cur: billing.currency
views:
  balances:
    query: SELECT o.id, billing.balance(o.account_id) AS balance FROM app.orders AS o
"""


def _project(tmp_path: Path, external: str, *extra: tuple[str, str]) -> Path:
    (tmp_path / "schema").mkdir(parents=True, exist_ok=True)
    (tmp_path / "schema" / "app.yaml").write_text(APP.format(external=external), encoding="utf-8")
    for name, text in extra:
        (tmp_path / "schema" / name).write_text(text, encoding="utf-8")
    return tmp_path


def _errors(result) -> list[str]:
    return [d.code for d in result.diagnostics if d.severity.name == "ERROR"]


def test_references_into_an_undeclared_schema_are_errors_without_external(tmp_path):
    result = compile_project(_project(tmp_path, ""))
    assert {"C301", "C303"} <= set(_errors(result))


def test_an_external_schema_makes_them_build(tmp_path):
    result = compile_project(_project(tmp_path, "external: {schemas: [billing]}\n"))
    assert _errors(result) == [], [d.format() for d in result.diagnostics]
    assert "REFERENCES billing.accounts (id)" in result.files["schema.sql"]
    assert "CREATE SCHEMA billing" not in result.files["schema.sql"]


def test_a_schema_both_declared_and_external_is_refused(tmp_path):
    billing = "schema: billing\ntables:\n  accounts:\n    columns: {id: bigint primary key}\n"
    result = compile_project(
        _project(tmp_path, "external: {schemas: [billing]}\n", ("billing.yaml", billing))
    )
    [diagnostic] = [d for d in result.diagnostics if d.code == "L113"]
    assert diagnostic.span.file == "schema/app.yaml" and diagnostic.span.line == 2
    assert "schema billing is declared external" in diagnostic.message
    assert not result.files


def test_external_is_written_for_what_the_catalog_uses_and_does_not_hold(tmp_path):
    catalog = compile_project(_project(tmp_path, "external: {schemas: [billing]}\n")).catalog
    assert external_schemas(catalog) == ["billing"]
    text = emit_project(catalog)["schema/app.yaml"]
    assert "\nexternal:\n  schemas: [billing]\n" in text
    again = tmp_path / "again"
    (again / "schema").mkdir(parents=True)
    (again / "schema" / "app.yaml").write_text(text, encoding="utf-8")
    assert _errors(compile_project(again)) == []
