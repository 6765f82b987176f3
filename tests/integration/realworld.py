"""Round trip of the real-world schemas of ``../shared/realworld``, one schema on one server.

roles.sql + schema.sql → database A → ``inspect`` → project → ``build`` →
generated/schema.sql → database B → ``inspect`` again. A schema round-trips on a
server when nothing was omitted, the project builds, its DDL applies, the catalogs
of A and B are equal and the YAML of B is byte-identical to A's. Both files are
loaded with ``psql -v ON_ERROR_STOP=1``, as the corpus README says (the supabase
migrations add an enum value and use it in later transactions, which one
multi-statement query could not do).

Used by ``tests/integration/test_realworld_roundtrip.py`` (pins the known failures)
and ``benchmarks/realworld_roundtrip.py`` (prints the table, runs the large ones).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
from psycopg import sql as psql
from tests.integration.catalog_differences import differing_objects

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "realworld"


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One schema on one server: ``status`` passed or failed; ``detail`` starts with the stage."""

    schema: str
    version: int
    status: str
    detail: str = ""
    seconds: float = 0.0


def schemas() -> list[str]:
    """The schema folders of the corpus, sorted (empty when the corpus is absent)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p.name for p in CORPUS.iterdir() if (p / "schema.sql").is_file())


def loads_on(schema: str) -> set[int]:
    """The major versions the corpus says the schema loads on (``meta.json`` ``pg_versions``)."""
    meta = json.loads((CORPUS / schema / "meta.json").read_text())
    return {int(v) for v in meta["pg_versions"]}


def psql_binary() -> str:
    """A psql client (any version from 15 on talks to both servers)."""
    found = shutil.which("psql") or "/usr/lib/postgresql/15/bin/psql"
    return found


def load_file(dsn: str, path: Path) -> str | None:
    """Run ``path`` with psql, stopping at the first error; the error's first line, or None."""
    result = subprocess.run(
        [psql_binary(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dsn, "-f", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode == 0:
        return None
    errors = [line for line in result.stderr.splitlines() if "ERROR" in line or "FATAL" in line]
    return (errors or result.stderr.strip().splitlines() or [f"psql exited {result.returncode}"])[0]


def short_differences(a, b) -> list[str]:
    """Every object that differs between two catalogs, one short line each."""
    lines = []
    for field, key, x, y in differing_objects(a, b):
        if x is None or y is None:
            lines.append(f"{field} {key}: only in {'B' if x is None else 'A'}")
            continue
        fields = [
            g.name for g in dataclasses.fields(x) if g.compare and getattr(x, g.name) != getattr(y, g.name)
        ]
        lines.append(f"{field} {key}: {', '.join(fields)}")
    return lines


def _roles(admin_dsn: str) -> set[str]:
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        return {r[0] for r in conn.execute("SELECT rolname FROM pg_roles")}


@contextlib.contextmanager
def fresh_databases(admin_dsn: str, names: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Empty databases called ``names`` for the duration; dropped after, with the roles made meanwhile."""
    roles_before = _roles(admin_dsn)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        for name in names:
            conn.execute(psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(psql.Identifier(name)))
            conn.execute(psql.SQL("CREATE DATABASE {}").format(psql.Identifier(name)))
    try:
        yield names
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            for name in names:
                conn.execute(
                    psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(psql.Identifier(name))
                )
            for role in sorted(_roles(admin_dsn) - roles_before):
                conn.execute(psql.SQL("DROP ROLE IF EXISTS {}").format(psql.Identifier(role)))


def round_trip(admin_dsn: str, dsn_of: Callable[[str], str], version: int, schema: str) -> Outcome:
    """Run ``schema`` on the server reached by ``admin_dsn``; databases and new roles are dropped after."""
    start = time.perf_counter()
    names = (f"rw_{schema}_a", f"rw_{schema}_b")
    with (
        fresh_databases(admin_dsn, names),
        tempfile.TemporaryDirectory(prefix=f"schemagen-rw-{schema}-") as tmp,
    ):
        status, detail = _round_trip(schema, dsn_of(names[0]), dsn_of(names[1]), Path(tmp))
    return Outcome(schema, version, status, detail, time.perf_counter() - start)


def _round_trip(schema: str, dsn_a: str, dsn_b: str, work: Path) -> tuple[str, str]:
    folder = CORPUS / schema
    for part in ("roles.sql", "schema.sql"):
        if (folder / part).is_file():
            error = load_file(dsn_a, folder / part)
            if error:
                return "failed", f"load: {part}: {error}"
    first = inspect_database(dsn_a, None, work / "a")
    if first.omissions:
        kinds = sorted({f"{o.kind}: {o.why}" for o in first.omissions})
        return "failed", f"omitted: {len(first.omissions)} ({'; '.join(kinds[:4])})"
    compiled = compile_project(work / "a")
    if not compiled.ok:
        errors = [d for d in compiled.diagnostics if d.severity.name == "ERROR"]
        codes = sorted({d.code for d in errors})
        return "failed", f"build: {', '.join(codes)} ({errors[0].message[:160]})"
    (work / "schema.sql").write_text(compiled.files["schema.sql"], encoding="utf-8")
    error = load_file(dsn_b, work / "schema.sql")
    if error:
        return "failed", f"apply: {error}"
    second = inspect_database(dsn_b, None, work / "b")
    differences = short_differences(first.catalog, second.catalog)
    if differences:
        return "failed", f"differs: {len(differences)} ({'; '.join(differences[:3])})"
    changed = sorted(set(first.files) ^ set(second.files)) + sorted(
        name for name in set(first.files) & set(second.files) if first.files[name] != second.files[name]
    )
    if changed:
        return "failed", f"yaml: {', '.join(changed[:5])}"
    return "passed", ""
