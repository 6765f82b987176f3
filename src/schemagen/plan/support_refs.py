"""Dependency rules of collations, operators, aggregates and text search objects."""

from __future__ import annotations

from collections.abc import Callable

from schemagen.model import deps
from schemagen.model import opclasses as oc
from schemagen.model import ranges as ra
from schemagen.model import support_changes as sc
from schemagen.model import support_deps as sd
from schemagen.model.changes import Change
from schemagen.plan.refs_base import Refs, paired_rules, refs

SUPPORT_RULES: dict[type[Change], Callable[[Change], Refs]] = {
    **paired_rules(
        sc.CreateCollation,
        sc.DropCollation,
        lambda c: {deps.collation_ref(c.collation.name)},
        lambda c: sd.collation_needs(c.collation),
    ),
    **paired_rules(
        ra.CreateRangeType,
        ra.DropRangeType,
        lambda c: sd.range_provides(c.type),
        lambda c: sd.range_needs(c.type),
    ),
    oc.RenameOperatorFamily: lambda c: refs(needs_new={deps.schema_ref(c.family.name.schema)}),
    oc.RenameOperatorClass: lambda c: refs(needs_new={deps.schema_ref(c.opclass.name.schema)}),
    ra.RebuildRangeType: lambda c: _rebuilt_range(c),
    ra.RenameRangeType: lambda c: refs(
        needs_new={deps.schema_ref(c.new.name.schema), deps.schema_ref(c.new.multirange_name.schema)}
    ),
    **paired_rules(
        oc.CreateOperatorFamily,
        oc.DropOperatorFamily,
        lambda c: {sd.opfamily_ref(c.family.name)},
        lambda c: sd.opfamily_needs(c.family),
    ),
    **paired_rules(
        oc.CreateOperatorClass,
        oc.DropOperatorClass,
        lambda c: sd.opclass_provides(c.opclass),
        lambda c: sd.opclass_needs(c.opclass),
    ),
    **paired_rules(
        sc.CreateOperator,
        sc.DropOperator,
        lambda c: {sd.operator_ref(c.operator.name)},
        lambda c: sd.operator_needs(c.operator) | {sd.operator_ref(n) for n in getattr(c, "after", ())},
    ),
    **paired_rules(
        sc.CreateAggregate,
        sc.DropAggregate,
        lambda c: {deps.function_ref(c.aggregate.name)},  # called like a function
        lambda c: sd.aggregate_needs(c.aggregate),
    ),
    **paired_rules(
        sc.CreateTextSearchDictionary,
        sc.DropTextSearchDictionary,
        lambda c: {sd.text_search_ref(c.dictionary.name, "dictionary")},
        lambda c: sd.dictionary_needs(c.dictionary),
    ),
    **paired_rules(
        sc.CreateTextSearchConfiguration,
        sc.DropTextSearchConfiguration,
        lambda c: {sd.text_search_ref(c.configuration.name, "configuration")},
        lambda c: sd.configuration_needs(c.configuration),
    ),
    **paired_rules(
        sc.CreateEventTrigger,
        sc.DropEventTrigger,
        lambda c: {sd.event_trigger_ref(c.trigger.name)},
        lambda c: {deps.function_ref(c.trigger.function)},
    ),
    sc.SetEventTriggerEnabled: lambda c: refs(needs_new={sd.event_trigger_ref(c.trigger.name)}),
    sc.SetRuleEnabled: lambda c: refs(needs_new={sd.rule_ref(c.rule.table, c.rule.name)}),
    **paired_rules(
        sc.CreateRule,
        sc.DropRule,
        lambda c: {sd.rule_ref(c.rule.table, c.rule.name)},
        lambda c: sd.rule_needs(c.rule),
    ),
    **paired_rules(
        sc.CreatePublication,
        sc.DropPublication,
        lambda c: {sd.publication_ref(c.publication.name)},
        lambda c: sd.publication_needs(c.publication),
    ),
    **paired_rules(
        sc.CreateStatistics,
        sc.DropStatistics,
        lambda c: {sd.statistics_ref(c.statistics.name)},
        lambda c: sd.statistics_needs(c.statistics),
    ),
}


def _rebuilt_range(change: ra.RebuildRangeType) -> Refs:
    """Like ``RebuildEnum``: the old range (multirange, constructors) is renamed away and dropped,
    the new one created, its columns converted: what uses either goes before and comes after.
    The old definition's needs are dropped after it; the new one's made before."""
    columns = {deps.column_ref(table, column.name) for table, column in change.columns}
    provides = sd.range_provides(change.old) | sd.range_provides(change.new) | columns
    return refs(
        creates=sd.range_provides(change.new) | columns,
        drops=provides,
        needs_new=sd.range_needs(change.new) | columns,
        needs_old=sd.range_needs(change.old),
    )
