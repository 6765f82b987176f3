"""Dependency rules of foreign data wrappers, servers and user mappings."""

from __future__ import annotations

from collections.abc import Callable

from schemagen.model import deps
from schemagen.model import foreign_changes as fc
from schemagen.model import foreign_deps as fd
from schemagen.model.changes import Change
from schemagen.plan.refs_base import Refs, paired_rules, refs

FOREIGN_RULES: dict[type[Change], Callable[[Change], Refs]] = {
    **paired_rules(
        fc.CreateForeignDataWrapper,
        fc.DropForeignDataWrapper,
        lambda c: {fd.wrapper_ref(c.wrapper.name)},
        lambda c: fd.wrapper_needs(c.wrapper),
    ),
    fc.AlterForeignDataWrapper: lambda c: refs(
        needs_new=fd.wrapper_needs(c.new) | {fd.wrapper_ref(c.new.name)}
    ),
    **paired_rules(
        fc.CreateServer,
        fc.DropServer,
        lambda c: {fd.server_ref(c.server.name)},
        lambda c: fd.server_needs(c.server),
    ),
    fc.AlterServer: lambda c: refs(needs_new={fd.server_ref(c.new.name)}),
    fc.RenameServer: lambda c: refs(creates={fd.server_ref(c.new_name)}, drops={fd.server_ref(c.old_name)}),
    **paired_rules(
        fc.CreateUserMapping,
        fc.DropUserMapping,
        lambda c: {fd.mapping_ref(c.mapping)},
        lambda c: fd.mapping_needs(c.mapping),
    ),
    fc.AlterUserMapping: lambda c: refs(needs_new=fd.mapping_needs(c.new)),
    **paired_rules(
        fc.CreateForeignTable,
        fc.DropForeignTable,
        lambda c: fd.foreign_table_provides(c.table),
        lambda c: fd.foreign_table_needs(c.table),
    ),
    fc.AlterForeignTable: lambda c: refs(
        creates=fd.foreign_table_provides(c.new) - fd.foreign_table_provides(c.old),
        drops=fd.foreign_table_provides(c.old) - fd.foreign_table_provides(c.new),
        needs_new=fd.foreign_table_needs(c.new) | {deps.table_ref(c.new.name)},
    ),
}
