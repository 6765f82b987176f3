"""Changes of foreign data wrappers, servers and user mappings."""

from __future__ import annotations

from dataclasses import dataclass

from schemagen.model.changes import Change
from schemagen.model.foreign import (
    ForeignDataWrapper,
    ForeignServer,
    ForeignTable,
    UserMapping,
    option_changes,
)


@dataclass(frozen=True)
class CreateForeignDataWrapper(Change):
    """``CREATE FOREIGN DATA WRAPPER``."""

    wrapper: ForeignDataWrapper

    def reverse(self) -> Change:
        return DropForeignDataWrapper(self.wrapper)


@dataclass(frozen=True)
class DropForeignDataWrapper(Change):
    """``DROP FOREIGN DATA WRAPPER``."""

    wrapper: ForeignDataWrapper

    def reverse(self) -> Change:
        return CreateForeignDataWrapper(self.wrapper)


@dataclass(frozen=True)
class AlterForeignDataWrapper(Change):
    """``ALTER FOREIGN DATA WRAPPER … [NO] HANDLER, [NO] VALIDATOR, OPTIONS (ADD | SET | DROP …)``."""

    old: ForeignDataWrapper
    new: ForeignDataWrapper

    def reverse(self) -> Change:
        return AlterForeignDataWrapper(self.new, self.old)

    @property
    def options(self) -> tuple[tuple[str, str, str | None], ...]:
        """The option changes."""
        return option_changes(self.old.options, self.new.options)


@dataclass(frozen=True)
class CreateServer(Change):
    """``CREATE SERVER``."""

    server: ForeignServer

    def reverse(self) -> Change:
        return DropServer(self.server)


@dataclass(frozen=True)
class DropServer(Change):
    """``DROP SERVER``."""

    server: ForeignServer

    def reverse(self) -> Change:
        return CreateServer(self.server)


@dataclass(frozen=True)
class AlterServer(Change):
    """``ALTER SERVER … [VERSION …] [OPTIONS (ADD | SET | DROP …)]``."""

    old: ForeignServer
    new: ForeignServer

    def reverse(self) -> Change:
        return AlterServer(self.new, self.old)

    @property
    def options(self) -> tuple[tuple[str, str, str | None], ...]:
        """The option changes."""
        return option_changes(self.old.options, self.new.options)


@dataclass(frozen=True)
class RenameServer(Change):
    """``ALTER SERVER … RENAME TO`` (a declared ``renamed_from``: mappings and foreign tables follow)."""

    old_name: str
    new_name: str

    def reverse(self) -> Change:
        return RenameServer(self.new_name, self.old_name)


@dataclass(frozen=True)
class CreateUserMapping(Change):
    """``CREATE USER MAPPING``."""

    mapping: UserMapping

    def reverse(self) -> Change:
        return DropUserMapping(self.mapping)


@dataclass(frozen=True)
class DropUserMapping(Change):
    """``DROP USER MAPPING``."""

    mapping: UserMapping

    def reverse(self) -> Change:
        return CreateUserMapping(self.mapping)


@dataclass(frozen=True)
class AlterUserMapping(Change):
    """``ALTER USER MAPPING … OPTIONS (ADD | SET | DROP …)`` (``password`` never touched)."""

    old: UserMapping
    new: UserMapping

    def reverse(self) -> Change:
        return AlterUserMapping(self.new, self.old)

    @property
    def options(self) -> tuple[tuple[str, str, str | None], ...]:
        """The option changes."""
        return option_changes(self.old.options, self.new.options)


@dataclass(frozen=True)
class CreateForeignTable(Change):
    """``CREATE FOREIGN TABLE``."""

    table: ForeignTable

    def reverse(self) -> Change:
        return DropForeignTable(self.table)


@dataclass(frozen=True)
class DropForeignTable(Change):
    """``DROP FOREIGN TABLE`` (its rows stay on the server)."""

    table: ForeignTable

    def reverse(self) -> Change:
        return CreateForeignTable(self.table)


@dataclass(frozen=True)
class AlterForeignTable(Change):
    """``ALTER FOREIGN TABLE``: columns added, dropped and altered, CHECKs, ``OPTIONS``, in one statement."""

    old: ForeignTable
    new: ForeignTable

    def reverse(self) -> Change:
        return AlterForeignTable(self.new, self.old)

    @property
    def actions(self) -> tuple[tuple, ...]:
        """The subcommands, in order: (verb, …) tuples the template spells out."""
        return foreign_table_actions(self.old, self.new)


def foreign_table_actions(old: ForeignTable, new: ForeignTable) -> tuple[tuple, ...]:
    """``ALTER FOREIGN TABLE`` subcommands turning ``old`` into ``new`` (comments aside).

    >>> from schemagen.model.foreign import ForeignColumn
    >>> from schemagen.model.names import QualifiedName
    >>> name = QualifiedName("s", "t")
    >>> a = ForeignTable(name, "srv", (ForeignColumn("id", "integer"),))
    >>> b = ForeignTable(name, "srv", (ForeignColumn("id", "bigint", True),), options=(("x", "1"),))
    >>> foreign_table_actions(a, b)
    (('type', 'id', 'bigint'), ('not_null', 'id', True), ('options', None, (('ADD', 'x', '1'),)))
    """
    actions: list[tuple] = []
    for check in old.checks:
        if check not in new.checks:
            actions.append(("drop_check", check.name))
    for column in old.columns:
        if new.column(column.name) is None:
            actions.append(("drop_column", column.name))
    for column in new.columns:
        before = old.column(column.name)
        if before is None:
            actions.append(("add_column", column))
            continue
        if before.type != column.type or before.collation != column.collation:
            actions.append(
                ("type", column.name, column.type) + ((column.collation,) if column.collation else ())
            )
        if before.not_null != column.not_null:
            actions.append(("not_null", column.name, column.not_null))
        if before.default != column.default:
            actions.append(("default", column.name, column.default))
        if before.options != column.options:
            actions.append(("column_options", column.name, option_changes(before.options, column.options)))
    for check in new.checks:
        if check not in old.checks:
            actions.append(("add_check", check))
    if old.options != new.options:
        actions.append(("options", None, option_changes(old.options, new.options)))
    return tuple(actions)
