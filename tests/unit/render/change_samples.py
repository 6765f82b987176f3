"""At least one instance of every change class, with the awkward variants, for render and plan tests."""

from __future__ import annotations

from schemagen.model import (
    CheckConstraint,
    Column,
    CompositeAttribute,
    CompositeType,
    Domain,
    EnumType,
    Extension,
    ForeignKey,
    Identity,
    Index,
    IndexElement,
    PrimaryKey,
    QualifiedName,
    Schema,
    Sequence,
    Table,
    UniqueConstraint,
)
from schemagen.model import changes as ch

Q = QualifiedName
T = Q("app", "Orders")
OLD = Column("amount", "integer", default="0")
STATUS = EnumType(Q("app", "status"), ("new", "done"))
DOMAIN = Domain(Q("app", "pos"), "integer", checks=(CheckConstraint("pos_check", "VALUE > 0"),))
SEQUENCE = Sequence(Q("app", "seq"), owned_by=(T, "id"))


def every_change() -> list[ch.Change]:
    """Changes covering every class (several for the ones with variants)."""
    table = Table(
        T, (Column("id", "bigint", not_null=True), OLD), primary_key=PrimaryKey("orders_pkey", ("id",))
    )
    fk = ForeignKey("orders_parent_fkey", ("id",), Q("app", "parent"), ("id",), on_delete="cascade")
    index = Index(Q("app", "orders_amount_idx"), T, (IndexElement("amount"),))
    return [
        ch.CreateSchema(Schema("app", owner="Owner")),
        ch.DropSchema(Schema("app")),
        ch.CreateExtension(Extension("pg_trgm", schema="app", version="1.6")),
        ch.DropExtension(Extension("pg_trgm")),
        ch.CreateEnum(STATUS),
        ch.DropEnum(STATUS),
        ch.AddEnumValue(STATUS.name, "it's", after="new"),
        ch.AddEnumValue(STATUS.name, "first", before="new"),
        ch.AddEnumValue(STATUS.name, "last"),
        ch.RebuildEnum(
            STATUS,
            EnumType(STATUS.name, ("done", "new")),
            (
                (T, Column("state", "app.status", default="'new'::app.status")),
                (T, Column("history", "app.status[]")),
            ),
        ),
        ch.CreateDomain(DOMAIN),
        ch.DropDomain(DOMAIN),
        ch.AlterDomain(
            DOMAIN, Domain(DOMAIN.name, "integer", default="1", not_null=True), ch.DomainChange(3)
        ),
        ch.AlterDomain(
            Domain(DOMAIN.name, "integer", default="1", not_null=True), DOMAIN, ch.DomainChange(3)
        ),
        ch.AddDomainConstraint(DOMAIN.name, CheckConstraint("small", "VALUE < 10", not_valid=True)),
        ch.DropDomainConstraint(DOMAIN.name, CheckConstraint("small", "VALUE < 10")),
        ch.CreateCompositeType(CompositeType(Q("app", "pair"), (CompositeAttribute("a", "text", "C"),))),
        ch.DropCompositeType(CompositeType(Q("app", "pair"), ())),
        ch.CreateSequence(SEQUENCE),
        ch.DropSequence(SEQUENCE),
        ch.AlterSequence(SEQUENCE, Sequence(SEQUENCE.name, data_type="integer", max_value=99, cycle=True)),
        ch.AlterSequenceOwnedBy(SEQUENCE.name, None, (T, "id")),
        ch.AlterSequenceOwnedBy(SEQUENCE.name, (T, "id"), None),
        ch.CreateTable(table),
        ch.DropTable(table),
        ch.AddColumn(T, Column("note", "text", collation="C")),
        ch.DropColumn(T, OLD),
        ch.AlterColumn(
            T,
            OLD,
            Column("amount", "numeric(12,2)", not_null=True, collation=None, default="0.0"),
            ch.ColumnChange.TYPE | ch.ColumnChange.DEFAULT | ch.ColumnChange.NOT_NULL,
        ),
        ch.AlterColumn(T, OLD, Column("amount", "integer"), ch.ColumnChange.DEFAULT),
        ch.AlterColumn(
            T,
            Column("amount", "integer", not_null=True),
            Column("amount", "integer", not_null=True, identity=Identity(always=True, start=5)),
            ch.ColumnChange.IDENTITY,
        ),
        ch.AlterColumn(
            T,
            Column("amount", "integer", identity=Identity()),
            Column("amount", "integer", identity=Identity(always=True, increment=2, cycle=True)),
            ch.ColumnChange.IDENTITY,
        ),
        ch.AlterColumn(T, Column("amount", "integer", identity=Identity()), OLD, ch.ColumnChange.IDENTITY),
        ch.AlterColumn(
            T,
            Column("amount", "integer", generated="1"),
            Column("amount", "integer"),
            ch.ColumnChange.GENERATED,
        ),
        ch.AlterColumn(
            T,
            Column("amount", "integer", generated="1"),
            Column("amount", "integer", generated="2"),
            ch.ColumnChange.GENERATED,
        ),
        ch.AlterColumn(T, Column("n", "text"), Column("n", "text", collation="C"), ch.ColumnChange.COLLATION),
        ch.SetTableLogged(T, True),
        ch.SetTableLogged(T, False),
        ch.AddConstraint(T, fk),
        ch.AddConstraint(T, ForeignKey("orders_x_fkey", ("id",), T, ("id",), not_valid=True, match="FULL")),
        ch.AddConstraint(T, CheckConstraint("orders_amount_check", "amount > 0", not_valid=True)),
        ch.AddConstraint(T, UniqueConstraint("orders_amount_key", ("amount",), include=("id",))),
        ch.DropConstraint(T, fk),
        ch.CreateIndex(index),
        ch.DropIndex(index),
        *[
            ch.SetComment(kind, Q("app", "thing"), "it's", member="m", arguments=("integer", "app.status[]"))
            for kind in ch.COMMENT_KINDS
        ],
        ch.SetComment("table", T, None, "old"),
    ]
