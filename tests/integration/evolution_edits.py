"""The edits of an evolution, computed from an inspected project (works on schemas never seen).

One table is chosen: an ordinary table (not partitioned, not a partition) with a
primary key, the one that offers the most of the edits below (ties: by name).
On it, in the project's YAML:

* add a column ``evolve_note text not null default 'evolved'``;
* add a partial index on it and the first primary-key column;
* add a CHECK on it (``char_length(evolve_note) <= 200``: holds on any rows, so it
  is added NOT VALID and validated);
* widen a column's type (``smallint → integer → bigint``, ``real → double precision``,
  ``varchar(n) → varchar(2n)``, ``varchar → text``, ``numeric(p,s) → numeric(p+2,s)``),
  preferring one a view reads, then one an index reads (never a key column);
* set a default on a column that has none;
* drop a column nothing depends on (``pg_depend``, column grants, and no routine
  body that names the table names it);
* drop a non-unique index;

and, beside it, a view over the table and a SQL function that reads it. Whatever
the table cannot offer is left out and the list of edits says so.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import psycopg
import yaml

from schemagen.builder.shorthand import parse_column_shorthand
from schemagen.model import Catalog
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Column, Table
from schemagen.source.project import load_text

NEW_COLUMN = "evolve_note"

_COLUMN_DEPENDENTS = """
SELECT a.attname,
       EXISTS (SELECT 1 FROM pg_depend d
               WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = a.attrelid
                 AND d.refobjsubid = a.attnum AND d.classid <> 'pg_attrdef'::regclass) AS any_dependent,
       EXISTS (SELECT 1 FROM pg_depend d
               WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = a.attrelid
                 AND d.refobjsubid = a.attnum
                 AND d.classid NOT IN ('pg_attrdef'::regclass, 'pg_rewrite'::regclass)
                 AND NOT (d.classid = 'pg_class'::regclass
                          AND (SELECT relkind FROM pg_class WHERE oid = d.objid) = 'i'
                          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = d.objid))
              ) AS key_or_other,
       EXISTS (SELECT 1 FROM pg_depend d
               WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = a.attrelid
                 AND d.refobjsubid = a.attnum AND d.classid = 'pg_rewrite'::regclass) AS in_view,
       EXISTS (SELECT 1 FROM pg_constraint c
               WHERE c.confrelid = a.attrelid AND a.attnum = ANY (c.confkey)) AS referenced
