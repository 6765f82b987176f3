"""Every object kind (``ObjectKind``) and its descriptor: the facts stages ask about a kind, once.

A descriptor says where a kind's objects live in the ``Catalog`` (attribute and
key), how ``COMMENT ON`` and ``GRANT … ON`` name it, which name spaces it shares
names in, and in which plan phase it is created. ``Catalog.of``, the diff loop,
comments, grants, the name checks and the planner read these descriptors instead
of keeping their own lists; a test fails when a kind has no descriptor.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any


@functools.total_ordering
class ObjectKind(enum.Enum):
    """Every kind of object the model knows: catalog kinds, then members of other objects.

    The value is the kind's name in messages (``composite type``, ``default privilege``).
    Kinds order by declaration, so sorting ids gives a stable, readable order.
    """

    SCHEMA = "schema"
    EXTENSION = "extension"
    FOREIGN_DATA_WRAPPER = "foreign data wrapper"
    FOREIGN_SERVER = "server"
    USER_MAPPING = "user mapping"
    COLLATION = "collation"
    ENUM = "enum"
    DOMAIN = "domain"
    COMPOSITE_TYPE = "composite type"
    RANGE_TYPE = "range type"
    SEQUENCE = "sequence"
    TABLE = "table"
    FOREIGN_TABLE = "foreign table"
    INDEX = "index"
    STATISTICS = "statistics"
    FUNCTION = "function"
    OPERATOR = "operator"
    OPERATOR_FAMILY = "operator family"
    OPERATOR_CLASS = "operator class"
    AGGREGATE = "aggregate"
    TEXT_SEARCH_DICTIONARY = "text search dictionary"
    TEXT_SEARCH_CONFIGURATION = "text search configuration"
    VIEW = "view"
    TRIGGER = "trigger"
    EVENT_TRIGGER = "event trigger"
    POLICY = "policy"
    RULE = "rule"
    PUBLICATION = "publication"
    ROLE = "role"
    GRANT = "grant"
    DEFAULT_PRIVILEGE = "default privilege"
    REFERENCE_ROWS = "reference rows"
    COLUMN = "column"
    CONSTRAINT = "constraint"
    DOMAIN_CONSTRAINT = "domain constraint"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ObjectKind):
            return NotImplemented
        return _ORDER[self] < _ORDER[other]


_ORDER = {kind: position for position, kind in enumerate(ObjectKind)}


class GrantOn(enum.StrEnum):
    """What ``GRANT … ON <keyword>`` names: PostgreSQL's privilege classes.

    Coarser than ``ObjectKind``: ``table`` covers views, ``type`` enums, domains and
    composite types; ``column`` is a table with a column list.
    """

    SCHEMA = "schema"
    TABLE = "table"
    COLUMN = "column"
    SEQUENCE = "sequence"
    FUNCTION = "function"
    PROCEDURE = "procedure"
    TYPE = "type"

    @property
    def is_routine(self) -> bool:
        """Whether the target is a function or procedure (identified with its signature)."""
        return self in (GrantOn.FUNCTION, GrantOn.PROCEDURE)

    @property
    def is_relation(self) -> bool:
        """Whether the target is a table, view or one of their columns."""
        return self in (GrantOn.TABLE, GrantOn.COLUMN)


class Namespace(enum.Enum):
    """Where PostgreSQL requires names to be unique (checked by C321/C322)."""

    DATABASE = "schemas"
    CLUSTER = "roles"
    RELATION = "relations of schema"
    TYPE = "types of schema"


@dataclass(frozen=True)
class KindDescriptor:
    """The facts of one object kind.

    Attributes:
        kind: the kind described.
        attribute: the ``Catalog`` field holding the objects (None for members of
            other objects: columns, constraints).
        key: an object's key in that mapping.
        comment_keywords: ``COMMENT ON <keyword>`` spellings (functions are
            ``function`` or ``procedure``; views ``view`` or ``materialized view``).
        grant_on: the privilege class ``GRANT … ON`` uses for it, if any.
        namespaces: the name spaces its names must be unique in.
        phase: the plan phase its creation (and its comment) falls in; drops are
            phase 0. See ``plan/facts.py``.
    """

    kind: ObjectKind
    attribute: str | None
    key: Callable[[Any], Hashable] | None
    phase: int
    comment_keywords: tuple[str, ...] = ()
    grant_on: GrantOn | None = None
    namespaces: tuple[Namespace, ...] = ()

    @property
    def noun(self) -> str:
        """The kind in messages: ``composite type``."""
        return self.kind.value


def _name(o: Any) -> Hashable:
    return o.name


def _key(o: Any) -> Hashable:
    return o.key


_REL, _TYPE = Namespace.RELATION, Namespace.TYPE
K = ObjectKind

DESCRIPTORS: tuple[KindDescriptor, ...] = (
    KindDescriptor(K.SCHEMA, "schemas", _name, 10, ("schema",), GrantOn.SCHEMA, (Namespace.DATABASE,)),
    KindDescriptor(K.EXTENSION, "extensions", _name, 11, ("extension",)),
    KindDescriptor(K.FOREIGN_DATA_WRAPPER, "foreign_data_wrappers", _name, 13, ("foreign data wrapper",)),
    KindDescriptor(K.FOREIGN_SERVER, "foreign_servers", _name, 13, ("server",)),
    KindDescriptor(K.USER_MAPPING, "user_mappings", _key, 13),
    KindDescriptor(K.COLLATION, "collations", _name, 11, ("collation",)),
    KindDescriptor(K.ENUM, "enums", _name, 12, ("type",), GrantOn.TYPE, (_TYPE,)),
    KindDescriptor(K.DOMAIN, "domains", _name, 12, ("domain",), GrantOn.TYPE, (_TYPE,)),
    KindDescriptor(K.COMPOSITE_TYPE, "composite_types", _name, 12, ("type",), GrantOn.TYPE, (_REL, _TYPE)),
    KindDescriptor(K.RANGE_TYPE, "range_types", _name, 12, ("type",), GrantOn.TYPE, (_TYPE,)),
    KindDescriptor(K.SEQUENCE, "sequences", _name, 13, ("sequence",), GrantOn.SEQUENCE, (_REL,)),
    KindDescriptor(K.TABLE, "tables", _name, 14, ("table",), GrantOn.TABLE, (_REL, _TYPE)),
    KindDescriptor(
        K.FOREIGN_TABLE, "foreign_tables", _name, 14, ("foreign table",), GrantOn.TABLE, (_REL, _TYPE)
    ),
    KindDescriptor(K.INDEX, "indexes", _name, 14, ("index",), None, (_REL,)),
    KindDescriptor(K.STATISTICS, "statistics", _name, 14, ("statistics",)),
    KindDescriptor(K.FUNCTION, "functions", _key, 13, ("function", "procedure"), GrantOn.FUNCTION),
    KindDescriptor(K.OPERATOR, "operators", _key, 13, ("operator",)),
    KindDescriptor(K.OPERATOR_FAMILY, "operator_families", _key, 13, ("operator family",)),
    KindDescriptor(K.OPERATOR_CLASS, "operator_classes", _key, 13, ("operator class",)),
    KindDescriptor(K.AGGREGATE, "aggregates", _key, 13, ("aggregate",)),
    KindDescriptor(
        K.TEXT_SEARCH_DICTIONARY, "text_search_dictionaries", _name, 12, ("text search dictionary",)
    ),
    KindDescriptor(
        K.TEXT_SEARCH_CONFIGURATION, "text_search_configurations", _name, 12, ("text search configuration",)
    ),
    KindDescriptor(K.VIEW, "views", _name, 16, ("view", "materialized view"), GrantOn.TABLE, (_REL, _TYPE)),
    KindDescriptor(K.TRIGGER, "triggers", _key, 14, ("trigger",)),
    KindDescriptor(K.EVENT_TRIGGER, "event_triggers", _name, 17, ("event trigger",)),
    KindDescriptor(K.RULE, "rules", _key, 16, ("rule",)),
    KindDescriptor(K.POLICY, "policies", _key, 14, ("policy",)),
    KindDescriptor(K.PUBLICATION, "publications", _name, 17, ("publication",)),
    KindDescriptor(K.ROLE, "roles", _name, 9, ("role",), None, (Namespace.CLUSTER,)),
    KindDescriptor(K.GRANT, "grants", _key, 18),
    KindDescriptor(K.DEFAULT_PRIVILEGE, "default_privileges", _key, 18),
    KindDescriptor(K.REFERENCE_ROWS, "reference_rows", lambda o: o.table, 19),
    KindDescriptor(K.COLUMN, None, None, 14, ("column",), GrantOn.COLUMN),
    KindDescriptor(K.CONSTRAINT, None, None, 14, ("constraint",)),
    KindDescriptor(K.DOMAIN_CONSTRAINT, None, None, 12, ("domain constraint",)),
)
"""Every kind, catalog kinds in the order diff walks them, then the member kinds."""

BY_KIND: dict[ObjectKind, KindDescriptor] = {d.kind: d for d in DESCRIPTORS}

OWNED_KINDS: frozenset[ObjectKind] = frozenset(
    {
        K.SCHEMA,
        K.COLLATION,
        K.ENUM,
        K.DOMAIN,
        K.COMPOSITE_TYPE,
        K.RANGE_TYPE,
        K.OPERATOR_CLASS,
        K.OPERATOR_FAMILY,
        K.SEQUENCE,
        K.TABLE,
        K.STATISTICS,
        K.FUNCTION,
        K.OPERATOR,
        K.AGGREGATE,
        K.TEXT_SEARCH_DICTIONARY,
        K.TEXT_SEARCH_CONFIGURATION,
        K.VIEW,
        K.EVENT_TRIGGER,
        K.PUBLICATION,
        K.FOREIGN_DATA_WRAPPER,
        K.FOREIGN_SERVER,
        K.FOREIGN_TABLE,
    }
)
"""Catalog kinds whose objects have an owner of their own (``owner`` on the model object, ``ALTER
<comment keyword> … OWNER TO``). Indexes, triggers, rules and policies belong to their table's owner;
extensions cannot change owner; roles own, and are not owned."""

CATALOG_KINDS: tuple[KindDescriptor, ...] = tuple(d for d in DESCRIPTORS if d.attribute is not None)
"""The kinds a ``Catalog`` holds a mapping of, in diff order."""

COMMENT_KEYWORDS: dict[str, ObjectKind] = {}
"""``COMMENT ON`` keyword → the kind it names (``type`` names enums and composite types alike)."""
for _d in DESCRIPTORS:
    for _word in _d.comment_keywords:
        COMMENT_KEYWORDS.setdefault(_word, _d.kind)
del _d, _word


def descriptor(kind: ObjectKind) -> KindDescriptor:
    """The descriptor of ``kind``."""
    return BY_KIND[kind]


def in_namespace(namespace: Namespace) -> tuple[KindDescriptor, ...]:
    """The catalog kinds whose names share ``namespace``, in descriptor order."""
    return tuple(d for d in CATALOG_KINDS if namespace in d.namespaces)


def comment_kind(keyword: str) -> ObjectKind:
    """The kind a ``COMMENT ON`` keyword names.

    >>> comment_kind("materialized view")
    <ObjectKind.VIEW: 'view'>
    """
    return COMMENT_KEYWORDS[keyword]
