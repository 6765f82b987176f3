"""Kind descriptors: every kind has one, and every stage that reads them covers every kind."""

from __future__ import annotations

import dataclasses

import pytest

from schemagen.diff import diff_catalogs
from schemagen.diff.catalog import _comparators
from schemagen.model import (
    Catalog,
    CompositeAttribute,
    CompositeType,
    Domain,
    EnumType,
    Function,
    Grant,
    QualifiedName,
    Schema,
    Sequence,
    Table,
    View,
)
from schemagen.model.changes import COMMENT_KINDS
from schemagen.model.code_changes import RevokePrivileges
from schemagen.model.foreign import ForeignTable
from schemagen.model.identity import (
    GrantOn,
    GrantTarget,
    ObjectId,
    ObjectKind,
    grant_on_schema,
    routine_id,
    schema_id,
)
from schemagen.model.kinds import (
    BY_KIND,
    CATALOG_KINDS,
    COMMENT_KEYWORDS,
    DESCRIPTORS,
    Namespace,
    comment_kind,
    in_namespace,
)
from schemagen.model.ranges import RangeType
from schemagen.plan.refs import commented_kinds

Q = QualifiedName


def test_every_kind_has_exactly_one_descriptor() -> None:
    assert [d.kind for d in DESCRIPTORS] == list(dict.fromkeys(d.kind for d in DESCRIPTORS))
    assert set(BY_KIND) == set(ObjectKind)


def test_every_catalog_field_is_one_kinds_attribute() -> None:
    fields = {f.name for f in dataclasses.fields(Catalog)}
    attributes = [d.attribute for d in CATALOG_KINDS]
    assert sorted(attributes) == sorted(fields)


def test_catalog_of_keys_every_kind_by_its_descriptor() -> None:
    catalog = Catalog.of(schemas=[Schema("b"), Schema("a")], tables=[Table(Q("a", "t"), ())])
    assert list(catalog.schemas) == ["a", "b"]
    assert list(catalog.tables) == [Q("a", "t")]


def test_catalog_of_rejects_an_unknown_kind() -> None:
    with pytest.raises(TypeError, match="unknown kinds: tabels"):
        Catalog.of(tabels=[])


def test_diff_compares_every_catalog_kind() -> None:
    assert set(_comparators(Catalog(), Catalog(), set(), set())) == {d.kind for d in CATALOG_KINDS}


def test_comment_keywords_come_from_the_descriptors() -> None:
    assert set(COMMENT_KINDS) == set(COMMENT_KEYWORDS)
    assert comment_kind("procedure") is ObjectKind.FUNCTION
    assert comment_kind("type") is ObjectKind.ENUM
    assert comment_kind("aggregate") is ObjectKind.AGGREGATE
    with pytest.raises(KeyError):
        comment_kind("access method")


def test_every_commentable_kind_has_a_plan_target() -> None:
    assert set(COMMENT_KEYWORDS.values()) <= commented_kinds()


def test_relation_and_type_namespaces() -> None:
    relations = {d.kind for d in in_namespace(Namespace.RELATION)}
    types = {d.kind for d in in_namespace(Namespace.TYPE)}
    K = ObjectKind
    assert relations == {K.TABLE, K.FOREIGN_TABLE, K.VIEW, K.SEQUENCE, K.INDEX, K.COMPOSITE_TYPE}
    assert types == {K.TABLE, K.FOREIGN_TABLE, K.VIEW, K.COMPOSITE_TYPE, K.RANGE_TYPE, K.ENUM, K.DOMAIN}


def test_object_ids_are_typed_values() -> None:
    f = routine_id(Q("app", "f"), ("integer", "text"))
    assert str(f) == "app.f(integer, text)"
    assert f != routine_id(Q("app", "f"), ("integer",))
    assert str(schema_id("app")) == "app"
    assert sorted([ObjectId(ObjectKind.TABLE, Q("a", "t")), schema_id("z")])[0] == schema_id("z")


def test_a_grant_goes_with_its_object_for_every_kind_with_a_privilege_class() -> None:
    objects = {
        "schemas": (Schema("s"), grant_on_schema("s")),
        "enums": (EnumType(Q("s", "e"), ("a",)), GrantTarget(GrantOn.TYPE, Q("s", "e"))),
        "domains": (Domain(Q("s", "d"), "integer"), GrantTarget(GrantOn.TYPE, Q("s", "d"))),
        "composite_types": (
            CompositeType(Q("s", "c"), (CompositeAttribute("x", "integer"),)),
            GrantTarget(GrantOn.TYPE, Q("s", "c")),
        ),
        "range_types": (RangeType(Q("s", "r"), "integer"), GrantTarget(GrantOn.TYPE, Q("s", "r"))),
        "sequences": (Sequence(Q("s", "q")), GrantTarget(GrantOn.SEQUENCE, Q("s", "q"))),
        "tables": (Table(Q("s", "t"), ()), GrantTarget(GrantOn.TABLE, Q("s", "t"))),
        "foreign_tables": (ForeignTable(Q("s", "ft"), "srv"), GrantTarget(GrantOn.TABLE, Q("s", "ft"))),
        "views": (View(Q("s", "v"), "SELECT 1"), GrantTarget(GrantOn.TABLE, Q("s", "v"))),
        "functions": (
            Function(Q("s", "f"), returns="integer", body="SELECT 1"),
            GrantTarget(GrantOn.FUNCTION, Q("s", "f"), ()),
        ),
    }
    assert {d.attribute for d in CATALOG_KINDS if d.grant_on is not None} == set(objects)
    for attribute, (obj, target) in objects.items():
        old = Catalog.of(**{attribute: [obj]}, grants=[Grant(target, "r", ("USAGE",))])
        revokes = [type(c) for c in diff_catalogs(old, Catalog.of(**{attribute: [obj]}))]
        assert revokes == [RevokePrivileges], attribute  # the object stays: its grant is revoked
        gone = [type(c) for c in diff_catalogs(old, Catalog())]
        assert RevokePrivileges not in gone, attribute  # the object goes: its grant goes with it
