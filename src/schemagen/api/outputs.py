"""The files of generated/: every one is derived from the declared catalog."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic
from schemagen.diff import diff_catalogs
from schemagen.lint import parse_gate
from schemagen.model import Catalog
from schemagen.plan import plan_changes
from schemagen.render import render_plan
from schemagen.render.erd import render_erd


def render_schema_sql(catalog: Catalog) -> str:
    """The complete DDL: the plan that takes an empty database to ``catalog``."""
    return render_plan(plan_changes(diff_catalogs(Catalog(), catalog)))


def render_outputs(catalog: Catalog, settings) -> tuple[dict[str, str], list[Diagnostic]]:
    """Every generated file, keyed by path under generated/, plus lint findings."""
    schema_sql = render_schema_sql(catalog)
    diagnostics = parse_gate(schema_sql)
    return {"schema.sql": schema_sql, "erd.md": render_erd(catalog)}, diagnostics
