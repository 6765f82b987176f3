"""C370: features the target PostgreSQL version does not have."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic, error
from schemagen.model import Catalog


def check_version_features(catalog: Catalog, postgres_version: int) -> list[Diagnostic]:
    """C370: ``NULLS NOT DISTINCT`` and ``security_invoker`` views need PostgreSQL 15 or later,
    a role membership's ``inherit`` or ``set`` 16, virtual generated columns 18.

    Prevents: ``syntax error at or near "NULLS"`` (or ``"VIRTUAL"``) and ``unrecognized
    parameter "security_invoker"`` on an older target server, ``syntax error at or near
    "INHERIT"`` in a GRANT on PostgreSQL 15.
    """
    found = []
    if postgres_version < 18:
        for table in catalog.tables.values():
            for column in table.columns:
                if column.virtual and column.generated is not None:
                    message = (
                        f"column {table.name}.{column.name} is a virtual generated column (PostgreSQL 18+)"
                    )
                    hint = (
                        "drop virtual: true (STORED), or target PostgreSQL 18 (postgres: in schemagen.yaml)"
                    )
                    found.append(error("C370", message, column.span or table.span, hint))
    if postgres_version < 16:
        for role in catalog.roles.values():
            for membership in role.memberships:
                if membership.inherit is not None or not membership.set:
                    message = (
                        f"role {role.name}'s membership in {membership.role} sets inherit or set "
                        "(GRANT … WITH INHERIT/SET: PostgreSQL 16+)"
                    )
                    hint = "drop inherit:/set: there, or target PostgreSQL 16+ (postgres: in schemagen.yaml)"
                    found.append(error("C370", message, role.span, hint))
    if postgres_version >= 15:
        return found
    hint = "drop nulls_not_distinct, or target PostgreSQL 15+ (postgres: in schemagen.yaml)"
    for table in catalog.tables.values():
        for unique in table.uniques:
            if unique.nulls_not_distinct:
                message = f"UNIQUE {unique.name} on {table.name} uses NULLS NOT DISTINCT (PostgreSQL 15+)"
                found.append(error("C370", message, unique.span or table.span, hint))
    for index in catalog.indexes.values():
        if index.nulls_not_distinct:
            message = f"index {index.name} uses NULLS NOT DISTINCT (PostgreSQL 15+)"
            found.append(error("C370", message, index.span, hint))
    for name, view in catalog.views.items():
        if view.security_invoker:
            message = f"view {name} uses security_invoker (PostgreSQL 15+)"
            hint = "drop security_invoker, or target PostgreSQL 15+ (postgres: in schemagen.yaml)"
            found.append(error("C370", message, view.span, hint))
    return found
