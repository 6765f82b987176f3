"""Readers for foreign data wrappers, servers and user mappings (pure: rows → objects)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from schemagen.introspect.omission import Omission
from schemagen.model.foreign import ForeignDataWrapper, ForeignServer, UserMapping, sorted_options
from schemagen.model.names import QualifiedName

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
                )
            )
            continue
        mappings.append(mapping)
    return mappings, omissions
