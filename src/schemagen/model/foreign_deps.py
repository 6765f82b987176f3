"""What foreign data wrappers, servers and user mappings provide and need in the plan graph."""

from __future__ import annotations

from schemagen.model import deps
from schemagen.model.deps import ObjectRef
from schemagen.model.foreign import PUBLIC, ForeignDataWrapper, ForeignServer, ForeignTable, UserMapping


def wrapper_ref(name: str) -> ObjectRef:
    """A foreign data wrapper (database-wide)."""
    return ObjectRef("foreign data wrapper", "", name)


def server_ref(name: str) -> ObjectRef:
    """A foreign server (database-wide)."""
    return ObjectRef("server", "", name)


def mapping_ref(mapping: UserMapping) -> ObjectRef:
    """A user mapping: one per server and user."""
    return ObjectRef("user mapping", mapping.server, mapping.user)


def wrapper_needs(wrapper: ForeignDataWrapper) -> set[ObjectRef]:
    """Its handler and validator functions."""
    return {deps.function_ref(f) for f in (wrapper.handler, wrapper.validator) if f is not None}


def server_needs(server: ForeignServer) -> set[ObjectRef]:
    """Its wrapper: a declared one, or the extension of that name that creates it (postgres_fdw)."""
    return {wrapper_ref(server.wrapper), deps.extension_ref(server.wrapper)}


def mapping_needs(mapping: UserMapping) -> set[ObjectRef]:
    """Its server and role."""
    needs = {server_ref(mapping.server)}
    if mapping.user != PUBLIC:
        needs.add(deps.role_ref(mapping.user))
    return needs


def foreign_table_needs(table: ForeignTable) -> set[ObjectRef]:
    """Its schema, server, column types and collations, what its defaults and CHECKs use."""
    needs = {deps.schema_ref(table.name.schema), server_ref(table.server)}
    if table.partition_of is not None:
        needs.add(deps.table_ref(table.partition_of.parent))
    needs |= {deps.table_ref(p) for p in table.inherits}
    for column in table.columns:
        referenced = deps.type_reference(column.type)
        if referenced is not None:
            needs.add(deps.type_ref(referenced))
        needs |= deps.collation_needs(column.collation)
        needs |= deps.expression_needs(column.default, table.name)
    for check in table.checks:
        needs |= deps.expression_needs(check.expression, table.name)
    return needs - foreign_table_provides(table)


def foreign_table_provides(table: ForeignTable) -> set[ObjectRef]:
    """The relation (as a table: views, grants and comments name it so), its columns and CHECKs."""
    provided = {deps.table_ref(table.name)}
    provided |= {deps.column_ref(table.name, c.name) for c in table.columns}
    provided |= {deps.constraint_ref(table.name, k.name) for k in table.checks}
    return provided
