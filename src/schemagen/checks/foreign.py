"""C353, C354, C358: servers name a wrapper, user mappings and foreign tables a server, foreign
partitions a partitioned table, that the project has."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic, error
from schemagen.model import Catalog


def check_foreign_references(catalog: Catalog) -> list[Diagnostic]:
    """C353: a server's wrapper is declared or created by a declared extension of its name;
    C354: a user mapping's or foreign table's server is declared.

    Prevents: ``foreign-data wrapper "x" does not exist``, ``server "x" does not exist``.
    """
    found = []
    for server in catalog.foreign_servers.values():
        if server.wrapper not in catalog.foreign_data_wrappers and server.wrapper not in catalog.extensions:
            found.append(
                error(
                    "C353",
                    f"server {server.name} names foreign data wrapper {server.wrapper!r}, "
                    "which is not declared",
                    server.span,
                    "declare it under foreign_data_wrappers:, or declare the extension that creates it "
                    "(extensions: [postgres_fdw])",
                )
            )
    for mapping in catalog.user_mappings.values():
        if mapping.server not in catalog.foreign_servers:
            found.append(
                error(
                    "C354",
                    f"user mapping for {mapping.user} names server {mapping.server!r}, which is not declared",
                    mapping.span,
                    "declare the server under foreign_servers:, or check the spelling",
                )
            )
    for table in catalog.foreign_tables.values():
        if table.server not in catalog.foreign_servers:
            found.append(
                error(
                    "C354",
                    f"foreign table {table.name} names server {table.server!r}, which is not declared",
                    table.span,
                    "declare the server under foreign_servers:, or check the spelling",
                )
            )
    for table in catalog.foreign_tables.values():
        for parent_name in table.inherits:
            if parent_name not in catalog.tables or catalog.tables[parent_name].partition_by is not None:
                found.append(
                    error(
                        "C358",
                        f"foreign table {table.name} inherits {parent_name}, which is not a declared "
                        "table (or is partitioned)",
                        table.span,
                        "name a table declared in this project (schema.table for another schema's)",
                    )
                )
        bound = table.partition_of
        if bound is None:
            continue
        parent = catalog.tables.get(bound.parent)
        if parent is None or parent.partition_by is None:
            message = (
                f"foreign table {table.name} is a partition of {bound.parent}, "
                "which is not a declared partitioned table"
            )
        elif table.columns:
            message = (
                f"foreign table {table.name} is a partition of {bound.parent}: its columns are the parent's"
            )
        else:
            continue
        found.append(
            error(
                "C358",
                message,
                table.span,
                "name a table declared with partition_by:, and leave the partition's columns out",
            )
        )
    return found
