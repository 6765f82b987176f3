"""Q410-Q411: what PostgreSQL itself said when ``build --verify`` applied the generated SQL."""

from __future__ import annotations

from schemagen.diagnostics import Diagnostic, Span, error, warning


def rejected_statement(
    what: str,
    statement: str,
    message: str,
    sqlstate: str | None,
    hint: str | None,
    detail: str | None,
    span: Span | None,
) -> Diagnostic:
    """Q410: PostgreSQL refused the statement that creates ``what`` (located at its YAML).

    >>> rejected_statement("table app.t", "CREATE TABLE app.t (a varchar(0));",
    ...     "length for type varchar must be at least 1", "22023", None, None, None).message
    ... # doctest: +NORMALIZE_WHITESPACE
    'PostgreSQL rejected the SQL of table app.t: length for type varchar must be at least 1
     (SQLSTATE 22023) in: CREATE TABLE app.t (a varchar(0));'
    """
    first_line = statement.strip().splitlines()[0] if statement.strip() else ""
    state = f" (SQLSTATE {sqlstate})" if sqlstate else ""
    text = f"PostgreSQL rejected the SQL of {what}: {message}{state} in: {first_line}"
    notes = [n for n in (detail, hint) if n]
    return error("Q410", text, span, " / ".join(notes) or None)


def other_server(server_version: int, target: int) -> Diagnostic:
    """Q411: the server ``--dev-dsn`` reaches is another major version than the target.

    >>> other_server(17, 15).code
    'Q411'
    """
    return warning(
        "Q411",
        f"verified on PostgreSQL {server_version}, but the project targets {target} "
        "(postgres: in schemagen.yaml)",
        None,
        "point --dev-dsn at a server of the target version for the proof to hold",
    )
