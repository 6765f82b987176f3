"""Readers for extensions, schemas, enums, domains, composite types and sequences.

Every reader is pure: catalog rows (mappings, as the queries return them) in,
model objects out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from schemagen.introspect.sequence_options import non_default_options
from schemagen.model import (
    CheckConstraint,
    CompositeAttribute,
    CompositeType,
    Domain,
    EnumType,
    Extension,
    QualifiedName,
    Schema,
    Sequence,
)
from schemagen.model.pg.array_casts import settle_array_casts

Row = Mapping[str, Any]

PUBLIC_SCHEMA_COMMENT = "standard public schema"
"""The comment ``initdb`` puts on ``public``: a default, not a declaration."""


def read_extensions(rows: Iterable[Row]) -> list[Extension]:
    """Extensions with their schema; the version only when it is not the server's default.

    ``public`` is read as no schema (None), as the builder reads an extension
    declared without one. An extension's comment comes from its control file,
    so it is not read.
    """
    return [
        Extension(
            name=r["name"],
            schema=None if r["schema"] == "public" else r["schema"],
            version=None if r["version"] == r.get("default_version") else r["version"],
        )
        for r in rows
    ]


def read_schemas(rows: Iterable[Row]) -> list[Schema]:
    """Schemas with comments; the default comment of ``public`` is left out."""
    schemas = []
    for r in rows:
        comment = r["comment"]
        if r["name"] == "public" and comment == PUBLIC_SCHEMA_COMMENT:
            comment = None
        schemas.append(Schema(name=r["name"], comment=comment, owner=r.get("owner")))
    return schemas


def read_enums(rows: Iterable[Row]) -> list[EnumType]:
    """Enum types; labels keep their sort order."""
    return [
        EnumType(
            name=QualifiedName(r["schema"], r["name"]),
            labels=tuple(r["labels"]),
            comment=r["comment"],
            owner=r.get("owner"),
        )
        for r in rows
    ]


def read_domains(rows: Iterable[Row]) -> list[Domain]:
    """Domains with base type, default, NOT NULL, collation and named CHECKs."""
    return [
        Domain(
            name=QualifiedName(r["schema"], r["name"]),
            base_type=r["base_type"],
            default=r["default"],
            not_null=r["not_null"],
            collation=r["collation"],
            checks=tuple(
                CheckConstraint(
                    name=c["name"],
                    expression=settle_array_casts(c["expression"]),
                    not_valid=c["not_valid"],
                    comment=c.get("comment"),
                )
                for c in r["checks"]
            ),
            comment=r["comment"],
            owner=r.get("owner"),
        )
        for r in rows
    ]


def read_composite_types(rows: Iterable[Row]) -> list[CompositeType]:
    """Composite types with their attributes in order."""
    return [
        CompositeType(
            name=QualifiedName(r["schema"], r["name"]),
            attributes=tuple(
                CompositeAttribute(name=a["name"], type=a["type"], collation=a["collation"])
                for a in r["attributes"]
            ),
            comment=r["comment"],
            owner=r.get("owner"),
        )
        for r in rows
    ]


def read_sequences(rows: Iterable[Row]) -> list[Sequence]:
    """Sequences (identity sequences are not in the rows); defaults become None."""
    sequences = []
    for r in rows:
        options = non_default_options(
            r["data_type"], r["start"], r["increment"], r["min_value"], r["max_value"], r["cache"], r["cycle"]
        )
        owned_by = None
        if r["owner_table"] is not None:
            owned_by = (QualifiedName(r["owner_schema"], r["owner_table"]), r["owner_column"])
        sequences.append(
            Sequence(
                name=QualifiedName(r["schema"], r["name"]),
                data_type=r["data_type"],
                start=options.start,
                increment=options.increment or 1,
                min_value=options.min_value,
                max_value=options.max_value,
                cache=options.cache or 1,
                cycle=options.cycle,
                owned_by=owned_by,
                comment=r["comment"],
                owner=r.get("owner"),
            )
        )
    return sequences
