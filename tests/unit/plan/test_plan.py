"""plan_changes: dependency order, stable ties, hazards from one table."""

from __future__ import annotations

import random

import pytest

from schemagen.diff import diff_catalogs
from schemagen.model import (
    Catalog,
    Column,
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
)
from schemagen.model import changes as ch
from schemagen.model.planned import Hazard
from schemagen.plan import PlanCycleError, plan_changes
from schemagen.plan.hazards import hazards_of
from schemagen.plan.refs import classes_with_rules
from tests.unit.change_kinds import change_kinds
from tests.unit.render.change_samples import every_change
from tests.unit.render.rich_catalog import rich_catalog
from tests.unit.render.test_render import change_classes

Q = QualifiedName


def _order(changes: list[ch.Change]) -> list[ch.Change]:
    return [p.change for p in plan_changes(changes)]


def _index(ordered: list[ch.Change], predicate) -> int:
    matches = [i for i, c in enumerate(ordered) if predicate(c)]
    assert len(matches) == 1, matches
    return matches[0]


def test_every_change_class_has_a_dependency_rule() -> None:
    assert set(change_classes()) == set(classes_with_rules())


def test_every_sample_change_can_be_planned_alone() -> None:
    for change in every_change():
        assert [p.change for p in plan_changes([change])] == [change]


def test_creation_order_follows_dependencies_not_names() -> None:
    # names chosen so that alphabetical order would be wrong everywhere
    base = Domain(Q("z", "zz_base"), "integer")
    derived = Domain(Q("z", "aa_derived"), "z.zz_base")
    status = EnumType(Q("z", "a_status"), ("x",))
    seq = Sequence(Q("z", "b_seq"))
    parent = Table(
        Q("z", "zz_parent"),
        (
            Column("id", "z.aa_derived"),
            Column("s", "z.a_status"),
            Column("n", "bigint", default="nextval('z.b_seq')"),
        ),
        primary_key=PrimaryKey("zz_parent_pkey", ("id",)),
        partition_by=PartitionSpec("list", ("s",)),
    )
    child = Table(
        Q("z", "aa_child"), parent.columns, partition_of=PartitionBound(parent.name, values_in=("'x'",))
    )
    referencing = Table(
        Q("a", "aa_ref"),
        (Column("pid", "z.aa_derived"),),
        foreign_keys=(ForeignKey("aa_ref_pid_fkey", ("pid",), parent.name, ("id",)),),
    )
    index = Index(Q("z", "a_idx"), parent.name, (IndexElement("s"),))
    catalog = Catalog.of(
        schemas=[Schema("z"), Schema("a")],
        extensions=[Extension("zz_ext", schema="a")],
        domains=[base, derived],
        enums=[status],
        sequences=[seq],
        tables=[parent, child, referencing],
        indexes=[index],
    )
    ordered = _order(diff_catalogs(Catalog(), catalog))
    at = {type(c).__name__ + ":" + _name(c): i for i, c in enumerate(ordered)}
    assert at["CreateSchema:a"] < at["CreateExtension:zz_ext"]
    assert at["CreateSchema:z"] < at["CreateDomain:z.zz_base"] < at["CreateDomain:z.aa_derived"]
    assert at["CreateExtension:zz_ext"] < at["CreateDomain:z.zz_base"]
    assert at["CreateDomain:z.aa_derived"] < at["CreateTable:z.zz_parent"]
    assert at["CreateEnum:z.a_status"] < at["CreateTable:z.zz_parent"]
    assert at["CreateSequence:z.b_seq"] < at["CreateTable:z.zz_parent"]
    assert at["CreateTable:z.zz_parent"] < at["CreateTable:z.aa_child"]
    assert at["CreateTable:z.zz_parent"] < at["CreateIndex:z.a_idx"]
    assert at["CreateTable:a.aa_ref"] < at["AddConstraint:aa_ref_pid_fkey"]
    assert at["CreateTable:z.zz_parent"] < at["AddConstraint:aa_ref_pid_fkey"]


def _name(change: ch.Change) -> str:
    for attr in ("schema", "extension", "enum", "domain", "type", "sequence", "table", "index", "constraint"):
        value = getattr(change, attr, None)
        if value is not None and not isinstance(value, Q):
            return str(value.name)
    return "?"


