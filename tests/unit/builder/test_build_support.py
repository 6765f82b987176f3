"""Collations, operators, aggregates, text search, statistics, event triggers and rules from YAML."""

from schemagen.model import QualifiedName
from tests.unit.builder.test_build import build, ok

Q = QualifiedName


def test_references_resolve_as_documented():
    catalog = ok(
        """
schema: app
functions:
  now:
    returns: integer
    body: SELECT 1
  eq:
    arguments: [text, text]
    returns: boolean
    body: SELECT $1 = $2
operators:
  '==':
    function: eq
    left: text
    right: text
    commutator: '=='
    restrict: eqsel
aggregates:
  mine:
    arguments: [integer]
    sfunc: app.now
    stype: integer
    sortop: pg_catalog.<
text_search_configurations:
  plain: {parser: default, mappings: {word: [app.stems, simple]}}
"""
    )
    [operator] = catalog.operators.values()
    assert operator.function == Q("app", "eq") and operator.commutator == Q("app", "==")
    assert operator.restrict == Q("pg_catalog", "eqsel")
    [aggregate] = catalog.aggregates.values()
    assert aggregate.sfunc == Q("app", "now") and aggregate.sortop == Q("pg_catalog", "<")
    [configuration] = catalog.text_search_configurations.values()
    assert configuration.parser == Q("pg_catalog", "default")
    assert configuration.mappings == (("word", (Q("app", "stems"), Q("pg_catalog", "simple"))),)


def test_collation_locale_sets_both_libc_categories():
    catalog = ok("schema: app\ncollations:\n  c: {locale: C}\n  i: {provider: icu, locale: und}\n")
    c, i = catalog.collations[Q("app", "c")], catalog.collations[Q("app", "i")]
    assert (c.lc_collate, c.lc_ctype, c.locale) == ("C", "C", None)
    assert (i.provider, i.locale, i.lc_collate) == ("icu", "und", None)


def test_statistics_columns_follow_the_table_and_default_kinds_are_none():
    catalog = ok(
        """
schema: app
tables:
  t:
    columns: {a: integer primary key, b: integer, c: integer}
statistics:
  s: {table: t, columns: [c, a], kinds: [mcv, ndistinct, dependencies]}
"""
    )
    s = catalog.statistics[Q("app", "s")]
    assert s.columns == ("a", "c") and s.kinds is None


RULES = """
schema: app
tables:
  t:
    columns: {id: integer primary key}
rules:
  t:
    r:
      event: delete
      where: WHERE
      actions: [ACTION]
"""


def _rules(where: str, action: str) -> str:
    return RULES.replace("WHERE", where).replace("ACTION", action)


def test_rule_parts_must_parse():
    _, diagnostics = build(_rules("'true; DROP TABLE app.t'", "'DELETE FROM app.t; SELECT 1'"))
    assert sorted(d.code for d in diagnostics) == ["C360", "C360"]


def test_rule_is_built():
    catalog = ok(_rules("old.id < 10", "'NOTIFY app_changes'"))
    rule = catalog.rules[(Q("app", "t"), "r")]
    assert (rule.event, rule.instead, rule.where, rule.actions) == (
        "DELETE",
        False,
        "old.id < 10",
        ("NOTIFY app_changes",),
    )


def test_event_triggers_come_from_any_file():
    catalog = ok(
        "schema: app\nevent_triggers:\n  e: {event: sql_drop, function: ops.log, tags: [DROP TABLE]}\n"
    )
    assert catalog.event_triggers["e"].function == Q("ops", "log")
