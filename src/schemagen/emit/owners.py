"""Owners in a written file: the most common one as the file's ``owner:``, the others on their objects."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from schemagen.emit.yaml_writer import FlowList


@dataclass(frozen=True)
class FileOwners:
    """The owner a file states once (``owner:``) and how an object's value says a different one.

    ``default`` None: owners are not written (not read, or not managed).
    """

    default: str | None = None

    @classmethod
    def of(cls, objects: Iterable[Any], schema_owner: str | None = None) -> FileOwners:
        """The most common owner of ``objects`` and the schema (ties: the first by name).

        >>> from types import SimpleNamespace as O
        >>> FileOwners.of([O(owner="app"), O(owner="ops"), O(owner="app")], "ops").default
        'app'
        """
        counts = Counter(o.owner for o in objects if o.owner is not None)
        if schema_owner is not None:
            counts[schema_owner] += 1
        if not counts:
            return cls()
        return cls(min(counts, key=lambda role: (-counts[role], role)))

    def value(self, obj: Any, value: Any) -> Any:
        """``value`` (an object's entry) with ``owner:`` when the object's owner is not the file's.

        A shorthand entry becomes its mapping form: an enum's labels ``{values}``, a
        domain's type ``{type}``.
        """
        if self.default is None or obj.owner is None or obj.owner == self.default:
            return value
        if value is None:  # an entry with nothing to say (``dummy:``)
            return {"owner": obj.owner}
        if isinstance(value, FlowList):
            return {"values": value, "owner": obj.owner}
        if isinstance(value, str):
            return {"type": value, "owner": obj.owner}
        return {**value, "owner": obj.owner}

    def header(self, schema_owner: str | None) -> dict[str, str]:
        """The file's top-level keys: ``owner:`` and, when the schema's differs, ``schema_owner:``."""
        if self.default is None:
            return {}
        if schema_owner is None or schema_owner == self.default:
            return {"owner": self.default}
        return {"owner": self.default, "schema_owner": schema_owner}
