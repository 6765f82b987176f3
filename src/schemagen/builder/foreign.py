"""``foreign_data_wrappers:``, ``foreign_servers:`` and ``user_mappings:`` of every file (database-wide).

Handler and validator functions are resolved as other function references: a bare name is
the built-in of that name (``postgresql_fdw_validator``), else this file's schema's. A user
mapping's ``password`` is refused (C356): secrets are not declared (docs/format.md).
"""

from __future__ import annotations

from typing import Any

from schemagen.builder.context import BuildContext, Located
from schemagen.builder.partitions import partition_bound
from schemagen.builder.shorthand import parse_column_shorthand
from schemagen.builder.support import function_reference
from schemagen.builder.types import named_checks
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.foreign import (
    PUBLIC,
    SECRET_OPTIONS,
    ForeignColumn,
    ForeignDataWrapper,
    ForeignServer,
    ForeignTable,
    UserMapping,
    sorted_options,
)
from schemagen.model.names import QualifiedName
from schemagen.model.objects import PartitionBound, Table


def _options(value: Any) -> tuple[tuple[str, str], ...]:
    pairs = {str(k): _text(v) for k, v in (value or {}).items()}
    return sorted_options(pairs)


def _text(value: Any) -> str:
    """An option value as PostgreSQL stores it (YAML ``true`` is ``'true'``)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def _schema(document: SourceDocument) -> str:
    schema = document.data.get("schema")
    return schema if isinstance(schema, str) else "public"


def build_foreign(documents: list[SourceDocument], ctx: BuildContext) -> dict[str, list]:
    """Wrappers, servers and user mappings, by catalog attribute."""
    wrappers, servers, mappings = [], [], []
    for document in documents:
        schema = _schema(document)
        for name, spec in (document.data.get("foreign_data_wrappers") or {}).items():
            path: JsonPath = ("foreign_data_wrappers", name)
            spec = spec or {}
            wrapper = ForeignDataWrapper(
                name=str(name),
                handler=None
                if spec.get("handler") is None
                else function_reference(str(spec["handler"]), schema),
                validator=None
                if spec.get("validator") is None
                else function_reference(str(spec["validator"]), schema),
                options=_options(spec.get("options")),
                comment=spec.get("comment"),
                owner=ctx.owner(document, path, spec),
                span=document.key_span(path),
            )
            if ctx.define("foreign data wrapper", wrapper.name, Located(document, path), wrapper.name):
                wrappers.append(wrapper)
        for name, spec in (document.data.get("foreign_servers") or {}).items():
            path = ("foreign_servers", name)
            server = ForeignServer(
                name=str(name),
                wrapper=str(spec["wrapper"]),
                type=None if spec.get("type") is None else str(spec["type"]),
                version=None if spec.get("version") is None else str(spec["version"]),
                options=_options(spec.get("options")),
                comment=spec.get("comment"),
                owner=ctx.owner(document, path, spec),
                renamed_from=None if spec.get("renamed_from") is None else str(spec["renamed_from"]),
                span=document.key_span(path),
            )
            if ctx.define("server", server.name, Located(document, path), server.name):
                servers.append(server)
        for server_name, by_user in (document.data.get("user_mappings") or {}).items():
            for user, options in (by_user or {}).items():
                path = ("user_mappings", server_name, user)
                secret = sorted(set(map(str, options or {})) & set(SECRET_OPTIONS))
                if secret:
                    ctx.error(
                        "C356",
                        f"user mapping for {user} on server {server_name} declares {secret[0]}: "
                        "secrets are not declared",
                        document.span((*path, secret[0])),
                        "remove it and set it once on the database (ALTER USER MAPPING … OPTIONS "
                        "(ADD password '…')); schemagen never reads, prints or changes it",
                    )
                kept = {k: v for k, v in (options or {}).items() if str(k) not in SECRET_OPTIONS}
                who = PUBLIC if str(user).lower() == PUBLIC else str(user)
                mapping = UserMapping(who, str(server_name), _options(kept), span=document.key_span(path))
                if ctx.define("user mapping", mapping.key, Located(document, path), mapping.name):
                    mappings.append(mapping)
    return {"foreign_data_wrappers": wrappers, "foreign_servers": servers, "user_mappings": mappings}


def build_foreign_tables(
    document: SourceDocument, schema: str, ctx: BuildContext, tables: dict[QualifiedName, Table]
) -> list[ForeignTable]:
    """``foreign_tables:`` of one schema file: columns (shorthand or mapping), CHECKs, options."""
    result = []
    for name, spec in (document.data.get("foreign_tables") or {}).items():
        path: JsonPath = ("foreign_tables", name)
        qualified = QualifiedName(schema, str(name))
        columns = []
        for column_name, column_spec in (spec.get("columns") or {}).items():
            column = _foreign_column(
                document, (*path, "columns", column_name), str(column_name), column_spec, schema, ctx
            )
            if column is not None:
                columns.append(column)
        table = ForeignTable(
            name=qualified,
            server=str(spec["server"]),
            columns=tuple(columns),
            checks=tuple(
                sorted(
                    named_checks(document, (*path, "checks"), spec.get("checks") or {}), key=lambda c: c.name
                )
            ),
            options=_options(spec.get("options")),
            comment=spec.get("comment"),
            partition_of=_partition_of(spec.get("partition_of"), schema, tables),
            inherits=tuple(QualifiedName.parse(str(p), schema) for p in spec.get("inherits") or ()),
            owner=ctx.owner(document, path, spec),
            renamed_from=spec.get("renamed_from"),
            span=document.key_span(path),
        )
        if ctx.define("foreign table", qualified, Located(document, path), str(qualified)):
            result.append(table)
    return result


def _foreign_column(
    document: SourceDocument, path: JsonPath, name: str, spec: Any, schema: str, ctx: BuildContext
) -> ForeignColumn | None:
    if isinstance(spec, str):
        parsed = parse_column_shorthand(spec)
        if parsed.error or parsed.extra:
            problem = parsed.error or f"{', '.join(parsed.extra)} is not possible on a foreign table's column"
            ctx.error(
                "C382",
                f"column {name}: {problem}",
                document.span(path),
                parsed.hint or "write type [not null] [default …] [collate …]",
            )
            return None
        spec = parsed.mapping()
    default = spec.get("default")
    return ForeignColumn(
        name=name,
        type=ctx.resolve_type(str(spec["type"]), schema),
        not_null=bool(spec.get("not_null", False)),
        default=None if default is None else ctx.sql(document, (*path, "default"), default),
        collation=spec.get("collation"),
        options=_options(spec.get("options")),
        comment=spec.get("comment"),
        span=document.key_span(path),
    )


def _partition_of(value: Any, schema: str, tables: dict[QualifiedName, Table]) -> PartitionBound | None:
    """``partition_of: {table, values}``: the bound's literals typed by the parent's partition keys,
    as a declared child's are (C358 finds a parent that is not a declared partitioned table)."""
    if not isinstance(value, dict):
        return None
    parent_name = QualifiedName.parse(str(value["table"]), schema)
    parent = tables.get(parent_name)
    keys = parent.partition_by.keys if parent is not None and parent.partition_by is not None else ()
    types = {c.name: c.type for c in parent.columns} if parent is not None else {}
    return partition_bound(parent_name, value.get("values"), [types.get(k) for k in keys])
