"""Comparators for functions, triggers, views, policies, roles, grants and reference rows."""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff.comments import comment_changes, unqualified
from schemagen.diff.expressions import same_expression
from schemagen.model.changes import Change
from schemagen.model.code_changes import (
    AlterRole,
    CreateFunction,
    CreatePolicy,
    CreateRole,
    CreateTrigger,
    CreateView,
    DeleteReferenceRows,
    DropFunction,
    DropPolicy,
    DropTrigger,
    DropView,
    GrantDefaultPrivileges,
    GrantPrivileges,
    ReplaceFunction,
    RevokeDefaultPrivileges,
    RevokePrivileges,
    SetTriggerEnabled,
    UpsertReferenceRows,
)
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

# --- functions --------------------------------------------------------------


def _function_comment(function: Function, old: str | None) -> list[Change]:
    return comment_changes(
        function.kind.lower(), function.name, old, function.comment, arguments=function.identity_types
    )


def create_function(function: Function) -> list[Change]:
    """Create and comment a function or procedure."""
    return [CreateFunction(function), *_function_comment(function, None)]


def drop_function(function: Function) -> list[Change]:
    """Drop a function or procedure."""
    return [DropFunction(function)]


def alter_function(old: Function, new: Function) -> list[Change]:
    """CREATE OR REPLACE when the signature and result stay; otherwise drop and create."""
    interface = ("arguments", "returns", "returns_table", "kind", "window")  # cannot change by REPLACE
    if any(getattr(old, f) != getattr(new, f) for f in interface):
        return [DropFunction(old), *create_function(new)]
    changes: list[Change] = []
    if replace(old, comment=None) != replace(new, comment=None):
        changes.append(ReplaceFunction(old, new))
    return changes + _function_comment(new, old.comment)


# --- triggers, views, policies ----------------------------------------------


def create_trigger(trigger: Trigger) -> list[Change]:
    """Create and comment a trigger."""
    return [
        CreateTrigger(trigger),
        *comment_changes("trigger", trigger.table, None, trigger.comment, member=trigger.name),
    ]


def alter_trigger(old: Trigger, new: Trigger) -> list[Change]:
    """Recreate a changed trigger; otherwise its firing mode (in place) and its comment."""
    loose = {"when": None, "comment": None, "enabled": "origin"}
    if not same_expression(old.when, new.when) or replace(old, **loose) != replace(new, **loose):
        return [DropTrigger(old), *create_trigger(new)]
    enabled: list[Change] = [SetTriggerEnabled(new, old.enabled)] if old.enabled != new.enabled else []
    return enabled + comment_changes("trigger", new.table, old.comment, new.comment, member=new.name)


def _view_kind(view: View) -> str:
    return "materialized view" if view.materialized else "view"


def create_view(view: View) -> list[Change]:
    """Create and comment a view or materialized view."""
    return [CreateView(view), *comment_changes(_view_kind(view), view.name, None, view.comment)]


def alter_view(old: View, new: View) -> list[Change]:
    """Recreate a changed view; otherwise only its comment."""
    if not same_expression(old.query, new.query) or replace(old, query="", comment=None) != replace(
        new, query="", comment=None
    ):
        return [DropView(old), *create_view(new)]
    return comment_changes(_view_kind(new), new.name, old.comment, new.comment)


def create_policy(policy: Policy) -> list[Change]:
    """Create and comment a policy."""
    return [
        CreatePolicy(policy),
        *comment_changes("policy", policy.table, None, policy.comment, member=policy.name),
    ]


def alter_policy(old: Policy, new: Policy) -> list[Change]:
    """Recreate a changed policy; otherwise only its comment."""
    same = same_expression(old.using, new.using) and same_expression(old.with_check, new.with_check)
    if not same or replace(old, using=None, with_check=None, comment=None) != replace(
        new, using=None, with_check=None, comment=None
    ):
        return [DropPolicy(old), *create_policy(new)]
    return comment_changes("policy", new.table, old.comment, new.comment, member=new.name)


# --- roles and privileges ---------------------------------------------------


def create_role(role: Role) -> list[Change]:
    """Create a role when missing, and comment it (an external role exists already: nothing)."""
    if role.external:
        return []
    return [CreateRole(role), *comment_changes("role", unqualified(role.name), None, role.comment)]


def drop_role(role: Role) -> list[Change]:
    """Roles are cluster-wide and never dropped by a plan."""
    return []


def alter_role(old: Role, new: Role) -> list[Change]:
    """ALTER ROLE for attributes and memberships; comments (an external role is left as it is)."""
    if new.external:
        return []
    changes: list[Change] = []
    if replace(old, comment=None) != replace(new, comment=None):
        changes.append(AlterRole(old, new))
    return changes + comment_changes("role", unqualified(new.name), old.comment, new.comment)


def create_grant(grant: Grant) -> list[Change]:
    """Make a declared grant (or revoke) true."""
    return [GrantPrivileges(grant)]


def drop_grant(grant: Grant) -> list[Change]:
    """Undo a grant (or a revoke) that is no longer declared."""
    return [RevokePrivileges(grant)]


def alter_grant(old: Grant, new: Grant) -> list[Change]:
    """Undo the old privileges, then grant the new ones."""
    return [RevokePrivileges(old), GrantPrivileges(new)]


def create_default_privilege(privilege: DefaultPrivilege) -> list[Change]:
    """ALTER DEFAULT PRIVILEGES … GRANT."""
    return [GrantDefaultPrivileges(privilege)]


def drop_default_privilege(privilege: DefaultPrivilege) -> list[Change]:
    """ALTER DEFAULT PRIVILEGES … REVOKE."""
    return [RevokeDefaultPrivileges(privilege)]


def alter_default_privilege(old: DefaultPrivilege, new: DefaultPrivilege) -> list[Change]:
    """Revoke the old default privileges, grant the new ones."""
    return [RevokeDefaultPrivileges(old), GrantDefaultPrivileges(new)]


# --- reference rows ---------------------------------------------------------


def create_rows(rows: ReferenceRows) -> list[Change]:
    """Upsert declared rows."""
    return [UpsertReferenceRows(rows)] if rows.rows else []


def drop_rows(rows: ReferenceRows) -> list[Change]:
    """Rows that stop being declared are left alone (they may be data by now)."""
    return []


def alter_rows(old: ReferenceRows, new: ReferenceRows) -> list[Change]:
    """Upsert the declared rows; delete declared-before rows whose key is gone."""

    def key_of(row: tuple[tuple[str, str], ...], key: tuple[str, ...]) -> tuple[str, ...]:
        values = dict(row)
        return tuple(values.get(k, "") for k in key)

    new_keys = {key_of(row, new.key) for row in new.rows}
    gone = tuple(row for row in old.rows if old.key != new.key or key_of(row, new.key) not in new_keys)
    changes: list[Change] = [DeleteReferenceRows(replace(old, rows=gone))] if gone else []
    return changes + create_rows(new)
