"""Types as a person writes them: short spellings, same-schema types unqualified."""

from __future__ import annotations

import re

from schemagen.model.types import BUILTIN_TYPES

_SHORT = (
    (re.compile(r"^character varying(\(\d+\))?$"), r"varchar\1"),
    (re.compile(r"^character(\(\d+\))?$"), r"char\1"),
    (re.compile(r"^bit varying(\(\d+\))?$"), r"varbit\1"),
    (re.compile(r"^timestamp(\(\d+\))? with time zone$"), r"timestamptz\1"),
    (re.compile(r"^timestamp(\(\d+\))? without time zone$"), r"timestamp\1"),
    (re.compile(r"^time(\(\d+\))? with time zone$"), r"timetz\1"),
    (re.compile(r"^time(\(\d+\))? without time zone$"), r"time\1"),
)


def short_type(canonical: str, schema: str) -> str:
    """The short spelling of a canonical type, unqualified when it lives in ``schema``.

    >>> short_type("character varying(255)", "demo")
    'varchar(255)'
    >>> short_type("timestamp with time zone[]", "demo")
    'timestamptz[]'
    >>> short_type("demo.agent_status", "demo"), short_type("other.kind", "demo")
    ('agent_status', 'other.kind')
    >>> short_type("demo.text", "demo")
    'demo.text'
    """
    base, suffix = canonical, ""
    while base.endswith("[]"):
        base, suffix = base[:-2], suffix + "[]"
    for pattern, replacement in _SHORT:
        if pattern.match(base):
            return pattern.sub(replacement, base) + suffix
    prefix = f"{schema}."
    if base.startswith(prefix):
        bare = base[len(prefix) :]
        name = bare.split("(", 1)[0]
        if name not in BUILTIN_TYPES and name.lower() not in _SHORT_NAMES:
            return bare + suffix
    return canonical


def unqualified(name: str, schema: str) -> str:
    """``schema.name`` → ``name`` when in ``schema``; otherwise unchanged.

    >>> unqualified("demo.touch", "demo"), unqualified("audit.log", "demo")
    ('touch', 'audit.log')
    """
    prefix = f"{schema}."
    return name[len(prefix) :] if name.startswith(prefix) else name


_SHORT_NAMES = frozenset(
    {
        "int",
        "int2",
        "int4",
        "int8",
        "float4",
        "float8",
        "bool",
        "varchar",
        "char",
        "decimal",
        "serial",
        "bigserial",
    }
    | {"smallserial", "timestamptz", "timetz", "varbit", "timestamp", "time"}
)
