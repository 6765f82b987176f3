"""Changes for code and access objects: functions, triggers, views, RLS, policies, roles, grants, rows."""

from __future__ import annotations

from dataclasses import dataclass, replace

from schemagen.model.changes import Change
from schemagen.model.names import QualifiedName
from schemagen.model.routines import (
    DefaultPrivilege,
    Function,
    Grant,
    Policy,
    ReferenceRows,
    Role,
    Trigger,
    View,
)


@dataclass(frozen=True)
class CreateFunction(Change):
    """``CREATE FUNCTION`` / ``CREATE PROCEDURE``."""

    function: Function

    def reverse(self) -> Change:
        return DropFunction(self.function)


@dataclass(frozen=True)
class DropFunction(Change):
    """``DROP FUNCTION`` / ``DROP PROCEDURE`` with the identity argument types."""

    function: Function

    def reverse(self) -> Change:
        return CreateFunction(self.function)


@dataclass(frozen=True)
class ReplaceFunction(Change):
    """``CREATE OR REPLACE`` of a function whose signature and result type are unchanged."""

    old: Function
    new: Function

    def reverse(self) -> Change:
        return ReplaceFunction(self.new, self.old)


@dataclass(frozen=True)
class CreateTrigger(Change):
    """``CREATE [CONSTRAINT] TRIGGER``."""

    trigger: Trigger

    def reverse(self) -> Change:
        return DropTrigger(self.trigger)


@dataclass(frozen=True)
class DropTrigger(Change):
    """``DROP TRIGGER … ON``."""

    trigger: Trigger

    def reverse(self) -> Change:
        return CreateTrigger(self.trigger)


@dataclass(frozen=True)
class SetTriggerEnabled(Change):
    """``ALTER TABLE … ENABLE [REPLICA | ALWAYS] / DISABLE TRIGGER``: ``trigger`` in its new firing mode."""

    trigger: Trigger
    was: str = "origin"

    def reverse(self) -> Change:
        return SetTriggerEnabled(replace(self.trigger, enabled=self.was), self.trigger.enabled)


@dataclass(frozen=True)
class CreateView(Change):
    """``CREATE [MATERIALIZED] VIEW``."""

    view: View

    def reverse(self) -> Change:
        return DropView(self.view)


@dataclass(frozen=True)
class DropView(Change):
    """``DROP [MATERIALIZED] VIEW``; ``indexes`` (of a materialized view) go with it."""

    view: View
    indexes: tuple[QualifiedName, ...] = ()

    def reverse(self) -> Change:
        return CreateView(self.view)


@dataclass(frozen=True)
class SetRowLevelSecurity(Change):
    """``ALTER TABLE … ENABLE/DISABLE`` and ``FORCE/NO FORCE ROW LEVEL SECURITY``."""

    table: QualifiedName
    enabled: bool
    forced: bool
    was_enabled: bool = False
    was_forced: bool = False

    def reverse(self) -> Change:
        return SetRowLevelSecurity(self.table, self.was_enabled, self.was_forced, self.enabled, self.forced)


@dataclass(frozen=True)
class CreatePolicy(Change):
    """``CREATE POLICY``."""

    policy: Policy

    def reverse(self) -> Change:
        return DropPolicy(self.policy)


@dataclass(frozen=True)
class DropPolicy(Change):
    """``DROP POLICY … ON``."""

    policy: Policy

    def reverse(self) -> Change:
        return CreatePolicy(self.policy)


@dataclass(frozen=True)
class CreateRole(Change):
    """Create a cluster-wide role when it is missing (idempotent), then grant its memberships."""

    role: Role


@dataclass(frozen=True)
class AlterRole(Change):
    """``ALTER ROLE`` attributes and memberships of a role that exists."""

    old: Role
    new: Role

    def reverse(self) -> Change:
        return AlterRole(self.new, self.old)

    @property
    def added_memberships(self) -> tuple[str, ...]:
        """Roles ``new`` is a member of and ``old`` was not."""
        return tuple(r for r in self.new.member_of if r not in self.old.member_of)

    @property
    def changed_memberships(self) -> tuple[str, ...]:
        """Roles both are members of with other options (revoked and granted again)."""
        return tuple(
            r
            for r in self.new.member_of
            if r in self.old.member_of and self.old.membership(r) != self.new.membership(r)
        )

    @property
    def removed_memberships(self) -> tuple[str, ...]:
        """Roles ``old`` was a member of and ``new`` is not."""
        return tuple(r for r in self.old.member_of if r not in self.new.member_of)


@dataclass(frozen=True)
class GrantPrivileges(Change):
    """Make a declared grant true: ``GRANT`` (or ``REVOKE`` for a declared revoke)."""

    grant: Grant

    def reverse(self) -> Change:
        return RevokePrivileges(self.grant)


@dataclass(frozen=True)
class RevokePrivileges(Change):
    """Undo a declared grant: ``REVOKE`` (or ``GRANT`` back what a declared revoke took away)."""

    grant: Grant

    def reverse(self) -> Change:
        return GrantPrivileges(self.grant)


@dataclass(frozen=True)
class GrantDefaultPrivileges(Change):
    """``ALTER DEFAULT PRIVILEGES … GRANT``."""

    privilege: DefaultPrivilege

    def reverse(self) -> Change:
        return RevokeDefaultPrivileges(self.privilege)


@dataclass(frozen=True)
class RevokeDefaultPrivileges(Change):
    """``ALTER DEFAULT PRIVILEGES … REVOKE``."""

    privilege: DefaultPrivilege

    def reverse(self) -> Change:
        return GrantDefaultPrivileges(self.privilege)


@dataclass(frozen=True)
class UpsertReferenceRows(Change):
    """``INSERT … ON CONFLICT (key) DO UPDATE``: idempotent seed rows."""

    rows: ReferenceRows

    @property
    def groups(self) -> tuple[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], ...]:
        """Rows grouped by their column list: ((columns), ((values), …)), in first-seen order."""
        grouped: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for row in self.rows.rows:
            columns = tuple(c for c, _ in row)
            grouped.setdefault(columns, []).append(tuple(v for _, v in row))
        return tuple((columns, tuple(values)) for columns, values in grouped.items())


@dataclass(frozen=True)
class DeleteReferenceRows(Change):
    """``DELETE`` the reference rows (by key) that are no longer declared."""

    rows: ReferenceRows

    @property
    def keys(self) -> tuple[tuple[str, ...], ...]:
        """The key values of every row, in key-column order."""
        return tuple(tuple(dict(row)[k] for k in self.rows.key) for row in self.rows.rows)
