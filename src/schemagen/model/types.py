"""Canonical PostgreSQL type spellings, as ``format_type`` prints them.

Every type in the model is the text PostgreSQL's ``format_type(oid, typmod)``
prints with ``search_path = pg_catalog``: ``varchar(50)`` is
``character varying(50)``, ``int4`` is ``integer``, ``timestamptz`` is
``timestamp with time zone``. Array dimensions are not kept (PostgreSQL ignores
them): ``integer[][]`` is ``integer[]``. Names that are not built-in types are
returned as written; qualifying them is the builder's job.

>>> canonical_type("VARCHAR(50)")
'character varying(50)'
>>> canonical_type("timestamptz(3)[]")
'timestamp(3) with time zone[]'
>>> canonical_type("agent_status")
'agent_status'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

BUILTIN_TYPES: frozenset[str] = frozenset(
    {
        # numeric
        "smallint",
        "integer",
        "bigint",
        "real",
        "double precision",
        "numeric",
        "money",
        "oid",
        # character
        "text",
        "character varying",
        "character",
        "bpchar",
        '"char"',
        "name",
        # binary, boolean, uuid, json, xml
        "bytea",
        "boolean",
        "uuid",
        "json",
        "jsonb",
        "jsonpath",
        "xml",
        # date/time
        "date",
        "time without time zone",
        "time with time zone",
        "timestamp without time zone",
        "timestamp with time zone",
        "interval",
        # network
        "inet",
        "cidr",
        "macaddr",
        "macaddr8",
        # bit strings
        "bit",
        "bit varying",
        # text search
        "tsvector",
        "tsquery",
        "regconfig",
        "regdictionary",
        # geometry
        "point",
        "line",
        "lseg",
        "box",
        "path",
        "polygon",
        "circle",
        # ranges and multiranges
        "int4range",
        "int8range",
        "numrange",
        "tsrange",
        "tstzrange",
        "daterange",
        "int4multirange",
        "int8multirange",
        "nummultirange",
        "tsmultirange",
        "tstzmultirange",
        "datemultirange",
        # object identifiers and system types
        "regclass",
        "regtype",
        "regproc",
        "regprocedure",
        "regoper",
        "regoperator",
        "regnamespace",
        "regrole",
        "regcollation",
        "pg_lsn",
        "pg_snapshot",
        "txid_snapshot",
        "xid",
        "xid8",
        "cid",
        "tid",
        "int2vector",
        "oidvector",
        "aclitem",
        "refcursor",
        "pg_node_tree",
        # pseudo-types (function arguments and results)
        "record",
        "trigger",
        "event_trigger",
        "void",
        "cstring",
        "internal",
        "unknown",
        "anyelement",
        "anyarray",
        "anynonarray",
        "anyenum",
        "anyrange",
        "anymultirange",
        "anycompatible",
        "anycompatiblearray",
        "anycompatiblenonarray",
        "anycompatiblerange",
        "anycompatiblemultirange",
        "language_handler",
        "fdw_handler",
        "table_am_handler",
        "index_am_handler",
        "tsm_handler",
    }
)
"""Canonical names of PostgreSQL's built-in types (no typmod, no array suffix)."""

# Alternative spellings → canonical name (keys are lowercase, single-spaced).
_ALIASES: dict[str, str] = {
    "int": "integer",
    "int4": "integer",
    "serial": "integer",
    "serial4": "integer",
    "int8": "bigint",
    "bigserial": "bigint",
    "serial8": "bigint",
    "int2": "smallint",
    "smallserial": "smallint",
    "serial2": "smallint",
    "float4": "real",
    "float8": "double precision",
    "decimal": "numeric",
    "bool": "boolean",
    "varchar": "character varying",
    "char varying": "character varying",
    "character varying": "character varying",
    "char": "character",
    "character": "character",
    "varbit": "bit varying",
    "timestamptz": "timestamp with time zone",
    "timetz": "time with time zone",
}

