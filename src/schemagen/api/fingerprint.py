"""A stable fingerprint of an introspected catalog: what a plan file was computed for."""

from __future__ import annotations

import hashlib

from schemagen.model import Catalog


def catalog_fingerprint(catalog: Catalog, scope: list[str], server_major: int) -> str:
    """``sha256:<hex>`` of the catalog, the schemas read and the server's major version.

    The model is frozen dataclasses, tuples and dicts built in key order (no sets),
    so its ``repr`` is the same for the same database state in every process
    (a test runs it under two hash seeds); spans are left out of ``repr``.
    """
    text = f"{server_major}\n{sorted(scope)!r}\n{catalog!r}"
    owners = [
        (kind.value, repr(getattr(o, "key", o.name)), o.owner) for kind, o in catalog.owned() if o.owner
    ]
    if owners:  # read only when a project manages them; owners are not in an object's repr
        text += f"\n{owners!r}"
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
