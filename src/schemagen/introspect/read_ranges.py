"""Range types from their catalog rows (pure)."""

from __future__ import annotations

from collections.abc import Iterable

from schemagen.introspect.read_types import Row
from schemagen.model.names import QualifiedName
from schemagen.model.ranges import RangeType, default_multirange_name


def read_range_types(rows: Iterable[Row]) -> list[RangeType]:
    """Range types; a multirange named as PostgreSQL names it by default reads as no name."""
    result = []
    for r in rows:
        name = QualifiedName(r["schema"], r["name"])
        multirange = QualifiedName(r["multirange_schema"], r["multirange_name"])
        if multirange == QualifiedName(name.schema, default_multirange_name(name.name)):
            multirange = None
        result.append(
            RangeType(
                name,
                r["subtype"],
                subtype_opclass=_name(r["opclass_schema"], r["opclass_name"]),
                collation=r["collation"],
                subtype_diff=_name(r["diff_schema"], r["diff_name"]),
                multirange=multirange,
                comment=r["comment"],
                owner=r.get("owner"),
            )
        )
    return result


def _name(schema: str | None, name: str | None) -> QualifiedName | None:
    return None if schema is None or name is None else QualifiedName(schema, name)