_SERIALS: dict[str, str] = {
    "serial": "integer",
    "serial4": "integer",
    "bigserial": "bigint",
    "serial8": "bigint",
    "smallserial": "smallint",
    "serial2": "smallint",
}

_ARRAY_SUFFIX = re.compile(r"(\s*\[\s*\d*\s*\]|\s+array(\s*\[\s*\d*\s*\])?)+\s*$", re.IGNORECASE)
_DATETIME = re.compile(
    r"^(?P<kind>timestamptz|timestamp|timetz|time)\s*(?:\(\s*(?P<precision>\d+)\s*\))?"
    r"\s*(?P<zone>with\s+time\s+zone|without\s+time\s+zone)?$"
)
_INTERVAL = re.compile(
    r"^interval(?P<fields>(?:\s+(?:year|month|day|hour|minute|second))(?:\s+to\s+(?:month|hour|minute|second))?)?"
    r"\s*(?:\(\s*(?P<precision>\d+)\s*\))?$"
)
_NAME_AND_MODIFIERS = re.compile(r"^(?P<name>[^()]*?)\s*(?:\((?P<mods>[^()]*)\))?$")
_QUALIFIED_NAME_WITH_MODS = re.compile(r"^(?P<name>.*?)\s*\((?P<mods>[^()]*)\)$")


@dataclass(frozen=True)
class TypeParts:
    """A type split into name, modifiers and array flag.

    ``name`` is the canonical name without modifiers (``timestamp with time
    zone``, ``public.vector``); ``modifiers`` are the typmod arguments as text.
    """

    name: str
    modifiers: tuple[str, ...] = ()
    array: bool = False


def split_array(text: str) -> tuple[str, bool]:
    """Split a trailing array suffix (``[]``, ``[3][]``, ``ARRAY``) off a type.

    >>> split_array("integer[][]")
    ('integer', True)
    >>> split_array("text")
    ('text', False)
    """
    stripped = text.strip()
    match = _ARRAY_SUFFIX.search(stripped)
    if match is None or match.start() == 0:
        return stripped, False
    return stripped[: match.start()].rstrip(), True


def serial_base(text: str) -> str | None:
    """The integer type a ``serial`` spelling stands for, or None for other types.

    >>> serial_base("BIGSERIAL")
    'bigint'
    >>> serial_base("integer") is None
    True
    """
    return _SERIALS.get(" ".join(text.split()).lower())


@lru_cache(maxsize=4096)
def canonical_type(text: str) -> str:
    """Turn any PostgreSQL type spelling into ``format_type``'s canonical one.

    Built-in types are recognised case-insensitively (also with a
    ``pg_catalog.`` prefix); other names keep their spelling (whitespace
    normalised). Serial types are reported as their integer type.

    >>> canonical_type("decimal(3, 2)")
    'numeric(3,2)'
    >>> canonical_type("char")
    'character(1)'
    >>> canonical_type("varchar(10)[]")
    'character varying(10)[]'
    """
    base, is_array = split_array(text)
    canonical = _canonical_base(base)
    return canonical + "[]" if is_array else canonical


def is_builtin_type(canonical: str) -> bool:
    """True when a canonical type (modifiers and ``[]`` allowed) is built in.

    >>> is_builtin_type("character varying(20)[]")
    True
    >>> is_builtin_type("public.vector(3)")
    False
    """
    return split_type(canonical).name in BUILTIN_TYPES