def test_fk_waits_for_the_key_it_references() -> None:
    target = Q("s", "target")
    pk = PrimaryKey("target_pkey", ("id",))
    fk = ForeignKey("src_fkey", ("tid",), target, ("id",))
    changes = [ch.AddConstraint(Q("s", "a_src"), fk), ch.AddConstraint(target, pk)]
    assert _order(changes) == [changes[1], changes[0]]


def test_drops_run_in_reverse_dependency_order() -> None:
    ordered = _order(diff_catalogs(rich_catalog(), Catalog()))
    position = {(type(c).__name__, _name(c)): i for i, c in enumerate(ordered)}
    assert position[("DropTable", "tasks.events_2026_01")] < position[("DropTable", "tasks.events")]
    assert position[("DropTable", "tasks.shards_0_eu")] < position[("DropTable", "tasks.shards_0")]
    assert position[("DropTable", "agents.registry")] < position[("DropDomain", "agents.agent_id")]
    assert position[("DropDomain", "agents.positive_id")] < position[("DropDomain", "agents.agent_id")]
    assert position[("DropTable", "agents.registry")] < position[("DropSequence", "agents.ticket_seq")]
    assert position[("DropTable", "tasks.queue")] < position[("DropCompositeType", "tasks.money")]
    assert position[("DropConstraint", "queue_agent_id_fkey")] < position[("DropTable", "agents.registry")]
    assert position[("DropTable", "agents.registry")] < position[("DropSchema", "agents")]
    assert max(i for (kind, _), i in position.items() if kind not in ("DropExtension", "DropSchema")) < min(
        i for (kind, _), i in position.items() if kind == "DropExtension"
    )


def test_replacement_drops_before_it_creates() -> None:
    index = Index(Q("s", "i"), Q("s", "t"), (IndexElement("a"),))
    changes = [ch.CreateIndex(index), ch.DropIndex(index)]
    assert _order(changes) == [changes[1], changes[0]]


def test_enum_values_follow_each_other() -> None:
    e = Q("s", "e")
    changes = [ch.AddEnumValue(e, "c", after="b"), ch.AddEnumValue(e, "b", after="a")]
    assert _order(changes) == [changes[1], changes[0]]


def test_column_alter_before_old_type_is_dropped() -> None:
    old_type = EnumType(Q("s", "old"), ("a",))
    alter = ch.AlterColumn(Q("s", "t"), Column("c", "s.old"), Column("c", "text"), ch.ColumnChange.TYPE)
    changes = [ch.DropEnum(old_type), alter]
    assert _order(changes) == [alter, changes[0]]


def test_comment_follows_its_object() -> None:
    ordered = _order(diff_catalogs(Catalog(), rich_catalog()))
    for i, change in enumerate(ordered):
        if isinstance(change, ch.SetComment) and change.kind == "index":
            assert isinstance(ordered[i - 1], ch.CreateIndex)
            assert ordered[i - 1].index.name == change.name


def test_plan_is_deterministic_and_valid_for_any_input_order() -> None:
    changes = diff_catalogs(Catalog(), rich_catalog())
    first = plan_changes(changes)
    assert plan_changes(changes) == first
    shuffled = list(changes)
    random.Random(7).shuffle(shuffled)
    again = [p.change for p in plan_changes(shuffled)]
    assert sorted(map(repr, again)) == sorted(map(repr, changes))
    creates = {c.table.name: i for i, c in enumerate(again) if isinstance(c, ch.CreateTable)}
    for i, c in enumerate(again):
        if isinstance(c, ch.AddConstraint):
            assert creates[c.table] < i and creates[c.constraint.ref_table] < i


def test_cycle_is_reported() -> None:
    a = Domain(Q("s", "a"), "s.b")
    b = Domain(Q("s", "b"), "s.a")
    with pytest.raises(PlanCycleError):
        plan_changes([ch.CreateDomain(a), ch.CreateDomain(b)])


