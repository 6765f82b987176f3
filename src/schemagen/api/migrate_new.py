"""``schemagen migrate new NAME``: the next migration, planned from the state the migrations produce.

No database: the state is the snapshot in ``generated/migrations/state/``. The up
file is the plan from that state to the declared schema, the down file the plan
back, both through the same planner and templates as ``generated/schema.sql``
(written safe, as ``plan`` writes it against a live database, once tables exist).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from schemagen.api.build import compile_project
from schemagen.api.migration_state import STATE_DIR, load_state, restamped, state_files
from schemagen.api.outputs import maintenance_function
from schemagen.api.project import GENERATED_DIR, MIGRATIONS_DIR, project_root
from schemagen.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from schemagen.diff import diff_catalogs
from schemagen.errors import InvalidProject, UsageError
from schemagen.migrations import (
    SUM_FILE,
    Script,
    file_name,
    migration_id,
    read_migrations,
    render_sum,
    slug,
    sum_total,
    verify_directory,
)
from schemagen.migrations.text import checksum
from schemagen.model import Catalog
from schemagen.model.names import QualifiedName
from schemagen.model.settings import ProjectSettings
from schemagen.plan import plan_changes
from schemagen.render.migration import hazard_lines, render_migration


@dataclass
class NewMigration:
    """What ``migrate new`` wrote (nothing when the migrations already produce the declared schema)."""

    migration_id: str | None = None
    written: list[str] = field(default_factory=list)
    """Paths relative to the project."""
    up_hazards: list[tuple[str, str]] = field(default_factory=list)
    down_hazards: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)


def new_migration(project: str | Path, name: str) -> NewMigration:
    """Write ``generated/migrations/NNNN_slug.{up,down}.sql``, the sum file and the state snapshot.

    Raises:
        UsageError: ``name`` has no letter or digit.
        InvalidProject: the project, the migration files or the snapshot have errors
            (nothing is written).
    """
    root = project_root(project)
    name_slug = slug(name)
    if not name_slug:
        raise UsageError(f"migration name {name!r} has no letter or digit to make a file name of")
    declared, settings, warnings = _declared(root)
    generated = root / GENERATED_DIR
    found = verify_directory(generated / MIGRATIONS_DIR)
    state, problems = (
        load_state(generated, settings) if not has_errors(found.diagnostics) else (Catalog(), [])
    )
    problems = sorted_diagnostics([*found.diagnostics, *problems])
    if has_errors(problems):
        raise InvalidProject(problems)
    changes = diff_catalogs(state, declared)
    if not changes:
        return NewMigration(warnings=warnings)
    version = max((m.version for m in found.migrations), default=0) + 1
    ident = migration_id(version, name_slug)
    first = not found.migrations
    up_plan = plan_changes(changes, old=None if first else state, safety=settings.safety)
    down_plan = plan_changes(diff_catalogs(declared, state), old=declared, safety=settings.safety)
    texts = {
        "up": render_migration(
            up_plan, migration_id=ident, direction="up", maintenance=_maintenance(state, declared)
        ),
        "down": render_migration(
            down_plan, migration_id=ident, direction="down", maintenance=_maintenance(declared, state)
        ),
    }
    scripts = found.scripts + [
        Script(file_name(version, name_slug, d), d, t, checksum(t)) for d, t in texts.items()
    ]
    sum_text = render_sum(scripts)
    total = _total(sum_text)
    files = {f"{MIGRATIONS_DIR}/{file_name(version, name_slug, d)}": t for d, t in texts.items()}
    files[f"{MIGRATIONS_DIR}/{SUM_FILE}"] = sum_text
    files.update(state_files(declared, ident, total))
    written = _write(generated, files)
    return NewMigration(ident, written, hazard_lines(up_plan), hazard_lines(down_plan), warnings)


def _maintenance(source: Catalog, target: Catalog) -> QualifiedName | None:
    """The partition maintenance function to run after a file that creates or changes it (its
    body lists the time-partitioned tables, so a new one changes it), as schema.sql runs it."""
    function = maintenance_function(target)
    if function is None:
        return None
    before, after = source.functions_named(function.name), target.functions_named(function.name)
    return function if before != after else None


def _declared(root: Path) -> tuple[Catalog, ProjectSettings, list[Diagnostic]]:
    result = compile_project(root)  # with outputs: the diagnostics (suppressions applied) are build's
    if not result.ok or result.catalog is None:
        raise InvalidProject(result.diagnostics)
    return result.catalog, result.settings, result.diagnostics


def _write(generated: Path, files: dict[str, str], *, replace_state: bool = True) -> list[str]:
    """Write ``files`` (paths under generated/), each through a renamed temporary file; with
    ``replace_state``, snapshot files not in ``files`` are removed. Returns the paths written."""
    state_dir = generated / STATE_DIR
    wanted = {generated / name for name in files}
    if replace_state and state_dir.is_dir():
        for old in sorted(state_dir.iterdir()):
            if old.is_file() and old not in wanted:
                old.unlink()
    written = []
    for name, text in files.items():  # up, down, the sum file, the snapshot: in the order given
        target = generated / name
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
        written.append(f"{GENERATED_DIR}/{name}")
    return written


def rehash(project: str | Path) -> list[str]:
    """``schemagen migrate hash``: record the files' current text in the sum file (after a
    deliberate hand edit of a migration never applied anywhere) and its new total in the
    snapshot's headers. Malformed files are still refused. Returns the paths written."""
    generated = project_root(project) / GENERATED_DIR
    found = read_migrations(generated / MIGRATIONS_DIR)
    if has_errors(found.diagnostics):
        raise InvalidProject(sorted_diagnostics(found.diagnostics))
    if not found.migrations:
        return []
    sum_text = render_sum(found.scripts)
    files = {f"{MIGRATIONS_DIR}/{SUM_FILE}": sum_text}
    files.update(restamped(generated, found.migrations[-1].id, _total(sum_text)))
    return _write(generated, files, replace_state=False)


def _total(sum_text: str) -> str:
    total = sum_total(sum_text)
    assert total is not None  # render_sum always ends with it
    return total
