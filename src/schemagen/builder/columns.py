"""Columns: shorthand or mapping, serial expansion, identity, inline constraint requests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from schemagen.builder.context import BuildContext
from schemagen.builder.sequences import normalised_options
from schemagen.builder.shorthand import parse_column_shorthand, type_holds_shorthand
from schemagen.model import Column, Identity
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.pg.scan import words
from schemagen.model.pg.types import default_storage, serial_base


@dataclass(frozen=True)
class ColumnSpec:
    """A built column plus what it asks of its table (inline constraints, a serial sequence)."""

    column: Column
    path: JsonPath
    primary_key: bool = False
    unique: bool = False
    references: Any = None
    check: str | None = None
    serial_type: str | None = None


def build_column(
    document: SourceDocument, path: JsonPath, name: str, spec: Any, schema: str, ctx: BuildContext
) -> ColumnSpec | None:
    """One column from its shorthand string or mapping; None when it cannot be read."""
    span = document.key_span(path)
    if isinstance(spec, str):
        parsed = parse_column_shorthand(spec)
        if parsed.error:
            ctx.error("C382", f"column {name}: {parsed.error}", document.span(path), parsed.hint)
            return placeholder_column(path, name, span, parsed.type or "text", schema, ctx)
        spec = parsed.mapping()
    elif (
        isinstance(spec, dict)
        and isinstance(spec.get("type"), str)
        and (misplaced := type_holds_shorthand(spec["type"])) is not None
    ):
        ctx.error(
            "C382",
            f"column {name}: `type: {spec['type']}` holds a column shorthand, not only a type",
            document.span((*path, "type")),
            f"write `type: {misplaced.type}` and the rest as mapping keys ({_keys(misplaced)}), "
            f"or the whole shorthand as the column's value: `{name}: {spec['type']}`",
        )
        return placeholder_column(path, name, span, misplaced.type or "text", schema, ctx)
    written_type = str(spec["type"])
    generated = spec.get("generated")
    if isinstance(generated, str) and _identity_words(generated):
        ctx.error(
            "C382",
            f"column {name}: generated: {generated!r} reads as an identity column, but `generated:` "
            "takes a generation expression",
            document.span((*path, "generated")),
            "for an identity column write `identity: always` (or `identity: by default`) instead",
        )
        return placeholder_column(path, name, span, written_type, schema, ctx)
    serial = serial_base(written_type)
    default_value = spec.get("default")
    default = ctx.sql(document, (*path, "default"), default_value) if default_value is not None else None
    identity = _identity(spec.get("identity"), written_type)
    not_null = bool(spec.get("not_null", False)) or identity is not None
    if serial is not None:
        if default is not None or identity is not None or spec.get("generated"):
            ctx.error(
                "C384",
                f"column {name} is {written_type}, which already has a default; it cannot also have "
                "a default, identity or generation expression",
                span,
                f"use {serial} with the default you want, or drop the default",
            )
        not_null = True
        default, identity = None, None  # reported once here; the serial's own default stands
    column_type = serial if serial is not None else ctx.resolve_type(written_type, schema)
    column = Column(
        name=name,
        type=column_type,
        not_null=not_null or bool(spec.get("primary_key", False)),
        default=default,
        identity=identity,
        generated=spec.get("generated") if serial is None else None,
        virtual=bool(spec.get("virtual", False)) and serial is None,
        collation=spec.get("collation"),
        comment=spec.get("comment"),
        statistics=_statistics(spec.get("statistics")),
        storage=_storage(spec.get("storage"), column_type),
        compression=spec.get("compression"),
        options=_options(document, path, spec, ctx),
        renamed_from=spec.get("renamed_from"),
        using=ctx.sql(document, (*path, "using"), spec["using"]) if spec.get("using") else None,
        span=span,
    )
    return ColumnSpec(
        column=column,
        path=path,
        primary_key=bool(spec.get("primary_key", False)),
        unique=bool(spec.get("unique", False)),
        references=spec.get("references"),
        check=spec.get("check"),
        serial_type=serial,
    )


def _keys(parsed) -> str:
    """The mapping keys a misplaced shorthand stands for, as ``key: value`` text."""
    mapping = parsed.mapping()
    del mapping["type"]
    if not mapping.get("not_null"):
        mapping.pop("not_null")
    return ", ".join(f"{key}: {'true' if value is True else value}" for key, value in mapping.items())


_IDENTITY_WORDS = (
    ["always"],
    ["always", "as", "identity"],
    ["by", "default"],
    ["by", "default", "as", "identity"],
)


def _identity_words(text: str) -> bool:
    """Whether a ``generated:`` value is identity words (``always as identity``), not an expression."""
    return [w.lower() for _, w in words(text)] in _IDENTITY_WORDS


def placeholder_column(
    path: JsonPath, name: str, span: Any, written_type: str, schema: str, ctx: BuildContext
) -> ColumnSpec:
    """A column that was reported as unreadable, kept by name (and by the type it starts with)
    so that keys, indexes and expressions using it are not reported a second time."""
    return ColumnSpec(Column(name=name, type=ctx.resolve_type(written_type, schema), span=span), path)


def _identity(value: Any, written_type: str) -> Identity | None:
    if value is None:
        return None
    if isinstance(value, str):
        return Identity(always=value.lower() == "always")
    options = normalised_options(
        serial_base(written_type) or _integer_type(written_type),
        value.get("start"),
        value.get("increment"),
        value.get("min_value"),
        value.get("max_value"),
        value.get("cache"),
    )
    return Identity(
        always=bool(value.get("always", False)),
        start=options.start,
        increment=options.increment,
        min_value=options.min_value,
        max_value=options.max_value,
        cache=options.cache,
        cycle=bool(value.get("cycle", False)),
    )


def _integer_type(written_type: str) -> str:
    lowered = written_type.lower().strip()
    if lowered in ("smallint", "int2"):
        return "smallint"
    if lowered in ("integer", "int", "int4"):
        return "integer"
    return "bigint"


def _options(
    document: SourceDocument, path: JsonPath, spec: dict[str, Any], ctx: BuildContext
) -> tuple[tuple[str, str], ...]:
    """``options: {n_distinct: …}`` → sorted (name, value as written) pairs, as the catalog keeps them."""
    options = spec.get("options") or {}
    return tuple(sorted((str(k), ctx.sql(document, (*path, "options", k), v)) for k, v in options.items()))


def _storage(value: Any, column_type: str) -> str | None:
    """``storage:``; the type's own storage is None, as PostgreSQL reads it back."""
    return value if isinstance(value, str) and value != default_storage(column_type) else None


def _statistics(value: Any) -> int | None:
    """``statistics: n``; -1 is the default (None), as PostgreSQL reads it back."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None
