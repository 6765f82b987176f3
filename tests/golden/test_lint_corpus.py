"""The migration-safety corpus: every unsafe migration is flagged by its rule, no safe one by any.

``tests/golden/lint/unsafe/<rule>.sql`` is one unsafe migration per SQL rule;
``<rule>.expected`` beside it holds every finding of ``schemagen lint`` on it with
every rule on (regenerate with ``pytest tests/golden --update-goldens`` and review
the diff). ``tests/golden/lint/safe/*.sql`` are the safe ways to do the same
things, which the default configuration flags with nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from schemagen.lint import lint_sql
from schemagen.lint.registry import RULES, rule_of
from schemagen.lint.severity import LintConfig
from schemagen.lint.suppression import apply_suppressions

CORPUS = Path(__file__).parent / "lint"
UNSAFE = sorted((CORPUS / "unsafe").glob("*.sql"))
SAFE = sorted((CORPUS / "safe").glob("*.sql"))
SQL_RULES = sorted(r.name for r in RULES if r.scope in ("sql", "sql-type"))


def _lint(path: Path, config: LintConfig) -> list:
    found, suppressions = lint_sql(path.read_text(encoding="utf-8"), path.name)
    return config.apply(apply_suppressions(found, suppressions, config.active))


def test_every_sql_rule_has_an_unsafe_case() -> None:
    assert sorted(p.stem for p in UNSAFE) == SQL_RULES


@pytest.mark.parametrize("path", UNSAFE, ids=lambda p: p.stem)
def test_unsafe_migration_is_flagged_by_its_rule(path: Path, request: pytest.FixtureRequest) -> None:
    found = _lint(path, LintConfig(everything=True))
    assert path.stem in {rule_of(d.code).name for d in found}
    text = "".join(f"{d.format()}\n" for d in found)
    expected = path.with_suffix(".expected")
    if request.config.getoption("--update-goldens", default=False):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8"), f"{path.name} (run with --update-goldens)"


@pytest.mark.parametrize("path", SAFE, ids=lambda p: p.stem)
def test_safe_migration_is_flagged_with_nothing(path: Path) -> None:
    assert [d.format() for d in _lint(path, LintConfig())] == []


def test_a_constant_default_is_free_only_from_postgres_11() -> None:
    sql = "ALTER TABLE app.orders ADD COLUMN IF NOT EXISTS priority bigint DEFAULT 0;"
    codes = {v: [d.code for d in lint_sql(sql, "m.sql", postgres=v)[0]] for v in (10, 11)}
    assert "S701" in codes[10] and "S701" not in codes[11]


def test_an_index_on_a_table_of_the_same_file_is_fine_but_not_on_another() -> None:
    sql = (
        "BEGIN;\nCREATE TABLE app.t (a bigint);\n"
        "CREATE INDEX t_a ON app.t (a);\nCREATE INDEX u_a ON app.u (a);\nCOMMIT;"
    )
    found = [(d.code, d.span.line) for d in lint_sql(sql, "m.sql")[0] if d.code == "S723"]
    assert found == [("S723", 4)]


def test_set_not_null_after_a_validated_check_is_free_only_from_postgres_12() -> None:
    sql = (CORPUS / "safe" / "set_not_null_via_check.sql").read_text(encoding="utf-8")
    codes = {v: [d.code for d in lint_sql(sql, "m.sql", postgres=v)[0]] for v in (11, 12)}
    assert "S703" in codes[11] and "S703" not in codes[12]


def test_volatility_of_a_default_comes_from_the_catalog_of_built_ins() -> None:
    def flagged(default: str) -> bool:
        sql = f"BEGIN;\nALTER TABLE app.t ADD COLUMN IF NOT EXISTS c text DEFAULT {default};\nCOMMIT;"
        return "S701" in [d.code for d in lint_sql(sql, "m.sql")[0]]

    assert not flagged("now()") and not flagged("lower('X')") and not flagged("'x'::text")
    assert flagged("gen_random_uuid()::text") and flagged("clock_timestamp()::text") and flagged("app.f()")
