"""Comparators for schemas, extensions, enums, domains and sequences (composite types: ``simple.py``).

Each comparator is a pure function of (old, new) objects returning a list of changes.
"""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff.comments import comment_changes, unqualified
from schemagen.diff.expressions import same_expression
from schemagen.diff.keyed import by_name, split_keys
from schemagen.model.changes import (
    AddDomainConstraint,
    AddEnumValue,
    AlterDomain,
    AlterSequence,
    AlterSequenceOwnedBy,
    Change,
    CreateDomain,
    CreateEnum,
    CreateExtension,
    CreateSchema,
    CreateSequence,
    DomainChange,
    DropDomain,
    DropDomainConstraint,
    DropExtension,
    DropSchema,
    DropSequence,
    RebuildEnum,
    UpdateExtension,
)
from schemagen.model.names import QualifiedName
from schemagen.model.objects import (
    CheckConstraint,
    Column,
    Domain,
    EnumType,
    Extension,
    Schema,
    Sequence,
)

# --- schemas and extensions -------------------------------------------------


def create_schema(schema: Schema) -> list[Change]:
    """Create a schema (``public`` always exists) and comment it."""
    changes: list[Change] = [] if schema.name == "public" else [CreateSchema(schema)]
    return changes + comment_changes("schema", unqualified(schema.name), None, schema.comment)


def drop_schema(schema: Schema) -> list[Change]:
    """Drop a schema (never ``public``)."""
    return [] if schema.name == "public" else [DropSchema(schema)]


def alter_schema(old: Schema, new: Schema) -> list[Change]:
    """Comment changes of a kept schema."""
    return comment_changes("schema", unqualified(new.name), old.comment, new.comment)


def create_extension(extension: Extension) -> list[Change]:
    """Create and comment an extension."""
    return [
        CreateExtension(extension),
        *comment_changes("extension", unqualified(extension.name), None, extension.comment),
    ]


def alter_extension(old: Extension, new: Extension) -> list[Change]:
    """Recreate an extension moved to another schema; update one whose version differs; comments."""
    if old.schema != new.schema:
        return [DropExtension(old), *create_extension(new)]
    update = [UpdateExtension(new.name, old.version, new.version)] if old.version != new.version else []
    return update + comment_changes("extension", unqualified(new.name), old.comment, new.comment)


# --- enums ------------------------------------------------------------------


def create_enum(enum: EnumType) -> list[Change]:
    """Create and comment an enum."""
    return [CreateEnum(enum), *comment_changes("type", enum.name, None, enum.comment)]


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    remaining = iter(long)
    return all(label in remaining for label in short)


def alter_enum(old: EnumType, new: EnumType, users: tuple[tuple[QualifiedName, Column], ...]) -> list[Change]:
    """Add labels in place (``ADD VALUE … AFTER``); a removal or reorder rebuilds the type.

    ``users`` are the columns of the target catalog whose type is this enum.
    """
    changes: list[Change] = []
    if old.labels != new.labels:
        if _is_subsequence(old.labels, new.labels):
            changes += _added_values(old, new)
        else:
            changes.append(RebuildEnum(old, new, users))
    return changes + comment_changes("type", new.name, old.comment, new.comment)


def _added_values(old: EnumType, new: EnumType) -> list[Change]:
    existing = set(old.labels)
    changes: list[Change] = []
    for position, label in enumerate(new.labels):
        if label in existing:
            continue
        if position > 0:
            changes.append(AddEnumValue(new.name, label, after=new.labels[position - 1]))
        elif old.labels:
            changes.append(AddEnumValue(new.name, label, before=old.labels[0]))
        else:
            changes.append(AddEnumValue(new.name, label))
    return changes


# --- domains ----------------------------------------------------------------


def _check_comments(domain: Domain, old: Domain | None) -> list[Change]:
    previous = by_name(old.checks) if old else {}
    changes: list[Change] = []
    for check in domain.checks:
        before = previous.get(check.name)
        changes += comment_changes(
            "domain constraint",
            domain.name,
            before.comment if before else None,
            check.comment,
            member=check.name,
        )
    return changes


def create_domain(domain: Domain) -> list[Change]:
    """Create and comment a domain and its CHECKs."""
    return [
        CreateDomain(domain),
        *comment_changes("domain", domain.name, None, domain.comment),
        *_check_comments(domain, None),
    ]


def alter_domain(old: Domain, new: Domain) -> list[Change]:
    """ALTER DOMAIN for default, NOT NULL and CHECKs; a new base type or collation recreates it."""
    if old.base_type != new.base_type or old.collation != new.collation:
        return [DropDomain(old), *create_domain(new)]
    flags = DomainChange.NONE
    if not same_expression(old.default, new.default):
        flags |= DomainChange.DEFAULT
    if old.not_null != new.not_null:
        flags |= DomainChange.NOT_NULL
    changes: list[Change] = [AlterDomain(old, new, flags)] if flags else []
    old_checks, new_checks = by_name(old.checks), by_name(new.checks)
    keys = split_keys(old_checks, new_checks)
    changed = [k for k in keys.common if not same_check(old_checks[k], new_checks[k])]
    for name in sorted([*keys.removed, *changed]):
        changes.append(DropDomainConstraint(new.name, old_checks[name]))
    for name in sorted([*keys.added, *changed]):
        changes.append(AddDomainConstraint(new.name, new_checks[name]))
    changes += comment_changes("domain", new.name, old.comment, new.comment)
    return changes + _check_comments(new, old)


def same_check(old: CheckConstraint, new: CheckConstraint) -> bool:
    """Equal CHECKs: same expression, flags (comments aside)."""
    return same_expression(old.expression, new.expression) and replace(
        old, expression="", comment=None
    ) == replace(new, expression="", comment=None)


# --- sequences --------------------------------------------------------------


def _options(sequence: Sequence) -> Sequence:
    return replace(sequence, owned_by=None, comment=None)


def create_sequence(sequence: Sequence) -> list[Change]:
    """Create, own and comment a sequence."""
    changes: list[Change] = [CreateSequence(sequence)]
    if sequence.owned_by is not None:
        changes.append(AlterSequenceOwnedBy(sequence.name, None, sequence.owned_by))
    return changes + comment_changes("sequence", sequence.name, None, sequence.comment)


def drop_sequence(sequence: Sequence) -> list[Change]:
    """Disown (so dropping the owning table does not drop it first), then drop."""
    changes: list[Change] = []
    if sequence.owned_by is not None:
        changes.append(AlterSequenceOwnedBy(sequence.name, sequence.owned_by, None))
    return [*changes, DropSequence(sequence)]


def alter_sequence(old: Sequence, new: Sequence) -> list[Change]:
    """ALTER SEQUENCE for options and ownership; comments."""
    changes: list[Change] = []
    if _options(old) != _options(new):
        changes.append(AlterSequence(old, new))
    if old.owned_by != new.owned_by:
        changes.append(AlterSequenceOwnedBy(new.name, old.owned_by, new.owned_by))
    return changes + comment_changes("sequence", new.name, old.comment, new.comment)
