"""Changes of collations, operators, aggregates and text search objects: each is created or dropped whole."""

from __future__ import annotations

from dataclasses import dataclass, replace

from schemagen.model.changes import Change
from schemagen.model.names import QualifiedName
from schemagen.model.support import (
    Aggregate,
    Collation,
    EventTrigger,
    Operator,
    Publication,
    Rule,
    Statistics,
    TextSearchConfiguration,
    TextSearchDictionary,
)


@dataclass(frozen=True)
class CreateCollation(Change):
    """``CREATE COLLATION``."""

    collation: Collation

    def reverse(self) -> Change:
        return DropCollation(self.collation)


@dataclass(frozen=True)
class DropCollation(Change):
    """``DROP COLLATION``."""

    collation: Collation

    def reverse(self) -> Change:
        return CreateCollation(self.collation)


@dataclass(frozen=True)
class CreateOperator(Change):
    """``CREATE OPERATOR``; ``after`` are operators that name it as commutator or negator.

    PostgreSQL records such a link on both operators only when the second one is
    created while the first exists; creating this one after them gives the catalog
    the same links it was read with.
    """

    operator: Operator
    after: tuple[QualifiedName, ...] = ()

    def reverse(self) -> Change:
        return DropOperator(self.operator)


@dataclass(frozen=True)
class DropOperator(Change):
    """``DROP OPERATOR``."""

    operator: Operator

    def reverse(self) -> Change:
        return CreateOperator(self.operator)


@dataclass(frozen=True)
class CreateAggregate(Change):
    """``CREATE AGGREGATE``."""

    aggregate: Aggregate

    def reverse(self) -> Change:
        return DropAggregate(self.aggregate)


@dataclass(frozen=True)
class DropAggregate(Change):
    """``DROP AGGREGATE``."""

    aggregate: Aggregate

    def reverse(self) -> Change:
        return CreateAggregate(self.aggregate)


@dataclass(frozen=True)
class CreateTextSearchDictionary(Change):
    """``CREATE TEXT SEARCH DICTIONARY``."""

    dictionary: TextSearchDictionary

    def reverse(self) -> Change:
        return DropTextSearchDictionary(self.dictionary)


@dataclass(frozen=True)
class DropTextSearchDictionary(Change):
    """``DROP TEXT SEARCH DICTIONARY``."""

    dictionary: TextSearchDictionary

    def reverse(self) -> Change:
        return CreateTextSearchDictionary(self.dictionary)


@dataclass(frozen=True)
class CreateTextSearchConfiguration(Change):
    """``CREATE TEXT SEARCH CONFIGURATION`` and its mappings."""

    configuration: TextSearchConfiguration

    def reverse(self) -> Change:
        return DropTextSearchConfiguration(self.configuration)


@dataclass(frozen=True)
class DropTextSearchConfiguration(Change):
    """``DROP TEXT SEARCH CONFIGURATION``."""

    configuration: TextSearchConfiguration

    def reverse(self) -> Change:
        return CreateTextSearchConfiguration(self.configuration)


@dataclass(frozen=True)
class CreateStatistics(Change):
    """``CREATE STATISTICS`` (and its statistics target)."""

    statistics: Statistics

    def reverse(self) -> Change:
        return DropStatistics(self.statistics)


@dataclass(frozen=True)
class DropStatistics(Change):
    """``DROP STATISTICS``."""

    statistics: Statistics

    def reverse(self) -> Change:
        return CreateStatistics(self.statistics)


@dataclass(frozen=True)
class CreateEventTrigger(Change):
    """``CREATE EVENT TRIGGER`` (and ``ALTER EVENT TRIGGER … ENABLE/DISABLE`` when not the default)."""

    trigger: EventTrigger

    def reverse(self) -> Change:
        return DropEventTrigger(self.trigger)


@dataclass(frozen=True)
class DropEventTrigger(Change):
    """``DROP EVENT TRIGGER``."""

    trigger: EventTrigger

    def reverse(self) -> Change:
        return CreateEventTrigger(self.trigger)


@dataclass(frozen=True)
class SetEventTriggerEnabled(Change):
    """``ALTER EVENT TRIGGER … ENABLE [REPLICA | ALWAYS] / DISABLE``: ``trigger`` in its new mode."""

    trigger: EventTrigger
    was: str = "origin"

    def reverse(self) -> Change:
        return SetEventTriggerEnabled(replace(self.trigger, enabled=self.was), self.trigger.enabled)


@dataclass(frozen=True)
class CreateRule(Change):
    """``CREATE RULE`` (and ``ALTER TABLE … ENABLE/DISABLE RULE`` when not the default)."""

    rule: Rule

    def reverse(self) -> Change:
        return DropRule(self.rule)


@dataclass(frozen=True)
class DropRule(Change):
    """``DROP RULE``."""

    rule: Rule

    def reverse(self) -> Change:
        return CreateRule(self.rule)


@dataclass(frozen=True)
class SetRuleEnabled(Change):
    """``ALTER TABLE … ENABLE [REPLICA | ALWAYS] / DISABLE RULE``: ``rule`` in its new firing mode."""

    rule: Rule
    was: str = "origin"

    def reverse(self) -> Change:
        return SetRuleEnabled(replace(self.rule, enabled=self.was), self.rule.enabled)


@dataclass(frozen=True)
class CreatePublication(Change):
    """``CREATE PUBLICATION``."""

    publication: Publication

    def reverse(self) -> Change:
        return DropPublication(self.publication)


@dataclass(frozen=True)
class DropPublication(Change):
    """``DROP PUBLICATION``."""

    publication: Publication

    def reverse(self) -> Change:
        return CreatePublication(self.publication)
