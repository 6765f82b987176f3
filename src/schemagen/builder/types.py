"""Enums, domains, composite types and sequences."""

from __future__ import annotations

from typing import Any

from schemagen.builder.context import BuildContext, Located
from schemagen.builder.ranges import range_type_names
from schemagen.builder.sequences import normalised_options
from schemagen.builder.shorthand import parse_column_shorthand
from schemagen.model import (
    CheckConstraint,
    CompositeAttribute,
    CompositeType,
    Domain,
    EnumType,
    QualifiedName,
    Sequence,
)
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.pg.types import canonical_type


def declared_type_names(document: SourceDocument, ctx: BuildContext) -> list[QualifiedName]:
    """Names of the enums, domains, composite types and tables (row types) a file declares."""
    schema = ctx.label(document, ("schema",), document.data["schema"])
    names = []
    for section in ("enums", "domains", "composite_types", "tables", "views", "materialized_views"):
        entries = document.data.get(section)
        if isinstance(entries, dict):
            names += [QualifiedName(schema, str(name)) for name in entries]
    return names + range_type_names(document, schema)


def build_enums(document: SourceDocument, schema: str, ctx: BuildContext) -> list[EnumType]:
    """``enums: name: [labels]`` or ``name: {values, comment}``; labels are read as written."""
    result = []
    for name, spec in (document.data.get("enums") or {}).items():
        path: JsonPath = ("enums", name)
        if not ctx.define("enum", QualifiedName(schema, name), Located(document, path), f"{schema}.{name}"):
            continue
        values_path = path if isinstance(spec, list) else (*path, "values")
        values = spec if isinstance(spec, list) else spec.get("values", [])
        labels = tuple(ctx.label(document, (*values_path, i), v) for i, v in enumerate(values))
        comment = spec.get("comment") if isinstance(spec, dict) else None
        renamed = spec.get("values_renamed_from") if isinstance(spec, dict) else None
        result.append(
            EnumType(
                QualifiedName(schema, name),
                labels,
                comment,
                values_renamed_from=tuple((str(k), str(v)) for k, v in (renamed or {}).items()),
                renamed_from=spec.get("renamed_from") if isinstance(spec, dict) else None,
                owner=ctx.owner(document, path, spec),
                span=document.key_span(path),
            )
        )
    return result


def build_domains(document: SourceDocument, schema: str, ctx: BuildContext) -> list[Domain]:
    """``domains: name: <type shorthand>`` or ``{type, not_null, default, collation, checks}``."""
    result = []
    for name, spec in (document.data.get("domains") or {}).items():
        path: JsonPath = ("domains", name)
        span = document.key_span(path)
        if not ctx.define("domain", QualifiedName(schema, name), Located(document, path), f"{schema}.{name}"):
            continue
        if isinstance(spec, str):
            parsed = parse_column_shorthand(spec)
            if parsed.error:
                ctx.error("C382", f"domain {schema}.{name}: {parsed.error}", document.span(path), parsed.hint)
                continue
            if parsed.extra:
                ctx.error(
                    "C382",
                    f"domain {schema}.{name}: a domain takes only a type, collate, not null and default",
                    document.span(path),
                    "write a domain's CHECKs under `checks:` in the mapping form",
                )
                continue
            spec = parsed.mapping()
        checks = named_checks(document, (*path, "checks"), spec.get("checks") or {})
        default = spec.get("default")
        result.append(
            Domain(
                name=QualifiedName(schema, name),
                base_type=ctx.resolve_type(spec["type"], schema),
                default=ctx.sql(document, (*path, "default"), default) if default is not None else None,
                not_null=bool(spec.get("not_null", False)),
                collation=spec.get("collation"),
                checks=checks,
                comment=spec.get("comment"),
                renamed_from=spec.get("renamed_from"),
                owner=ctx.owner(document, path, spec),
                span=span,
            )
        )
    return result


