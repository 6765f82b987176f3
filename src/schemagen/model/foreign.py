"""Foreign data: wrappers, servers, user mappings (database-wide; ``CREATE FOREIGN DATA WRAPPER`` …).

Options are ``(name, value)`` pairs sorted by name: PostgreSQL keeps them in the order
written and ``ALTER … OPTIONS (ADD …)`` appends, so the order carries no meaning. A user
mapping's ``password`` option is a secret and never part of the model (docs/format.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schemagen.diagnostics import Span
from schemagen.model.names import QualifiedName
from schemagen.model.objects import CheckConstraint, PartitionBound, owner_field

Options = tuple[tuple[str, str], ...]

SECRET_OPTIONS = ("password",)
"""User mapping options never declared, read, printed or changed (set them out of band)."""

PUBLIC = "public"
"""The user of a mapping ``FOR PUBLIC``."""


def _span() -> Span | None:
    return field(default=None, compare=False, repr=False)  # type: ignore[return-value]


def sorted_options(pairs: dict[str, str] | Options) -> Options:
    """Options as sorted ``(name, value)`` pairs.

    >>> sorted_options({"port": "5432", "host": "db"})
    (('host', 'db'), ('port', '5432'))
    """
    items = pairs.items() if isinstance(pairs, dict) else pairs
    return tuple(sorted((str(k), str(v)) for k, v in items))


def option_changes(old: Options, new: Options) -> tuple[tuple[str, str, str | None], ...]:
    """``OPTIONS (ADD | SET | DROP …)`` turning ``old`` into ``new``: ``(action, name, value)``.

    >>> option_changes((("a", "1"), ("b", "2")), (("b", "3"), ("c", "4")))
    (('DROP', 'a', None), ('SET', 'b', '3'), ('ADD', 'c', '4'))
    """
    before, after = dict(old), dict(new)
    changes: list[tuple[str, str, str | None]] = []
    for name in sorted(set(before) | set(after)):
        if name not in after:
            changes.append(("DROP", name, None))
        elif name not in before:
            changes.append(("ADD", name, after[name]))
        elif before[name] != after[name]:
            changes.append(("SET", name, after[name]))
    return tuple(changes)


@dataclass(frozen=True)
class ForeignDataWrapper:
    """``CREATE FOREIGN DATA WRAPPER``: handler and validator functions, options.

    A wrapper an extension creates (postgres_fdw, file_fdw) is the extension's: the
    project declares the extension, not the wrapper.
    """

    name: str
    handler: QualifiedName | None = None
    validator: QualifiedName | None = None
    options: Options = ()
    comment: str | None = None
    owner: str | None = owner_field()
    span: Span | None = _span()


@dataclass(frozen=True)
class ForeignServer:
    """``CREATE SERVER … FOREIGN DATA WRAPPER``: type, version, options."""

    name: str
    wrapper: str
    type: str | None = None
    version: str | None = None
    options: Options = ()
    comment: str | None = None
    owner: str | None = owner_field()
    renamed_from: str | None = field(default=None, compare=False)
    span: Span | None = _span()


@dataclass(frozen=True)
class UserMapping:
    """``CREATE USER MAPPING FOR role | PUBLIC SERVER s OPTIONS (…)`` (``password`` left out)."""

    user: str
    server: str
    options: Options = ()
    span: Span | None = _span()

    @property
    def key(self) -> tuple[str, str]:
        """A mapping is one per server and user."""
        return (self.server, self.user)

    @property
    def name(self) -> str:
        """``user@server`` in messages."""
        return f"{self.user}@{self.server}"


@dataclass(frozen=True)
class ForeignColumn:
    """A column of a foreign table: type, NOT NULL, default, collation, column ``OPTIONS``."""

    name: str
    type: str
    not_null: bool = False
    default: str | None = None
    collation: str | None = None
    options: Options = ()
    comment: str | None = None
    span: Span | None = _span()


@dataclass(frozen=True)
class ForeignTable:
    """``CREATE FOREIGN TABLE … SERVER s OPTIONS (…)``: columns, CHECK constraints, options.

    Its rows live on the server: dropping and creating it again loses no data.
    """

    name: QualifiedName
    server: str
    columns: tuple[ForeignColumn, ...] = ()
    checks: tuple[CheckConstraint, ...] = ()
    options: Options = ()
    comment: str | None = None
    partition_of: PartitionBound | None = None
    """``CREATE FOREIGN TABLE … PARTITION OF parent FOR VALUES …``: the columns are the parent's."""
    inherits: tuple[QualifiedName, ...] = ()
    """``INHERITS (parent, …)``: ``columns`` are its own; the parents' come with them."""
    owner: str | None = owner_field()
    renamed_from: str | None = field(default=None, compare=False)
    span: Span | None = _span()

    def column(self, name: str) -> ForeignColumn | None:
        """The column called ``name``, or None."""
        return next((c for c in self.columns if c.name == name), None)
