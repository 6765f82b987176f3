"""A column as the shorthand (what follows its name in ``CREATE TABLE``) when that says everything.

``inspect`` writes ``bigint generated always as identity``, ``text collate "C" not null``,
``integer check (qty > 0)`` or ``bigint not null references users on delete cascade``
instead of a mapping whenever the shorthand holds all the column's mapping holds. Each
text is read back with PostgreSQL's grammar (the parser ``build`` uses) and kept only when
it gives exactly the clauses it was written from; a comment, identity options, a
deferrable reference or a name that would be ambiguous keep the mapping.

A reference's names that need no quotes are read back as stand-in names: a bare name
parses as any other would in that place, so the check is the same, and the parse of
``bigint references t1 on delete set null`` serves every table that references another
that way (one parse per shape, not per table: 2,000 FKs cost one parse, not 2,000).
"""

from __future__ import annotations

from typing import Any

from schemagen.model.pg.column_def import parse_column_definition
from schemagen.model.pg.quoting import quote_ident

_SAID = frozenset(
    {"type", "not_null", "default", "identity", "generated", "virtual", "collation", "check", "references"}
)
_REFERENCE_KEYS = frozenset({"table", "column", "on_delete", "on_update", "match"})


def column_shorthand(value: dict[str, Any]) -> str | None:
    """The shorthand saying everything the column mapping ``value`` says, or None.

    >>> column_shorthand({"type": "bigint", "identity": "always"})
    'bigint generated always as identity'
    >>> column_shorthand({"type": "text", "collation": "C", "check": "length(name) < 10"})
    'text collate "C" check (length(name) < 10)'
    >>> users = {"table": "users", "on_delete": "cascade"}
    >>> column_shorthand({"type": "bigint", "not_null": True, "references": users})
    'bigint not null references users on delete cascade'
    >>> column_shorthand({"type": "bigint", "identity": {"always": True, "start": 10}}) is None
    True
    """
    if not _SAID.issuperset(value):
        return None
    reference = value.get("references")
    clause: str | None = None
    shape: tuple | None = None
    if reference is not None:
        found = _reference(reference)
        if found is None:
            return None
        clause, shape = found[0], _shape(reference)
    try:
        key = (tuple([(k, _frozen(v)) for k, v in value.items() if k != "references"]), shape)
        prefix = _MEMO.get(key, _MISSING)
    except TypeError:  # a value that cannot be a key: not remembered
        return _shorthand(value)
    if prefix is _MISSING:
        if len(_MEMO) >= _MEMO_LIMIT:
            _MEMO.clear()
        prefix = _MEMO[key] = _prefix(value, clause)
    if prefix is None:
        return None
    return prefix if clause is None else f"{prefix} {clause}"


_MEMO: dict[tuple, str | None] = {}
"""The shorthand without its reference clause (None: none), by everything it depends on: the
other keys, and the reference's shape (its names as stand-ins when they need no quotes)."""
_MEMO_LIMIT = 1 << 14
_MISSING = object()


def _shape(reference: Any) -> tuple:
    """What the check of a reference depends on: all but its names when they need no quotes
    (read back as stand-ins, :func:`_stand_in_spec`), else all of it."""
    spec = {"table": reference} if isinstance(reference, str) else reference
    names = str(spec["table"]).split(".")
    column = spec.get("column")
    if len(names) > 2 or any(quote_ident(n) != n for n in [*names, *([column] if column else [])]):
        return ("as written", _frozen(reference))
    rest = tuple([(k, v) for k, v in spec.items() if k != "table" and k != "column"])
    return ("stand-in", len(names), "column" in spec, "sg_column" if column else column, rest)


def _frozen(value: Any) -> Any:
    return tuple(value.items()) if isinstance(value, dict) else value


def _prefix(value: dict[str, Any], clause: str | None) -> str | None:
    """The shorthand of ``value`` up to its reference clause ``clause``, or None."""
    text = _shorthand(value)
    if text is None or clause is None:
        return text
    assert text.endswith(" " + clause)
    return text[: -len(clause) - 1]