FROM pg_attribute a
WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
"""


@dataclasses.dataclass(frozen=True)
class Plan:
    """What will be edited on the chosen table (None: that edit is not possible there)."""

    table: Table
    widen: tuple[str, str] | None
    default: tuple[str, str] | None
    drop_column: str | None
    drop_index: int | None

    @property
    def score(self) -> int:
        """How many of the optional edits the table offers."""
        return sum(x is not None for x in (self.widen, self.default, self.drop_column, self.drop_index))


def _body_words(catalog: Catalog) -> list[set[str]]:
    """The identifier-like words of each routine body (lower case).

    Views, triggers, policies and SQL-standard bodies are tracked by ``pg_depend``;
    a body written as a string is not, so a column it names is left alone.
    """
    word = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")
    return [{w.lower() for w in word.findall(f.body)} for f in catalog.functions.values()]


def _words_about(table: Table, bodies: list[set[str]]) -> set[str]:
    """Every word of the bodies that name ``table``."""
    name = table.name.name.lower()
    return set().union(*(words for words in bodies if name in words))


def widened(type_name: str) -> str | None:
    """A wider type the column can change to, or None."""
    simple = {"smallint": "integer", "integer": "bigint", "real": "double precision"}
    if type_name in simple:
        return simple[type_name]
    if type_name == "character varying":
        return "text"
    match = re.fullmatch(r"character varying\((\d+)\)", type_name)
    if match:
        return f"character varying({int(match[1]) * 2})"
    match = re.fullmatch(r"numeric\((\d+),(\d+)\)", type_name)
    if match:
        return f"numeric({int(match[1]) + 2},{match[2]})"
    return None


def default_for(type_name: str) -> str | None:
    """A default expression of the type, or None."""
    if type_name in ("text", "character varying") or type_name.startswith("character varying("):
        return "'evolved'"
    if type_name in ("smallint", "integer", "bigint") or type_name.startswith("numeric"):
        return "0"
    if type_name == "boolean":
        return "false"
    if type_name.startswith("timestamp"):
        return "now()"
    if type_name == "jsonb":
        return "'{}'::jsonb"
    return None


def _plan(conn: psycopg.Connection, catalog: Catalog, table: Table, entry: dict, words: set[str]) -> Plan:
    qualified = f'"{table.name.schema}"."{table.name.name}"'
    rows = conn.execute(_COLUMN_DEPENDENTS, (qualified,)).fetchall()
    granted = {c for g in catalog.grants.values() for c in g.columns}
    plain = [c for c in table.columns if c.identity is None and c.generated is None]
    by_name = {c.name: c for c in plain}
    widen_candidates = []
    drop_column = None
    for name, any_dependent, key_or_other, in_view, referenced in rows:
        column = by_name.get(name)
        if column is None or name.lower() in words or referenced:
            continue
        if not any_dependent and name not in granted and drop_column is None:
            drop_column = name
        wider = widened(column.type)
        if wider and not key_or_other:
            widen_candidates.append((not in_view, not any_dependent, name, wider))
    widen = None
    if widen_candidates:
        _, _, name, wider = min(widen_candidates, key=lambda c: c[:2])
        widen = (name, wider)
    if drop_column is not None and widen is not None and drop_column == widen[0]:
        drop_column = next(
            (
                n
                for n, dep, *_ in rows
                if not dep and n in by_name and n != widen[0] and n.lower() not in words and n not in granted
            ),
            None,
        )
    keys = set(table.primary_key.columns) if table.primary_key else set()
    default = _default_candidate(plain, keys | {drop_column, widen[0] if widen else None})
    return Plan(table, widen, default, drop_column, _droppable_index(entry, table))


def _default_candidate(columns: list[Column], taken: set[str | None]) -> tuple[str, str] | None:
    for column in columns:
        if column.name in taken or column.default is not None:
            continue
        expression = default_for(column.type)
        if expression is not None:
            return column.name, expression
    return None


def _droppable_index(entry: dict, table: Table) -> int | None:
    """The position of the last non-unique index entry that CLUSTER does not use, or None."""
    found = None
    for position, index in enumerate(entry.get("indexes") or ()):
        if isinstance(index, dict):
            if index.get("unique") or (table.cluster_on and index.get("name") == table.cluster_on):
                continue
        elif table.cluster_on:
            continue
        found = position
    return found


def _documents(project: Path) -> dict[str, tuple[Path, dict[str, Any]]]:
    documents = {}
    for path in sorted((project / "schema").rglob("*.yaml")):
        loaded, _ = load_text(path.read_text(encoding="utf-8"), path.name)  # as schemagen reads it
        if loaded is not None and "schema" in loaded.data:
            documents[loaded.data["schema"]] = (path, loaded.data)
    return documents


def _column_mapping(spec: Any) -> dict[str, Any]:
    if isinstance(spec, dict):
        return dict(spec)
    shorthand = parse_column_shorthand(str(spec))
    if shorthand.error is not None:
        raise LookupError(f"cannot read the column shorthand {spec!r}: {shorthand.error}")
    return shorthand.mapping()


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def choose(project: Path, catalog: Catalog, dsn: str) -> tuple[Plan, dict]:
    """The table to evolve and what to do to it; ``LookupError`` when no table qualifies."""
    documents = _documents(project)
    bodies = _body_words(catalog)
    plans = []
    with psycopg.connect(dsn) as conn:
        for key in sorted(catalog.tables, key=str):
            table = catalog.tables[key]
            if table.primary_key is None or table.partition_by or table.partition_of:
                continue
            document = documents.get(key.schema, (None, {}))[1]
            entry = (document.get("tables") or {}).get(key.name)
            if not isinstance(entry, dict):
                continue
            plans.append(_plan(conn, catalog, table, entry, _words_about(table, bodies)))
    if not plans:
        raise LookupError("no ordinary table with a primary key")
    plan = min(plans, key=lambda p: (-p.score, str(p.table.name)))
    return plan, documents


def edit_project(project: Path, catalog: Catalog, dsn: str) -> list[str]:
    """Edit the project's YAML in place; the edits made, one short line each."""
    plan, documents = choose(project, catalog, dsn)
    table = plan.table
    name: QualifiedName = table.name
    path, document = documents[name.schema]
    entry = document["tables"][name.name]
    columns = entry["columns"]
    done = [f"table {name}"]
    key = table.primary_key.columns[0]
    if plan.widen:
        column, wider = plan.widen
        spec = _column_mapping(columns[column])
        spec["type"] = wider
        columns[column] = spec
        done.append(f"type {column} → {wider}")
    if plan.default:
        column, expression = plan.default
        spec = _column_mapping(columns[column])
        spec["default"] = expression
        columns[column] = spec
        done.append(f"default {column}")
    if plan.drop_column:
        del columns[plan.drop_column]
        done.append(f"drop column {plan.drop_column}")
    if plan.drop_index is not None:
        dropped = entry["indexes"].pop(plan.drop_index)
        if not entry["indexes"]:
            del entry["indexes"]
        done.append(f"drop index {dropped.get('name', dropped) if isinstance(dropped, dict) else dropped}")
    columns[NEW_COLUMN] = "text not null default 'evolved'"
    entry.setdefault("indexes", []).append(
        {"name": "evolve_note_idx", "columns": [NEW_COLUMN, key], "where": f"{NEW_COLUMN} <> ''"}
    )
    checks = entry.setdefault("checks", {})
    checks["evolve_note_length"] = f"char_length({NEW_COLUMN}) <= 200"
    done += ["add column", "add index", "add check"]
    relation = f"{_ident(name.schema)}.{_ident(name.name)}"
    document.setdefault("views", {})["evolve_view"] = {
        "query": f"SELECT {_ident(key)}, {NEW_COLUMN} FROM {relation} WHERE {NEW_COLUMN} <> 'hidden'"
    }
    document.setdefault("functions", {})["evolve_count"] = {
        "returns": "bigint",
        "volatility": "stable",
        "body": f"SELECT count(*) FROM {relation}",
    }
    done += ["add view", "add function"]
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(text, encoding="utf-8")
    return done
