"""Identity of schema objects: a (schema, name) pair, never a quoted string."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class QualifiedName:
    """A schema-qualified object name; quoting happens only when rendering."""

    schema: str
    name: str

    def __str__(self) -> str:
        return f"{self.schema}.{self.name}"

    @classmethod
    def parse(cls, text: str, default_schema: str) -> QualifiedName:
        """Split ``schema.name`` (or a bare ``name`` in ``default_schema``).

        >>> QualifiedName.parse("agents.registry", "public")
        QualifiedName(schema='agents', name='registry')
        >>> QualifiedName.parse("registry", "agents")
        QualifiedName(schema='agents', name='registry')
        """
        schema, dot, name = text.partition(".")
        if not dot:
            return cls(default_schema, text)
        return cls(schema, name)