@lru_cache(maxsize=4096)
def split_type(canonical: str) -> TypeParts:
    """Split a canonical type into name, modifiers and array flag.

    >>> split_type("timestamp(3) with time zone[]")
    TypeParts(name='timestamp with time zone', modifiers=('3',), array=True)
    >>> split_type("public.vector(1536)")
    TypeParts(name='public.vector', modifiers=('1536',), array=False)
    """
    base, is_array = split_array(canonical)
    datetime = re.match(r"^(timestamp|time)\((\d+)\) (with|without) time zone$", base)
    if datetime:
        kind, precision, zone = datetime.groups()
        return TypeParts(f"{kind} {zone} time zone", (precision,), is_array)
    interval = re.match(r"^interval(?: (?P<fields>[a-z ]+?))?(?:\((?P<precision>\d+)\))?$", base)
    if interval:
        mods = tuple(m for m in interval.group("fields", "precision") if m)
        return TypeParts("interval", mods, is_array)
    match = _QUALIFIED_NAME_WITH_MODS.match(base)
    if match and not _in_quotes(base, match.start("mods") - 1):
        mods = tuple(m.strip() for m in match.group("mods").split(",") if m.strip())
        return TypeParts(match.group("name"), mods, is_array)
    return TypeParts(base, (), is_array)


def signature_type(canonical: str) -> str:
    """A canonical type as PostgreSQL records it in a function signature: modifiers dropped.

    ``CREATE FUNCTION f(x varchar(255))`` stores ``character varying``; the
    builder stores the same, so declared and live functions compare equal.

    >>> signature_type("character varying(255)[]"), signature_type("timestamp(3) with time zone")
    ('character varying[]', 'timestamp with time zone')
    """
    parts = split_type(canonical)
    return parts.name + ("[]" if parts.array else "")


def _in_quotes(text: str, position: int) -> bool:
    return text[:position].count('"') % 2 == 1


def _canonical_base(text: str) -> str:
    collapsed = " ".join(text.split())
    if '"' in collapsed:
        return '"char"' if collapsed.lower() in ('"char"', 'pg_catalog."char"') else collapsed
    lowered = collapsed.lower()
    if lowered.startswith("pg_catalog."):
        lowered = lowered[len("pg_catalog.") :]
    lowered = re.sub(r"\s*\(\s*", "(", lowered)
    lowered = re.sub(r"\s*\)", ")", lowered)
    lowered = re.sub(r"\s*,\s*", ",", lowered)
    result = _builtin(lowered)
    if result is not None:
        return result
    # Not a built-in type: keep the spelling, tidy the modifier list only.
    match = _NAME_AND_MODIFIERS.match(collapsed)
    if match and match.group("mods") is not None:
        mods = ",".join(m.strip() for m in match.group("mods").split(","))
        return f"{match.group('name')}({mods})"
    return collapsed


def _builtin(lowered: str) -> str | None:
    datetime = _DATETIME.match(lowered)
    if datetime:
        return _datetime(datetime)
    interval = _INTERVAL.match(lowered)
    if interval:
        fields = " ".join((interval.group("fields") or "").split())
        precision = interval.group("precision")
        text = "interval" + (f" {fields}" if fields else "")
        return text + (f"({precision})" if precision else "")
    match = _NAME_AND_MODIFIERS.match(lowered)
    if match is None:
        return None
    name = match.group("name")
    mods_text = match.group("mods")
    mods = [m for m in (mods_text or "").split(",") if m] if mods_text is not None else []
    if name in ("float", "double precision", "real", "float4", "float8"):
        return _float(name, mods)
    name = _ALIASES.get(name, name)
    if name not in BUILTIN_TYPES:
        return None
    if name == "numeric" and len(mods) == 1:
        mods = [mods[0], "0"]
    if name in ("character", "bit") and mods_text is None:
        mods = ["1"]
    return name + (f"({','.join(mods)})" if mods else "")


def _datetime(match: re.Match[str]) -> str:
    kind = match.group("kind")
    zone = match.group("zone")
    with_zone = kind in ("timestamptz", "timetz") or (zone is not None and zone.startswith("with "))
    base = "timestamp" if kind.startswith("timestamp") else "time"
    precision = match.group("precision")
    typmod = f"({precision})" if precision is not None else ""
    return f"{base}{typmod} {'with' if with_zone else 'without'} time zone"


def _float(name: str, mods: list[str]) -> str:
    if name in ("real", "float4"):
        return "real"
    if name == "float" and mods and mods[0].isdigit() and int(mods[0]) <= 24:
        return "real"
    return "double precision"
