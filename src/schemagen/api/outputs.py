"""The files of generated/: every one is derived from the declared catalog."""

from __future__ import annotations

from collections.abc import Sequence

import jinja2

from schemagen.diagnostics import Diagnostic
from schemagen.diff import diff_catalogs
from schemagen.lint import parse_gate
from schemagen.model import Catalog
from schemagen.model.names import QualifiedName
from schemagen.model.templates import TemplateOverride
from schemagen.plan import plan_changes
from schemagen.render.environment import file_environment
from schemagen.render.erd import render_erd
from schemagen.render.overrides import OverrideFailed, header_problem, override_errors
from schemagen.render.plan import ScriptPart, render_header, render_script, script_parts

MAINTENANCE = QualifiedName("partitions", "run_maintenance")
"""The function the range rules' macro creates; the full script ends by running it."""


def maintenance_function(catalog: Catalog) -> QualifiedName | None:
    """``partitions.run_maintenance`` when the catalog has it (a table with a range rule)."""
    found = any(f.name == MAINTENANCE for f in catalog.functions_named(MAINTENANCE.name))
    return MAINTENANCE if found else None


def catalog_script(catalog: Catalog, files: jinja2.Environment | None = None) -> list[ScriptPart]:
    """The parts of the script that takes an empty database to ``catalog``: the plan from an
    empty catalog in one transaction, ``search_path`` pinned, the partition maintenance run last."""
    plan = plan_changes(diff_catalogs(Catalog(), catalog))
    return script_parts(plan, files=files, maintenance=maintenance_function(catalog))


def render_schema_sql(catalog: Catalog, files: jinja2.Environment | None = None) -> str:
    """The complete DDL: the plan that takes an empty database to ``catalog``, as one script.

    ``files`` holds the file-level templates (the header), a project's overrides included.
    """
    return render_script(catalog_script(catalog, files))


def render_outputs(
    catalog: Catalog, settings, overrides: Sequence[TemplateOverride] = ()
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Every generated file, keyed by path under generated/, plus lint findings.

    ``overrides`` are the project's own file-level templates; an error inside one of them
    is a located diagnostic (and no files), not a crash.
    """
    files = file_environment(overrides)
    try:
        with override_errors(overrides):
            problem = header_problem(render_header(files), overrides)
            schema_sql = render_schema_sql(catalog, files)
            erd = render_erd(catalog, files)
    except OverrideFailed as failed:
        return {}, [failed.diagnostic]
    if problem is not None:
        return {}, [problem]
    diagnostics = parse_gate(schema_sql)
    return {"schema.sql": schema_sql, "erd.md": erd}, diagnostics
