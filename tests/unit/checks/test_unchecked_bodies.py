"""``check_body: false``: body findings become warnings; everything else keeps its severity."""

from __future__ import annotations

from dataclasses import replace

from schemagen.checks import run_checks
from schemagen.diagnostics import Severity
from schemagen.model import Catalog, Function, QualifiedName, Schema
from tests.unit.checks.builders import span

READS_OFF_PATH = Function(
    QualifiedName("mb", "artist_name"),
    returns="text",
    body="SELECT name FROM nowhere",
    span=span(3),
)


def _severities(function: Function) -> list[tuple[str, Severity]]:
    catalog = Catalog.of(schemas=[Schema("mb")], functions=[function])
    return [(d.code, d.severity) for d in run_checks(catalog) if d.code == "C375"]


def test_a_body_naming_what_is_not_there_is_an_error():
    assert _severities(READS_OFF_PATH) == [("C375", Severity.ERROR)]


def test_with_check_body_false_it_is_a_warning():
    assert _severities(replace(READS_OFF_PATH, check_body=False)) == [("C375", Severity.WARNING)]
