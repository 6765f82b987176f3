"""C315-C317, C393: triggers, policies, reference rows and rules refer to what exists, as PostgreSQL needs."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic, error, warning
from schemagen.model import Catalog, Trigger
from schemagen.model.unique_keys import unique_keys


def check_triggers(catalog: Catalog) -> list[Diagnostic]:
    """C315: a trigger's table and function exist; the function returns ``trigger``.

    Prevents: ``relation "x" does not exist``, ``function f() does not exist``,
    ``function f must return type trigger``, ``column "c" specified in UPDATE OF
    does not exist``, ``transition tables can only be specified for AFTER
    triggers``, and the kinds a relation allows: ``Tables cannot have INSTEAD OF
    triggers``, ``Views cannot have row-level BEFORE or AFTER triggers`` (nor
    TRUNCATE ones), ``INSTEAD OF triggers must be FOR EACH ROW`` (and have no WHEN
    condition and no column list), ``ALTER action DISABLE TRIGGER cannot be performed
    on relation "v"`` (a view's trigger is never disabled nor set to replica or always).
    """
    found = []
    for (table_name, name), trigger in catalog.triggers.items():
        what = f"trigger {name} on {table_name}"
        table = catalog.tables.get(table_name)
        problems = []
        if table is None and table_name not in catalog.views:
            problems.append(f"{table_name} is not declared")
        functions = [
            f
            for f in catalog.functions_named(trigger.function.name)
            if f.name == trigger.function and not f.arguments
        ]
        if not functions:
            problems.append(f"function {trigger.function}() is not declared")
        elif functions[0].returns != "trigger":
            problems.append(f"function {trigger.function}() returns {functions[0].returns}, not trigger")
        missing = [c for c in trigger.update_columns if table is not None and table.column(c) is None]
        if missing:
            problems.append(f"UPDATE OF names unknown column(s) {', '.join(missing)}")
        if (trigger.referencing_old or trigger.referencing_new) and trigger.timing != "AFTER":
            problems.append("REFERENCING (transition tables) needs an AFTER trigger")
        problems += _relation_kind_problems(trigger, on_view=table is None and table_name in catalog.views)
        found.extend(
            error(
                "C315", f"{what}: {problem}", trigger.span, "declare what the trigger uses, or fix the name"
            )
            for problem in problems
        )
    return found


def check_rules(catalog: Catalog) -> list[Diagnostic]:
    """C393: a rule's table or view is declared; a view's rule keeps ``enabled: origin``.

    Prevents: ``relation "x" does not exist`` and ``ALTER action DISABLE RULE cannot be
    performed on relation "v"`` (PostgreSQL sets the firing mode of a table's rules only).
    """
    found = []
    for (relation, name), rule in catalog.rules.items():
        what = f"rule {name} on {relation}"
        if relation not in catalog.tables and relation not in catalog.views:
            found.append(
                error("C393", f"{what}: {relation} is not declared", rule.span, "declare it, or fix the name")
            )
        elif relation in catalog.views and rule.enabled != "origin":
            found.append(
                error(
                    "C393",
                    f"{what}: enabled: {rule.enabled} on a view's rule "
                    "(PostgreSQL sets it on a table's rules only)",
                    rule.span,
                    "remove enabled: (a view's rule fires as origin)",
                )
            )
    return found


def _relation_kind_problems(trigger: Trigger, on_view: bool) -> list[str]:
    """What PostgreSQL refuses for the timing on a table or a view."""
    problems = []
    if trigger.timing == "INSTEAD OF":
        if not on_view:
            problems.append("tables cannot have INSTEAD OF triggers (only views)")
        if not trigger.for_each_row:
            problems.append("INSTEAD OF triggers must be FOR EACH ROW")
        if trigger.when:
            problems.append("INSTEAD OF triggers cannot have WHEN conditions")
        if trigger.update_columns:
            problems.append("INSTEAD OF triggers cannot have column lists (update_of)")
    elif on_view:
        if trigger.for_each_row:
            problems.append("views cannot have row-level BEFORE or AFTER triggers (use instead of)")
        if "TRUNCATE" in trigger.events:
            problems.append("views cannot have TRUNCATE triggers")
    if on_view and trigger.enabled != "origin":
        problems.append(f"a view's trigger cannot be {trigger.enabled} (PostgreSQL fires it always)")
    return problems


def check_policies(catalog: Catalog) -> list[Diagnostic]:
    """C316: policies are on declared tables, with the expressions their command allows.

    Prevents: ``relation "x" does not exist``, ``only WITH CHECK expression
    allowed for INSERT``, ``WITH CHECK cannot be applied to SELECT or DELETE``.
    An error too when the table's row-level security is not enabled: PostgreSQL
    accepts the policy, and it silently has no effect at all (a warning when the
    table says ``row_level_security: false``: kept on purpose, as ``inspect`` writes it).
    """
    found = []
    for (table_name, name), policy in catalog.policies.items():
        what = f"policy {name} on {table_name}"
        table = catalog.tables.get(table_name)
        command = policy.command.upper()
        problem = None
        if table is None:
            problem = f"{table_name} is not declared"
        elif command == "INSERT" and policy.using is not None:
            problem = "an INSERT policy takes only WITH CHECK (there is no existing row to filter)"
        elif command in ("SELECT", "DELETE") and policy.with_check is not None:
            problem = f"a {command} policy takes only USING (no new row to check)"
        if problem:
            found.append(
                error("C316", f"{what}: {problem}", policy.span, "see CREATE POLICY's rules per command")
            )
        elif table is not None and not table.rls_enabled:
            make = warning if table.rls_off_declared else error
            found.append(
                make(
                    "C316",
                    f"{what} has no effect: row-level security is not enabled on {table_name}",
                    policy.span,
                    "set row_level_security: enabled (or forced) on the table"
                    + ("" if table.rls_off_declared else " (or false, to keep the policy while RLS is off)"),
                )
            )
    return found


def check_reference_rows(catalog: Catalog) -> list[Diagnostic]:
    """C317: reference rows name existing columns and upsert on a unique key.

    Prevents: ``column "x" of relation "t" does not exist`` and ``there is no
    unique or exclusion constraint matching the ON CONFLICT specification`` and ``ON
    CONFLICT does not support deferrable unique constraints/exclusion constraints as
    arbiters`` (rows are upserted with ``ON CONFLICT (key)``) and ``cannot insert a
    non-DEFAULT value into column`` (a generated column).
    """
    found = []
    for table_name, rows in catalog.reference_rows.items():
        table = catalog.tables.get(table_name)
        what = f"reference rows of {table_name}"
        if table is None:
            found.append(error("C317", f"{what}: the table is not declared", rows.span, "declare the table"))
            continue
        named = {column for row in rows.rows for column, _ in row} | set(rows.key)
        missing = sorted(c for c in named if table.column(c) is None)
        if missing:
            found.append(
                error(
                    "C317",
                    f"{what} name unknown column(s) {', '.join(missing)}",
                    rows.span or table.span,
                    None,
                )
            )
        generated = sorted(c for c in named if (col := table.column(c)) is not None and col.generated)
        if generated:
            found.append(
                error(
                    "C317",
                    f"{what} give values to generated column(s) {', '.join(generated)}",
                    rows.span or table.span,
                    "PostgreSQL computes a generated column: leave it out of the rows",
                )
            )
        arbiters = [
            k for k in unique_keys(catalog, table) if k.plain and frozenset(k.columns) == set(rows.key)
        ]
        if arbiters and all(k.deferrable for k in arbiters):
            found.append(
                error(
                    "C317",
                    f"{what} are keyed by ({', '.join(rows.key)}), whose {arbiters[0].kind} is DEFERRABLE",
                    rows.span or table.span,
                    "ON CONFLICT cannot use a deferrable key: key the rows by another key, "
                    "or make this one NOT DEFERRABLE",
                )
            )
        elif not arbiters:
            found.append(
                error(
                    "C317",
                    f"{what} are keyed by ({', '.join(rows.key)}), which is not a PRIMARY KEY or UNIQUE key",
                    rows.span or table.span,
                    "key the rows by the primary key, or declare UNIQUE on the key columns",
                )
            )
        incomplete = [i for i, row in enumerate(rows.rows, 1) if not set(rows.key) <= {c for c, _ in row}]
        if incomplete:
            found.append(
                error(
                    "C317",
                    f"{what}: row(s) {', '.join(map(str, incomplete))} lack key column(s)",
                    rows.span or table.span,
                    f"every row gives {', '.join(rows.key)}",
                )
            )
    return found
