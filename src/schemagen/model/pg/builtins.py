"""PostgreSQL's built-in catalog data, read once from the generated JSON files beside this module.

The files are generated from a real server's catalogs (``pg_type``, ``pg_proc``,
``pg_operator``, ``pg_depend`` of every shipped extension) by
``scripts/generate_builtins.py``, which says how to rerun it;
``tests/integration/test_builtins_data.py`` fails when they no longer match the server.
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


@cache
def canonical_type_names() -> frozenset[str]:
    """The ``format_type`` spellings of the ``pg_catalog`` types (no typmod, no ``[]``).

    Also ``bpchar``: ``format_type`` prints it for a ``bpchar`` without length.
    """
    aliases = type_aliases()
    return frozenset(n for n in builtin_type_names() if n not in aliases) | {"bpchar"}


def type_aliases() -> dict[str, str]:
    """``typname`` → ``format_type`` spelling for the types whose two names differ."""
    return _load("builtin_types.json")["aliases"]


def extension_types() -> dict[str, str]:
    """Type name → the extension that creates it (shipped with PostgreSQL 18; pgvector; PostGIS)."""
    return _load("builtin_types.json")["extension_types"]


def extension_of_type(name: str) -> str | None:
    """The extension that creates type ``name`` (unqualified), or None.

    >>> extension_of_type("vector"), extension_of_type("hstore"), extension_of_type("text")
    ('vector', 'hstore', None)
    """
    return extension_types().get(name)


def type_storages() -> dict[str, str]:
    """``format_type`` name → ``typstorage`` letter of the built-in and extension types not ``p``."""
    return _load("builtin_types.json")["storage"]


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
