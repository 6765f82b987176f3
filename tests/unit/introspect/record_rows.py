"""Record the catalog rows of a database as JSON, for the reader tests (not a test).

Usage: python -m tests.unit.introspect.record_rows DSN OUT.json
"""

from __future__ import annotations

import json
import sys

import psycopg

from schemagen.introspect import record_rows


def main(dsn: str, out: str) -> None:
    """Write every query's rows (None = all schemas) to ``out``."""
    with psycopg.connect(dsn) as conn:
        rows = record_rows(conn, None)
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(rows, handle, indent=1, sort_keys=True, ensure_ascii=False)
        handle.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
