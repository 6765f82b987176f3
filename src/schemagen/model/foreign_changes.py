"""Changes of foreign data wrappers, servers and user mappings."""

from __future__ import annotations

from dataclasses import dataclass

from schemagen.model.changes import Change
from schemagen.model.foreign import ForeignDataWrapper, ForeignServer, UserMapping, option_changes


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
