"""Dependency rules for functions, triggers, views, RLS, policies, roles, grants and rows."""

from __future__ import annotations

from collections.abc import Callable

from schemagen.model import deps
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
    SetRowLevelSecurity,
    SetTriggerEnabled,
    UpsertReferenceRows,
)
from schemagen.model.deps import ObjectRef
from schemagen.model.identity import GrantOn
from schemagen.model.pg.roles import PSEUDO_ROLES
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
from schemagen.plan.refs_base import Refs, paired_rules, refs


def _roles(names) -> set[ObjectRef]:
    return {deps.role_ref(n) for n in names if n and n.lower() not in PSEUDO_ROLES}


def _type_needs(text: str | None) -> set[ObjectRef]:
    if not text:
        return set()
    base = text[6:] if text[:6].upper() == "SETOF " else text
    referenced = deps.type_reference(base)
    if referenced is None:
        return set()
    return {deps.type_ref(referenced), deps.table_ref(referenced)}


def function_needs(function: Function, *, body: bool = True) -> set[ObjectRef]:
    """Schema, argument and result types, and (``body``) what a SQL body uses or a PL/pgSQL one declares."""
    needs = {deps.schema_ref(function.name.schema)}
    for argument in function.arguments:
        needs |= _type_needs(argument.type) | deps.expression_needs(argument.default)
    needs |= _type_needs(function.returns)
    for _, type_text in function.returns_table:
        needs |= _type_needs(type_text)
    if function.support is not None and function.support.schema != "pg_catalog":
        needs.add(deps.function_ref(function.support))
    if body and function.language.lower() == "sql":  # only SQL bodies are checked when created
        needs |= deps.needs_of(deps.body_references(function))
        needs.discard(deps.function_ref(function.name))
    if body:  # a PL/pgSQL body's DECLARE types are looked up when it is created
        needs |= deps.declared_type_needs(function)
    return needs


def view_needs(view: View) -> set[ObjectRef]:
    """Schema and every relation, column, function, type and sequence the query uses."""
    needs = deps.needs_of(deps.view_references(view)) - {deps.table_ref(view.name)}
    return {deps.schema_ref(view.name.schema)} | needs


def trigger_needs(trigger: Trigger) -> set[ObjectRef]:
    """The table (or view), the function, the UPDATE OF columns and what WHEN uses."""
    needs = {deps.table_ref(trigger.table), deps.function_ref(trigger.function)}
    needs |= {deps.column_ref(trigger.table, c) for c in trigger.update_columns}
    return needs | deps.expression_needs(trigger.when, trigger.table)


def policy_needs(policy: Policy) -> set[ObjectRef]:
    """The table, the roles and what the expressions use."""
    needs = {deps.table_ref(policy.table)} | _roles(policy.roles)
    return (
        needs
        | deps.expression_needs(policy.using, policy.table)
        | deps.expression_needs(policy.with_check, policy.table)
    )


def grant_needs(grant: Grant) -> set[ObjectRef]:
    """The grantee and the object."""
    needs = _roles([grant.grantee])
    target = grant.target
    if target.on == GrantOn.SCHEMA:
        return needs | {deps.schema_ref(target.name.name)}
    if target.on.is_routine:
        return needs | {deps.function_ref(target.name)}
    if target.on == GrantOn.SEQUENCE:
        return needs | {deps.sequence_ref(target.name)}
    if target.on == GrantOn.TYPE:
        return needs | {deps.type_ref(target.name)}
    return needs | {deps.table_ref(target.name)} | {deps.column_ref(target.name, c) for c in grant.columns}


def default_privilege_needs(privilege: DefaultPrivilege) -> set[ObjectRef]:
    """The schema and the roles involved."""
    schema = {deps.schema_ref(privilege.schema)} if privilege.schema else set()
    return schema | _roles([privilege.grantee, privilege.for_role])


def rows_needs(rows: ReferenceRows) -> set[ObjectRef]:
    """The table, its columns and the unique key the upsert conflicts on."""
    needs = {deps.table_ref(rows.table), deps.key_ref(rows.table, rows.key)}
    needs |= {deps.column_ref(rows.table, c) for row in rows.rows for c, _ in row}
    for row in rows.rows:
        for _, value in row:
            needs |= deps.expression_needs(value)
    return needs


def role_provides(role: Role) -> set[ObjectRef]:
    """The role itself."""
    return {deps.role_ref(role.name)}


def _rls(change: SetRowLevelSecurity) -> Refs:
    return refs(needs_new={deps.table_ref(change.table)})


CODE_RULES: dict[type[Change], Callable[[Change], Refs]] = {
    **paired_rules(
        CreateFunction,
        DropFunction,
        lambda c: {deps.function_ref(c.function.name)},
        lambda c: function_needs(c.function),
    ),
    ReplaceFunction: lambda c: refs(
        needs_new=function_needs(c.new) | {deps.function_ref(c.new.name)},
        # PostgreSQL records what only a SQL-standard body uses: the old body holds nothing else
        needs_old=function_needs(c.old, body=c.old.sql_standard_body) - {deps.function_ref(c.old.name)},
    ),
    **paired_rules(
        CreateTrigger,
        DropTrigger,
        lambda c: {deps.trigger_ref(c.trigger.table, c.trigger.name)},
        lambda c: trigger_needs(c.trigger),
    ),
    **paired_rules(
        CreateView, DropView, lambda c: {deps.table_ref(c.view.name)}, lambda c: view_needs(c.view)
    ),
    SetRowLevelSecurity: _rls,
    SetTriggerEnabled: lambda c: refs(
        needs_new={deps.trigger_ref(c.trigger.table, c.trigger.name), deps.table_ref(c.trigger.table)}
    ),
    **paired_rules(
        CreatePolicy,
        DropPolicy,
        lambda c: {deps.policy_ref(c.policy.table, c.policy.name)},
        lambda c: policy_needs(c.policy),
    ),
    CreateRole: lambda c: refs(creates=role_provides(c.role), needs_new=_roles(c.role.member_of)),
    AlterRole: lambda c: refs(needs_new=role_provides(c.new) | _roles(c.new.member_of)),
    **paired_rules(GrantPrivileges, RevokePrivileges, lambda c: (), lambda c: grant_needs(c.grant)),
    **paired_rules(
        GrantDefaultPrivileges,
        RevokeDefaultPrivileges,
        lambda c: (),
        lambda c: default_privilege_needs(c.privilege),
    ),
    **paired_rules(UpsertReferenceRows, DeleteReferenceRows, lambda c: (), lambda c: rows_needs(c.rows)),
}
