"""diff_catalogs: keyed set algebra and per-kind comparators."""

from __future__ import annotations

from dataclasses import replace

from schemagen.diff import diff_catalogs, same_expression
from schemagen.model import (
    Catalog,
    CheckConstraint,
    Column,
    CompositeAttribute,
    CompositeType,
    Domain,
    EnumType,
    Extension,
    ForeignKey,
    Index,
    IndexElement,
    PartitionBound,
    PartitionSpec,
    PrimaryKey,
    QualifiedName,
    Schema,
    Sequence,
    Table,
    UniqueConstraint,
)
from schemagen.model import changes as ch
from schemagen.model import rename_changes as rc
from tests.unit.change_kinds import change_kinds
from tests.unit.render.rich_catalog import rich_catalog

Q = QualifiedName
T = Q("app", "t")


def _table(*columns: Column, **kwargs) -> Table:
    return Table(T, columns, **kwargs)


def test_identical_catalogs_have_no_changes() -> None:
    assert diff_catalogs(rich_catalog(), rich_catalog()) == []
    assert diff_catalogs(Catalog(), Catalog()) == []


def test_spans_do_not_make_a_difference() -> None:
    from schemagen.diagnostics import Span

    old = Catalog.of(schemas=[Schema("app", span=Span("a.yaml", 1, 1))])
    new = Catalog.of(schemas=[Schema("app", span=Span("b.yaml", 9, 9))])
    assert diff_catalogs(old, new) == []


def test_create_from_empty_covers_every_kind_and_comment() -> None:
    changes = diff_catalogs(Catalog(), rich_catalog(code=False))
    kinds = set(change_kinds(changes))
    assert {
        "CreateSchema",
        "CreateExtension",
        "CreateEnum",
        "CreateDomain",
        "CreateCompositeType",
        "CreateSequence",
        "AlterSequenceOwnedBy",
        "CreateTable",
        "AddConstraint",
        "CreateIndex",
        "SetComment",
    } == kinds
    comments = {(c.kind, str(c.name), c.member) for c in changes if isinstance(c, ch.SetComment)}
    assert ("column", "agents.registry", "agent_id") in comments
    assert ("constraint", "agents.registry", "registry_pkey") in comments
    assert ("index", "agents.registry_agent_type_status_idx", None) in comments
    assert ("domain constraint", "agents.positive_id", "not_nil") in comments
    assert ("schema", ".public", None) in comments


def test_public_schema_is_never_created_or_dropped() -> None:
    public = Catalog.of(schemas=[Schema("public")])
    assert diff_catalogs(Catalog(), public) == []
    assert diff_catalogs(public, Catalog()) == []


def test_foreign_keys_are_separate_changes() -> None:
    changes = diff_catalogs(Catalog(), rich_catalog())
    creates = [c for c in changes if isinstance(c, ch.CreateTable)]
    assert all(
        c.inline_constraints == tuple(x for x in c.inline_constraints if not isinstance(x, ForeignKey))
        for c in creates
    )
    fks = [c.constraint.name for c in changes if isinstance(c, ch.AddConstraint)]
    assert fks == ["registry_current_task_fkey", "registry_parent_agent_id_fkey", "queue_agent_id_fkey"]


def test_drop_to_empty_drops_every_object_once() -> None:
    changes = diff_catalogs(rich_catalog(code=False), Catalog())
    kinds = change_kinds(changes)
    assert kinds.count("DropTable") == len(rich_catalog(code=False).tables)
    assert {
        "DropSchema",
        "DropExtension",
        "DropEnum",
        "DropDomain",
        "DropCompositeType",
        "DropSequence",
    } <= set(kinds)
    assert "CreateIndex" not in kinds and "DropIndex" not in kinds  # indexes go with their tables
    assert not any(isinstance(c, ch.SetComment) for c in changes)
    # FKs between dropped tables go first, so reference cycles can be dropped
    assert {c.constraint.name for c in changes if isinstance(c, ch.DropConstraint)} == {
        "registry_current_task_fkey",
        "queue_agent_id_fkey",
    }
    # an owned sequence is disowned before its table is dropped
    assert (
        ch.AlterSequenceOwnedBy(Q("agents", "ticket_seq"), (Q("agents", "registry"), "ticket"), None)
        in changes
    )