def _shorthand(value: dict[str, Any]) -> str | None:
    if set(value) - _SAID or any(isinstance(v, str) and "\n" in v for v in value.values()):
        return None
    parts: list[str] = [value["type"]]
    expected: list[tuple[str, Any, dict]] = []
    read_back: str | None = None  # the reference clause as parsed, when it differs (stand-in names)
    collation = value.get("collation")
    if collation is not None:
        if "." in collation or '"' in collation:
            return None  # a qualified collation: the mapping says it as inspect read it
        parts.append(f"collate {quote_ident(collation)}")
    identity = value.get("identity")
    if identity is not None:
        if identity not in ("always", "by default"):
            return None
        parts.append(f"generated {identity} as identity")
        expected.append(("identity", None, {"always": identity == "always"}))
    generated = value.get("generated")
    if generated is not None:
        stored = not value.get("virtual")
        parts.append(f"generated always as ({generated}) {'stored' if stored else 'virtual'}")
        expected.append(("generated", generated, {"stored": stored}))
    if value.get("not_null"):
        parts.append("not null")
        expected.append(("not null", None, {"no_inherit": False}))
    if value.get("default") is not None:
        parts.append(f"default {value['default']}")
        expected.append(("default", value["default"], {}))
    if value.get("check") is not None:
        parts.append(f"check ({value['check']})")
        expected.append(("check", value["check"], {"no_inherit": False}))
    if value.get("references") is not None:
        reference = _reference(value["references"])
        if reference is None:
            return None
        clause, options = reference
        parts.append(clause)
        stand_in = _stand_in(value["references"])
        if stand_in is not None:
            read_back, options = stand_in
        expected.append(("references", None, options))
    text = " ".join(parts)
    parsed = parse_column_definition(text if read_back is None else " ".join([*parts[:-1], read_back]))
    if parsed.error is not None or parsed.unsupported or parsed.type != value["type"]:
        return None
    if parsed.collation != collation:
        return None
    found = [(c.kind, c.expression, dict(c.options)) for c in parsed.clauses if c.name is None]
    return text if found == expected and len(found) == len(parsed.clauses) else None


_STAND_INS = ("sg_schema", "sg_table")
"""Bare names that read as any bare name does in a reference (neither is a keyword)."""


def _stand_in(reference: Any) -> tuple[str, dict] | None:
    """The reference clause and its expected options with stand-in names, or None.

    None when a name needs quotes (it is read back as written). Everything but the
    names is kept as given, so the clause has the same shape as the one written.
    """
    spec = _stand_in_spec(reference)
    return None if spec is None else _reference(spec)


def _stand_in_spec(reference: Any) -> dict[str, Any] | None:
    """The reference with its names as stand-ins, or None when a name needs quotes."""
    spec = {"table": reference} if isinstance(reference, str) else dict(reference)
    names = str(spec["table"]).split(".")
    column = spec.get("column")
    if len(names) > 2 or any(quote_ident(n) != n for n in [*names, *([column] if column else [])]):
        return None
    spec["table"] = ".".join(_STAND_INS[-len(names) :])
    if column:
        spec["column"] = "sg_column"
    return spec


def _reference(reference: Any) -> tuple[str, dict] | None:
    spec = {"table": reference} if isinstance(reference, str) else dict(reference)
    if set(spec) - _REFERENCE_KEYS:
        return None
    names = spec["table"].split(".")
    if len(names) > 2:
        return None
    schema, table = (names[0], names[1]) if len(names) == 2 else (None, names[0])
    text = "references " + ".".join(quote_ident(n) for n in names)
    columns: tuple[str, ...] = ()
    if spec.get("column") is not None:
        columns = (spec["column"],)
        text += f"({quote_ident(spec['column'])})"
    options = {
        "schema": schema,
        "table": table,
        "columns": columns,
        "on_delete": spec.get("on_delete", "no action"),
        "on_update": spec.get("on_update", "no action"),
        "match": spec.get("match", "simple"),
        "set_columns": False,
    }
    for key in ("on_delete", "on_update"):
        if key in spec:
            text += f" {key.replace('_', ' ')} {spec[key]}"
    if "match" in spec:
        text += f" match {spec['match']}"
    return text, options
