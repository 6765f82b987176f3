"""Readers for foreign data wrappers, servers and user mappings (pure: rows → objects)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from schemagen.introspect.omission import Omission
from schemagen.introspect.read_tables import read_partition_bound
from schemagen.model.foreign import (
    ForeignColumn,
    ForeignDataWrapper,
    ForeignServer,
    ForeignTable,
    UserMapping,
    sorted_options,
)
from schemagen.model.names import QualifiedName
from schemagen.model.objects import CheckConstraint
from schemagen.model.pg.array_casts import settle_array_casts

Row = Mapping[str, Any]


def _function(schema: str | None, name: str | None) -> QualifiedName | None:
    return None if name is None else QualifiedName(schema or "", name)


def _grants(rows: Sequence[Row], kind: str) -> list[Omission]:
    """``GRANT USAGE ON FOREIGN DATA WRAPPER | FOREIGN SERVER`` is not in the format yet."""
    why = f"GRANT USAGE ON FOREIGN {'SERVER' if kind == 'server' else 'DATA WRAPPER'} is not supported"
    return [Omission(kind, r["name"], why) for r in rows if r.get("granted")]


def foreign_omissions(wrappers: Sequence[Row], servers: Sequence[Row]) -> list[Omission]:
    """What the wrappers and servers read hold that the format cannot say: their grants."""
    return _grants(wrappers, "foreign data wrapper") + _grants(servers, "server")


def read_wrappers(rows: Sequence[Row]) -> list[ForeignDataWrapper]:
    """Wrappers no extension created."""
    return [
        ForeignDataWrapper(
            name=r["name"],
            handler=_function(r["handler_schema"], r["handler_name"]),
            validator=_function(r["validator_schema"], r["validator_name"]),
            options=sorted_options(r["options"]),
            comment=r["comment"],
            owner=r.get("owner"),
        )
        for r in rows
    ]


def read_servers(rows: Sequence[Row]) -> list[ForeignServer]:
    """Servers with their wrapper, type, version and options."""
    return [
        ForeignServer(
            name=r["name"],
            wrapper=r["wrapper"],
            type=r["type"],
            version=r["version"],
            options=sorted_options(r["options"]),
            comment=r["comment"],
            owner=r.get("owner"),
        )
        for r in rows
    ]


def read_user_mappings(rows: Sequence[Row]) -> tuple[list[UserMapping], list[Omission]]:
    """User mappings (their password left out); options this role may not read are an omission."""
    mappings, omissions = [], []
    for r in rows:
        mapping = UserMapping(r["user"], r["server"], sorted_options(r["options"]))
        if not r["readable"]:
            omissions.append(
                Omission(
                    "user mapping",
                    mapping.name,
                    "its options are visible only to the mapped user, the server's owner or a superuser",
                    mapping.key,
                )
            )
            continue
        mappings.append(mapping)
    return mappings, omissions


def read_foreign_tables(rows: Sequence[Row]) -> tuple[list[ForeignTable], list[Omission]]:
    """Foreign tables; a partition takes its parent's columns, an inheritance child its parents' (own
    column options or comments on those are an omission)."""
    tables, omissions = [], []
    for r in rows:
        name = QualifiedName(r["schema"], r["name"])
        parents = tuple(QualifiedName(schema, parent) for schema, parent in r["inherits"] or ())
        bound = read_partition_bound(r) if r.get("parent_name") else None
        if bound is not None or parents:
            own = [
                c["name"]
                for c in r["columns"]
                if (c["options"] or c["comment"]) and (bound is not None or not c.get("local", True))
            ]
            if own:
                why = f"options or a comment on the inherited column {own[0]} are not supported"
                omissions.append(Omission("foreign table", str(name), why))
        invalid = [k["name"] for k in r["checks"] if not k["validated"]]
        if invalid:
            omissions.append(Omission("foreign table", str(name), f"NOT VALID CHECK {invalid[0]}"))
        tables.append(
            ForeignTable(
                name=name,
                server=r["server"],
                columns=tuple(
                    ForeignColumn(
                        name=c["name"],
                        type=c["type"],
                        not_null=c["not_null"],
                        default=c["default"],
                        collation=c["collation"],
                        options=sorted_options(c["options"]),
                        comment=c["comment"],
                    )
                    for c in r["columns"]
                    if bound is None and (not parents or c.get("local", True))
                ),
                checks=tuple(
                    CheckConstraint(
                        k["name"], settle_array_casts(k["expression"]), no_inherit=k["no_inherit"]
                    )
                    for k in r["checks"]
                ),
                options=sorted_options(r["options"]),
                comment=r["comment"],
                partition_of=bound,
                inherits=parents,
                owner=r.get("owner"),
            )
        )
    return tables, omissions