def test_column_added_dropped_and_altered() -> None:
    old = Catalog.of(tables=[_table(Column("a", "integer"), Column("b", "text"))])
    new = Catalog.of(
        tables=[_table(Column("a", "bigint", not_null=True, default="0"), Column("c", "text", comment="C."))]
    )
    changes = diff_catalogs(old, new)
    assert changes == [
        ch.AddColumn(T, Column("c", "text", comment="C.")),
        ch.DropColumn(T, Column("b", "text")),
        ch.AlterColumn(
            T,
            Column("a", "integer"),
            Column("a", "bigint", not_null=True, default="0"),
            ch.ColumnChange.TYPE | ch.ColumnChange.DEFAULT | ch.ColumnChange.NOT_NULL,
        ),
        ch.SetComment("column", T, "C.", None, member="c"),
    ]


def test_default_whitespace_is_not_a_change_but_literal_spacing_is() -> None:
    old = Catalog.of(tables=[_table(Column("a", "text", default="lower( 'x' )"))])
    same = Catalog.of(tables=[_table(Column("a", "text", default="lower(  'x'  )"))])
    other = Catalog.of(tables=[_table(Column("a", "text", default="lower( 'x  ' )"))])
    assert diff_catalogs(old, same) == []
    assert change_kinds(diff_catalogs(old, other)) == ["AlterColumn"]


def test_same_expression() -> None:
    assert same_expression("a >  0", "a > 0")
    assert same_expression(None, None)
    assert not same_expression("a > 0", None)
    assert not same_expression("'a  b'", "'a b'")


def test_changed_constraint_is_dropped_and_added() -> None:
    old = Catalog.of(tables=[_table(Column("a", "integer"), checks=(CheckConstraint("t_a_check", "a > 0"),))])
    new = Catalog.of(tables=[_table(Column("a", "integer"), checks=(CheckConstraint("t_a_check", "a > 1"),))])
    assert diff_catalogs(old, new) == [
        ch.DropConstraint(T, CheckConstraint("t_a_check", "a > 0")),
        ch.AddConstraint(T, CheckConstraint("t_a_check", "a > 1")),
    ]


def test_constraint_comment_only_is_a_comment_change() -> None:
    pk = PrimaryKey("t_pkey", ("a",))
    old = Catalog.of(tables=[_table(Column("a", "integer"), primary_key=pk)])
    new = Catalog.of(tables=[_table(Column("a", "integer"), primary_key=replace(pk, comment="Key."))])
    assert diff_catalogs(old, new) == [ch.SetComment("constraint", T, "Key.", None, member="t_pkey")]


def test_constraints_added_and_removed() -> None:
    unique = UniqueConstraint("t_a_key", ("a",))
    old = Catalog.of(tables=[_table(Column("a", "integer"), uniques=(unique,))])
    new = Catalog.of(tables=[_table(Column("a", "integer"), primary_key=PrimaryKey("t_pkey", ("a",)))])
    assert diff_catalogs(old, new) == [
        ch.DropConstraint(T, unique),
        ch.AddConstraint(T, PrimaryKey("t_pkey", ("a",))),
    ]


def test_changed_index_is_dropped_and_created_comment_only_is_not() -> None:
    index = Index(Q("app", "t_a_idx"), T, (IndexElement("a"),))
    base = [_table(Column("a", "integer"))]
    old = Catalog.of(tables=base, indexes=[index])
    changed = Catalog.of(tables=base, indexes=[replace(index, unique=True)])
    commented = Catalog.of(tables=base, indexes=[replace(index, comment="A.")])
    assert change_kinds(diff_catalogs(old, changed)) == ["DropIndex", "CreateIndex"]
    assert diff_catalogs(old, commented) == [ch.SetComment("index", index.name, "A.", None)]


