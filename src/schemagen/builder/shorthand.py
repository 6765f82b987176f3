"""Column shorthand: what a person writes after a column's name in ``CREATE TABLE``.

``bigint generated always as identity primary key``, ``text not null unique``,
``bigint not null references users on delete cascade``, ``numeric(10,2) check (x >= 0)``,
``text collate "C" default 'x'`` — parsed with PostgreSQL's grammar
(:mod:`schemagen.model.pg.column_def`) and turned into the keys of the column
mapping. A clause the mapping cannot hold for one column (a constraint name,
deferrable keys, ``nulls not distinct``, …) is an error naming the key to use.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from schemagen.model.pg.column_def import Clause, ColumnDefinition, parse_column_definition

_NAMED_KEY = {
    "check": "the table's `checks: {NAME: EXPRESSION}`",
    "primary key": "the table's `primary_key: {name: NAME, columns: [COLUMN]}`",
    "unique": "the table's `unique: [{name: NAME, columns: [COLUMN]}]`",
    "references": "the table's `foreign_keys: [{name: NAME, columns: [COLUMN], references: …}]`",
}


@dataclass(frozen=True)
class Shorthand:
    """What a shorthand string says; ``error`` is set when it does not parse.

    ``extra`` holds the other mapping keys it sets (identity, generated,
    primary_key, unique, references, check), in the mapping form's values.
    """

    type: str = ""
    not_null: bool = False
    default: str | None = None
    collation: str | None = None
    error: str | None = None
    hint: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def mapping(self) -> dict[str, Any]:
        """The column mapping this shorthand stands for."""
        spec: dict[str, Any] = {"type": self.type, "not_null": self.not_null}
        if self.default is not None:
            spec["default"] = self.default
        if self.collation is not None:
            spec["collation"] = self.collation
        spec.update(self.extra)
        return spec


@lru_cache(maxsize=4096)
def parse_column_shorthand(text: str) -> Shorthand:
    """The column a shorthand string describes, or an error with a hint.

    Cached: projects repeat the same few shorthands, and a Shorthand is immutable.

    >>> parse_column_shorthand("varchar(255) not null default 'x y'")
    Shorthand(type='varchar(255)', not_null=True, default="'x y'", collation=None, error=None, hint=None)
    >>> parse_column_shorthand("timestamp with time zone default now()").type
    'timestamp with time zone'
    >>> parse_column_shorthand("bigint generated always as identity primary key").extra
    {'identity': 'always', 'primary_key': True}
    """
    parsed = parse_column_definition(text)
    if parsed.error is not None:
        return _syntax_error(text, parsed)
    if not parsed.type:
        return _error("the shorthand has no type", "start with the type, e.g. `text not null`")
    if parsed.unsupported:
        word = parsed.unsupported[0]
        return _error(f"'{word}' is not supported in a column", f"remove `{word} …`")
    not_null = False
    default: str | None = None
    extra: dict[str, Any] = {}
    previous: Clause | None = None
    for clause in parsed.clauses:
        problem = _refuse(clause, previous)
        if problem is not None:
            return problem
        if clause.kind == "not null":
            not_null = True
        elif clause.kind == "null":
            not_null = False
        elif clause.kind == "default":
            default = clause.expression
        elif clause.kind in ("deferrable", "deferred"):
            options = extra["references"] if isinstance(extra.get("references"), dict) else {}
            options["deferrable"] = True
            if clause.kind == "deferred":
                options["initially_deferred"] = True
            extra["references"] = options
        elif clause.kind in ("not deferrable", "immediate"):
            pass
        else:
            key, value = _mapping_value(clause)
            if key == "references" and isinstance(extra.get("references"), dict):
                value = {**value, **extra["references"]}
            extra[key] = value
            if clause.kind == "generated" and not clause.options.get("stored", True):
                extra["virtual"] = True
        if clause.kind not in ("deferrable", "deferred", "not deferrable", "immediate"):
            previous = clause
    extra = {key: _compact(key, value) for key, value in extra.items()}
    return Shorthand(parsed.type, not_null, default, parsed.collation, extra=extra)


def type_holds_shorthand(text: str) -> Shorthand | None:
    """The shorthand ``text`` reads as when a ``type:`` value says more than a type, else None."""
    parsed = parse_column_shorthand(text)
    if parsed.error is not None or (parsed.type == text.strip() and not parsed.extra):
        return None
    return parsed


def _refuse(clause: Clause, previous: Clause | None) -> Shorthand | None:
    if clause.name is not None:
        where = _NAMED_KEY.get(clause.kind, "the mapping form")
        return _error(
            f"a named constraint (`constraint {clause.name} …`) needs more than the column shorthand",
            f"use {where}",
        )
    if clause.kind in ("deferrable", "deferred", "not deferrable", "immediate"):
        if previous is None or previous.kind != "references":
            key = "primary_key" if previous is not None and previous.kind == "primary key" else "unique"
            return _error(
                f"'{clause.text}' on a key needs the table-level form",
                f"use the table's `{key}:` mapping with `deferrable: true`",
            )
        return None
    if clause.kind in ("primary key", "unique") and clause.options.get("index_options"):
        return _error(
            f"index options on '{clause.kind}' need the table-level form",
            f"use the table's `{clause.kind.replace(' ', '_')}:` mapping",
        )
    if clause.kind == "unique" and clause.options.get("nulls_not_distinct"):
        return _error(
            "'unique nulls not distinct' needs the table-level form",
            "use the table's `unique: [{columns: [COLUMN], nulls_not_distinct: true}]`",
        )
    if clause.kind == "references":
        options = clause.options
        if len(options["columns"]) > 1:
            return _error(
                "a reference to more than one column needs the table-level form",
                "use the table's `foreign_keys: [{columns: […], references: {table: …, columns: […]}}]`",
            )
        if options["set_columns"] or options["match"] == "partial":
            return _error(
                f"'{clause.text}' is not supported in the column shorthand",
                "use the table's `foreign_keys:` entry",
            )
    if clause.kind == "check" and clause.options.get("no_inherit"):
        return _error(
            "'check … no inherit' needs the table-level form",
            "use the table's `checks: {NAME: {expression: …, no_inherit: true}}`",
        )
    if clause.kind == "not null" and clause.options.get("no_inherit"):
        return _error("'not null no inherit' is not supported", "write `not null`")
    if clause.kind in ("exclusion", "attr enforced", "attr not enforced", "enforced", "not enforced"):
        return _error(f"'{clause.text}' is not supported in the column shorthand", "use the mapping form")
    return None


def _mapping_value(clause: Clause) -> tuple[str, Any]:
    if clause.kind == "identity":
        options = dict(clause.options)
        always = options.pop("always")
        if not options:
            return "identity", "always" if always else "by default"
        names = {"minvalue": "min_value", "maxvalue": "max_value"}
        return "identity", {"always": always, **{names.get(k, k): v for k, v in options.items()}}
    if clause.kind == "generated":
        return "generated", clause.expression
    if clause.kind == "primary key":
        return "primary_key", True
    if clause.kind == "unique":
        return "unique", True
    if clause.kind == "check":
        return "check", clause.expression
    options = clause.options
    table = f"{options['schema']}.{options['table']}" if options["schema"] else options["table"]
    reference: dict[str, Any] = {"table": table}
    if options["columns"]:
        reference["column"] = options["columns"][0]
    for key in ("on_delete", "on_update"):
        if options[key] != "no action":
            reference[key] = options[key]
    if options["match"] != "simple":
        reference["match"] = options["match"]
    return "references", reference


def _compact(key: str, value: Any) -> Any:
    """``references: {table: t}`` is ``references: t``, as a person writes it in the mapping."""
    if key == "references" and isinstance(value, dict) and set(value) == {"table"}:
        return value["table"]
    return value


_CLAUSE_WORDS = (
    "not",
    "null",
    "default",
    "collate",
    "references",
    "check",
    "unique",
    "primary",
    "generated",
    "constraint",
)


def _syntax_error(text: str, parsed: ColumnDefinition) -> Shorthand:
    if parsed.error == "'default' needs an expression after it":
        return _error(parsed.error, "write e.g. `default now()`")
    if parsed.error_word is not None and text.lstrip().startswith(parsed.error_word):
        return _error(
            f"the shorthand has no type (it starts with '{parsed.error_word}')",
            "start with the type, e.g. `text not null`",
        )
    if parsed.error_word is None:
        return _error(
            parsed.error or "the shorthand does not parse",
            "write `<type> [not null] [default <expression>] …`",
        )
    close = difflib.get_close_matches(parsed.error_word.lower(), _CLAUSE_WORDS, n=1, cutoff=0.6)
    mean = f" (did you mean '{close[0]}'?)" if close else ""
    return _error(
        f"unexpected '{parsed.error_word}' in `{text}`{mean}",
        "a column shorthand is what follows the column's name in CREATE TABLE, e.g. "
        "`text not null default ''`, `bigint references users on delete cascade`",
    )


def _error(message: str, hint: str) -> Shorthand:
    return Shorthand(error=message, hint=hint)
