"""The relation namespace: a name is taken only after the relation that held it is gone."""

from __future__ import annotations

from schemagen.diff import diff_catalogs
from schemagen.model import (
    Catalog,
    Column,
    Index,
    IndexElement,
    PrimaryKey,
    QualifiedName,
    Schema,
    Sequence,
    Table,
)
from schemagen.model import changes as ch
from schemagen.plan import plan_changes

Q = QualifiedName
_SEQ = Sequence(Q("app", "old_n_seq"))


def _table(name: str, *, owns: bool = False, key: str | None = None) -> Table:
    columns = (Column("id", "integer", not_null=True), *((Column("n", "bigint"),) if owns else ()))
    return Table(Q("app", name), columns, primary_key=PrimaryKey(key, ("id",)) if key else None)


def _index(name: str, table: str) -> Index:
    return Index(Q("app", name), Q("app", table), (IndexElement("id"),))


def _order(old: Catalog, new: Catalog) -> list[ch.Change]:
    return [p.change for p in plan_changes(diff_catalogs(old, new), old=old)]


def _position(ordered: list[ch.Change], kind: type, name: str) -> int:
    return next(i for i, c in enumerate(ordered) if isinstance(c, kind) and name in repr(c))


def test_an_index_name_moves_to_another_table_after_its_table_is_dropped() -> None:
    # the sequence's owner changes, which holds the DROP TABLE back until after the sequences
    # (a drop late in the plan is what once let the new index take the name first)
    old = Catalog.of(
        schemas=[Schema("app")],
        tables=[_table("old", owns=True)],
        sequences=[Sequence(_SEQ.name, owned_by=(Q("app", "old"), "n"))],
        indexes=[_index("shared_idx", "old")],
    )
    new = Catalog.of(
        schemas=[Schema("app")],
        tables=[_table("new")],
        sequences=[_SEQ],
        indexes=[_index("shared_idx", "new")],
    )
    changes = diff_catalogs(old, new)
    drop = next(c for c in changes if isinstance(c, ch.DropTable))
    assert drop.indexes == (Q("app", "shared_idx"),)
    ordered = _order(old, new)
    assert _position(ordered, ch.DropTable, "'old'") < _position(ordered, ch.CreateIndex, "shared_idx")


def test_a_key_takes_the_name_of_a_dropped_index_only_after_the_drop() -> None:
    old = Catalog.of(
        schemas=[Schema("app")],
        tables=[_table("old", owns=True), _table("t")],
        sequences=[Sequence(_SEQ.name, owned_by=(Q("app", "old"), "n"))],
        indexes=[_index("t_key", "old")],
    )
    new = Catalog.of(schemas=[Schema("app")], tables=[_table("t", key="t_key")], sequences=[_SEQ])
    ordered = _order(old, new)  # the key is built from a concurrent index of its name
    assert _position(ordered, ch.DropTable, "'old'") < _position(ordered, ch.CreateIndex, "t_key")