def test_enum_values_added_in_place() -> None:
    name = Q("app", "e")
    old = Catalog.of(enums=[EnumType(name, ("b", "d"))])
    new = Catalog.of(enums=[EnumType(name, ("a", "b", "c", "d", "e", "f"))])
    assert diff_catalogs(old, new) == [
        ch.AddEnumValue(name, "a", before="b"),
        ch.AddEnumValue(name, "c", after="b"),
        ch.AddEnumValue(name, "e", after="d"),
        ch.AddEnumValue(name, "f", after="e"),
    ]


def test_enum_removal_or_reorder_needs_a_rebuild_with_the_columns_using_it() -> None:
    name = Q("app", "e")
    column = Column("x", "app.e[]")
    tables = [_table(column, Column("y", "text"))]
    old = Catalog.of(enums=[EnumType(name, ("a", "b"))], tables=tables)
    for labels in (("b", "a"), ("a",)):
        new = Catalog.of(enums=[EnumType(name, labels)], tables=tables)
        assert diff_catalogs(old, new) == [
            ch.RebuildEnum(EnumType(name, ("a", "b")), EnumType(name, labels), ((T, column),))
        ]


def test_domain_alterations() -> None:
    name = Q("app", "d")
    old = Domain(
        name, "integer", checks=(CheckConstraint("c1", "VALUE > 0"), CheckConstraint("c2", "VALUE < 9"))
    )
    new = Domain(
        name,
        "integer",
        default="1",
        not_null=True,
        checks=(CheckConstraint("c2", "VALUE < 8"), CheckConstraint("c3", "true")),
    )
    changes = diff_catalogs(Catalog.of(domains=[old]), Catalog.of(domains=[new]))
    assert changes == [
        ch.AlterDomain(old, new, ch.DomainChange.DEFAULT | ch.DomainChange.NOT_NULL),
        ch.DropDomainConstraint(name, CheckConstraint("c1", "VALUE > 0")),
        ch.DropDomainConstraint(name, CheckConstraint("c2", "VALUE < 9")),
        ch.AddDomainConstraint(name, CheckConstraint("c2", "VALUE < 8")),
        ch.AddDomainConstraint(name, CheckConstraint("c3", "true")),
    ]
    rebased = replace(old, base_type="bigint")
    assert change_kinds(diff_catalogs(Catalog.of(domains=[old]), Catalog.of(domains=[rebased]))) == [
        "DropDomain",
        "CreateDomain",
    ]


def test_composite_change_recreates() -> None:
    old = CompositeType(Q("app", "c"), (CompositeAttribute("a", "text"),))
    new = CompositeType(Q("app", "c"), (CompositeAttribute("a", "integer"),))
    changes = diff_catalogs(Catalog.of(composite_types=[old]), Catalog.of(composite_types=[new]))
    assert change_kinds(changes) == ["DropCompositeType", "CreateCompositeType"]


def test_sequence_options_and_ownership() -> None:
    old = Sequence(Q("app", "s"))
    new = Sequence(Q("app", "s"), cache=5, owned_by=(T, "a"), comment="S.")
    assert diff_catalogs(Catalog.of(sequences=[old]), Catalog.of(sequences=[new])) == [
        ch.AlterSequence(old, new),
        ch.AlterSequenceOwnedBy(Q("app", "s"), None, (T, "a")),
        ch.SetComment("sequence", Q("app", "s"), "S.", None),
    ]


