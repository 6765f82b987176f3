"""Roles, grants (expanded to one per object and grantee) and default privileges."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from schemagen.builder.context import BuildContext, Located
from schemagen.model import Catalog, DefaultPrivilege, Grant, Membership, QualifiedName, Role
from schemagen.model.document import JsonPath, SourceDocument
from schemagen.model.identity import GrantOn, GrantTarget, grant_on_schema, routine_id
from schemagen.model.pg.roles import canonical_valid_until
from schemagen.model.pg.scan import split_dotted, split_top_level
from schemagen.model.pg.types import signature_type

_ALL: dict[str, tuple[str, ...]] = {
    "table": ("DELETE", "INSERT", "REFERENCES", "SELECT", "TRIGGER", "TRUNCATE", "UPDATE"),
    "column": ("INSERT", "REFERENCES", "SELECT", "UPDATE"),
    "sequence": ("SELECT", "UPDATE", "USAGE"),
    "function": ("EXECUTE",),
    "procedure": ("EXECUTE",),
    "schema": ("CREATE", "USAGE"),
    "type": ("USAGE",),
}
_DEFAULT_KIND = {
    "tables": "table",
    "sequences": "sequence",
    "functions": "function",
    "types": "type",
    "schemas": "schema",
}
_TARGET = re.compile(
    r"^(?P<kind>all (?:tables|sequences|functions) in schema|schema|table|sequence|function|procedure|type)"
    r"\s+(?P<name>.+?)\s*$"
)


def all_privileges(kind: str, postgres: int) -> tuple[str, ...]:
    """What ``ALL`` means for an object kind (MAINTAIN on tables from PostgreSQL 17).

    >>> all_privileges("sequence", 18)
    ('SELECT', 'UPDATE', 'USAGE')
    """
    privileges = _ALL[kind]
    if kind == "table" and postgres >= 17:
        privileges = tuple(sorted((*privileges, "MAINTAIN")))
    return privileges


def _parent(item: Any) -> str:
    return str(item["role"]) if isinstance(item, dict) else str(item)


def _memberships(items: list[Any]) -> tuple[Membership, ...]:
    """``member_of`` entries written ``{role, admin, inherit, set}`` with options other than the defaults."""
    found = []
    for item in items:
        if not isinstance(item, dict):
            continue
        inherit = item.get("inherit")
        membership = Membership(
            str(item["role"]),
            admin=bool(item.get("admin", False)),
            inherit=inherit if isinstance(inherit, bool) else None,
            set=item.get("set") is not False,
        )
        if membership != Membership(membership.role):
            found.append(membership)
    return tuple(sorted(found, key=lambda m: m.role))


def build_roles(documents: list[SourceDocument], ctx: BuildContext) -> list[Role]:
    """Roles from every file; the same role declared twice must say the same."""
    found: dict[str, tuple[Role, Located]] = {}
    for document in documents:
        for name, spec in (document.data.get("roles") or {}).items():
            path: JsonPath = ("roles", name)
            spec = spec or {}
            role = Role(
                name=name,
                login=bool(spec.get("login", False)),
                inherit=bool(spec.get("inherit", True)),
                member_of=tuple(_parent(m) for m in spec.get("member_of") or ()),
                memberships=_memberships(spec.get("member_of") or ()),
                valid_until=canonical_valid_until(spec.get("valid_until")),
                comment=spec.get("comment"),
                superuser=bool(spec.get("superuser", False)),
                create_role=bool(spec.get("create_role", False)),
                create_db=bool(spec.get("create_db", False)),
                replication=bool(spec.get("replication", False)),
                bypass_rls=bool(spec.get("bypass_rls", False)),
                connection_limit=int(spec.get("connection_limit", -1)),
                span=document.key_span(path),
            )
            where = Located(document, path)
            if name in found and found[name][0] != role:
                ctx.error(
                    "C380",
                    f"role {name} is declared twice differently (first at {found[name][1].span})",
                    where.span,
                    "declare the role once",
                )
                continue
            found.setdefault(name, (role, where))
    return [role for role, _ in found.values()] + _external_roles(documents, found, ctx)


def _external_roles(
    documents: list[SourceDocument], declared: dict[str, tuple[Role, Located]], ctx: BuildContext
) -> list[Role]:
    """``external: {roles: […]}``: roles that exist already, never created or altered (C380 if declared)."""
    found: dict[str, Role] = {}
    for document in documents:
        listed = document.data.get("external") if isinstance(document.data.get("external"), dict) else {}
        for position, name in enumerate(listed.get("roles") or ()):
            path: JsonPath = ("external", "roles", position)
            if name in declared:
                ctx.error(
                    "C380",
                    f"role {name} is declared external and under roles: (at {declared[name][1].span})",
                    document.span(path),
                    "a role is either declared (created when missing, altered to match) or external",
                )
                continue
            found.setdefault(str(name), Role(str(name), external=True, span=document.span(path)))
    return list(found.values())


def build_grants(documents: list[SourceDocument], catalog: Catalog, ctx: BuildContext) -> list[Grant]:
    """Every grant and revoke, one per object and grantee; ``all … in schema`` expanded."""
    merged: dict[tuple, Grant] = {}
    for document in documents:
        schema = str(document.data.get("schema") or "public")
        for position, entry in enumerate(document.data.get("grants") or []):
            path: JsonPath = ("grants", position)
            targets = _targets(document, path, str(entry["on"]), schema, catalog, ctx)
            revoke = "revoke" in entry
            privileges = entry.get("revoke") if revoke else entry.get("privileges")
            grantees = entry.get("from") if revoke else entry.get("to")
            grantees = [g for g in (grantees if isinstance(grantees, list) else [grantees]) if g is not None]
            columns = tuple(sorted(entry.get("columns") or ()))
            for target in targets:
                if columns:
                    target = replace(target, on=GrantOn.COLUMN)
                privs = _privileges(privileges, target.on, ctx)
                for grantee in grantees:
                    grant = Grant(
                        target=target,
                        grantee=str(grantee),
                        privileges=privs,
                        columns=columns,
                        with_grant_option=bool(entry.get("with_grant_option", False)),
                        revoke=revoke,
                        span=document.span(path),
                    )
                    _merge(merged, grant, document, path, ctx)
    return list(merged.values())


def build_default_privileges(documents: list[SourceDocument], ctx: BuildContext) -> list[DefaultPrivilege]:
    """``default_privileges:`` of every file, one entry per grantee, in the file's schema."""
    result: dict[tuple, DefaultPrivilege] = {}
    for document in documents:
        schema = document.data.get("schema")
        for position, entry in enumerate(document.data.get("default_privileges") or []):
            path: JsonPath = ("default_privileges", position)
            if not isinstance(schema, str):
                ctx.error(
                    "C386",
                    "default privileges need the file's schema",
                    document.span(path),
                    "add `schema: <name>` to the file (default privileges are set IN SCHEMA)",
                )
                continue
            kind = _DEFAULT_KIND[str(entry["on"])]
            revoke = "revoke" in entry
            roles = entry["from"] if revoke else entry["to"]
            grantees = roles if isinstance(roles, list) else [roles]
            for grantee in grantees:
                default = DefaultPrivilege(
                    schema=None if entry.get("all_schemas") else schema,
                    object_kind=str(entry["on"]),
                    grantee=str(grantee),
                    privileges=_privileges(entry["revoke" if revoke else "privileges"], kind, ctx),
                    for_role=entry.get("for_role"),
                    revoke=revoke,
                    with_grant_option=bool(entry.get("with_grant_option", False)) and not revoke,
                    span=document.span(path),
                )
                previous = result.get(default.key)
                if previous is not None:
                    privileges = tuple(sorted({*previous.privileges, *default.privileges}))
                    default = replace(previous, privileges=privileges)
                result[default.key] = default
    return list(result.values())


