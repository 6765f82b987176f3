"""Roles, grants and default privileges as YAML values."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from schemagen.emit.yaml_writer import FlowList, FlowMap
from schemagen.model import Catalog, DefaultPrivilege, Grant, Membership, Role
from schemagen.model.identity import GrantOn
from schemagen.model.pg.quoting import quote_ident, quote_qualified


def role_value(role: Role) -> Any:
    """``{login, inherit, …, valid_until, member_of, comment}`` with defaults left out."""
    value: dict[str, Any] = {}
    if role.login:
        value["login"] = True
    if not role.inherit:
        value["inherit"] = False
    for key in ("superuser", "create_role", "create_db", "replication", "bypass_rls"):
        if getattr(role, key):
            value[key] = True
    if role.connection_limit != -1:
        value["connection_limit"] = role.connection_limit
    if role.valid_until is not None:
        value["valid_until"] = role.valid_until
    if role.member_of:
        value["member_of"] = FlowList([_membership(role, parent) for parent in role.member_of])
    if role.comment:
        value["comment"] = role.comment
    return FlowMap(value)


def _membership(role: Role, parent: str) -> Any:
    """A ``member_of`` entry: the role's name, or ``{role, admin, inherit, set}`` with options."""
    membership = role.membership(parent)
    if membership == Membership(parent):
        return parent
    value: dict[str, Any] = {"role": parent}
    if membership.admin:
        value["admin"] = True
    if membership.inherit is not None:
        value["inherit"] = membership.inherit
    if not membership.set:
        value["set"] = False
    return FlowMap(value)


def grant_schema(grant: Grant) -> str:
    """The schema whose file holds ``grant``."""
    return grant.target.schema


def _on(grant: Grant, catalog: Catalog) -> str:
    target = grant.target
    kind = GrantOn.TABLE if target.on == GrantOn.COLUMN else target.on
    if kind == GrantOn.FUNCTION:
        function = catalog.functions.get(target.routine)
        if function is not None and function.kind == "procedure":
            kind = GrantOn.PROCEDURE
    name = target.name
    quoted = quote_qualified(name.schema, name.name) if name.schema else quote_ident(name.name)
    if target.signature is not None:
        quoted += f"({', '.join(target.signature)})"
    return f"{kind} {quoted}"  # names quoted as SQL: `table "My App".t` (a bare one would split wrongly)


def grant_entries(grants: list[Grant], catalog: Catalog) -> list[Any]:
    """Grant entries, grantees with identical privileges on the same target merged."""
    merged: dict[tuple, list[str]] = defaultdict(list)
    for grant in grants:
        key = (_on(grant, catalog), grant.revoke, grant.privileges, grant.columns, grant.with_grant_option)
        merged[key].append(grant.grantee)
    entries = []
    for (on, revoke, privileges, columns, with_option), grantees in sorted(merged.items()):
        words = FlowList(p.lower() for p in privileges)
        who: Any = grantees[0] if len(grantees) == 1 else FlowList(sorted(grantees))
        entry: dict[str, Any] = {"on": on}
        if revoke:
            entry.update({"revoke": words, "from": who})
        else:
            entry["privileges"] = words
            if columns:
                entry["columns"] = FlowList(columns)
            entry["to"] = who
            if with_option:
                entry["with_grant_option"] = True
        entries.append(FlowMap(entry))
    return entries


def default_privilege_entries(defaults: list[DefaultPrivilege]) -> list[Any]:
    """``{for_role, on, [all_schemas], privileges, to}`` (or ``revoke, from``) entries."""
    entries = []
    for default in defaults:
        entry: dict[str, Any] = {}
        if default.for_role:
            entry["for_role"] = default.for_role
        entry["on"] = default.object_kind
        if default.schema is None:
            entry["all_schemas"] = True
        privileges = FlowList(p.lower() for p in default.privileges)
        if default.revoke:
            entry["revoke"], entry["from"] = privileges, default.grantee
        else:
            entry["privileges"], entry["to"] = privileges, default.grantee
            if default.with_grant_option:
                entry["with_grant_option"] = True
        entries.append(FlowMap(entry))
    return entries