def test_schema_and_extension_comments_and_extension_move() -> None:
    old = Catalog.of(schemas=[Schema("app")], extensions=[Extension("x")])
    new = Catalog.of(schemas=[Schema("app", comment="App.")], extensions=[Extension("x", schema="app")])
    assert change_kinds(diff_catalogs(old, new)) == ["SetComment", "DropExtension", "CreateExtension"]


def test_unlogged_toggle() -> None:
    old = Catalog.of(tables=[_table(Column("a", "integer"))])
    new = Catalog.of(tables=[_table(Column("a", "integer"), unlogged=True)])
    assert diff_catalogs(old, new) == [ch.SetTableLogged(T, True)]


def test_new_partitioning_recreates_table_and_its_indexes() -> None:
    index = Index(Q("app", "t_a_idx"), T, (IndexElement("a"),))
    old = Catalog.of(tables=[_table(Column("a", "integer"))], indexes=[index])
    new = Catalog.of(
        tables=[_table(Column("a", "integer"), partition_by=PartitionSpec("hash", ("a",)))], indexes=[index]
    )
    assert change_kinds(diff_catalogs(old, new)) == ["DropTable", "CreateTable", "CreateIndex"]
    child = Table(Q("app", "c"), (), partition_of=PartitionBound(T, modulus=2, remainder=0))
    moved = replace(child, partition_of=PartitionBound(T, modulus=2, remainder=1))
    assert change_kinds(diff_catalogs(Catalog.of(tables=[child]), Catalog.of(tables=[moved]))) == [
        "DropTable",
        "CreateTable",
    ]


def test_diff_is_deterministic() -> None:
    assert diff_catalogs(Catalog(), rich_catalog()) == diff_catalogs(Catalog(), rich_catalog())


def test_dropped_table_keeps_fk_order_with_unrelated_targets() -> None:
    parent = Table(
        Q("app", "parent"), (Column("id", "integer"),), primary_key=PrimaryKey("parent_pkey", ("id",))
    )
    child = Table(
        Q("app", "child"),
        (Column("pid", "integer"),),
        foreign_keys=(ForeignKey("child_pid_fkey", ("pid",), parent.name, ("id",)),),
    )
    changes = diff_catalogs(Catalog.of(tables=[parent, child]), Catalog.of(tables=[parent]))
    assert changes == [ch.DropTable(child)]


def test_declared_table_and_column_renames_are_renames() -> None:
    from tests.unit.render.scenarios import evolve_new, renamed_shop

    assert diff_catalogs(evolve_new(), renamed_shop()) == [
        rc.RenameTable(
            Q("shop", "orders"),
            replace(evolve_new().tables[Q("shop", "orders")], name=Q("shop", "purchases")),
        ),
        rc.RenameColumn(Q("shop", "purchases"), "note", "remark"),
    ]


def test_rename_from_a_missing_name_is_a_create() -> None:
    new = Catalog.of(
        tables=[Table(Q("app", "b"), (Column("x", "integer", renamed_from="nope"),), renamed_from="a")]
    )
    assert change_kinds(diff_catalogs(Catalog(), new)) == ["CreateTable"]


def test_an_unqualified_opclass_is_the_live_qualified_one() -> None:
    from schemagen.diff.indexes import same_index

    t = QualifiedName("app", "t")
    element = IndexElement("v", opclass="public.vector_cosine_ops")
    live = Index(QualifiedName("app", "i"), t, (element,), "hnsw")
    declared = replace(live, elements=(IndexElement("v", opclass="vector_cosine_ops"),))
    assert same_index(live, declared)
    assert not same_index(live, replace(live, elements=(IndexElement("v", opclass="vector_l2_ops"),)))


def test_an_index_with_one_more_key_is_not_the_same() -> None:
    from schemagen.diff.indexes import same_index

    t = QualifiedName("app", "t")
    one = Index(QualifiedName("app", "i"), t, (IndexElement("a"),))
    assert not same_index(one, replace(one, elements=(IndexElement("a"), IndexElement("b"))))