def test_hazards_come_from_the_lookup_table() -> None:
    table = Table(Q("s", "t"), ())
    assert hazards_of(ch.DropTable(table)) == (Hazard.ACCESS_EXCLUSIVE_LOCK, Hazard.DELETES_DATA)
    assert hazards_of(ch.CreateTable(table)) == ()
    assert Hazard.TABLE_REWRITE in hazards_of(
        ch.AlterColumn(table.name, Column("a", "integer"), Column("a", "bigint"), ch.ColumnChange.TYPE)
    )
    assert Hazard.TABLE_REWRITE not in hazards_of(
        ch.AlterColumn(
            table.name, Column("a", "integer"), Column("a", "integer", default="1"), ch.ColumnChange.DEFAULT
        )
    )
    assert hazards_of(ch.AddEnumValue(Q("s", "e"), "x")) == (Hazard.IRREVERSIBLE, Hazard.USABLE_AFTER_COMMIT)
    assert Hazard.ENUM_REBUILD in hazards_of(
        ch.RebuildEnum(EnumType(Q("s", "e"), ()), EnumType(Q("s", "e"), ()))
    )


def test_plan_carries_hazards() -> None:
    plan = plan_changes(diff_catalogs(rich_catalog(), Catalog()))
    assert Hazard.DELETES_DATA in plan.hazards
    assert plan_changes([]).hazards == frozenset()


def test_code_objects_follow_what_they_use() -> None:
    ordered = _order(diff_catalogs(Catalog(), rich_catalog()))

    def first(predicate) -> int:
        return next(i for i, c in enumerate(ordered) if predicate(c))

    create_table = {c.table.name.name: i for i, c in enumerate(ordered) if isinstance(c, ch.CreateTable)}
    functions = {
        c.function.name.name: i for i, c in enumerate(ordered) if type(c).__name__ == "CreateFunction"
    }
    views = {c.view.name.name: i for i, c in enumerate(ordered) if type(c).__name__ == "CreateView"}
    roles = {c.role.name: i for i, c in enumerate(ordered) if type(c).__name__ == "CreateRole"}
    # a function used by a CHECK comes before the table; a SQL function reading a table after it
    assert functions["is_positive"] < create_table["registry"]
    assert create_table["queue"] < functions["queue_count"]
    # views after their tables, functions and the views they read
    assert create_table["registry"] < views["active_agents"] < views["active_types"]
    assert functions["queue_count"] < views["queue_stats"]
    index = first(lambda c: isinstance(c, ch.CreateIndex) and c.index.name.name == "queue_stats_n_idx")
    assert views["queue_stats"] < index
    trigger = first(lambda c: type(c).__name__ == "CreateTrigger")
    assert functions["touch"] < trigger and create_table["registry"] < trigger
    policy = first(lambda c: type(c).__name__ == "CreatePolicy")
    assert roles["schemagen_test_reader"] < policy
    assert roles["schemagen_test_reader"] < roles["schemagen_test_writer"]
    grant = first(
        lambda c: type(c).__name__ == "GrantPrivileges" and str(c.grant.target) == "agents.active_agents"
    )
    assert views["active_agents"] < grant
    rows = first(lambda c: type(c).__name__ == "UpsertReferenceRows")
    assert create_table["settings"] < rows


def test_schema_owner_role_is_created_first() -> None:
    from schemagen.model import Role

    catalog = Catalog.of(schemas=[Schema("a_app", owner="z_owner")], roles=[Role("z_owner")])
    ordered = _order(diff_catalogs(Catalog(), catalog))
    assert change_kinds(ordered) == ["CreateRole", "CreateSchema", "SetOwner"]


def test_changes_on_tables_created_by_the_plan_carry_no_lock_hazards() -> None:
    plan = plan_changes(diff_catalogs(Catalog(), rich_catalog()))
    for planned in plan:
        if isinstance(planned.change, ch.CreateIndex | ch.AddConstraint):
            assert planned.hazards == (), planned
    existing = Table(Q("s", "t"), (Column("a", "integer"),))
    index = Index(Q("s", "t_a_idx"), existing.name, (IndexElement("a"),))
    later = plan_changes(
        diff_catalogs(Catalog.of(tables=[existing]), Catalog.of(tables=[existing], indexes=[index]))
    )
    assert later.changes[0].hazards == (Hazard.INDEX_BUILD_BLOCKS_WRITES,)
