"""The built-in catalog data the checks need, read once from the generated JSON files.

See ``generate_builtins.py`` for where the data comes from and how to refresh it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _load(name: str) -> dict:
    return json.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def builtin_type_names() -> frozenset[str]:
    """Every ``pg_catalog`` type name, in ``typname`` and ``format_type`` spelling."""
    return _frozen_types()


@cache
def _frozen_types() -> frozenset[str]:
    return frozenset(_load("builtin_types.json")["types"])


def type_aliases() -> dict[str, str]:
    """``typname`` → ``format_type`` spelling for the types whose two names differ."""
    return _load("builtin_types.json")["aliases"]


def extension_types() -> dict[str, str]:
    """Type name → the extension that creates it (extensions shipped with PostgreSQL 18 + pgvector)."""
    return _load("builtin_types.json")["extension_types"]


def builtin_volatility(name: str) -> str | None:
    """The volatilities (sorted ``i``/``s``/``v`` letters) of the overloads of ``pg_catalog.name``."""
    return _load("builtin_volatility.json")["functions"].get(name)


def builtin_overloads(name: str) -> list[tuple[tuple[str, ...], str]]:
    """Overloads of a mixed-volatility built-in: (identity argument types, volatility)."""
    rows = _load("builtin_volatility.json")["overloads"].get(name, [])
    return [(tuple(a for a in args.split(", ") if a), vol) for args, vol in rows]


def is_aggregate(name: str) -> bool:
    """True for built-in aggregate and window functions (not allowed in CHECK or index expressions)."""
    return name in _frozen_aggregates()


@cache
def _frozen_aggregates() -> frozenset[str]:
    return frozenset(_load("builtin_volatility.json")["aggregates"])


def extension_volatility(extension: str, name: str) -> str | None:
    """The volatilities of the overloads of function ``name`` created by ``extension``."""
    return _load("builtin_volatility.json")["extension_functions"].get(extension, {}).get(name)


@cache
def known_extensions() -> frozenset[str]:
    """Extensions whose functions and types the data files list."""
    data = _load("builtin_volatility.json")["extension_functions"]
    return frozenset(data) | frozenset(extension_types().values()) | {"plpgsql"}


@cache
def volatile_operators() -> dict[tuple[str, str, str], str]:
    """(operator, left type, right type) → volatility, for operators that are not IMMUTABLE."""
    return {(op, left, right): vol for op, left, right, vol in _load("builtin_volatility.json")["operators"]}
