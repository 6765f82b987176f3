"""Migrate every conformance case with ``apply`` and check that it converges.

For a case of ``../shared/conformance/cases``: old.sql → database A, new.sql →
database B; ``inspect`` B → project P; ``apply`` P to A (every hazard allowed,
every schema of A in scope, so what new.sql dropped is dropped); the case
converges when the catalogs of A and B are then equal and a second plan is empty.
Used by ``test_conformance_migration.py`` (which pins the known failures) and by
``python -m benchmarks.conformance_migration`` (which prints the fraction per kind).
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pglast
import psycopg
from psycopg import sql as psql
from tests.integration.catalog_differences import differing_objects

from schemagen.api.apply import ApplyFailed, execute_plan
from schemagen.api.inspect import inspect_database, read_database
from schemagen.api.live import compare_catalog, compile_declared
from schemagen.errors import InvalidProject
from schemagen.model import Catalog

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "conformance"

SCHEMAS_OF_A = (
    "SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' "
    "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = pg_namespace.oid AND d.deptype = 'e')"
)


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What happened to one case: ``status`` is passed, failed or not applicable."""

    case: str
    status: str
    detail: str = ""


def cases() -> list[Path]:
    """Every case directory with an old and a new schema, sorted by id."""
    root = CORPUS / "cases"
    return sorted(p for p in root.iterdir() if (p / "new.sql").is_file() and (p / "old.sql").is_file())


def case_kind(case: str) -> str:
    """The group a case belongs to: ``psd__column__003_…`` → ``column``; migra's fixtures → ``migra``."""
    source, _, rest = case.partition("__")
    return rest.split("__")[0] if source == "psd" else source


def _one_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _execute_script(dsn: str, text: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        for statement in pglast.split(text, with_parser=False):
            conn.execute(statement)


def _columns_by_name(catalog: Catalog) -> Catalog:
    """Each table's columns sorted by name: a migration appends columns, so their order may differ."""
    tables = {
        key: dataclasses.replace(table, columns=tuple(sorted(table.columns, key=lambda c: c.name)))
        for key, table in catalog.tables.items()
    }
    return dataclasses.replace(catalog, tables=tables)


def _short(catalog_a: Catalog, catalog_b: Catalog) -> list[str]:
    lines = []
    for field, key, x, y in differing_objects(_columns_by_name(catalog_a), _columns_by_name(catalog_b)):
        if x is None or y is None:
            lines.append(f"{field} {key}: only in {'new' if x is None else 'migrated'}")
            continue
        names = [
            f.name for f in dataclasses.fields(x) if f.compare and getattr(x, f.name) != getattr(y, f.name)
        ]
        lines.append(f"{field} {key}: {', '.join(names)}")
    return lines


def migrate(case: Path, dsn_a: str, dsn_b: str, work: Path) -> Outcome:
    """Run one case on two fresh databases."""
    try:
        _execute_script(dsn_a, (case / "old.sql").read_text())
        _execute_script(dsn_b, (case / "new.sql").read_text())
    except psycopg.Error as exc:
        return Outcome(case.name, "not applicable", _one_line(exc))
    target = inspect_database(dsn_b, None, work / case.name)
    if target.omissions:
        return Outcome(
            case.name, "failed", f"omitted: {', '.join(sorted({o.kind for o in target.omissions}))}"
        )
    with psycopg.connect(dsn_a) as conn:
        extra = [row[0] for row in conn.execute(SCHEMAS_OF_A)]
    try:
        declared, _ = compile_declared(work / case.name)
    except InvalidProject as exc:
        codes = sorted({d.code for d in exc.diagnostics if d.severity.name == "ERROR"})
        return Outcome(case.name, "failed", f"build: {', '.join(codes)}")
    try:
        comparison = compare_catalog(dsn_a, declared, extra)
    except InvalidProject as exc:
        return Outcome(case.name, "failed", f"plan: {', '.join(sorted({d.code for d in exc.diagnostics}))}")
    try:
        execute_plan(dsn_a, comparison.changes)
    except ApplyFailed as exc:
        return Outcome(case.name, "failed", f"apply: {exc.error}")
    migrated, _ = read_database(dsn_a, None)
    differences = _short(migrated, target.catalog)
    if differences:
        return Outcome(case.name, "failed", f"differs: {'; '.join(differences[:3])}")
    again = compare_catalog(dsn_a, declared, extra)
    if again.changes:
        lines = [c.summary.line() for c in again.changes[:3]]
        return Outcome(case.name, "failed", f"second plan not empty: {'; '.join(lines)}")
    return Outcome(case.name, "passed")


RESET = """
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION %I CASCADE', r.extname);
  END LOOP;
  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
  END LOOP;
END$$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema';
"""
"""Empty a database as CREATE DATABASE would leave it (for this corpus, which creates no
database-level objects): much cheaper than dropping and creating databases for every case."""


def _reset(dsn: str, roles: list[str]) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(RESET)
        for role in roles:
            conn.execute(
                psql.SQL(
                    "DO $$BEGIN DROP OWNED BY {}; EXCEPTION WHEN undefined_object THEN NULL; END$$"
                ).format(psql.Identifier(role))
            )


@dataclasses.dataclass(frozen=True)
class Server:
    """A server the corpus runs on: its maintenance DSN and a way to name its databases."""

    admin_dsn: str
    dsn_of: Callable[[str], str]
    tag: str

    @property
    def databases(self) -> tuple[str, str]:
        """The two databases (A and B) every case reuses, emptied between cases."""
        return (f"mig_{self.tag}_a", f"mig_{self.tag}_b")


def _admin(server: Server, statements: list[psql.Composable]) -> None:
    with psycopg.connect(server.admin_dsn, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def _roles(roles: list[str], verb: str) -> list[psql.Composable]:
    if verb == "create":
        template = "DO $$BEGIN CREATE ROLE {}; EXCEPTION WHEN duplicate_object THEN NULL; END$$"
    else:
        template = "DROP ROLE IF EXISTS {}"
    return [psql.SQL(template).format(psql.Identifier(role)) for role in roles]


def run_case(server: Server, case: Path, work: Path) -> Outcome:
    """One case on ``server``'s two databases, emptied before; the case's roles exist during it."""
    meta = json.loads((case / "meta.json").read_text()) if (case / "meta.json").is_file() else {}
    roles = sorted(meta.get("roles") or ())
    dsns = [server.dsn_of(name) for name in server.databases]
    for dsn in dsns:
        _reset(dsn, [])
    _admin(server, _roles(roles, "create"))
    try:
        return migrate(case, dsns[0], dsns[1], work)
    except Exception as exc:  # a crash in schemagen is a failed case, reported with its type
        return Outcome(case.name, "failed", f"crash: {type(exc).__name__}: {_one_line(exc)}")
    finally:
        for dsn in dsns:
            _reset(dsn, roles)
        _admin(server, _roles(roles, "drop"))


def run_corpus(server: Server, selected: list[Path] | None = None) -> Iterator[Outcome]:
    """Every case (or ``selected``) in turn on one server, on two databases made once."""
    names = [psql.Identifier(name) for name in server.databases]
    _admin(server, [psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(n) for n in names])
    _admin(server, [psql.SQL("CREATE DATABASE {}").format(n) for n in names])
    try:
        with tempfile.TemporaryDirectory(prefix="schemagen-migration-") as tmp:
            for case in selected or cases():
                yield run_case(server, case, Path(tmp))
    finally:
        _admin(server, [psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(n) for n in names])
