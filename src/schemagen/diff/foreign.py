"""Diff of foreign data wrappers, servers and user mappings: ``ALTER … OPTIONS`` where PostgreSQL can.

A wrapper's handler, validator and options, a server's version and options and a user
mapping's options change in place. A server whose wrapper or type changes is dropped and
created again (PostgreSQL has no ALTER for those), its user mappings with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from schemagen.diff.comments import comment_changes, unqualified
from schemagen.model.catalog import Catalog
from schemagen.model.changes import Change
from schemagen.model.foreign import ForeignDataWrapper, ForeignServer, ForeignTable, UserMapping
from schemagen.model.foreign_changes import (
    AlterForeignDataWrapper,
    AlterForeignTable,
    AlterServer,
    AlterUserMapping,
    CreateForeignDataWrapper,
    CreateForeignTable,
    CreateServer,
    CreateUserMapping,
    DropForeignDataWrapper,
    DropForeignTable,
    DropServer,
    DropUserMapping,
    RenameServer,
)
from schemagen.model.names import QualifiedName

_WRAPPER, _SERVER = "foreign data wrapper", "server"


def create_wrapper(wrapper: ForeignDataWrapper) -> list[Change]:
    """``CREATE FOREIGN DATA WRAPPER`` and its comment."""
    return [
        CreateForeignDataWrapper(wrapper),
        *comment_changes(_WRAPPER, unqualified(wrapper.name), None, wrapper.comment),
    ]


def drop_wrapper(wrapper: ForeignDataWrapper) -> list[Change]:
    """``DROP FOREIGN DATA WRAPPER``."""
    return [DropForeignDataWrapper(wrapper)]


def alter_wrapper(old: ForeignDataWrapper, new: ForeignDataWrapper) -> list[Change]:
    """Handler, validator and options in place; the comment."""
    changes: list[Change] = []
    if replace(old, comment=None) != replace(new, comment=None):
        changes.append(AlterForeignDataWrapper(old, new))
    return changes + comment_changes(_WRAPPER, unqualified(new.name), old.comment, new.comment)


def recreated_servers(old: Catalog, new: Catalog) -> frozenset[str]:
    """Servers whose wrapper or type changes: dropped and created again."""
    return frozenset(
        name
        for name, server in old.foreign_servers.items()
        if name in new.foreign_servers and _fixed(server) != _fixed(new.foreign_servers[name])
    )


def _fixed(server: ForeignServer) -> tuple[str, str | None]:
    return (server.wrapper, server.type)


def server_functions(
    old: Catalog, recreated: frozenset[str]
) -> tuple[Callable[[ForeignServer], list[Change]], Callable[[ForeignServer], list[Change]], Callable]:
    """(create, drop, alter) of servers; a recreated server drops its user mappings first (the
    user mapping comparator leaves those out of the old side, so it creates them again)."""

    def create(server: ForeignServer) -> list[Change]:
        comment = comment_changes(_SERVER, unqualified(server.name), None, server.comment)
        return [CreateServer(server), *comment]

    def drop(server: ForeignServer) -> list[Change]:
        return [DropServer(server)]

    def alter(before: ForeignServer, after: ForeignServer) -> list[Change]:
        if after.name in recreated:
            mappings = [m for m in old.user_mappings.values() if m.server == after.name]
            return [*(DropUserMapping(m) for m in mappings), DropServer(before), *create(after)]
        changes: list[Change] = []
        if replace(before, comment=None) != replace(after, comment=None):
            changes.append(AlterServer(before, after))
        return changes + comment_changes(_SERVER, unqualified(after.name), before.comment, after.comment)

    return create, drop, alter


def create_mapping(mapping: UserMapping) -> list[Change]:
    """``CREATE USER MAPPING``."""
    return [CreateUserMapping(mapping)]


def drop_mapping(mapping: UserMapping) -> list[Change]:
    """``DROP USER MAPPING``."""
    return [DropUserMapping(mapping)]


def alter_mapping(old: UserMapping, new: UserMapping) -> list[Change]:
    """``ALTER USER MAPPING … OPTIONS`` (the password is never part of the model)."""
    return [AlterUserMapping(old, new)] if old != new else []


def recreated_foreign_tables(old: Catalog, new: Catalog) -> set[QualifiedName]:
    """Foreign tables whose server or partition bound changes (no ALTER for those): dropped and
    created again, grants too."""
    return {
        name
        for name, table in old.foreign_tables.items()
        if name in new.foreign_tables
        and (table.server, table.partition_of)
        != (new.foreign_tables[name].server, new.foreign_tables[name].partition_of)
    }


def _fixed_table(table: ForeignTable) -> tuple:
    """What ``ALTER FOREIGN TABLE`` cannot change: the server, the partition bound, the parents."""
    return (table.server, table.partition_of, table.inherits)


def partitions_going_with(old: Catalog, tables: set[QualifiedName]) -> set[QualifiedName]:
    """Foreign partitions of dropped or recreated tables: ``DROP TABLE`` of the parent drops them."""
    return {
        name
        for name, table in old.foreign_tables.items()
        if table.partition_of is not None and table.partition_of.parent in tables
    }


def children_of_gone(old: Catalog, tables: set[QualifiedName]) -> set[QualifiedName]:
    """Foreign inheritance children of dropped or recreated tables: ``DROP TABLE`` of a parent
    refuses while they exist, so they are dropped first and created again after."""
    return {name for name, table in old.foreign_tables.items() if set(table.inherits) & tables}


def _comments(table: ForeignTable, before: ForeignTable | None) -> list[Change]:
    changes = comment_changes("foreign table", table.name, before.comment if before else None, table.comment)
    for column in table.columns:
        previous = before.column(column.name) if before else None
        old_comment = previous.comment if previous else None
        changes += comment_changes("column", table.name, old_comment, column.comment, member=column.name)
    return list(changes)


def create_foreign_table(table: ForeignTable) -> list[Change]:
    """``CREATE FOREIGN TABLE`` and its comments."""
    return [CreateForeignTable(table), *_comments(table, None)]


def creator(old: Catalog, again: set[QualifiedName]) -> Callable[[ForeignTable], list[Change]]:
    """``create_foreign_table``, dropping first the live table of each name in ``again`` (an
    inheritance child of a table the plan drops or recreates)."""

    def create(table: ForeignTable) -> list[Change]:
        before = [DropForeignTable(old.foreign_tables[table.name])] if table.name in again else []
        return before + create_foreign_table(table)

    return create


def drop_foreign_table(table: ForeignTable) -> list[Change]:
    """``DROP FOREIGN TABLE`` (its rows stay on the server)."""
    return [DropForeignTable(table)]


def alter_foreign_table(old: ForeignTable, new: ForeignTable) -> list[Change]:
    """``ALTER FOREIGN TABLE`` in place; a new server recreates it (no data is lost: it is remote)."""
    if (old.server, old.partition_of, old.inherits) != (new.server, new.partition_of, new.inherits):
        return [DropForeignTable(old), *create_foreign_table(new)]
    change = AlterForeignTable(old, new)
    return ([change] if change.actions else []) + _comments(new, old)


def rename_servers(old: Catalog, new: Catalog) -> tuple[Catalog, list[Change]]:
    """``old`` with declared server renames applied (its user mappings and foreign tables follow, as
    PostgreSQL's do by OID), and the ``RenameServer`` changes."""
    changes: list[Change] = []
    for server in new.foreign_servers.values():
        before = server.renamed_from
        if before is None or before not in old.foreign_servers or server.name in old.foreign_servers:
            continue
        servers = dict(old.foreign_servers)
        servers[server.name] = replace(servers.pop(before), name=server.name)
        mappings = {}
        for mapping in old.user_mappings.values():
            mapping = replace(mapping, server=server.name) if mapping.server == before else mapping
            mappings[mapping.key] = mapping
        tables = {
            k: replace(t, server=server.name) if t.server == before else t
            for k, t in old.foreign_tables.items()
        }
        old = replace(
            old,
            foreign_servers=dict(sorted(servers.items())),
            user_mappings=dict(sorted(mappings.items())),
            foreign_tables=tables,
        )
        changes.append(RenameServer(before, server.name))
    return old, changes
