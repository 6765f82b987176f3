"""Hazards of an ``ALTER COLUMN`` from what changed, and from the old and new values.

A type change rewrites the table unless PostgreSQL can prove the stored bytes stay
valid (``ALTER TABLE``: "if the USING clause does not change the column contents
and the old type is either binary coercible to the new type or an unconstrained
domain over the new type, a table rewrite is not needed"). In practice
(``ATColumnChangeRequiresRewrite`` after the length-coercion support functions
``varchar_support``, ``numeric_support``, ``varbit_support``, ``timestamp_support``
simplify a no-op coercion away):

* ``varchar(n) → varchar(m)`` with ``m ≥ n``, ``varchar(n) → varchar``,
  ``varchar → text`` and ``text → varchar`` (unconstrained) keep the bytes;
* ``numeric(p,s) → numeric(q,s)`` with ``q ≥ p``, and ``numeric(p,s) → numeric``;
* ``bit varying(n) → bit varying(m)`` with ``m ≥ n``;
* ``timestamp/time(p)`` (with or without time zone) to a precision at least ``p``;
* ``cidr → inet``.

A collation change alone keeps the bytes too (the indexes on the column are
rebuilt, under the ACCESS EXCLUSIVE lock every ``ALTER COLUMN`` takes).

Everything else is a rewrite: ``integer → bigint``, ``text → integer``, narrowing a
varchar or numeric, changing a numeric's scale, arrays, user-defined types (the
template converts those through ``::text``). When unsure, a rewrite is assumed.
"""

from __future__ import annotations

from schemagen.model.changes import AlterColumn, ColumnChange
from schemagen.model.pg.types import split_type
from schemagen.model.planned import Hazard

H = Hazard

COLUMN_HAZARDS: dict[ColumnChange, frozenset[Hazard]] = {
    ColumnChange.TYPE: frozenset({H.TABLE_REWRITE}),
    ColumnChange.COLLATION: frozenset(),  # the stored bytes stay; indexes on the column are rebuilt
    ColumnChange.NOT_NULL: frozenset({H.VALIDATES_ROWS}),
    ColumnChange.GENERATED: frozenset({H.TABLE_REWRITE, H.NEEDS_POSTGRES_17}),
    ColumnChange.IDENTITY: frozenset(),
    ColumnChange.DEFAULT: frozenset(),
}
"""Hazards of an ``AlterColumn`` by what changed (a TYPE change only when it rewrites)."""

_BINARY_COERCIBLE = frozenset(
    {
        ("character varying", "text"),
        ("text", "character varying"),
        ("cidr", "inet"),
    }
)
"""(old, new) type names whose cast is binary (a relabelling, no conversion)."""

_LENGTH_LIMITED = frozenset({"character varying", "bit varying"})
_TEMPORAL = frozenset(
    f"{kind} {zone} time zone" for kind in ("timestamp", "time") for zone in ("with", "without")
)
_MAX_TEMPORAL_PRECISION = 6


def type_change_rewrites(old: str, new: str) -> bool:
    """Whether ``ALTER COLUMN … TYPE`` from canonical type ``old`` to ``new`` rewrites the table.

    >>> type_change_rewrites("character varying(50)", "character varying(100)")
    False
    >>> type_change_rewrites("character varying(100)", "character varying(50)")
    True
    >>> type_change_rewrites("numeric(10,2)", "numeric(12,2)"), type_change_rewrites("integer", "bigint")
    (False, True)
    """
    if old == new:
        return False
    before, after = split_type(old), split_type(new)
    if before.array or after.array:
        return True
    if before.name != after.name:
        # a binary cast keeps the bytes; a length limit on the new type is checked row by row
        return (before.name, after.name) not in _BINARY_COERCIBLE or bool(after.modifiers)
    try:
        return not _widens(before.name, before.modifiers, after.modifiers)
    except ValueError:  # modifiers that are not numbers: assume the worst
        return True


def _widens(name: str, old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Whether the modifiers ``new`` accept every value ``old`` allowed without conversion."""
    if name in _LENGTH_LIMITED:
        return not new or (bool(old) and int(new[0]) >= int(old[0]))
    if name == "numeric":
        if not new:
            return True
        if not old:
            return False
        old_precision, old_scale = int(old[0]), int(old[1]) if len(old) > 1 else 0
        new_precision, new_scale = int(new[0]), int(new[1]) if len(new) > 1 else 0
        return new_scale == old_scale and new_precision >= old_precision
    if name in _TEMPORAL:
        if not new or int(new[0]) >= _MAX_TEMPORAL_PRECISION:
            return True
        return bool(old) and int(new[0]) >= int(old[0])
    return False


def column_hazards(change: AlterColumn) -> frozenset[Hazard]:
    """The hazards of the aspects ``change`` alters; a type change only rewrites when it must."""
    found: set[Hazard] = set()
    for flag, hazards in COLUMN_HAZARDS.items():
        if flag not in change.changes:
            continue
        if flag is ColumnChange.TYPE and not type_change_rewrites(change.old.type, change.new.type):
            continue
        found |= hazards
    return frozenset(found)