def named_checks(
    document: SourceDocument, path: JsonPath, checks: dict[str, Any]
) -> tuple[CheckConstraint, ...]:
    """CHECK constraints written as ``name: expression`` or ``name: {expression, no_inherit}``."""
    result = []
    for check_name, check in checks.items():
        check_path = (*path, check_name)
        if isinstance(check, dict):
            result.append(
                CheckConstraint(
                    check_name,
                    check["expression"],
                    no_inherit=bool(check.get("no_inherit", False)),
                    not_valid=bool(check.get("not_valid", False)),
                    comment=check.get("comment"),
                    renamed_from=check.get("renamed_from"),
                    span=document.key_span(check_path),
                )
            )
        else:
            result.append(CheckConstraint(check_name, str(check), span=document.key_span(check_path)))
    return tuple(result)


def build_composite_types(document: SourceDocument, schema: str, ctx: BuildContext) -> list[CompositeType]:
    """``composite_types: name: {attributes: {attr: type | {type, collation}}, comment}``."""
    result = []
    for name, spec in (document.data.get("composite_types") or {}).items():
        path: JsonPath = ("composite_types", name)
        qualified = QualifiedName(schema, name)
        if not ctx.define("composite type", qualified, Located(document, path), str(qualified)):
            continue
        attributes = []
        for attr_name, attr in (spec.get("attributes") or {}).items():
            attr_spec = attr if isinstance(attr, dict) else {"type": attr}
            attributes.append(
                CompositeAttribute(
                    attr_name, ctx.resolve_type(attr_spec["type"], schema), attr_spec.get("collation")
                )
            )
        result.append(
            CompositeType(
                qualified,
                tuple(attributes),
                spec.get("comment"),
                renamed_from=spec.get("renamed_from"),
                owner=ctx.owner(document, path, spec),
                span=document.key_span(path),
            )
        )
    return result


def _owned(document: SourceDocument, path: JsonPath, spec: dict, ctx: BuildContext) -> None:
    """A sequence owned by a table has the table's owner (``build_catalog`` fills it): C396 for its own."""
    if ctx.settings.owners_managed and spec.get("owner") is not None:
        ctx.error(
            "C396",
            "a sequence owned by a table (owned_by:) has the table's owner",
            document.key_span((*path, "owner")),
            "remove owner: here; give it on the table",
        )
    return None


def build_sequences(document: SourceDocument, schema: str, ctx: BuildContext) -> list[Sequence]:
    """``sequences: name: {type, start, increment, min_value, max_value, cache, cycle, owned_by}``."""
    result = []
    for name, spec in (document.data.get("sequences") or {}).items():
        path: JsonPath = ("sequences", name)
        qualified = QualifiedName(schema, name)
        if not ctx.define("sequence", qualified, Located(document, path), str(qualified)):
            continue
        ctx.take_relation_name(schema, name)
        spec = spec or {}
        owned_by = None
        if spec.get("owned_by"):
            *table_parts, column = str(spec["owned_by"]).split(".")
            table = QualifiedName.parse(".".join(table_parts), schema)
            owned_by = (table, column)
        data_type = canonical_type(str(spec.get("type", "bigint")))
        options = normalised_options(
            data_type,
            spec.get("start"),
            spec.get("increment"),
            spec.get("min_value"),
            spec.get("max_value"),
            spec.get("cache"),
        )
        result.append(
            Sequence(
                name=qualified,
                data_type=data_type,
                start=options.start,
                increment=options.increment or 1,
                min_value=options.min_value,
                max_value=options.max_value,
                cache=options.cache or 1,
                cycle=bool(spec.get("cycle", False)),
                owned_by=owned_by,
                comment=spec.get("comment"),
                renamed_from=spec.get("renamed_from"),
                owner=_owned(document, path, spec, ctx) if owned_by else ctx.owner(document, path, spec),
                span=document.key_span(path),
            )
        )
    return result
