"""C35x: functions in indexes, generated columns and partition keys must be IMMUTABLE."""

from __future__ import annotations

from pglast import ast
from pglast.enums import A_Expr_Kind

from schemagen.checks.sites import MUST_BE_IMMUTABLE, Expression, Site, parsed_expressions
from schemagen.checks.volatility import UNKNOWN, call_volatility, describe, operator_volatility, stable_cast
from schemagen.diagnostics import Diagnostic, error, warning
from schemagen.model import Catalog
from schemagen.model.pg.builtins import builtin_volatility, known_extensions
from schemagen.model.pg.sqlparse import ParsedExpression, function_calls, sql_value_functions
from schemagen.model.pg.sqlrefs import DEFAULT_SEARCH_PATH

_PG_MESSAGE = {
    Site.INDEX_EXPRESSION: "functions in index expression must be marked IMMUTABLE",
    Site.INDEX_PREDICATE: "functions in index predicate must be marked IMMUTABLE",
    Site.EXCLUDE_ELEMENT: "functions in index expression must be marked IMMUTABLE",
    Site.EXCLUDE_PREDICATE: "functions in index predicate must be marked IMMUTABLE",
    Site.GENERATED: "generation expression is not immutable",
    Site.PARTITION_KEY: "functions in partition key expression must be marked IMMUTABLE",
}
_HINT = {
    Site.INDEX_PREDICATE: "a predicate is fixed when the index is built: compare with a constant, "
    "and filter by the current time in the query",
    Site.GENERATED: "compute time- or session-dependent values in a DEFAULT or a trigger",
}
_CHECKED = MUST_BE_IMMUTABLE | {Site.CHECK, Site.DOMAIN_CHECK}


def check_immutability(catalog: Catalog) -> list[Diagnostic]:
    """C350-C352: volatility of what an expression calls, by where it sits.

    Prevents (errors): ``functions in index predicate must be marked IMMUTABLE``,
    ``functions in index expression must be marked IMMUTABLE``, ``generation
    expression is not immutable``, ``functions in partition key expression must be
    marked IMMUTABLE``. Warns (PostgreSQL accepts it, but it is wrong): a CHECK that
    calls ``now()`` is only evaluated when a row is written, so it says nothing
    about the row later — ``CHECK (expires_at > now())`` does not expire anything
    and makes a dump fail to restore.

    Operators are judged when both operand types are known
    (``timestamptz + interval`` and ``timestamptz = date`` are STABLE). Not
    covered: casts other than the text/date/time ones in
    :func:`~schemagen.checks.volatility.stable_cast`, and operands whose type
    cannot be read off the expression.
    """
    found = []
    for expr, parsed in parsed_expressions(catalog):
        if expr.site not in _CHECKED:
            continue
        for what, letters in _volatile_parts(catalog, expr, parsed):
            found.extend(_report(expr, what, letters))
    return found


def _volatile_parts(catalog: Catalog, expr: Expression, parsed: ParsedExpression) -> list[tuple[str, str]]:
    parts = [(f"{name}", "s") for name in sql_value_functions(parsed)]
    for call in function_calls(parsed):
        shown = f"{call.schema + '.' if call.schema else ''}{call.name}()"
        parts.append((shown, call_volatility(catalog, call, expr.table)))
    for sub in parsed.nodes:
        if isinstance(sub, ast.A_Expr) and sub.kind == A_Expr_Kind.AEXPR_OP:
            operator = operator_volatility(catalog, sub, expr.table)
            if operator is not None:
                parts.append(operator)
        if isinstance(sub, ast.TypeCast):
            cast = stable_cast(catalog, sub, expr.table)
            if cast is not None:
                parts.append((cast, "s"))
    return parts


def _report(expr: Expression, what: str, letters: str) -> list[Diagnostic]:
    if letters == UNKNOWN or ("i" in letters and len(letters) == 1):
        return []
    strict = expr.site in MUST_BE_IMMUTABLE
    if "i" in letters:
        if not strict:
            return []
        return [
            warning(
                "C351",
                f"{expr.subject} calls {what}, which is {describe(letters)} depending on the argument types",
                expr.span,
                "cast the arguments so the IMMUTABLE overload is chosen, or check it applies",
            )
        ]
    if strict:
        return [
            error(
                "C350",
                f"{expr.subject} uses {what}, which is {describe(letters)}; "
                f"PostgreSQL: {_PG_MESSAGE[expr.site]}",
                expr.span,
                _HINT.get(expr.site, "use only IMMUTABLE functions here (or an IMMUTABLE wrapper you trust)"),
            )
        ]
    return [
        warning(
            "C352",
            f"{expr.owner} uses {what}, which is {describe(letters)}: the check runs only when a row "
            "is written, so it does not hold later (and a restore can fail)",
            expr.span,
            "compare with another column (expires_at > created_at), or enforce it in a trigger or query",
        )
    ]


def check_unknown_functions(catalog: Catalog) -> list[Diagnostic]:
    """C355: a called function is built in, declared, or from a declared extension.

    Prevents: ``function f(…) does not exist`` when the DDL is applied. A warning:
    functions of extensions schemagen has no data for cannot be told apart.
    """
    if any(name not in known_extensions() for name in catalog.extensions):
        return []  # an extension we have no data for may provide any function
    found = []
    for expr, parsed in parsed_expressions(catalog):
        for call in function_calls(parsed):
            off_path = _declared_off_the_search_path(catalog, call.schema, call.name)
            if off_path:
                found.append(
                    warning(
                        "C355",
                        f"{expr.subject} calls {call.name}() unqualified, but it is declared as "
                        f"{', '.join(off_path)}: the DDL is applied with the default search_path "
                        '("$user", public), where PostgreSQL does not find it',
                        expr.span,
                        f"qualify the call: {off_path[0]}(…)",
                    )
                )
            elif call_volatility(catalog, call, expr.table) == UNKNOWN:
                shown = f"{call.schema + '.' if call.schema else ''}{call.name}()"
                found.append(
                    warning(
                        "C355",
                        f"{expr.subject} calls {shown}, which is not built in, "
                        "not declared and not from a declared extension",
                        expr.span,
                        "declare the function under functions:, or the extension that provides it",
                    )
                )
    return found


def _declared_off_the_search_path(catalog: Catalog, schema: str | None, name: str) -> list[str]:
    """Where an unqualified call's declared function lives, when that is never on the search_path.

    Empty when the call is qualified, built in, or some declared function of that
    name is in ``public``.
    """
    if schema is not None or builtin_volatility(name) is not None:
        return []
    schemas = sorted({f.name.schema for f in catalog.functions_named(name)})
    if not schemas or set(DEFAULT_SEARCH_PATH) & set(schemas):
        return []
    return [f"{s}.{name}" for s in schemas]
