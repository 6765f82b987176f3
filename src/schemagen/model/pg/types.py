"""PostgreSQL type names: parse a spelling, its canonical form, its short form, quoted.

Canonical spellings are as ``format_type`` prints them.

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

from schemagen.model.pg.builtins import canonical_type_names, extension_of_type, type_aliases, type_storages
from schemagen.model.pg.quoting import quote_ident, unquote_ident
from schemagen.model.pg.scan import split_top_level

BUILTIN_TYPES: frozenset[str] = canonical_type_names()
"""Canonical names of PostgreSQL's built-in types (no typmod, no array suffix), from the generated data."""

INTEGER_TYPES: frozenset[str] = frozenset({"smallint", "integer", "bigint"})
"""The integer types (what a serial, an identity or a sequence may be)."""

STRING_TYPES: frozenset[str] = frozenset({"text", "character varying", "character", "name"})
"""The built-in types of PostgreSQL's string category (``typcategory = 'S'``)."""

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


def type_spellings() -> frozenset[str]:
    """Every built-in type name as a user may write it: canonical names and their aliases."""
    return BUILTIN_TYPES | frozenset(_ALIASES)


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


STORAGES: dict[str, str] = {"p": "plain", "e": "external", "x": "extended", "m": "main"}
"""``typstorage`` / ``attstorage`` letters → the words of ``SET STORAGE``."""


def default_storage(canonical: str) -> str | None:
    """The storage PostgreSQL gives a column of a built-in or extension type (its ``typstorage``);
    None for the types only a catalog knows (domains, enums, composites, other base types).

    >>> default_storage("text"), default_storage("integer[]"), default_storage("public.vector(3)")
    ('extended', 'extended', 'external')
    >>> default_storage("numeric(10,2)"), default_storage("bigint"), default_storage("app.mood")
    ('main', 'plain', None)
    """
    parts = split_type(canonical)
    if parts.array:
        return "extended"
    if parts.name in BUILTIN_TYPES:
        return STORAGES[type_storages().get(parts.name, "p")]
    bare = parts.name.rpartition(".")[2]
    if extension_of_type(bare) is not None:
        return STORAGES[type_storages().get(bare, "p")]
    return None


def signature_type(canonical: str) -> str:
    """A canonical type as PostgreSQL records it in a function signature: modifiers dropped.

    ``CREATE FUNCTION f(x varchar(255))`` stores ``character varying``; the
    builder stores the same, so declared and live functions compare equal.

    >>> signature_type("character varying(255)[]"), signature_type("timestamp(3) with time zone")
    ('character varying[]', 'timestamp with time zone')
    """
    parts = split_type(canonical)
    return parts.name + ("[]" if parts.array else "")


@dataclass(frozen=True)
class TypeName:
    """A type spelling taken apart; ``schema`` is None for an unqualified (e.g. built-in) name.

    ``name`` is unquoted when qualified; an unqualified name is in ``format_type``
    spelling (``int4`` → ``integer``), a quoted one kept as written (``"char"``).
    """

    schema: str | None
    name: str
    modifiers: tuple[str, ...] = ()
    array: bool = False

    def __str__(self) -> str:
        """Canonical text, each part of a qualified name quoted as needed.

        >>> str(parse_type_name('"My Schema".vector(3)[]'))
        '"My Schema".vector(3)[]'
        """
        base = self.name if self.schema is None else f"{quote_ident(self.schema)}.{quote_ident(self.name)}"
        mods = f"({','.join(self.modifiers)})" if self.modifiers else ""
        if self.schema is None and self.name in _TYPMOD_INSIDE and mods:
            kind, _, zone = self.name.partition(" ")
            return f"{kind}{mods} {zone}" + ("[]" if self.array else "")
        return base + mods + ("[]" if self.array else "")


_TYPMOD_INSIDE = frozenset(
    {
        "timestamp with time zone",
        "timestamp without time zone",
        "time with time zone",
        "time without time zone",
    }
)


@lru_cache(maxsize=8192)
def parse_type_name(text: str) -> TypeName:
    """Take a type spelling apart: schema, name (no typmod), modifiers and array-ness.

    Cached: a catalog spells the same few types over and over.

    >>> parse_type_name("character varying(50)[]")
    TypeName(schema=None, name='character varying', modifiers=('50',), array=True)
    >>> parse_type_name('"My Schema"."T"(3)')
    TypeName(schema='My Schema', name='T', modifiers=('3',), array=False)
    >>> parse_type_name("INT4").name, parse_type_name("interval day to second(3)").name
    ('integer', 'interval')
    """
    base, array = split_array(text)
    dotted = split_top_level(base, ".")
    if len(dotted) == 2:
        parts = split_type(dotted[1])
        return TypeName(unquote_ident(dotted[0]), unquote_ident(parts.name), parts.modifiers, array)
    parts = split_type(" ".join(base.split()))
    name = " ".join(parts.name.split())
    if not name.startswith('"'):
        name = type_aliases().get(name.lower(), name.lower())
    if re.match(r"interval\b", name):
        return TypeName(None, "interval", parts.modifiers, array)
    return TypeName(None, name, parts.modifiers, array)


def quoted_type(text: str) -> str:
    """Canonical type text with the parts of a qualified type quoted as needed.

    Unqualified (built-in) types are kept as written: ``character varying(50)``.

    >>> quoted_type("agents.agent_status[]"), quoted_type("My Schema.vector(3)")
    ('agents.agent_status[]', '"My Schema".vector(3)')
    >>> quoted_type("timestamp(3) with time zone")
    'timestamp(3) with time zone'
    """
    parsed = parse_type_name(text)
    return text.strip() if parsed.schema is None else str(parsed)


_SHORT = (
    (re.compile(r"^character varying(\(\d+\))?$"), r"varchar\1"),
    (re.compile(r"^character(\(\d+\))?$"), r"char\1"),
    (re.compile(r"^bit varying(\(\d+\))?$"), r"varbit\1"),
    (re.compile(r"^timestamp(\(\d+\))? with time zone$"), r"timestamptz\1"),
    (re.compile(r"^timestamp(\(\d+\))? without time zone$"), r"timestamp\1"),
    (re.compile(r"^time(\(\d+\))? with time zone$"), r"timetz\1"),
    (re.compile(r"^time(\(\d+\))? without time zone$"), r"time\1"),
)
_SHORT_NAMES = frozenset(
    {"int", "int2", "int4", "int8", "float4", "float8", "bool", "varchar", "char", "decimal", "serial"}
    | {"bigserial", "smallserial", "timestamptz", "timetz", "varbit", "timestamp", "time"}
)


@lru_cache(maxsize=4096)  # inspect asks once per column: a few distinct types
def short_type(canonical: str, schema: str) -> str:
    """The short spelling inspect writes for a canonical type, unqualified when it lives in ``schema``.

    A type in ``schema`` whose bare name would read as a built-in keeps its schema.

    >>> short_type("character varying(255)", "demo"), short_type("timestamp with time zone[]", "demo")
    ('varchar(255)', 'timestamptz[]')
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
