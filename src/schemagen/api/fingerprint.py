"""A stable fingerprint of an introspected catalog: what a plan file was computed for."""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from typing import Any

from schemagen.model import Catalog


def _canonical(value: Any) -> Any:
    """A JSON-able form independent of hash seeds and dict order (sets sorted, spans ignored)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            type(value).__name__,
            *([f.name, _canonical(getattr(value, f.name))] for f in dataclasses.fields(value) if f.compare),
        ]
    if isinstance(value, dict):
        items = [[_canonical(k), _canonical(v)] for k, v in value.items()]
        return sorted(items, key=lambda item: json.dumps(item[0], sort_keys=True))
    if isinstance(value, set | frozenset):
        return sorted((_canonical(v) for v in value), key=lambda item: json.dumps(item, sort_keys=True))
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.name
    return value


def catalog_fingerprint(catalog: Catalog, scope: list[str], server_major: int) -> str:
    """``sha256:<hex>`` of the catalog, the schemas read and the server's major version.

    The same database state gives the same fingerprint in every process.
    """
    document = {"catalog": _canonical(catalog), "scope": sorted(scope), "server": server_major}
    text = json.dumps(document, sort_keys=True, separators=(",", ":"), default=str)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
