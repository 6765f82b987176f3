"""The names PostgreSQL chooses when a constraint, index or sequence has none.

A port of ``makeObjectName``, ``ChooseRelationName``/``ChooseConstraintName``
(src/backend/commands/indexcmds.c, src/backend/catalog/pg_constraint.c) and
``ChooseIndexColumnNames``: ``<name1>_<name2>_<label>``, with name1 and name2
truncated (the longer first, never splitting a UTF-8 character) so the whole
fits in 63 bytes, and a number appended to the label while the name is taken.

>>> default_constraint_name("registry", ["agent_type", "status"], "key")
'registry_agent_type_status_key'
>>> default_index_name("docs", ["status", None])
'docs_status_expr_idx'
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

MAX_IDENTIFIER_BYTES = 63
"""PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated."""

CONSTRAINT_LABELS = ("pkey", "key", "fkey", "check", "excl")


def _clip(name: str, max_bytes: int) -> str:
    """``pg_mbcliplen``: the longest prefix of at most ``max_bytes`` bytes."""
    encoded = name.encode("utf-8")
    if len(encoded) <= max_bytes:
        return name
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def truncate_identifier(name: str) -> str:
    """Truncate like PostgreSQL does: to 63 bytes, never splitting a UTF-8 character.

    >>> truncate_identifier("é" * 40) == "é" * 31
    True
    """
    return _clip(name, MAX_IDENTIFIER_BYTES)


def make_object_name(name1: str, name2: str | None, label: str | None) -> str:
    """``makeObjectName``: join with ``_``, truncating name1/name2 to fit 63 bytes.

    >>> make_object_name("t" * 70, "col", "idx")
    'ttttttttttttttttttttttttttttttttttttttttttttttttttttttt_col_idx'
    """
    if name1.isascii() and (name2 is None or name2.isascii()) and (not label or label.isascii()):
        parts = [name1, *([name2] if name2 is not None else []), *([label] if label else [])]
        if sum(map(len, parts)) + len(parts) - 1 <= MAX_IDENTIFIER_BYTES:  # fits: nothing truncated
            return "_".join(parts)
    name1_bytes = len(name1.encode("utf-8"))
    name2_bytes = len(name2.encode("utf-8")) if name2 is not None else 0
    overhead = (1 if name2 is not None else 0) + (len(label.encode("utf-8")) + 1 if label else 0)
    available = MAX_IDENTIFIER_BYTES - overhead
    while name1_bytes + name2_bytes > available:
        if name1_bytes > name2_bytes:
            name1_bytes -= 1
        else:
            name2_bytes -= 1
    parts = [_clip(name1, name1_bytes)]
    if name2 is not None:
        parts.append(_clip(name2, name2_bytes))
    if label:
        parts.append(label)
    return "_".join(parts)


def choose_name(name1: str, name2: str | None, label: str, taken: Collection[str] = ()) -> str:
    """``ChooseRelationName``: ``make_object_name`` with ``label1``, ``label2``… while taken.

    >>> choose_name("t", "a", "key", {"t_a_key"})
    't_a_key1'
    """
    candidate = make_object_name(name1, name2, label)
    attempt = 0
    while candidate in taken:
        attempt += 1
        candidate = make_object_name(name1, name2, f"{label}{attempt}")
    return candidate


def name_addition(names: Sequence[str]) -> str:
    """``ChooseIndexNameAddition``: column names joined by ``_``, stopping past 63 bytes."""
    text = ""
    for name in names:
        if text:
            text += "_"
        text += _clip(name, MAX_IDENTIFIER_BYTES)
        if len(text.encode("utf-8")) > MAX_IDENTIFIER_BYTES:
            break
    return text


def index_column_names(names: Sequence[str | None]) -> list[str]:
    """``ChooseIndexColumnNames``: None (an expression) is ``expr``; repeats get 1, 2, ….

    >>> index_column_names([None, None, "a", "a"])
    ['expr', 'expr1', 'a', 'a1']
    """
    result: list[str] = []
    for name in names:
        result.append(dedupe(name if name is not None else "expr", result))
    return result


def default_constraint_name(
    table: str, columns: Sequence[str | None] | None, kind: str, taken: Collection[str] = ()
) -> str:
    """The name PostgreSQL gives an unnamed constraint of ``kind`` on ``table``.

    ``kind`` is one of ``pkey``, ``key``, ``fkey``, ``check``, ``excl``. For
    ``check``, pass the one column the expression references (or None/empty
    for ``<table>_check``); for ``key`` and ``excl`` pass the key columns
    followed by the INCLUDE columns, None for an expression element.

    >>> default_constraint_name("registry", None, "pkey")
    'registry_pkey'
    >>> default_constraint_name("state", ["agent_id"], "fkey")
    'state_agent_id_fkey'
    >>> default_constraint_name("registry", [], "check")
    'registry_check'
    """
    if kind not in CONSTRAINT_LABELS:
        raise ValueError(f"unknown constraint kind {kind!r}")
    if kind == "pkey":
        return choose_name(table, None, "pkey", taken)
    if kind == "check":
        column = columns[0] if columns and len(columns) == 1 else None
        return choose_name(table, column, "check", taken)
    if kind == "fkey":
        return choose_name(table, name_addition([c or "expr" for c in columns or ()]), "fkey", taken)
    return choose_name(table, name_addition(index_column_names(list(columns or ()))), kind, taken)


def default_index_name(
    table: str,
    columns: Sequence[str | None],
    unique: bool = False,
    taken: Collection[str] = (),
) -> str:
    """The name PostgreSQL gives an unnamed ``CREATE [UNIQUE] INDEX``.

    ``columns`` are the key columns then the INCLUDE columns; an expression
    is None (``expr``) or the name ``colname.figure_index_colname`` gives it. A unique
    index is named ``_idx`` too (only UNIQUE constraints get ``_key``).

    >>> default_index_name("registry", ["agent_type", "status"])
    'registry_agent_type_status_idx'
    >>> default_index_name("t", [None, None], unique=True)
    't_expr_expr1_idx'
    """
    del unique  # PostgreSQL names unique and plain indexes alike
    return choose_name(table, name_addition(index_column_names(list(columns))), "idx", taken)


def default_sequence_name(table: str, column: str, taken: Collection[str] = ()) -> str:
    """The sequence a ``serial`` column owns: ``<table>_<column>_seq``.

    >>> default_sequence_name("tasks", "task_id")
    'tasks_task_id_seq'
    """
    return choose_name(table, column, "seq", taken)


def dedupe(name: str, taken: Collection[str]) -> str:
    """Append 1, 2, … to ``name`` until it is not taken (kept within 63 bytes).

    For names PostgreSQL builds from parts use ``choose_name``, which numbers
    the label and re-truncates the parts exactly as PostgreSQL does.

    >>> dedupe("t_a_key", {"t_a_key", "t_a_key1"})
    't_a_key2'
    """
    candidate = name
    attempt = 0
    while candidate in taken:
        attempt += 1
        suffix = str(attempt)
        candidate = _clip(name, MAX_IDENTIFIER_BYTES - len(suffix)) + suffix
    return candidate
