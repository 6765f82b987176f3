"""Generate a synthetic schemagen project of N tables (columns, FKs, indexes, checks).

Each table has 8 columns, a primary key, a foreign key to an earlier table, two
CHECK constraints, a UNIQUE constraint and five indexes (plain, composite,
partial, expression, GIN), so N tables carry 5·N indexes. Tables are spread over
schemas of 250 tables each, one YAML file per schema.

    python -m benchmarks.synthetic 1000 /tmp/bench-1000
"""

from __future__ import annotations

import sys
from pathlib import Path

TABLES_PER_SCHEMA = 250


def table_yaml(i: int) -> str:
    """The YAML of table number ``i`` (a mapping entry under ``tables:``)."""
    parent = f"t{i - 1:05d}" if i % TABLES_PER_SCHEMA else None
    lines = [
        f"  t{i:05d}:",
        f"    comment: Synthetic table {i}.",
        "    columns:",
        "      id:         bigint not null",
        "      tenant_id:  integer not null",
        "      name:       varchar(200) not null",
        "      status:     varchar(20) not null default 'new'",
        "      amount:     numeric(12,2) default 0",
        "      payload:    jsonb not null default '{}'",
        "      created_at: timestamptz not null default now()",
        f"      parent_id:  {{type: bigint{', references: ' + parent if parent else ''}}}",
        "    primary_key: [id]",
        "    unique: [[tenant_id, name]]",
        "    checks:",
        f"      t{i:05d}_amount_positive: amount >= 0",
        f"      t{i:05d}_name_not_blank: length(name) > 0",
        "    indexes:",
        "      - [parent_id]",
        "      - [status, created_at desc]",
        "      - {columns: [created_at], where: \"status = 'new'\"}",
        "      - {columns: [(lower(name))]}",
        "      - {columns: [payload jsonb_path_ops], using: gin}",
    ]
    return "\n".join(lines) + "\n"


def write_project(n_tables: int, root: Path) -> Path:
    """Write ``root/schema/*.yaml`` for ``n_tables`` tables; returns ``root``."""
    schema_dir = root / "schema"
    schema_dir.mkdir(parents=True, exist_ok=True)
    for start in range(0, n_tables, TABLES_PER_SCHEMA):
        schema = f"s{start // TABLES_PER_SCHEMA:03d}"
        body = [f"schema: {schema}\n", f"comment: Synthetic schema {schema}.\n", "tables:\n"]
        body += [table_yaml(i) for i in range(start, min(start + TABLES_PER_SCHEMA, n_tables))]
        (schema_dir / f"{schema}.yaml").write_text("".join(body), encoding="utf-8")
    return root


if __name__ == "__main__":
    write_project(int(sys.argv[1]), Path(sys.argv[2]))
