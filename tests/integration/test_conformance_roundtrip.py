"""Round trip of the conformance corpus: new.sql → A → inspect → build → B; A and B must match.

For every case of ``../shared/conformance/cases`` (beside the repository), on one
PostgreSQL 18 server with two fresh databases per case: apply ``new.sql`` to A,
``inspect`` A into a project, build it, apply its ``schema.sql`` to B, inspect B,
and compare the two catalogs object by object (both read back by PostgreSQL, so
both in its canonical form). A case round-trips when nothing was left out
(no omissions), the project builds, its DDL applies, and A equals B.

``KNOWN_FAILURES`` lists every case that does not round-trip, with the reason.
The test fails when a case not listed fails (a regression) and when a listed case
passes (shrink the list). Cases whose ``new.sql`` does not apply on the server
are not applicable and are not counted. Roles a case needs (``meta.json``
``roles``) are created before it and dropped after.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pglast
import psycopg
import pytest
from psycopg import sql as psql
from tests.integration.catalog_differences import differing_objects

from schemagen.api import compile_project
from schemagen.api.inspect import inspect_database

pytestmark = pytest.mark.integration

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "conformance"

KNOWN_FAILURES: dict[str, str] = {}
"""Case id → why it does not round-trip (yet)."""


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What happened to one case: ``status`` is passed, failed or not applicable."""

    case: str
    status: str
    detail: str = ""


def cases() -> list[Path]:
    """Every case directory, sorted by id."""
    return sorted(p for p in (CORPUS / "cases").iterdir() if (p / "new.sql").is_file())


def _execute_script(dsn: str, text: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        for statement in pglast.split(text):
            conn.execute(statement)


def catalog_differences(a, b) -> list[str]:
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


def _one_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def round_trip(admin_dsn: str, dsn_of, case: Path, work: Path) -> Outcome:
    """Run one case on the server reached by ``admin_dsn``; ``dsn_of(dbname)`` names databases."""
    meta = json.loads((case / "meta.json").read_text()) if (case / "meta.json").is_file() else {}
    roles = sorted(meta.get("roles") or ())
    names = (f"rt_{case.name[:40]}_a".lower(), f"rt_{case.name[:40]}_b".lower())
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        for name in names:
            conn.execute(psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(psql.Identifier(name)))
            conn.execute(psql.SQL("CREATE DATABASE {}").format(psql.Identifier(name)))
        for role in roles:
            conn.execute(
                psql.SQL(
                    "DO $$BEGIN CREATE ROLE {}; EXCEPTION WHEN duplicate_object THEN NULL; END$$"
                ).format(psql.Identifier(role))
            )
    try:
        return _round_trip(case, dsn_of(names[0]), dsn_of(names[1]), work)
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            for name in names:
                conn.execute(
                    psql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(psql.Identifier(name))
                )
            for role in roles:
                conn.execute(psql.SQL("DROP ROLE IF EXISTS {}").format(psql.Identifier(role)))


def _round_trip(case: Path, dsn_a: str, dsn_b: str, work: Path) -> Outcome:
    try:
        _execute_script(dsn_a, (case / "new.sql").read_text())
    except psycopg.Error as exc:
        return Outcome(case.name, "not applicable", _one_line(exc))
    first = inspect_database(dsn_a, None, work / case.name / "a")
    if first.omissions:
        kinds = sorted({o.kind for o in first.omissions})
        return Outcome(case.name, "failed", f"omitted: {', '.join(kinds)}")
    compiled = compile_project(work / case.name / "a")
    if not compiled.ok:
        codes = sorted({d.code for d in compiled.diagnostics if d.severity.name == "ERROR"})
        return Outcome(case.name, "failed", f"build: {', '.join(codes)}")
    try:
        _execute_script(dsn_b, compiled.files["schema.sql"])
    except psycopg.Error as exc:
        return Outcome(case.name, "failed", f"apply: {_one_line(exc)}")
    second = inspect_database(dsn_b, None, work / case.name / "b")
    differences = catalog_differences(first.catalog, second.catalog)
    if differences:
        return Outcome(case.name, "failed", f"differs: {'; '.join(differences[:3])}")
    return Outcome(case.name, "passed")


def run_corpus(admin_dsn: str, dsn_of) -> Iterator[Outcome]:
    """Every case in turn (one server, two databases per case, nothing in parallel)."""
    with tempfile.TemporaryDirectory(prefix="schemagen-conformance-") as tmp:
        for case in cases():
            yield round_trip(admin_dsn, dsn_of, case, Path(tmp))


def test_conformance_corpus_round_trips(pg18_server):
    if not (CORPUS / "cases").is_dir():
        message = f"conformance corpus not found at {CORPUS.resolve()} (expected ../shared/conformance)"
        if os.environ.get("SCHEMAGEN_REQUIRE_SERVERS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    outcomes = list(run_corpus(pg18_server.dsn("postgres"), pg18_server.dsn))
    failed = {o.case: o.detail for o in outcomes if o.status == "failed"}
    passed = {o.case for o in outcomes if o.status == "passed"}
    unexpected = {case: detail for case, detail in failed.items() if case not in KNOWN_FAILURES}
    fixed = sorted(case for case in KNOWN_FAILURES if case in passed)
    assert not unexpected, "cases that no longer round-trip:\n" + "\n".join(
        f"  {case}: {detail}" for case, detail in sorted(unexpected.items())
    )
    assert not fixed, "cases that round-trip now: remove them from KNOWN_FAILURES:\n  " + "\n  ".join(fixed)
    assert len(passed) >= 150
