"""Reference rows as YAML: ``rows: {key, columns, values}`` with each row a flow list."""

from __future__ import annotations

from typing import Any

from schemagen.emit.sql_values import literal_to_data
from schemagen.emit.yaml_writer import FlowList, FlowMap
from schemagen.model import ReferenceRows


def rows_value(rows: ReferenceRows) -> dict[str, Any]:
    """The ``rows:`` mapping of ``rows``: lists under ``columns`` when every row gives the same columns.

    >>> from schemagen.model import QualifiedName
    >>> r = ReferenceRows(QualifiedName("app", "k"), ("id",), ((("id", "1"), ("label", "'one'")),))
    >>> value = rows_value(r)
    >>> list(value["key"]), list(value["columns"]), [list(v) for v in value["values"]]
    (['id'], ['id', 'label'], [[1, 'one']])
    """
    doc: dict[str, Any] = {"key": FlowList(rows.key)}
    columns = {tuple(name for name, _ in row) for row in rows.rows}
    if len(columns) == 1:
        doc["columns"] = FlowList(next(iter(columns)))
        doc["values"] = [FlowList(literal_to_data(text) for _, text in row) for row in rows.rows]
    else:
        doc["values"] = [{name: literal_to_data(text) for name, text in row} for row in rows.rows]
    if rows.on_conflict != "update":
        doc["on_conflict"] = rows.on_conflict
    return doc


def literal_rows_value(rows: ReferenceRows) -> dict[str, Any]:
    """``rows:`` with every value the SQL literal it was built from, as ``{sql: …}``: a declared
    catalog written back builds the same rows, literal for literal (``1.10``, ``'{}'::jsonb``)."""
    doc: dict[str, Any] = {"key": FlowList(rows.key)}
    doc["values"] = [FlowMap({name: FlowMap({"sql": text}) for name, text in row}) for row in rows.rows]
    if rows.on_conflict != "update":
        doc["on_conflict"] = rows.on_conflict
    return doc
