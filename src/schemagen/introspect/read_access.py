"""Readers for roles, grants and default privileges.

Roles are cluster-wide; only those the objects in scope refer to are kept:
grantees of grants and default privileges, their ``FOR ROLE`` owners, policy
roles, and (transitively) the roles those are members of. The bootstrap
superuser and ``pg_*`` roles are never read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from schemagen.introspect.omission import Omission
from schemagen.model import DefaultPrivilege, Grant, Membership, Policy, QualifiedName, Role
from schemagen.model.identity import GrantOn, GrantTarget, grant_on_schema
from schemagen.model.pg.roles import canonical_valid_until

Row = Mapping[str, Any]

DEFAULT_ACL_KINDS = {"r": "tables", "S": "sequences", "f": "functions", "T": "types", "n": "schemas"}


def _target(row: Row, column: bool) -> GrantTarget:
    if row["object_kind"] == "schema":
        return grant_on_schema(row["name"])
    name = QualifiedName(row["schema"], row["name"])
    if row["object_kind"] in ("function", "procedure"):
        return GrantTarget(GrantOn(row["object_kind"]), name, tuple(row["argument_types"]))
    return GrantTarget(GrantOn.COLUMN if column else GrantOn(row["object_kind"]), name)


def read_grants(rows: Iterable[Row]) -> tuple[list[Grant], list[Omission]]:
    """Grants beyond each object's defaults, and revoked defaults as ``revoke`` grants."""
    privileges: dict[tuple[GrantTarget, str, bool], dict[str, set[str]]]
    privileges = defaultdict(lambda: defaultdict(set))
    grantable: dict[tuple[GrantTarget, str, bool, str], set[bool]] = defaultdict(set)
    rows = list(rows)
    upgraded = {
        (*_identity(r), r["privilege_type"]) for r in rows if r["action"] == "grant" and r["is_grantable"]
    }
    for r in rows:
        column = r["column_name"] or ""
        target = _target(r, bool(column))
        revoke = r["action"] == "revoke"
        if revoke and (*_identity(r), r["privilege_type"]) in upgraded:
            continue  # a default privilege granted again WITH GRANT OPTION: the grant says it all
        if (
            target == grant_on_schema("public")
            and r["grantee"] == "public"
            and r["privilege_type"] == "USAGE"
        ):
            continue  # initdb's grant on the public schema
        privileges[(target, r["grantee"], revoke)][column].add(r["privilege_type"])
        grantable[(target, r["grantee"], revoke, column)].add(r["is_grantable"] and not revoke)

    grants: list[Grant] = []
    omissions: list[Omission] = []
    for (target, grantee, revoke), by_column in sorted(privileges.items(), key=_by_target_text):
        groups: dict[tuple[tuple[str, ...], frozenset[bool]], list[str]] = defaultdict(list)
        for column, privs in by_column.items():
            options = frozenset(grantable[(target, grantee, revoke, column)])
            groups[(tuple(sorted(privs)), options)].append(column)
        for (privs, options), columns in sorted(
            groups.items(), key=lambda item: (item[0][0], sorted(item[0][1]))
        ):
            if len(options) > 1:
                why = "mixed WITH GRANT OPTION is read as without"
                omissions.append(Omission("grant", f"{target.on} {target} to {grantee}", why))
            grant = Grant(
                target=target,
                grantee=grantee,
                privileges=privs,
                columns=tuple(sorted(c for c in columns if c)),
                with_grant_option=options == {True},
                revoke=revoke,
            )
            grants.append(grant)
    return grants, omissions


def _identity(r: Row) -> tuple:
    """The object, column and grantee of a ``grants.sql`` row."""
    return (
        r["object_kind"],
        r["schema"],
        r["name"],
        tuple(r["argument_types"] or ()),
        r["column_name"],
        r["grantee"],
    )


def _by_target_text(item: tuple) -> tuple:
    """Grants in the order of their text (class, identity, grantee, revoke), as they always were."""
    (target, grantee, revoke), _ = item
    return (str(target.on), str(target), grantee, revoke)


def read_default_privileges(rows: Iterable[Row]) -> tuple[list[DefaultPrivilege], list[Omission]]:
    """``ALTER DEFAULT PRIVILEGES [IN SCHEMA]`` grants, and a global entry's revoked defaults."""
    grouped: dict[tuple[str, str, str, str, bool], set[str]] = defaultdict(set)
    options: dict[tuple[str, str, str, str, bool], set[bool]] = defaultdict(set)
    for r in rows:
        kind = DEFAULT_ACL_KINDS.get(r["object_type"], r["object_type"])
        key = (r["for_role"], r["schema"], kind, r["grantee"], r["action"] == "revoke")
        grouped[key].add(r["privilege_type"])
        options[key].add(bool(r["is_grantable"]) and r["action"] != "revoke")
    privileges = []
    omissions = []
    for (role, schema, kind, grantee, revoke), p in grouped.items():
        option = options[(role, schema, kind, grantee, revoke)]
        if len(option) > 1:
            where = f"in schema {schema}" if schema else "for every schema"
            why = "mixed WITH GRANT OPTION is read as without"
            omissions.append(Omission("default privileges", f"{kind} {where} to {grantee}", why))
        privileges.append(
            DefaultPrivilege(
                schema=schema,
                object_kind=kind,
                grantee=grantee,
                privileges=tuple(sorted(p)),
                for_role=role,
                revoke=revoke,
                with_grant_option=option == {True},
            )
        )
    return privileges, omissions


def _memberships(row: Row) -> tuple[Membership, ...]:
    """Membership options other than the defaults; ``inherit`` and ``set`` from PostgreSQL 16 on
    (an ``inherit_option`` equal to the member's own ``INHERIT`` is the default)."""
    found = []
    for option in row.get("memberships") or ():  # absent from rows recorded before it was read
        inherit = option.get("inherit")
        membership = Membership(
            option["role"],
            admin=bool(option["admin"]),
            inherit=inherit if inherit is not None and inherit != row["inherit"] else None,
            set=option.get("set") is not False,
        )
        if membership != Membership(membership.role):
            found.append(membership)
    return tuple(sorted(found, key=lambda m: m.role))


def read_roles(
    rows: Iterable[Row],
    grants: Iterable[Grant],
    policies: Iterable[Policy],
    defaults: Iterable[DefaultPrivilege],
    users: Iterable[str] = (),
    owners: Iterable[str] = (),
) -> list[Role]:
    """Roles referenced by the grants, policies, default privileges and user mappings in scope, and
    ``owners``."""
    available = {r["name"]: r for r in rows}
    wanted: set[str] = {*users, *owners}
    wanted.update(g.grantee for g in grants)
    for policy in policies:
        wanted.update(policy.roles)
    for default in defaults:
        wanted.add(default.grantee)
        if default.for_role:
            wanted.add(default.for_role)
    pending = sorted(name for name in wanted if name in available)
    chosen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in chosen:
            continue
        chosen.add(name)
        pending.extend(m for m in available[name]["member_of"] if m in available and m not in chosen)
    return [
        Role(
            name=name,
            login=available[name]["login"],
            inherit=available[name]["inherit"],
            member_of=tuple(available[name]["member_of"]),
            memberships=_memberships(available[name]),
            valid_until=canonical_valid_until(available[name].get("valid_until")),
            comment=available[name]["comment"],
            **{  # absent from rows recorded before they were read
                key: available[name][key]
                for key in (
                    "superuser",
                    "create_role",
                    "create_db",
                    "replication",
                    "bypass_rls",
                    "connection_limit",
                )
                if key in available[name]
            },
        )
        for name in sorted(chosen)
    ]
