"""squawk parity: every squawk finding on schemagen's own plans is flagged by schemagen too, or avoided.

squawk (the ``squawk-cli`` wheel, a second, independent migration linter) runs over
``generated/schema.sql``, the migrations of the diff/plan scenarios
(``tests/golden/render/*.sql``) and the same scenarios planned safe-by-default, as
``schemagen plan`` writes them against a live database (the planner avoids most of
squawk's findings there). For each finding, schemagen's SQL lint (every rule on, and
no transaction assumed, as squawk) must report the same rule, by name, on the same
statement, or a rule that says the same thing
(``EQUIVALENT``). What schemagen knowingly does not flag is listed in ``AVOIDED``
with the reason, and the test checks that reason holds for the statement.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.unit.render.scenarios import SCENARIOS

from schemagen.diff import diff_catalogs
from schemagen.lint import lint_sql
from schemagen.lint.registry import rule_of
from schemagen.lint.sql.source import read_sql
from schemagen.lint.sql.state import FileState
from schemagen.model.pg.statements import position
from schemagen.model.settings import SafetySettings
from schemagen.plan import plan_changes
from schemagen.render import render_plan

REPO = Path(__file__).resolve().parents[2]
PLANS = [REPO / "generated" / "schema.sql", *sorted((REPO / "tests" / "golden" / "render").glob("*.sql"))]
SAFE_SCENARIOS = sorted(SCENARIOS)


def _safe_plan(name: str, directory: Path) -> Path:
    """The scenario's plan as ``schemagen plan`` writes it against a live database (``safety:`` defaults)."""
    old, new = SCENARIOS[name]
    before = old()
    sql = render_plan(plan_changes(diff_catalogs(before, new()), old=before, safety=SafetySettings()))
    path = directory / f"{name}.safe.sql"
    path.write_text(sql, encoding="utf-8")
    return path


EQUIVALENT = {
    # squawk asks for NOT VALID on a UNIQUE / PRIMARY KEY constraint, which PostgreSQL does not
    # allow; schemagen names the real problem: the index built under ACCESS EXCLUSIVE.
    "constraint-missing-not-valid": {"disallowed-unique-constraint", "adding-serial-primary-key-field"},
}

AVOIDED = {
    "require-concurrent-index-creation": "the table is created earlier in the same file: it is empty",
    "disallowed-unique-constraint": "the table is created earlier in the same file: no rows to index",
    "adding-serial-primary-key-field": "the table is created earlier in the same file: no rows to index",
    "adding-foreign-key-constraint": "the table is created earlier in the same file: nothing to scan",
    "constraint-missing-not-valid": "the table is created earlier in the same file: nothing to scan",
    "require-lock-timeout": "the file locks no object it did not create itself",
    "require-statement-timeout": "the file locks no object it did not create itself",
}


def _squawk(*paths: Path) -> list[dict]:
    exe = shutil.which("squawk")
    assert exe, "squawk is not installed (pip install squawk-cli; it is in the test extra)"
    run = subprocess.run(
        [exe, "--reporter", "json", "--pg-version", "18.0", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout or "[]")


def _statement_index(starts: list[int], text: str, line: int, column: int) -> int:
    offset = sum(len(row) + 1 for row in text.split("\n")[:line]) + column
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
    return index


def _new_subject(source, index: int) -> bool:
    """Whether the statement works on a table created earlier in the file (schemagen's own state)."""
    from schemagen.lint.sql.script import locks_existing

    state = FileState(18)
    for statement in source.statements[:index]:
        if statement.node is not None:
            state.record(statement.node, statement)
    node = source.statements[index].node
    return node is not None and not locks_existing(node, state)


def _locks_nothing_existing(source) -> bool:
    from schemagen.lint.sql.script import locks_existing

    state = FileState(18)
    for statement in source.statements:
        if statement.node is not None:
            if locks_existing(statement.node, state):
                return False
            state.record(statement.node, statement)
    return True


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_every_squawk_finding_is_flagged_or_avoided(path: Path) -> None:
    _assert_parity(path)


@pytest.mark.parametrize("name", SAFE_SCENARIOS)
def test_safe_plans_against_a_live_database_too(name: str, tmp_path: Path) -> None:
    _assert_parity(_safe_plan(name, tmp_path))


def _assert_parity(path: Path) -> None:
    unexplained = _unexplained(path, _squawk(path))
    assert not unexplained, "\n".join(unexplained)


def _unexplained(path: Path, findings: list[dict]) -> list[str]:
    """The squawk findings on ``path`` schemagen neither flags nor avoids for a checked reason."""
    text = path.read_text(encoding="utf-8")
    source = read_sql(text, path.name)
    starts = [s.offset for s in source.statements]
    if not starts:
        return []
    found, _ = lint_sql(text, path.name)
    ours: dict[int, set[str]] = {}
    for d in found:
        index = next(i for i, s in enumerate(source.statements) if s.span == d.span)
        ours.setdefault(index, set()).add(rule_of(d.code).name)
    unexplained = []
    for item in findings:
        rule = item["rule_name"]
        index = _statement_index(starts, text, item["line"], item["column"])
        names = ours.get(index, set())
        if rule in names or names & EQUIVALENT.get(rule, set()):
            continue
        if rule in ("require-lock-timeout", "require-statement-timeout") and _locks_nothing_existing(source):
            continue
        if rule in AVOIDED and _new_subject(source, index):
            continue
        line, column = position(text, starts[index])
        unexplained.append(f"{path}:{line}:{column}: squawk {rule}: {item['message']}")
    return unexplained


CONFORMANCE = REPO / ".." / "shared" / "conformance"


def test_the_conformance_corpus_too() -> None:
    """The 463 old.sql/new.sql files of ../shared/conformance: hand-written DDL from two peers' tests."""
    files = sorted(CONFORMANCE.resolve().rglob("*.sql"))
    assert len(files) > 400, f"the conformance corpus is missing beside the repository ({CONFORMANCE})"
    by_file: dict[str, list[dict]] = {}
    for item in _squawk(*files):
        by_file.setdefault(item["file"], []).append(item)
    assert sum(map(len, by_file.values())) > 1000
    unexplained = [u for path in files for u in _unexplained(path, by_file.get(str(path), []))]
    assert not unexplained, "\n".join(unexplained)


def test_the_parity_check_catches_a_rule_schemagen_would_miss(tmp_path: Path) -> None:
    sql = tmp_path / "m.sql"
    sql.write_text("CREATE INDEX i ON app.t (a);\n", encoding="utf-8")
    squawk_rules = {f["rule_name"] for f in _squawk(sql)}
    ours = {rule_of(d.code).name for d in lint_sql(sql.read_text(encoding="utf-8"), "m.sql")[0]}
    assert "require-concurrent-index-creation" in squawk_rules & ours
