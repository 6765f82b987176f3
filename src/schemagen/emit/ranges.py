"""Range types as YAML values, written so ``builder/ranges.py`` reads them back to the same object."""

from __future__ import annotations

from typing import Any

from schemagen.emit.support import catalog_text, function_text
from schemagen.emit.yaml_writer import FlowMap
from schemagen.model.pg.quoting import quote_ident
from schemagen.model.pg.types import short_type
from schemagen.model.ranges import RangeType


def range_value(range_type: RangeType) -> dict[str, Any]:
    """``{subtype, subtype_opclass, collation, subtype_diff, multirange_type_name, comment}``."""
    schema = range_type.name.schema
    value: dict[str, Any] = {"subtype": short_type(range_type.subtype, schema)}
    if range_type.subtype_opclass is not None:
        value["subtype_opclass"] = catalog_text(range_type.subtype_opclass)
    if range_type.collation:
        value["collation"] = range_type.collation
    if range_type.subtype_diff is not None:
        value["subtype_diff"] = function_text(range_type.subtype_diff, schema)
    multirange = range_type.multirange
    if multirange is not None:
        same = multirange.schema == schema and "." not in multirange.name
        value["multirange_type_name"] = (
            multirange.name if same else f"{quote_ident(multirange.schema)}.{quote_ident(multirange.name)}"
        )
    if range_type.comment:
        value["comment"] = range_type.comment
        return value
    return FlowMap(value)