def _privileges(words: Any, kind: str, ctx: BuildContext) -> tuple[str, ...]:
    result: set[str] = set()
    for word in words or ():
        text = str(word).lower()
        if text == "all":
            result.update(all_privileges(kind, ctx.settings.postgres))
        else:
            result.add("TEMPORARY" if text == "temp" else text.upper())
    return tuple(sorted(result))


def _merge(merged: dict[tuple, Grant], grant: Grant, document, path, ctx: BuildContext) -> None:
    key = grant.key
    previous = merged.get(key)
    if previous is None:
        merged[key] = grant
        return
    if previous.with_grant_option != grant.with_grant_option:
        ctx.error(
            "C380",
            f"{grant.target.on} {grant.target} is granted to {grant.grantee} twice, "
            "with and without grant option",
            document.span(path),
            "grant it once",
        )
        return
    privileges = tuple(sorted({*previous.privileges, *grant.privileges}))
    merged[key] = replace(previous, privileges=privileges)


def _targets(
    document: SourceDocument, path: JsonPath, text: str, schema: str, catalog: Catalog, ctx: BuildContext
) -> list[GrantTarget]:
    match = _TARGET.match(" ".join(text.split()))
    if match is None:
        ctx.error("C387", f"cannot read the grant target '{text}'", document.span((*path, "on")))
        return []
    kind, name = match.group("kind").lower(), match.group("name")
    if kind.startswith("all "):
        in_schema = split_dotted(name)[0]
        if kind == "all tables in schema":
            names = [t for t, table in catalog.tables.items() if table.partition_of is None]
            names += list(catalog.views) + list(catalog.foreign_tables)
            return [GrantTarget(GrantOn.TABLE, n) for n in sorted(names, key=str) if n.schema == in_schema]
        if kind == "all sequences in schema":
            return [GrantTarget(GrantOn.SEQUENCE, s) for s in catalog.sequences if s.schema == in_schema]
        return [
            GrantTarget(GrantOn.FUNCTION, f.name, f.identity_types)
            for f in catalog.functions.values()
            if f.name.schema == in_schema and f.kind == "function"
        ]
    if kind == "schema":
        return [grant_on_schema(split_dotted(name)[0])]
    if kind in ("function", "procedure"):
        head, _, rest = name.partition("(")
        qualified = _qualified(head.strip(), schema)
        types = split_top_level(rest.rstrip().rstrip(")"))
        resolved = tuple(signature_type(ctx.resolve_type(t, qualified.schema)) for t in types if t)
        routine = catalog.functions.get(routine_id(qualified, resolved))
        on = GrantOn(routine.kind if routine is not None else kind)
        return [GrantTarget(on, qualified, resolved)]
    return [GrantTarget(GrantOn(kind), _qualified(name, schema))]


def _qualified(text: str, schema: str) -> QualifiedName:
    parts = split_dotted(text)
    return QualifiedName(parts[0], parts[1]) if len(parts) == 2 else QualifiedName(schema, parts[0])
