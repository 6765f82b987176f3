"""Range types of one document (``range_types:``).

A bare ``subtype_diff`` is the built-in function of that name, else this schema's; a
bare ``subtype_opclass`` is ``pg_catalog``'s; ``multirange_type_name`` is in this schema
unless qualified, and PostgreSQL's default name is kept as no name.
"""

from __future__ import annotations

from typing import Any

from schemagen.builder.context import BuildContext, Located
from schemagen.builder.support import catalog_reference, function_reference
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.names import QualifiedName
from schemagen.model.pg.scan import split_dotted
from schemagen.model.ranges import RangeType, default_multirange_name


def multirange_reference(text: str, schema: str) -> QualifiedName:
    """``multirange_type_name``: ``name`` (this schema) or ``schema.name``.

    >>> multirange_reference("spans", "app"), multirange_reference("other.spans", "app")
    (QualifiedName(schema='app', name='spans'), QualifiedName(schema='other', name='spans'))
    """
    parts = split_dotted(text)
    return QualifiedName(parts[0], parts[1]) if len(parts) == 2 else QualifiedName(schema, parts[0])


def range_type_names(document: SourceDocument, schema: str) -> list[QualifiedName]:
    """The range and multirange type names ``document`` declares."""
    names = []
    for name, spec in (document.data.get("range_types") or {}).items():
        names.append(QualifiedName(schema, str(name)))
        given = spec.get("multirange_type_name") if isinstance(spec, dict) else None
        if given is not None:
            names.append(multirange_reference(str(given), schema))
        else:
            names.append(QualifiedName(schema, default_multirange_name(str(name))))
    return names


def build_range_types(document: SourceDocument, schema: str, ctx: BuildContext) -> list[RangeType]:
    """``range_types: name: {subtype, subtype_opclass, collation, subtype_diff, multirange_type_name}``."""
    result = []
    for name, spec in (document.data.get("range_types") or {}).items():
        path: JsonPath = ("range_types", name)
        qualified = QualifiedName(schema, str(name))
        if not ctx.define("range type", qualified, Located(document, path), str(qualified)):
            continue
        result.append(
            RangeType(
                qualified,
                ctx.resolve_type(str(spec["subtype"]), schema),
                subtype_opclass=_optional(spec, "subtype_opclass", catalog_reference),
                collation=None if spec.get("collation") is None else str(spec["collation"]),
                subtype_diff=_optional(spec, "subtype_diff", lambda t: function_reference(t, schema)),
                multirange=_multirange(spec, qualified),
                comment=spec.get("comment"),
                owner=ctx.owner(document, path, spec),
                renamed_from=spec.get("renamed_from"),
                span=document.key_span(path),
            )
        )
    return result


def _optional(spec: dict[str, Any], key: str, read) -> QualifiedName | None:
    value = spec.get(key)
    return None if value is None else read(str(value))


def _multirange(spec: dict[str, Any], name: QualifiedName) -> QualifiedName | None:
    """The declared multirange name, None when it is PostgreSQL's default."""
    given = spec.get("multirange_type_name")
    if given is None:
        return None
    found = multirange_reference(str(given), name.schema)
    return None if found == QualifiedName(name.schema, default_multirange_name(name.name)) else found
