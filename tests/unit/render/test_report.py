"""Reports of a plan: one-line summaries, the three formats, statement splitting."""

from __future__ import annotations

import json

from schemagen.diff import diff_catalogs
from schemagen.model import Catalog
from schemagen.model.changes import AlterColumn, ColumnChange, DropIndex
from schemagen.model.names import QualifiedName
from schemagen.model.objects import Column, Index, IndexElement, Schema, Table
from schemagen.plan import plan_changes
from schemagen.render.report import ReportChange, report_changes, split_statements
from schemagen.render.report_formats import diff_text, plan_text, report_json, report_markdown
from schemagen.render.summary import ChangeSummary, describe

APP = QualifiedName("app", "users")


def test_summaries_read_like_the_issue():
    alter = AlterColumn(APP, Column("email", "text"), Column("email", "citext"), ColumnChange.TYPE)
    assert describe(alter).line() == "~ column app.users.email: type text → citext"
    index = Index(QualifiedName("app", "old_idx"), APP, (IndexElement(column="email"),))
    assert describe(DropIndex(index)).line() == "- index app.old_idx"


def test_an_unknown_change_class_is_described_generically():
    from dataclasses import dataclass

    from schemagen.model.changes import Change

    @dataclass(frozen=True)
    class ValidateConstraint(Change):
        table: QualifiedName

    summary = describe(ValidateConstraint(APP))
    assert (summary.kind, summary.object, summary.action) == ("validate constraint", "app.users", "altered")


def _changes() -> list[ReportChange]:
    old = Catalog.of(
        schemas=[Schema("app")], tables=[Table(QualifiedName("app", "legacy"), (Column("id", "int"),))]
    )
    new = Catalog.of(schemas=[Schema("app")], tables=[Table(APP, (Column("id", "bigint"),))])
    return report_changes(plan_changes(diff_catalogs(old, new)))


def test_text_groups_by_kind_and_lists_hazards_after():
    text = diff_text(_changes())
    assert text.startswith("table:\n  - table app.legacy\n  + table app.users\n")
    assert "hazards:\n  access_exclusive_lock (takes an ACCESS EXCLUSIVE lock):\n" in text
    assert diff_text([]) == "no differences\n"


def test_plan_text_comments_each_change_with_its_hazards():
    text = plan_text(_changes())
    assert "-- - table app.legacy\n-- hazard access_exclusive_lock: takes an ACCESS EXCLUSIVE lock\n" in text
    assert "-- hazard deletes_data: deletes data\nDROP TABLE app.legacy;" in text
    assert "DROP TABLE app.legacy;" in text


def test_json_has_exactly_the_documented_keys():
    document = json.loads(report_json(_changes()))
    assert set(document) == {"changes", "hazards"}
    assert [set(c) for c in document["changes"]] == [{"kind", "object", "sql", "hazards"}] * 2
    assert json.loads(report_json([])) == {"changes": [], "hazards": []}


def test_markdown_counts_created_altered_dropped_per_kind():
    text = report_markdown(_changes(), ["rule app.t.r: rewrite rules are not supported"])
    assert "| table | 1 | 0 | 1 |" in text
    assert "#### Unmanaged (left alone)" in text
    assert "No differences" in report_markdown([])


def test_markdown_keeps_names_with_backticks_and_line_breaks_inside_their_code():
    from schemagen.render.report_formats import code_span

    odd = QualifiedName("app", "we```ird\n# heading")
    old = Catalog.of(schemas=[Schema("app")])
    new = Catalog.of(schemas=[Schema("app")], tables=[Table(odd, (Column("id", "int"),))])
    text = report_markdown(report_changes(plan_changes(diff_catalogs(new, old))))
    lines = text.splitlines()
    assert "# heading" not in [line.lstrip("- ") for line in lines]  # the line break stays inside the code
    fence = lines[lines.index("#### SQL") + 2]
    assert fence == "````sql" and lines[-1] == "````"  # longer than the name's three backticks
    assert code_span("a\nb") == "`a\\nb`"
    assert code_span("x`y") == "`` x`y ``"


def test_statements_split_on_the_scanner_keep_dollar_quotes_and_drop_leading_comments():
    script = "-- note\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\nSELECT 2;\n"
    assert split_statements(script) == (
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;",
        "SELECT 2;",
    )


def test_a_begin_atomic_body_is_one_statement():
    """An SQL-standard body holds ``;`` outside any quote: the plan ran it cut at the first one."""
    script = (
        "CREATE FUNCTION f() RETURNS bigint LANGUAGE sql\nBEGIN ATOMIC\n SELECT 1;\n SELECT 2;\nEND;\n"
        "SELECT 3;\n"
    )
    assert split_statements(script) == (
        "CREATE FUNCTION f() RETURNS bigint LANGUAGE sql\nBEGIN ATOMIC\n SELECT 1;\n SELECT 2;\nEND;",
        "SELECT 3;",
    )


def test_summary_line_signs():
    assert ChangeSummary("table", "a.b", "created").line() == "+ table a.b"
    assert ChangeSummary("table", "a.b", "dropped", "x").line() == "- table a.b: x"


def test_every_change_class_has_its_own_summary():
    from schemagen.render.summary import _DESCRIBERS
    from tests.unit.render.change_samples import every_change, every_code_change

    samples = every_change() + every_code_change()
    assert {type(c) for c in samples} <= set(_DESCRIBERS)
    for change in samples:
        summary = describe(change)
        assert summary.object and summary.action in ("created", "altered", "dropped"), change
