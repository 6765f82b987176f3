"""C314: roles named by grants, policies, default privileges, memberships and owners exist."""

from __future__ import annotations

from collections.abc import Iterator

from schemagen.diagnostics import Diagnostic, Span, error
from schemagen.model import Catalog
from schemagen.model.kinds import CATALOG_KINDS, OWNED_KINDS
from schemagen.model.pg.roles import is_predefined_role


def _role_uses(catalog: Catalog) -> Iterator[tuple[str, str, Span | None]]:
    for grant in catalog.grants.values():
        verb = "REVOKE … FROM" if grant.revoke else "GRANT … TO"
        yield grant.grantee, f"{verb} on {grant.target.on} {grant.target}", grant.span
    for (table, name), policy in catalog.policies.items():
        for role in policy.roles:
            yield role, f"policy {name} on {table}", policy.span
    for privilege in catalog.default_privileges.values():
        what = (
            f"default privileges in schema {privilege.schema}" if privilege.schema else "default privileges"
        )
        yield privilege.grantee, what, privilege.span
        if privilege.for_role:
            yield privilege.for_role, what, privilege.span
    for mapping in catalog.user_mappings.values():
        if mapping.user != "public":
            yield mapping.user, f"user mapping on server {mapping.server}", mapping.span
    for name, role in catalog.roles.items():
        for parent in role.member_of:
            yield parent, f"membership of role {name}", role.span
    for d in CATALOG_KINDS:
        if d.kind in OWNED_KINDS:
            for key, obj in getattr(catalog, d.attribute).items():
                if obj.owner is not None:
                    yield obj.owner, f"the owner of {d.noun} {key}", obj.span


def check_roles_exist(catalog: Catalog) -> list[Diagnostic]:
    """C314: every role named is declared, ``public``, or a predefined ``pg_*`` role.

    Prevents: ``role "x" does not exist`` (the source design granted to
    ``app_readonly``, which it never created).
    """
    found = []
    for role, user, span in _role_uses(catalog):
        if role in catalog.roles or is_predefined_role(role):
            continue
        found.append(
            error(
                "C314",
                f"{user} names role {role!r}, which is not declared",
                span,
                "declare it under roles: (roles are created idempotently), or check the spelling",
            )
        )
    return found
