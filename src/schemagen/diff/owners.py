"""Owner changes: one ``SetOwner`` per object whose declared owner is not (yet) its owner.

Owners take part only where the new side states one (``owners: managed``); an
object whose owner is None on either side of an existing object is left alone,
so an unmanaged project never sees an owner change. An object the changes
create (or recreate) gets its owner set after it is made.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import replace
from typing import Any

from schemagen.model import changes as ch
from schemagen.model import code_changes as cc
from schemagen.model import foreign_changes as fc
from schemagen.model import opclasses as oc
from schemagen.model import ranges as ra
from schemagen.model import support_changes as su
from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change, SetOwner
from schemagen.model.kinds import CATALOG_KINDS, OWNED_KINDS, KindDescriptor, ObjectKind, descriptor
from schemagen.model.names import QualifiedName

K = ObjectKind

_MADE_BY: dict[type[Change], tuple[ObjectKind, str]] = {
    ch.CreateSchema: (K.SCHEMA, "schema"),
    ch.CreateEnum: (K.ENUM, "enum"),
    ch.RebuildEnum: (K.ENUM, "new"),  # a new type under the old name
    ch.CreateDomain: (K.DOMAIN, "domain"),
    ch.CreateCompositeType: (K.COMPOSITE_TYPE, "type"),
    ra.CreateRangeType: (K.RANGE_TYPE, "type"),
    ra.RebuildRangeType: (K.RANGE_TYPE, "new"),  # a new type under the old name
    oc.CreateOperatorClass: (K.OPERATOR_CLASS, "opclass"),
    oc.CreateOperatorFamily: (K.OPERATOR_FAMILY, "family"),
    ch.CreateSequence: (K.SEQUENCE, "sequence"),
    ch.CreateTable: (K.TABLE, "table"),
    cc.CreateFunction: (K.FUNCTION, "function"),
    cc.CreateView: (K.VIEW, "view"),
    su.CreateCollation: (K.COLLATION, "collation"),
    su.CreateOperator: (K.OPERATOR, "operator"),
    su.CreateAggregate: (K.AGGREGATE, "aggregate"),
    su.CreateTextSearchDictionary: (K.TEXT_SEARCH_DICTIONARY, "dictionary"),
    su.CreateTextSearchConfiguration: (K.TEXT_SEARCH_CONFIGURATION, "configuration"),
    su.CreateStatistics: (K.STATISTICS, "statistics"),
    su.CreateEventTrigger: (K.EVENT_TRIGGER, "trigger"),
    su.CreatePublication: (K.PUBLICATION, "publication"),
    fc.CreateForeignDataWrapper: (K.FOREIGN_DATA_WRAPPER, "wrapper"),
    fc.CreateServer: (K.FOREIGN_SERVER, "server"),
    fc.CreateForeignTable: (K.FOREIGN_TABLE, "table"),
}
"""The change that creates an object of each owned kind, and the field holding the object."""


def owner_changes(old: Catalog, new: Catalog, changes: list[Change]) -> list[SetOwner]:
    """``SetOwner`` for each object of ``new`` with an owner that ``old`` lacks or ``changes`` (re)create.

    A sequence owned by a table is left out: PostgreSQL gives it the table's
    owner and moves it with the table (``ALTER TABLE … OWNER TO`` carries it).
    """
    made = set(_made(changes))
    found: list[SetOwner] = []
    for d in CATALOG_KINDS:
        if d.kind not in OWNED_KINDS:
            continue
        before = getattr(old, d.attribute)
        for key, obj in getattr(new, d.attribute).items():
            if obj.owner is None or getattr(obj, "owned_by", None) is not None:
                continue
            previous = before.get(key)
            if previous is None or (d.kind, key) in made:
                found += _with_own_family(_set_owner(d, obj, None), obj)
            elif previous.owner is not None and previous.owner != obj.owner:
                found += _with_own_family(_set_owner(d, obj, previous.owner), obj)
    return found


def with_owned_sequence_owners(old: Catalog, new: Catalog, changes: list[Change]) -> list[Change]:
    """``changes`` with each ``OWNED BY`` of an existing table giving the sequence that table's
    owner first, when it may differ (a new sequence belongs to the applying role).

    PostgreSQL refuses to link a sequence to a table of another owner; the table's live owner is
    the one it has then (a changed table owner is set afterwards, and carries the sequence).
    Owners not managed (not read): unchanged.
    """
    made = set(_made(changes))
    result: list[Change] = []
    for change in changes:
        if isinstance(change, ch.AlterSequenceOwnedBy) and change.new is not None:
            table = old.tables.get(change.new[0])
            sequence = new.sequences.get(change.sequence)
            before = old.sequences.get(change.sequence)
            if (
                table is not None
                and table.owner is not None
                and sequence is not None
                and sequence.owner is not None
                and (K.TABLE, table.name) not in made
                and ((K.SEQUENCE, change.sequence) in made or before is None or before.owner != table.owner)
            ):
                change = replace(change, owner=table.owner)
        result.append(change)
    return result


def states_owners(catalog: Catalog) -> bool:
    """Whether any object of ``catalog`` has an owner (the project manages owners and says one)."""
    return any(obj.owner is not None for _, obj in catalog.owned())


def without_owners(catalog: Catalog) -> Catalog:
    """``catalog`` with no owner on any object (what a scratch database creates: roles are not there)."""
    if not states_owners(catalog):
        return catalog
    owned = {}
    for d in CATALOG_KINDS:
        if d.kind in OWNED_KINDS:
            objects = getattr(catalog, d.attribute)
            owned[d.attribute] = {k: replace(o, owner=None) for k, o in objects.items()}
    return replace(catalog, **owned)


def _made(changes: list[Change]) -> Iterator[tuple[ObjectKind, Hashable]]:
    for change in changes:
        made = _MADE_BY.get(type(change))
        if made is not None:
            kind, attribute = made
            key = descriptor(kind).key
            assert key is not None
            yield kind, key(getattr(change, attribute))


def _with_own_family(change: SetOwner, obj: Any) -> list[SetOwner]:
    """An operator class in the family made for it gives that family its owner too (read as one)."""
    if change.kind != "operator class" or obj.family is not None:
        return [change]
    return [change, replace(change, kind="operator family")]


def _set_owner(d: KindDescriptor, obj: Any, previous: str | None) -> SetOwner:
    name = obj.name if isinstance(obj.name, QualifiedName) else QualifiedName("", obj.name)
    return SetOwner(_keyword(d.kind, obj), name, obj.owner, previous, _arguments(d.kind, obj))


def _keyword(kind: ObjectKind, obj: Any) -> str:
    """The word ``ALTER … OWNER TO`` names the object with (as ``COMMENT ON`` does)."""
    if kind is K.FUNCTION:
        return obj.kind.lower()
    if kind is K.VIEW:
        return "materialized view" if obj.materialized else "view"
    return descriptor(kind).comment_keywords[0]


def _arguments(kind: ObjectKind, obj: Any) -> tuple[str, ...]:
    if kind is K.OPERATOR:
        return obj.signature
    if kind in (K.FUNCTION, K.AGGREGATE):
        return obj.identity_types
    if kind in (K.OPERATOR_CLASS, K.OPERATOR_FAMILY):
        return (obj.using,)
    return ()
