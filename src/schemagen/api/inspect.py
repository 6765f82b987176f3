"""Use case: read a live database and write it as a YAML project (``schemagen inspect``)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from schemagen.api.memory import paused_gc
from schemagen.errors import DatabaseError, OutputExists, UsageError
from schemagen.introspect import Omission, introspect
from schemagen.introspect.live import BackgroundRows

SETTINGS_FILE = "schemagen.yaml"

if TYPE_CHECKING:
    from schemagen.api.inspect_rules import FoldedRules
    from schemagen.model import Catalog, QualifiedName
    from schemagen.model.settings import ProjectSettings


@dataclass(frozen=True)
class InspectResult:
    """What ``inspect`` read, wrote and could not express."""

    catalog: Catalog
    files: dict[str, str]
    omissions: list[Omission] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """What was written but deserves a look (an INVALID index written as a declared one)."""


def mask_dsn(dsn: str) -> str:
    """The DSN with any password replaced by ``***`` (URL or key=value form).

    >>> mask_dsn("postgresql://app:s3cret@db/prod")
    'postgresql://app:***@db/prod'
    >>> mask_dsn("host=db password=s3cret dbname=prod")
    'host=db password=*** dbname=prod'
    """
    password = _password(dsn)
    return dsn.replace(password, "***") if password else dsn


def _password(dsn: str) -> str | None:
    try:
        return conninfo_to_dict(dsn).get("password") or None
    except psycopg.ProgrammingError:
        return None


def _scrub(message: str, dsn: str) -> str:
    password = _password(dsn)
    text = message.replace(password, "***") if password else message
    return text.replace(dsn, mask_dsn(dsn)) if dsn else text


def read_database(
    dsn: str | None,
    schemas: list[str] | None,
    progress: Callable[[str, int], None] | None = None,
    rows: Sequence[str] = (),
    owners: bool = False,
) -> tuple[Catalog, list[Omission]]:
    """Connect (``dsn`` None or empty: the libpq environment, PGHOST, PGDATABASE, …) and introspect.

    ``rows`` names tables whose rows are read as reference rows (``inspect --rows``);
    ``owners`` reads each object's owner.
    """
    conninfo = dsn or ""
    try:
        with psycopg.connect(conninfo, connect_timeout=10) as conn:
            catalog, omissions = introspect(conn, schemas or None, progress, owners=owners)
            if rows:
                from schemagen.api.inspect_rows import read_reference_rows  # the model and renderer

                read = read_reference_rows(conn, catalog, rows)
                catalog = replace(catalog, reference_rows={**catalog.reference_rows, **read})
            return catalog, omissions
    except psycopg.Error as exc:
        raise connection_error(exc, conninfo) from None


def _read_meanwhile(
    dsn: str | None, schemas: list[str] | None, progress: Callable[[str, int], None] | None, owners: bool
) -> tuple[Catalog, list[Omission]]:
    """What :func:`read_database` reads, with the catalog queries started on a thread before the
    model, the readers and the YAML writer are imported (they load while the server answers)."""
    reading = BackgroundRows(dsn or "", schemas or None, progress, owners=owners)
    for module in ("schemagen.api.inspect_macros", "schemagen.api.inspect_rules", "schemagen.emit"):
        importlib.import_module(module)  # needed next, by inspect_database
    from schemagen.introspect.reader import read_catalog

    try:
        rows = reading.rows()
    except psycopg.Error as exc:
        raise connection_error(exc, dsn or "") from None
    return read_catalog(rows)


def connection_error(exc: psycopg.Error, conninfo: str) -> UsageError | DatabaseError:
    """The error to raise for a failed connection or read: a malformed DSN is a usage error.

    The password never appears in the message.
    """
    if isinstance(exc, psycopg.ProgrammingError):
        return UsageError(f"invalid --dsn: {_scrub(str(exc), conninfo)}")
    where = mask_dsn(conninfo) or "the libpq environment (PGHOST, PGDATABASE, …)"
    first_line = (
        _scrub(str(exc), conninfo).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    )
    return DatabaseError(f"cannot read {where}: {first_line}")


def scrub(message: str, dsn: str) -> str:
    """``message`` with the password of ``dsn`` (and ``dsn`` itself) masked."""
    return _scrub(message, dsn)


def inspect_database(
    dsn: str | None,
    schemas: list[str] | None,
    out: str | Path,
    progress: Callable[[str, int], None] | None = None,
    force: bool = False,
    rows: Sequence[str] = (),
    owners: bool = False,
) -> InspectResult:
    """Read the database and write ``out/schema/*.yaml``.

    Returns the catalog, the files written (relative path → text), the YAML files
    removed and every omission: objects the model cannot hold, and parts the format
    cannot say. ``out`` already holding ``schema/*.yaml`` is refused
    (:class:`OutputExists`) unless ``force``; then the YAML files this inspect did not
    write are removed, so the project is exactly the database. A schema named in
    ``schemas`` that the database does not have is a :class:`DatabaseError`. ``rows``
    names tables whose rows are written as their ``rows:`` (a table that is not
    inspected, or has no key to upsert by, is a :class:`UsageError`). With ``owners``
    (``inspect --owners``), or when ``out`` holds a schemagen.yaml that says ``owners:
    managed``, every object's owner is written (the file's most common one as its
    ``owner:``) and schemagen.yaml says ``owners: managed``.
    """
    root = Path(out)
    existing_settings = _settings_in(root)
    owners = owners or (existing_settings is not None and existing_settings.owners_managed)
    existing = existing_project_files(root)
    if existing and not force:
        raise OutputExists(
            f"{root} already holds a project ({len(existing)} YAML file(s) under schema/, "
            f"e.g. {existing[0]}); inspect would overwrite them: pass --force to replace the "
            "project (YAML files the database does not give are then removed), or choose "
            "another --out"
        )
    with paused_gc():
        if rows:
            catalog, omissions = read_database(dsn, schemas, progress, rows, owners)
        else:
            catalog, omissions = _read_meanwhile(dsn, schemas, progress, owners)
        from schemagen.api.inspect_bodies import mark_unchecked_bodies
        from schemagen.api.inspect_macros import fold_macros
        from schemagen.api.inspect_rules import fold_rules
        from schemagen.emit import emit_project, format_gaps
        from schemagen.emit.yaml_writer import dump

        missing = sorted(set(schemas or ()) - set(catalog.schemas))
        if missing:
            raise DatabaseError(
                f"no schema named {', '.join(repr(m) for m in missing)} in the database "
                "(schemas that belong to an extension are not read)"
            )
        rules = fold_rules(mark_unchecked_bodies(catalog), existing_settings)
        folded = fold_macros(rules.catalog)
        files = emit_project(folded.catalog, macros=_macro_keys(rules, folded.table_keys), owners=owners)
        settings = {"audit": rules.audit_settings} if rules.audit_settings is not None else {}
        if owners:
            settings["owners"] = "managed"
        if settings:
            files[SETTINGS_FILE] = dump({**_settings_data(root), **settings})
        gaps = [Omission(kind, name, why) for kind, name, why in format_gaps(catalog)]
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    removed = [relative for relative in existing if relative not in files]
    for relative in removed:
        (root / relative).unlink()
    return InspectResult(
        catalog=catalog,
        files=files,
        omissions=sorted(set(omissions + gaps)),
        removed=removed,
        warnings=invalid_index_warnings(catalog) + not_null_name_warnings(catalog),
    )


def invalid_index_warnings(catalog: Catalog) -> list[str]:
    """One warning per index PostgreSQL marks INVALID (a failed or running ``CREATE INDEX
    CONCURRENTLY``): it is written as declared, so applying the project builds it whole."""
    return [
        f"index {index.name} on {index.table} is INVALID in the database (a CREATE INDEX "
        "CONCURRENTLY that failed or is still running): it is written as an ordinary index, so "
        "the project builds it valid; drop it from the YAML (and DROP INDEX CONCURRENTLY it) "
        "if it is not wanted"
        for index in sorted(catalog.indexes.values(), key=lambda i: i.name)
        if not index.valid
    ]


def not_null_name_warnings(catalog: Catalog) -> list[str]:
    """One warning per NOT NULL constraint (PostgreSQL 18) whose name PostgreSQL would not choose
    (``ADD CONSTRAINT keep NOT NULL c``; a column renamed after): the format has no name for it,
    so the project rebuilds it under the default name."""
    from schemagen.introspect.read_tables import default_not_null_name
    from schemagen.model.pg.naming import make_object_name

    warnings = []
    for table in sorted(catalog.tables.values(), key=lambda t: t.name):
        for column in table.columns:
            name = column.not_null_name
            if name and column.not_null and not default_not_null_name(name, table.name.name, column.name):
                rebuilt = make_object_name(table.name.name, column.name, "not_null")
                warnings.append(
                    f"NOT NULL constraint {name} of {table.name}.{column.name} is written as the "
                    f"column's not null: the project rebuilds it as {rebuilt}"
                )
    return warnings


def _settings_in(root: Path) -> ProjectSettings | None:
    """The settings of the schemagen.yaml already in ``root`` (None when there is none)."""
    if not (root / SETTINGS_FILE).is_file():
        return None
    from schemagen.source.project import load_settings  # the YAML loader: only when there is one

    return load_settings(root)[0]


def _settings_data(root: Path) -> dict[str, Any]:
    """What the schemagen.yaml already in ``root`` says (kept when inspect adds its own settings)."""
    from schemagen.source.project import load_file

    if not (root / SETTINGS_FILE).is_file():
        return {}
    document, _ = load_file(root / SETTINGS_FILE, SETTINGS_FILE)
    return dict(document.data) if document is not None and isinstance(document.data, dict) else {}


def _macro_keys(rules: FoldedRules, keys: dict[QualifiedName, dict[str, Any]]) -> dict[QualifiedName, dict]:
    """The macro keys of every table: folded rules and ``audit:`` beside ``updated_at:`` and ``notify:``."""
    merged: dict[QualifiedName, dict[str, Any]] = {name: dict(value) for name, value in keys.items()}
    for name, rule in rules.rules.items():
        merged.setdefault(name, {})["partition_by"] = rule
    for name, audit in rules.audit.items():
        merged.setdefault(name, {})["audit"] = audit
    return merged


def existing_project_files(root: Path) -> list[str]:
    """The YAML files of a project already under ``root/schema`` (relative paths, sorted)."""
    folder = root / "schema"
    if not folder.is_dir():
        return []
    found = [*folder.rglob("*.yaml"), *folder.rglob("*.yml")]
    return sorted(path.relative_to(root).as_posix() for path in found if path.is_file())
