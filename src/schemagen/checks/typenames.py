"""Reading canonical type text (``format_type`` spelling) and resolving it in a catalog.

The model stores types as PostgreSQL's ``format_type`` prints them: built-in types
unqualified (``character varying(50)``, ``timestamp(3) with time zone``,
``integer[]``), every other type schema-qualified (``agents.agent_id``,
``public.vector(1536)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from schemagen.checks.builtins import builtin_type_names, type_aliases
from schemagen.model import Catalog, QualifiedName

_TYPMOD = re.compile(r"\([^()]*\)")
_ARRAY = re.compile(r"(\s*\[\d*\])+$")
_INTERVAL_FIELDS = re.compile(r"^interval\b.*$")


@dataclass(frozen=True)
class TypeRef:
    """A type name taken apart: ``schema`` is None for a built-in (unqualified) type."""

    schema: str | None
    name: str
    array: bool = False

    @property
    def qualified(self) -> QualifiedName | None:
        """The user/extension type's identity, or None for an unqualified name."""
        return QualifiedName(self.schema, self.name) if self.schema is not None else None

    def __str__(self) -> str:
        base = f"{self.schema}.{self.name}" if self.schema is not None else self.name
        return base + ("[]" if self.array else "")


@lru_cache(maxsize=8192)
def parse_type(text: str) -> TypeRef:
    """Split canonical type text into schema, base name (without typmod) and array-ness.

    Cached: a catalog spells the same few types over and over, and a TypeRef is immutable.

    >>> parse_type("character varying(50)[]")
    TypeRef(schema=None, name='character varying', array=True)
    >>> parse_type("public.vector(1536)")
    TypeRef(schema='public', name='vector', array=False)
    >>> parse_type('"My Schema"."T"')
    TypeRef(schema='My Schema', name='T', array=False)
    """
    text = text.strip()
    array = bool(_ARRAY.search(text))
    text = _ARRAY.sub("", text)
    parts = _split_dotted(text)
    if len(parts) == 2:
        schema, name = parts
        return TypeRef(_unquote(schema), _unquote(_TYPMOD.sub("", name).strip()), array)
    name = " ".join(_TYPMOD.sub("", text).split())
    if _INTERVAL_FIELDS.match(name):
        name = "interval"
    if not name.startswith('"'):
        name = type_aliases().get(name.lower(), name.lower())
    return TypeRef(None, name, array)


def _split_dotted(text: str) -> list[str]:
    parts, current, quoted, depth = [], "", False, 0
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
        if char == "." and not quoted and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text


def is_builtin(ref: TypeRef) -> bool:
    """True when ``ref`` names a type of ``pg_catalog``."""
    names = builtin_type_names()
    return ref.schema in (None, "pg_catalog") and ref.name in names


def resolve_base(catalog: Catalog, text: str) -> TypeRef:
    """Follow domains to their base type (a domain over a domain too); keep array-ness.

    Unknown names are returned unchanged; the references check reports them.
    """
    ref = parse_type(text)
    array = ref.array
    seen: set[QualifiedName] = set()
    while ref.qualified is not None and ref.qualified in catalog.domains and ref.qualified not in seen:
        seen.add(ref.qualified)
        ref = parse_type(catalog.domains[ref.qualified].base_type)
        array = array or ref.array
    return TypeRef(ref.schema, ref.name, array)
