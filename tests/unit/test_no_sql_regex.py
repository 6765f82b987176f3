"""No regular expression reads SQL: PostgreSQL's parser and scanner do (docs/dependencies.md).

Every module that imports ``re`` is listed here with what its patterns read. A new
one fails this test: read SQL with ``model/pg/sqlrefs`` (what a text uses),
``model/pg/sqlparse`` (parse trees, tokens, keywords, constants) or
``model/pg/scan`` (quote-aware splitting), or add the module with the reason its
patterns do not read SQL.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "schemagen"

NOT_SQL: dict[str, str] = {
    "api/build.py": "schema names inside diagnostic messages",
    "api/migration_state.py": "the first comment line of a state snapshot file (migration id, sha256)",
    "api/verify.py": "the column name PostgreSQL's error message quotes",
    "checks/literal_values.py": "constants' values as PostgreSQL's input functions read them (not SQL)",
    "checks/partition_overlap.py": "numbers and ISO dates inside partition bound constants",
    "builder/access.py": "the YAML grant shorthand ('table x', 'all tables in schema s')",
    "builder/macros.py": "the YAML interval shorthand ('1 month')",
    "builder/partitions.py": "the YAML interval shorthand and ISO dates",
    "builder/tables.py": "the YAML 'references: table(column)' shorthand",
    "checks/body_checks.py": "format() specifiers (%s, %I, %L), a printf-like language",
    "emit/sql_values.py": "whether a name needs no quotes",
    "emit/yaml_writer.py": "YAML scalars that need quoting",
    "emit/layout.py": "YAML text: block scalar headers, what keeps a string from folding, break points",
    "lint/design/tables.py": "the naming patterns a project configures",
    "lint/sql/source.py": "a suppression directive inside a comment the scanner found",
    "migrations/files.py": "migration file names, slugs, the text of a header comment after its '--'",
    "migrations/sumfile.py": "the lines of schemagen.sum (file name, sha256 hex)",
    "model/change.py": "a change class name to its template name",
    "model/pg/quoting.py": "whether a name needs quotes",
    "model/pg/scan.py": "the facts layer's own quote-aware scanner (dollar tags, identifier characters)",
    "model/pg/types.py": "type spellings (the facts layer's one type-name parser)",
    "render/erd.py": "Mermaid and Markdown escaping",
    "render/quoting.py": "whether a key is a bare name, keyword and option-value guards",
    "source/lint_settings.py": "compiles the naming patterns a project configures",
    "source/nodes.py": "YAML 1.1 scalar resolution",
    "source/project.py": "the YAML interval shorthand and ISO dates",
    "source/safety_settings.py": "durations in settings ('5s')",
    "validate/errors.py": "jsonschema's messages",
    "validate/published.py": "the Default sentences of the JSON Schema descriptions, upper-case enum values",
}
"""Module (under src/schemagen) → what its regular expressions read instead of SQL."""


def _imports_re(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(alias.name == "re" for alias in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.module == "re":
            return True
    return False


def test_every_module_using_regular_expressions_is_listed_with_what_it_reads() -> None:
    using = {str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if _imports_re(p)}
    unlisted = sorted(using - set(NOT_SQL))
    assert not unlisted, (
        f"{unlisted} use regular expressions: read SQL with model/pg (sqlrefs, sqlparse, scan), "
        "or list the module in tests/unit/test_no_sql_regex.py with what its patterns read"
    )
    assert not sorted(set(NOT_SQL) - using), "listed modules no longer use re: remove them from NOT_SQL"
