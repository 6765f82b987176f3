"""Reading canonical type text (``format_type`` spelling) and resolving it in a catalog.

The model stores types as PostgreSQL's ``format_type`` prints them: built-in types
unqualified (``character varying(50)``, ``timestamp(3) with time zone``,
``integer[]``), every other type schema-qualified (``agents.agent_id``,
``public.vector(1536)``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from schemagen.model import Catalog, QualifiedName
from schemagen.model.pg.builtins import builtin_type_names
from schemagen.model.pg.types import parse_type_name


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

    >>> parse_type("character varying(50)[]")
    TypeRef(schema=None, name='character varying', array=True)
    >>> parse_type('"My Schema"."T"')
    TypeRef(schema='My Schema', name='T', array=False)
    """
    parsed = parse_type_name(text)
    return TypeRef(parsed.schema, parsed.name, parsed.array)


def is_builtin(ref: TypeRef) -> bool:
    """True when ``ref`` names a type of ``pg_catalog``."""
    return ref.schema in (None, "pg_catalog") and ref.name in builtin_type_names()


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
