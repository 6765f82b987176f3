"""Every lint rule: stable code, kebab-case name, default severity, where it looks, which parser.

Codes: ``D7xx`` design rules over the declared catalog (and the lint meta
findings, D700-D709), ``S7xx`` migration-safety rules over SQL statements. The
build's own warnings (C390-C392) are listed too, so ``lint:`` settings and
suppressions apply to them by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemagen.diagnostics import Severity

W, E, INFO = Severity.WARNING, Severity.ERROR, Severity.INFO


@dataclass(frozen=True)
class Rule:
    """One lint rule."""

    code: str
    name: str
    severity: Severity
    scope: str  # "meta" | "design" | "build" | "sql" | "sql-type"
    parser: str  # "-" | "model" | "sqlglot" | "pglast"
    summary: str
    enabled: bool = True


def _r(code, name, severity, scope, parser, summary, enabled=True) -> Rule:
    return Rule(code, name, severity, scope, parser, summary, enabled)


RULES: tuple[Rule, ...] = (
    # lint itself
    _r("D700", "invalid-lint-setting", E, "meta", "-", "a lint: setting names an unknown rule or severity"),
    _r("D701", "suppression-without-reason", W, "meta", "-", "a suppression gives no reason"),
    _r("D702", "unknown-rule-suppressed", W, "meta", "-", "a suppression names no known rule"),
    _r("D703", "unused-suppression", W, "meta", "-", "a suppression that silences nothing"),
    # design, over the declared catalog
    _r("D710", "fk-without-index", W, "design", "model", "foreign key without an index that starts with its columns"),
    _r("D711", "table-without-primary-key", W, "design", "model", "table without a primary key"),
    _r("D712", "timestamp-without-time-zone", W, "design", "model", "timestamp without time zone"),
    _r("D713", "json-not-jsonb", W, "design", "model", "json instead of jsonb"),
    _r("D714", "char-column", W, "design", "model", "char(n) pads with blanks"),
    _r("D715", "serial-not-identity", W, "design", "model", "serial instead of an identity column"),
    _r("D716", "int-primary-key", W, "design", "model", "a 32-bit (or 16-bit) generated primary key can run out"),
    _r("D717", "money-column", W, "design", "model", "money depends on lc_monetary and rounds"),
    _r("D718", "misleading-default", W, "design", "sqlglot", "a default fixed when the table is created ('now' as a literal)"),
    _r("D719", "select-star-in-view", W, "design", "sqlglot", "a view with SELECT * freezes its column list"),
    _r("D720", "not-in-nullable-subquery", W, "design", "sqlglot", "NOT IN (subquery) over a nullable column"),
    _r("D721", "equals-null", W, "design", "sqlglot", "= NULL / <> NULL is never true"),
    _r("D722", "missing-comment", INFO, "design", "model", "a table, column or view without a comment", False),
    _r("D723", "naming-pattern", W, "design", "model", "a name that does not match the project's pattern", False),
    # the build's own warnings (docs/checks.md), configurable and suppressible by name
    _r("C308", "foreign-key-type-mismatch", W, "build", "model", "foreign key column types differ but PostgreSQL accepts them"),
    _r("C312", "unshipped-extension", W, "build", "model", "an extension not shipped with PostgreSQL (contrib) or pgvector"),
    _r("C335", "partitioned-table-without-partitions", W, "build", "model", "a partitioned table without any partition"),
    _r("C336", "rows-without-a-partition", W, "build", "model", "rows no partition accepts (no DEFAULT, missing hash remainders)"),
    _r("C342", "nullable-column-of-not-null-domain", W, "build", "model", "an optional column whose domain rejects NULL"),
    _r("C351", "undecided-volatility", W, "build", "pglast", "an overload whose volatility depends on the argument types"),
    _r("C352", "volatile-check", W, "build", "pglast", "a CHECK calling a STABLE or VOLATILE function (now(), random(), …)"),
    _r("C355", "unknown-function", W, "build", "pglast", "a called function nobody declares"),
    _r("C357", "deprecated-function", W, "build", "pglast", "a deprecated built-in function"),
    _r("C368", "custom-setting-without-missing-ok", W, "build", "pglast", "current_setting('app.x') without missing_ok"),
    _r("C369", "body-does-not-parse", W, "build", "pglast", "a sql / plpgsql body does not parse (created unchecked)"),
    _r("C374", "extension-relation-without-extension", W, "build", "pglast", "a body reads an extension's relation without the extension"),
    _r("C379", "body-not-analysed", W, "build", "pglast", "a body holds a construct the body parser cannot read"),
    _r("C390", "duplicate-index", W, "build", "model", "an index with the same keys as another"),
    _r("C391", "redundant-index", W, "build", "model", "an index that is a leading prefix of another"),
    _r("C392", "wide-btree-index", W, "build", "model", "a btree index storing unbounded values"),
    # migration safety, over SQL statements (squawk's rules, same names)
    _r("S701", "adding-field-with-default", W, "sql", "pglast", "ADD COLUMN with a volatile default (any default before 11) rewrites the table"),
    _r("S702", "adding-foreign-key-constraint", W, "sql", "pglast", "a foreign key without NOT VALID on an existing table"),
    _r("S703", "adding-not-nullable-field", W, "sql", "pglast", "SET NOT NULL scans an existing table under ACCESS EXCLUSIVE"),
    _r("S704", "adding-required-field", W, "sql", "pglast", "ADD COLUMN NOT NULL without a default fails on a table with rows"),
    _r("S705", "adding-serial-primary-key-field", W, "sql", "pglast", "a primary key built in place on an existing table"),
    _r("S706", "ban-char-field", W, "sql-type", "pglast", "char(n) column"),
    _r("S707", "ban-concurrent-index-creation-in-transaction", E, "sql", "pglast", "CONCURRENTLY inside a transaction fails"),
    _r("S708", "ban-drop-column", W, "sql", "pglast", "DROP COLUMN"),
    _r("S709", "ban-drop-database", E, "sql", "pglast", "DROP DATABASE"),
    _r("S710", "ban-drop-not-null", W, "sql", "pglast", "DROP NOT NULL"),
    _r("S711", "ban-drop-table", W, "sql", "pglast", "DROP TABLE"),
    _r("S712", "changing-column-type", W, "sql", "pglast", "ALTER COLUMN TYPE rewrites an existing table"),
    _r("S713", "constraint-missing-not-valid", W, "sql", "pglast", "a CHECK or FK without NOT VALID, or validated in the same transaction"),
    _r("S714", "disallowed-unique-constraint", W, "sql", "pglast", "a UNIQUE constraint not built from an existing index"),
    _r("S715", "prefer-bigint-over-int", W, "sql-type", "pglast", "a 32-bit integer column"),
    _r("S716", "prefer-bigint-over-smallint", W, "sql-type", "pglast", "a 16-bit integer column"),
    _r("S717", "prefer-identity", W, "sql-type", "pglast", "serial instead of identity"),
    _r("S718", "prefer-robust-stmts", W, "sql", "pglast", "a statement that cannot be rerun outside a transaction"),
    _r("S719", "prefer-text-field", W, "sql-type", "pglast", "varchar(n): changing n locks the table"),
    _r("S720", "prefer-timestamp-tz", W, "sql-type", "pglast", "timestamp without time zone"),
    _r("S721", "renaming-column", W, "sql", "pglast", "RENAME COLUMN breaks clients"),
    _r("S722", "renaming-table", W, "sql", "pglast", "RENAME TABLE breaks clients"),
    _r("S723", "require-concurrent-index-creation", W, "sql", "pglast", "CREATE INDEX without CONCURRENTLY on an existing table"),
    _r("S724", "require-concurrent-index-deletion", W, "sql", "pglast", "DROP INDEX without CONCURRENTLY"),
    _r("S725", "transaction-nesting", W, "sql", "pglast", "BEGIN inside a transaction"),
    _r("S726", "ban-create-domain-with-constraint", W, "sql", "pglast", "CREATE DOMAIN with a constraint"),
    _r("S727", "ban-alter-domain-with-add-constraint", W, "sql", "pglast", "ALTER DOMAIN ADD CONSTRAINT scans every column of the domain"),
    _r("S728", "ban-truncate-cascade", W, "sql", "pglast", "TRUNCATE … CASCADE"),
    _r("S729", "require-timeout-settings", W, "sql", "pglast", "no lock_timeout or statement_timeout before a slow lock", False),
    _r("S730", "ban-uncommitted-transaction", W, "sql", "pglast", "BEGIN without COMMIT or ROLLBACK"),
    _r("S731", "require-enum-value-ordering", W, "sql", "pglast", "ADD VALUE without BEFORE or AFTER"),
    _r("S732", "require-table-schema", W, "sql", "pglast", "a table named without its schema", False),
    _r("S733", "identifier-too-long", W, "sql", "pglast", "an identifier over 63 bytes is truncated"),
    _r("S734", "require-concurrent-partition-detach", W, "sql", "pglast", "DETACH PARTITION without CONCURRENTLY"),
    _r("S735", "require-concurrent-reindex", W, "sql", "pglast", "REINDEX without CONCURRENTLY"),
    _r("S736", "require-lock-timeout", W, "sql", "pglast", "no lock_timeout before an ACCESS EXCLUSIVE lock on an existing table"),
    _r("S737", "require-statement-timeout", W, "sql", "pglast", "no statement_timeout before a slow operation on an existing table"),
    _r("S738", "ban-drop-view", W, "sql", "pglast", "DROP VIEW"),
    _r("S739", "ban-drop-function", W, "sql", "pglast", "DROP FUNCTION / PROCEDURE"),
    _r("S740", "ban-drop-type", W, "sql", "pglast", "DROP TYPE"),
    _r("S741", "ban-drop-schema", W, "sql", "pglast", "DROP SCHEMA"),
    _r("S742", "ban-drop-sequence", W, "sql", "pglast", "DROP SEQUENCE"),
    _r("S743", "ban-drop-domain", W, "sql", "pglast", "DROP DOMAIN"),
    _r("S744", "ban-drop-constraint", W, "sql", "pglast", "DROP CONSTRAINT"),
    _r("S745", "ban-drop-generated-expression", W, "sql", "pglast", "DROP EXPRESSION"),
    _r("S746", "renaming-object", W, "sql", "pglast", "RENAME of another object (constraint, index, type, …)"),
    _r("S747", "ban-set-schema", W, "sql", "pglast", "SET SCHEMA"),
    _r("S748", "ban-alter-identity", W, "sql", "pglast", "ADD / SET / DROP IDENTITY"),
    _r("S749", "ban-drop-extension", W, "sql", "pglast", "DROP EXTENSION"),
    _r("S750", "ban-alter-generated-expression", W, "sql", "pglast", "SET EXPRESSION, or ADD COLUMN … GENERATED", False),
    _r("S751", "ban-drop-index", W, "sql", "pglast", "DROP INDEX", False),
    _r("S752", "ban-set-default", W, "sql", "pglast", "SET DEFAULT", False),
    _r("S753", "ban-disable-trigger", W, "sql", "pglast", "DISABLE TRIGGER", False),
    _r("S754", "ban-replica-identity", W, "sql", "pglast", "REPLICA IDENTITY", False),
    _r("S755", "ban-drop-policy", W, "sql", "pglast", "DROP POLICY", False),
    _r("S756", "ban-revoke", W, "sql", "pglast", "REVOKE", False),
    _r("S757", "ban-replace-view-function", W, "sql", "pglast", "CREATE OR REPLACE VIEW / FUNCTION", False),
    _r("S758", "ban-alter-policy-condition", W, "sql", "pglast", "ALTER POLICY … USING / WITH CHECK", False),
    _r("S759", "ban-alter-policy-roles", W, "sql", "pglast", "ALTER POLICY … TO", False),
    _r("S760", "ban-create-policy", W, "sql", "pglast", "CREATE POLICY", False),
    _r("S761", "ban-alter-function-options", W, "sql", "pglast", "ALTER FUNCTION options", False),
    _r("S762", "ban-alter-view-options", W, "sql", "pglast", "ALTER VIEW SET / RESET options", False),
    _r("S763", "ban-alter-role-options", W, "sql", "pglast", "ALTER ROLE", False),
    _r("S764", "ban-alter-database-options", W, "sql", "pglast", "ALTER DATABASE", False),
    _r("S765", "ban-alter-row-level-security", W, "sql", "pglast", "ENABLE / DISABLE / FORCE ROW LEVEL SECURITY", False),
    _r("S766", "ban-new-write-restriction", W, "sql", "pglast", "a new constraint or NOT NULL that can reject writes", False),
    _r("S767", "ban-add-enum-value", W, "sql", "pglast", "ALTER TYPE … ADD VALUE", False),
    _r("S768", "ban-add-composite-attribute", W, "sql", "pglast", "ALTER TYPE … ADD ATTRIBUTE", False),
    _r("S769", "ban-add-column", W, "sql", "pglast", "ADD COLUMN", False),
    _r("S770", "ban-detach-inheritance", W, "sql", "pglast", "NO INHERIT / DETACH PARTITION", False),
    _r("S771", "ban-alter-sequence-values", W, "sql", "pglast", "ALTER SEQUENCE … RESTART / values", False),
    _r("S772", "ban-alter-system-options", W, "sql", "pglast", "ALTER SYSTEM", False),
    _r("S773", "ban-alter-extension", W, "sql", "pglast", "ALTER EXTENSION", False),
    _r("S774", "ban-drop-default", W, "sql", "pglast", "DROP DEFAULT"),
    _r("S775", "prefer-repack", W, "sql", "pglast", "VACUUM FULL / CLUSTER lock the table for a full rewrite", False),
    _r("S776", "unused-ignore", W, "sql", "-", "a -- schemagen-lint: ignore comment that silences nothing"),
)  # fmt: skip

BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}


def rule_named(name_or_code: str) -> Rule | None:
    """The rule called ``name_or_code`` (a kebab-case name or a code), or None."""
    return BY_NAME.get(name_or_code) or BY_CODE.get(name_or_code.upper())


def rule_of(code: str) -> Rule | None:
    """The rule with this diagnostic code, or None (not every diagnostic is a lint rule)."""
    return BY_CODE.get(code)
