"""Migrate the conformance corpus with ``apply`` and print the converged fraction per kind.

For every case of ``../shared/conformance``: old.sql → A, new.sql → B, inspect B →
project P, apply P to A (every hazard allowed); a case converges when A and B then
have equal catalogs and a second plan is empty. The same runner as
``tests/integration/test_conformance_migration.py`` (which pins the known failures).
Not a test: numbers only. Run: ``python -m benchmarks.conformance_migration [--dsn URL]...``
(each ``--dsn``: a maintenance database on a server where databases and roles may be
created; without one, an embedded PostgreSQL 18 and, when installed, the machine's
PostgreSQL 15 are started; servers run side by side).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from tests.integration.conformance_migration import Outcome, Server, case_kind, run_corpus
from tests.integration.test_conformance_migration import KNOWN_FAILURES, KNOWN_FAILURES_PG15


def _server(admin: str) -> Server:
    base = conninfo_to_dict(admin)
    with psycopg.connect(admin) as conn:
        major = conn.info.server_version // 10000
    return Server(admin, lambda name: make_conninfo(**{**base, "dbname": name}), f"pg{major}")


def _started() -> list[str]:
    from tests.postgres_servers import ServerUnavailable, start_embedded_18, start_system_15

    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="bench-xdg-"))
    workdir = Path(tempfile.mkdtemp(prefix="bench-migration-"))
    os.chmod(workdir, 0o777)
    admins = [start_embedded_18(workdir).dsn()]
    try:
        admins.append(start_system_15(workdir, port=54329)[0].dsn())
    except ServerUnavailable as exc:
        print(f"PostgreSQL 15 not started: {exc}")
    return admins


def _report(tag: str, outcomes: list[Outcome], elapsed: float) -> None:
    applicable = [o for o in outcomes if o.status != "not applicable"]
    passed = [o for o in applicable if o.status == "passed"]
    print(
        f"\n{tag}: {len(passed)}/{len(applicable)} applicable cases converge "
        f"({100 * len(passed) / max(len(applicable), 1):.1f}%), "
        f"{len(outcomes) - len(applicable)} not applicable, {elapsed:.0f} s"
    )
    kinds: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in applicable:
        kinds[case_kind(outcome.case)].append(outcome)
    print(f"  {'kind':<26}{'converged':>10}")
    for kind, group in sorted(kinds.items()):
        ok = sum(1 for o in group if o.status == "passed")
        print(f"  {kind:<26}{f'{ok}/{len(group)}':>10}")
    for outcome in applicable:
        if outcome.status == "failed":
            reason = {**KNOWN_FAILURES, **KNOWN_FAILURES_PG15}.get(outcome.case, "NEW: " + outcome.detail)
            print(f"  failed {outcome.case}: {reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsn", action="append", help="maintenance database DSN (repeatable)")
    args = parser.parse_args()
    servers = [_server(admin) for admin in (args.dsn or _started())]

    def run(server: Server) -> tuple[str, list[Outcome], float]:
        start = time.perf_counter()
        outcomes = list(run_corpus(server))
        return server.tag, outcomes, time.perf_counter() - start

    with ThreadPoolExecutor(len(servers)) as pool:
        for tag, outcomes, elapsed in pool.map(run, servers):
            _report(tag, outcomes, elapsed)


if __name__ == "__main__":
    main()
