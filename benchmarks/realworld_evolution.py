"""Evolve every real-world schema of ``../shared/realworld`` on PostgreSQL 18 and 15.

Prints pass/fail per schema and server, the stage that failed (or the edits made)
and the seconds taken. The same runner as
``tests/integration/test_realworld_evolution.py``, which pins the known failures but
leaves out the schemas too slow for CI (``BENCHMARK_ONLY``); this script runs them
all. Starts its own servers, as the tests do.
Run: ``python -m benchmarks.realworld_evolution [--schema NAME]... [--version 18|15]...``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from tests.integration.evolution import evolve
from tests.integration.realworld import loads_on, schemas
from tests.integration.test_realworld_evolution import KNOWN_FAILURES
from tests.postgres_servers import start_binaries_18, start_system_15


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", action="append", help="only this schema (repeatable)")
    parser.add_argument("--version", action="append", type=int, choices=[18, 15], help="only this server")
    args = parser.parse_args()
    names = args.schema or schemas()
    if not names:
        print("no schemas: ../shared/realworld not found", file=sys.stderr)
        return 1
    workdir = Path(tempfile.mkdtemp(prefix="bench-evolution-"))
    os.chmod(workdir, 0o777)
    starters = {18: start_binaries_18, 15: start_system_15}
    ports = {18: 55428, 15: 55425}  # neither the fixtures' nor the round-trip benchmark's ports
    passed = failed = 0
    for version in args.version or [18, 15]:
        server, stop = starters[version](workdir, port=ports[version])
        try:
            for name in names:
                if version not in loads_on(name):
                    print(f"{name:18} pg{version}  n/a     does not load on {version} (meta.json)")
                    continue
                outcome = evolve(server.dsn("postgres"), server.dsn, version, name)
                pinned = (
                    "pinned"
                    if (name, f"pg{version}") in KNOWN_FAILURES
                    else "NEW" * (outcome.status != "passed")
                )
                passed += outcome.status == "passed"
                failed += outcome.status != "passed"
                print(
                    f"{name:18} pg{version}  {outcome.status:6}  {outcome.seconds:6.1f} s  "
                    f"{pinned:6}  {outcome.detail[:300]}",
                    flush=True,
                )
        finally:
            stop()
    print(f"{passed} passed, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
